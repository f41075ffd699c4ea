#!/usr/bin/env bash
# Builds Lectern's page:
#   dist/lectern.html   one self-contained file; open it by double-click (file://)
#   dist/site/          the same viewer for static hosting (index.html, .js, .wasm, archive.json)
# Installs what is missing first (Debian packages; SDL2 and Dear ImGui built for
# wasm once per machine into ~/.cache/lectern).
#
#   ./build-wasm.sh          build
#   ./build-wasm.sh --open   build, then open dist/lectern.html in the desktop's browser
#   ./build-wasm.sh --checked  also dist/checked/lectern.html, with Emscripten's
#                            run-time checks (-sASSERTIONS=2 -sSAFE_HEAP=1), for the tests
#   ./build-wasm.sh --library=DIR  dist/site carries the library packed in DIR (lectern-tool
#                            pack -o DIR) as library/, and opens it in place of archive.json
set -euo pipefail
cd "$(dirname "$0")"
source tools/deps.sh

open_after=""
checked=""
library=()
for arg in "$@"; do
    case $arg in
        --open) open_after=1 ;;
        --checked) checked=1 ;;
        --library=*) library=("$(cd "${arg#--library=}" && pwd)") ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "build-wasm.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
    esac
done

lectern_deps_apt "${LECTERN_NATIVE_PKGS[@]}" "${LECTERN_WASM_PKGS[@]}"
lectern_deps_sdl2_wasm
lectern_deps_imgui wasm

build=build/wasm
emcmake cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release \
    -DLECTERN_IMGUI_DIR="$IMGUI_PREFIX" -DLECTERN_SDL2_WASM_DIR="$SDL2_WASM" \
    -DLECTERN_MD4C_SRC="$MD4C_SRC" -DLECTERN_UTF8PROC_SRC="$UTF8PROC_SRC" >/dev/null
cmake --build "$build" -j"$(nproc)"

python3 web/assemble.py single "$build" data/serge.json dist/lectern.html
python3 web/assemble.py site "$build" data/serge.json dist/site "${library[@]}"
if [ -n "$checked" ]; then
    cmake --build "$build" --target lectern_checked -j"$(nproc)"
    python3 web/assemble.py single "$build" data/serge.json dist/checked/lectern.html lectern-checked.js
fi

size() { du -h "$1" | cut -f1; }
cat <<MSG

Built:
  dist/lectern.html  ($(size dist/lectern.html))  the single file: open it by double-click, or copy it anywhere
  dist/site/         ($(size dist/site))  for a static server, e.g.  python3 -m http.server -d dist/site 8000
MSG

if [ -n "$open_after" ]; then
    page=$(realpath dist/lectern.html)
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && command -v xdg-open >/dev/null; then
        xdg-open "file://$page" >/dev/null 2>&1 &
        echo "Opening file://$page"
    else
        echo "No desktop here to open a browser on; open file://$page in your browser."
    fi
fi
