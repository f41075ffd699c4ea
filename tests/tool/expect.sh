#!/usr/bin/env bash
# Runs a command and checks its exit status and that its output (stdout and
# stderr together, newlines read as spaces) matches a pattern:
#   expect.sh STATUS REGEX -- COMMAND...
set -u
want_status=$1 pattern=$2
shift 3
out=$("$@" 2>&1)
status=$?
printf '%s\n' "$out"
if [ "$status" != "$want_status" ]; then
    echo "expect.sh: exit status $status, expected $want_status" >&2
    exit 1
fi
if ! tr '\n' ' ' <<<"$out" | grep -Eq -- "$pattern"; then
    echo "expect.sh: output does not match /$pattern/" >&2
    exit 1
fi
