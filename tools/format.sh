#!/usr/bin/env bash
# Formats Lectern's C++ with clang-format and the repository's .clang-format: every
# git-tracked *.cpp and *.h under src, tools, tests and bench (not tests/fuzz/corpus).
#
#   tools/format.sh           format those files in place
#   tools/format.sh --check   change nothing; list the files clang-format would change and
#                             exit 1 when there are any (0 when all are formatted)
#
# The style is pinned to Debian 12's clang-format (version 14); another version may lay
# some lines out differently. CLANG_FORMAT names another binary. A missing clang-format is
# installed from Debian (tools/deps.sh, LECTERN_FORMAT_PKGS).
set -euo pipefail
cd "$(dirname "$0")/.."

check=0
case ${1:-} in
    --check) check=1 ;;
    "") ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "format.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
esac

cf=${CLANG_FORMAT:-}
if [ -z "$cf" ]; then
    for c in clang-format clang-format-14; do
        command -v "$c" >/dev/null && { cf=$c; break; }
    done
fi
if [ -z "$cf" ]; then
    source tools/deps.sh
    lectern_deps_apt "${LECTERN_FORMAT_PKGS[@]}"
    cf=clang-format
fi
case $("$cf" --version) in
    *"version 14."*) ;;
    *) echo "format.sh: warning: $("$cf" --version) is not clang-format 14, which .clang-format is tuned for" >&2 ;;
esac

files=()
while IFS= read -r -d '' f; do
    case $f in tests/fuzz/corpus/*) continue ;; esac
    [ -f "$f" ] && files+=("$f")
done < <(git ls-files -z -- 'src/*.cpp' 'src/*.h' 'tools/*.cpp' 'tools/*.h' \
                            'tests/*.cpp' 'tests/*.h' 'bench/*.cpp' 'bench/*.h')
[ ${#files[@]} -gt 0 ] || { echo "format.sh: no C++ files found" >&2; exit 1; }

if [ "$check" = 0 ]; then
    "$cf" -i --style=file "${files[@]}"
    exit 0
fi

# One clang-format per file (its exit status names the file), several at a time.
unformatted=()
while IFS= read -r f; do
    unformatted+=("$f")
done < <(printf '%s\0' "${files[@]}" | CF=$cf xargs -0 -n 8 -P "$(nproc)" sh -c \
    'for f; do "$CF" --style=file --dry-run -Werror "$f" >/dev/null 2>&1 || echo "$f"; done' sh | LC_ALL=C sort)
if [ ${#unformatted[@]} -gt 0 ]; then
    printf '%s\n' "${unformatted[@]}"
    echo "format.sh: ${#unformatted[@]} of ${#files[@]} files are not formatted; run tools/format.sh to format them" >&2
    exit 1
fi
echo "format.sh: all ${#files[@]} files are formatted"
