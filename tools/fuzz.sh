#!/usr/bin/env bash
# Builds Lectern's libFuzzer targets (tests/fuzz) with clang in build/fuzz and runs each for a
# bounded time on a scratch copy of its seed corpus (tests/fuzz/corpus/TARGET/ and the files
# tests/fuzz/seeds.txt names): the repository is never written to.
#
#   tools/fuzz.sh                          every target, LECTERN_FUZZ_SECONDS (default 30) s each
#   tools/fuzz.sh --seconds 600 date mia_import   the named targets (fuzz_ prefix optional)
#   tools/fuzz.sh --jobs 1                 one target at a time (default: two at once at most)
#   tools/fuzz.sh --build-only             build, run nothing
#
# Prints one line per target: runs, edge coverage (cov:), features (ft:), corpus size, result.
# Exits non-zero when a target finds a crash, a broken promise, a timeout (-timeout=10), a leak
# or runs out of memory (-rss_limit_mb=2048); the input is in build/fuzz/artifacts/TARGET/ and
# the log in build/fuzz/logs/TARGET.log. Replay one: build/fuzz/tests/fuzz/fuzz_date FILE
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/deps.sh

# clang and its runtime (libFuzzer, sanitizers); llvm-14 for llvm-symbolizer (readable stacks).
LECTERN_FUZZ_PKGS=(clang libclang-rt-14-dev llvm-14)
# Per target: the longest input worth trying. Dates and links are short; archives and pages
# are allowed a few times their seed's size, so runs stay at thousands of inputs a second.
declare -A MAX_LEN=([date]=64 [fragment]=4200 [markdown]=8192 [mia_import]=16384 [archive]=32768 [session]=4096 [image_header]=4096 [library]=16384)
ALL_TARGETS=(date archive mia_import markdown fragment session image_header library)

seconds=${LECTERN_FUZZ_SECONDS:-30}
jobs=2
build_only=0
targets=()
while [ $# -gt 0 ]; do
    case $1 in
        --seconds) seconds=$2; shift ;;
        --seconds=*) seconds=${1#*=} ;;
        --jobs) jobs=$2; shift ;;
        --jobs=*) jobs=${1#*=} ;;
        --build-only) build_only=1 ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        -*) echo "fuzz.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
        *) targets+=("${1#fuzz_}") ;;
    esac
    shift
