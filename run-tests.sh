#!/usr/bin/env bash
# Runs every Lectern test: installs what is missing, builds natively and for wasm,
# then runs the Catch2 unit and UI tests (ctest), the same tests again under ASan and
# UBSan (tools/sanitize.sh), each libFuzzer target for a bounded time (tools/fuzz.sh)
# and the browser tests (tests/web/run.mjs: each written once and run in Chromium, Firefox
# ESR and WebKitGTK where their drivers can; Chromium also runs the site and the single file
# built with -sASSERTIONS=2 -sSAFE_HEAP=1 through the viewer's suite).
# Also checks the C++ is formatted (tools/format.sh --check). Exits non-zero on any failure.
#
#   ./run-tests.sh                    everything
#   ./run-tests.sh --screenshot       also refresh docs/screenshot.png (the README's)
#   ./run-tests.sh --fuzz-seconds N   fuzz each target N seconds (default: LECTERN_FUZZ_SECONDS or 30)
set -euo pipefail
cd "$(dirname "$0")"
source tools/deps.sh

shot_args=()
fuzz_args=()
while [ $# -gt 0 ]; do
    case $1 in
        --screenshot) shot_args=(--screenshot docs/screenshot.png) ;;
        --fuzz-seconds) [ $# -ge 2 ] || { echo "run-tests.sh: --fuzz-seconds wants a number" >&2; exit 2; }
                        fuzz_args=(--seconds "$2"); shift ;;
        --fuzz-seconds=*) fuzz_args=(--seconds "${1#*=}") ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "run-tests.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
    esac
    shift
done

lectern_deps_apt "${LECTERN_NATIVE_PKGS[@]}" "${LECTERN_WASM_PKGS[@]}" "${LECTERN_BROWSER_PKGS[@]}" \
                 "${LECTERN_FORMAT_PKGS[@]}"
lectern_deps_imgui native
command -v node >/dev/null || lectern_deps_apt nodejs npm
node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' \
    || { echo "run-tests.sh: the browser tests need Node.js 20 or later (playwright-core); found $(node --version)" >&2; exit 1; }

echo "== formatting (tools/format.sh --check)"
format_status=0
tools/format.sh --check || format_status=$?

echo "== native build and unit tests"
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLECTERN_IMGUI_DIR="$IMGUI_PREFIX" >/dev/null
cmake --build build/native -j"$(nproc)"
native_status=0
(cd build/native && ctest --output-on-failure -j"$(nproc)") || native_status=$?

echo "== sanitizers: every native test under ASan and UBSan"
sanitize_status=0
tools/sanitize.sh || sanitize_status=$?

echo "== fuzzing"
fuzz_status=0
tools/fuzz.sh "${fuzz_args[@]}" || fuzz_status=$?

echo "== wasm build (and the single file with Emscripten's run-time checks)"
./build-wasm.sh --checked

echo "== browser tests"
# The lock file pins playwright-core, puppeteer-core and selenium-webdriver; the registry
# comes from the machine's npm configuration.
if [ ! -d tests/web/node_modules/playwright-core ] || [ ! -d tests/web/node_modules/puppeteer-core ] \
        || [ ! -d tests/web/node_modules/selenium-webdriver ]; then
    (cd tests/web && npm ci --no-audit --no-fund --loglevel=error)
fi
browser_status=0
# Under a virtual display: Firefox and WebKitGTK draw WebGL only with one (Chromium runs headless either way).
xvfb-run -a -s "-screen 0 1400x1000x24" node tests/web/run.mjs --checked "${shot_args[@]}" || browser_status=$?

if [ "$native_status" != 0 ] || [ "$sanitize_status" != 0 ] || [ "$fuzz_status" != 0 ] || [ "$browser_status" != 0 ] \
        || [ "$format_status" != 0 ]; then
    echo "run-tests.sh: FAILED (native tests: exit $native_status, sanitizers: exit $sanitize_status," \
         "fuzzing: exit $fuzz_status, browser tests: exit $browser_status, formatting: exit $format_status)"
    [ "$format_status" = 0 ] || echo "run-tests.sh: unformatted C++ (listed above); fix with: tools/format.sh"
    exit 1
fi
echo "run-tests.sh: all tests passed"
