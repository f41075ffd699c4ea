#!/usr/bin/env bash
# Builds the whole native project (viewer, lectern-tool, every test) with AddressSanitizer,
# LeakSanitizer and UndefinedBehaviorSanitizer in build/asan, then runs all of ctest there.
# Exits non-zero when a test fails or any sanitizer reports anything, even in a test that
# passed (a report after a test's expected output would not change its verdict otherwise).
#
#   tools/sanitize.sh            build and run every test
#   tools/sanitize.sh -R REGEX   only the ctest tests matching REGEX (passed on to ctest)
#
# g++ is used, as for build/native: it links cleanly with the cached ImGui and Debian's
# libraries. -O1 -g1 (line tables: stacks still name file and line) keeps the build and the
# run to a few minutes each.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/deps.sh

case ${1:-} in -h|--help) sed -n '2,12p' "$0"; exit 0 ;; esac

lectern_deps_apt "${LECTERN_NATIVE_PKGS[@]}"
lectern_deps_imgui native

build=build/asan
san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
echo "== sanitizers: build ($build: g++ $san)"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLECTERN_IMGUI_DIR="$IMGUI_PREFIX" \
    -DCMAKE_C_COMPILER=gcc -DCMAKE_CXX_COMPILER=g++ \
    -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
    -DCMAKE_C_FLAGS="$san" -DCMAKE_CXX_FLAGS="$san" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
# The benchmarks are not tests: build what ctest runs.
cmake --build "$build" -j"$(nproc)" --target core_tests fold_table_tests bidi_tests ui_tests platform_tests tool_tests lectern lectern-tool

# Every report also goes to a file per process: the script fails on any file, whatever ctest
# concluded. abort_on_error makes a report end the process with SIGABRT, never with an exit
# status a tool test expects (lectern-tool exits 1 for an invalid archive).
# detect_stack_use_after_return stays off (gcc's default): it made the million-work tests 70%
# slower, and the libFuzzer runs (tools/fuzz.sh) cover the same code with clang's ASan.
logs=$PWD/$build/sanitizer-logs
rm -rf "$logs" && mkdir -p "$logs"
common="abort_on_error=1:halt_on_error=1:print_summary=1"
export ASAN_OPTIONS="$common:log_path=$logs/asan:detect_leaks=1:check_initialization_order=1:strict_init_order=1"
export UBSAN_OPTIONS="$common:log_path=$logs/ubsan:print_stacktrace=1"
# No log_path here (it would take over ASan's; leaks are reported through ASan's), only the
# libraries whose process-long caches are not leaks (tools/lsan.supp), and no table of the
# suppressions used: it would go to the log file and fail the run.
export LSAN_OPTIONS="suppressions=$PWD/tools/lsan.supp:print_suppressions=0"

# LeakSanitizer stops the process's threads with ptrace at exit; containers without the
# capability make it die with "LeakSanitizer has encountered a fatal error". Check once and
# turn off leaks only then (every other check stays on).
probe_dir=$(mktemp -d)
printf 'int main(){return 0;}\n' > "$probe_dir/p.c"
if gcc -fsanitize=address "$probe_dir/p.c" -o "$probe_dir/p" 2>/dev/null \
        && ! ASAN_OPTIONS=detect_leaks=1 "$probe_dir/p" >/dev/null 2>&1; then
    echo "sanitize.sh: LeakSanitizer cannot run here (no ptrace); leak detection is off, ASan and UBSan stay on" >&2
    export ASAN_OPTIONS="${ASAN_OPTIONS/detect_leaks=1/detect_leaks=0}"
fi
rm -rf "$probe_dir"

echo "== sanitizers: ctest in $build"
status=0
start=$SECONDS
(cd "$build" && ctest --output-on-failure -j"$(nproc)" "$@") || status=$?
echo "sanitize.sh: ctest took $((SECONDS - start)) s"

if compgen -G "$logs/*" >/dev/null; then
    echo "sanitize.sh: sanitizer reports:" >&2
    for f in "$logs"/*; do
        echo "--- $f" >&2
        head -n 60 "$f" >&2
    done
    [ "$status" = 0 ] && status=1
fi
if [ "$status" != 0 ]; then
    echo "sanitize.sh: FAILED (exit $status)"
    exit "$status"
fi
echo "sanitize.sh: all tests passed, no sanitizer reports"