done
[ ${#targets[@]} -gt 0 ] || targets=("${ALL_TARGETS[@]}")
for t in "${targets[@]}"; do
    [ -n "${MAX_LEN[$t]:-}" ] || { echo "fuzz.sh: no target '$t' (known: ${ALL_TARGETS[*]})" >&2; exit 2; }
done
[[ $seconds =~ ^[0-9]+$ ]] && [ "$seconds" -gt 0 ] || { echo "fuzz.sh: --seconds wants a whole number" >&2; exit 2; }
[ "$jobs" -ge 1 ] 2>/dev/null || jobs=1
[ "$jobs" -gt "$(nproc)" ] && jobs=$(nproc)

lectern_deps_apt "${LECTERN_NATIVE_PKGS[@]}" "${LECTERN_FUZZ_PKGS[@]}"
lectern_deps_imgui native  # the top-level project needs it configured; also fetches md4c
probe=$(mktemp -d)
printf 'extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long) { return 0; }\n' > "$probe/p.cpp"
if ! clang++ -fsanitize=fuzzer,address,undefined "$probe/p.cpp" -o "$probe/p" 2>"$probe/err"; then
    cat "$probe/err" >&2
    echo "fuzz.sh: clang++ cannot link a libFuzzer target; is libclang-rt-14-dev (clang's runtime) installed?" >&2
    exit 1
fi
rm -rf "$probe"

build=build/fuzz
echo "== fuzzing: build ($build, clang -fsanitize=fuzzer,address,undefined)"
cmake -S . -B "$build" -DLECTERN_FUZZ=ON -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
    -DLECTERN_IMGUI_DIR="$IMGUI_PREFIX" -DLECTERN_MD4C_SRC="$MD4C_SRC" >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}"
[ "$build_only" = 1 ] && exit 0

symbolizer=$(command -v llvm-symbolizer-14 || command -v llvm-symbolizer || true)
[ -n "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH=$symbolizer
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

root=$PWD
mkdir -p "$build/logs" "$build/artifacts" "$build/work"

# copy_seeds TARGET DIR: the target's seeds kept elsewhere (tests/fuzz/seeds.txt) into DIR,
# named by their path (tests/hostile/bom.json becomes tests-hostile-bom.json).
copy_seeds() {
    local t=$1 dir=$2 target where f rel
    while read -r target where; do
        [ "$target" = "$t" ] || continue
        for f in "$root"/$where; do
            [ -f "$f" ] || { echo "fuzz.sh: no seed $where (tests/fuzz/seeds.txt)" >&2; return 1; }
            rel=${f#"$root"/}
            cp "$f" "$dir/${rel//\//-}"
        done
    done < <(grep -v '^#' "$root/tests/fuzz/seeds.txt")
}

# run_one TARGET: fuzzes a fresh copy of the seeds; writes logs/TARGET.log and logs/TARGET.line.
run_one() {
    local t=$1 bin=$root/$build/tests/fuzz/fuzz_$1 work=$root/$build/work/$1
    local art=$root/$build/artifacts/$1 log=$root/$build/logs/$1.log
    rm -rf "$work" "$art" && mkdir -p "$work" "$art"
    cp -r "$root/tests/fuzz/corpus/$t/." "$work/"
    copy_seeds "$t" "$work"
    local dict=()
    [ -f "$root/tests/fuzz/dict/$t.dict" ] && dict=(-dict="$root/tests/fuzz/dict/$t.dict")
    local start=$SECONDS rc=0
    # The braces' 2>/dev/null keeps bash's own "Aborted" line out: the log has the story.
    { "$bin" "$work" "${dict[@]}" -max_total_time="$seconds" -max_len="${MAX_LEN[$t]}" -timeout=10 \
        -rss_limit_mb=2048 -artifact_prefix="$art/" -print_final_stats=1 >"$log" 2>&1; } 2>/dev/null || rc=$?
    local took=$((SECONDS - start))
    local last runs cov ft corp result
    last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -n1 || true)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
    [ -n "$runs" ] || runs=$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$last")
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9]*[a-zA-Z]*\).*/\1/p' <<<"$last")
    if [ "$rc" = 0 ]; then result=ok
    elif grep -q 'ERROR: libFuzzer: timeout' "$log"; then result=TIMEOUT
    elif grep -qE 'ERROR: libFuzzer: out-of-memory|malloc\(.*\) exceeds limit' "$log"; then result=OOM
    elif grep -q 'ERROR: LeakSanitizer' "$log"; then result=LEAK
    else result=CRASH
    fi
    [ "$result" != ok ] && result="$result (exit $rc; see $build/logs/$t.log, input in $build/artifacts/$t/)"
    printf 'fuzz_%-11s %10s runs in %4ss  cov: %-5s ft: %-6s corpus: %-12s %s\n' \
        "$t" "${runs:-?}" "$took" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result" >"$root/$build/logs/$t.line"
    [ "$rc" = 0 ]
}

echo "== fuzzing: ${#targets[@]} targets, ${seconds} s each, $jobs at a time"
rm -f "$build"/logs/*.line
pids=()
for t in "${targets[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
    run_one "$t" &
    pids+=($!)
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
for t in "${targets[@]}"; do cat "$build/logs/$t.line"; done
if [ "$status" != 0 ]; then
    echo "fuzz.sh: FAILED: a target found a problem (artifacts in $build/artifacts/)"
    exit 1
fi
echo "fuzz.sh: no crash, timeout, leak or OOM in ${#targets[@]} targets"
