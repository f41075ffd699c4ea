#!/usr/bin/env bash
# Installs and caches everything Lectern's builds need, so both README commands
# work on a fresh Debian 12 machine. Sourced by build-wasm.sh and run-tests.sh.
#
#   lectern_deps_apt  PKG...   install missing Debian packages (or print the command)
#   lectern_deps_sources       unpack the Debian source packages of ImGui, SDL2, md4c, utf8proc
#   lectern_deps_sdl2_wasm     build SDL2 for wasm once per version into the cache
#   lectern_deps_imgui BUILD   build ImGui (native|wasm) once per version into the cache
#
# The cache lives outside the clone (LECTERN_CACHE, default ~/.cache/lectern) and
# every entry is keyed by the version it holds.
set -euo pipefail

LECTERN_ROOT=${LECTERN_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
LECTERN_CACHE=${LECTERN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lectern}
IMGUI_VERSION=1.90.1
SDL2_VERSION=2.26.5
MD4C_VERSION=0.4.8      # bookworm's, the version libmd4c-dev links natively
UTF8PROC_VERSION=2.8.0  # bookworm's, as libutf8proc-dev
# SDL subsystems the page never uses (no sound, gamepads, rumble, battery, sensors,
# locale, SDL's 2D renderer or paths): left out of the wasm build, they are code the
# reader would download for nothing. The dummy and offscreen video drivers go too: the
# page only ever runs SDL's Emscripten driver, and those two bring a BMP writer (they can
# save frames as files). Bump SDL2_WASM_CONFIG when this list or the build below changes.
SDL2_WASM_OFF=(-DSDL_AUDIO -DSDL_JOYSTICK -DSDL_HAPTIC -DSDL_HIDAPI -DSDL_POWER -DSDL_SENSOR -DSDL_LOCALE
               -DSDL_RENDER -DSDL_FILESYSTEM -DSDL_MISC -DSDL_THREADS -DSDL_DUMMYVIDEO -DSDL_OFFSCREEN)
SDL2_WASM_CONFIG=min3
mkdir -p "$LECTERN_CACHE"

# Debian's emscripten runs under the machine's Node, which does not see Debian's acorn.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

log() { printf '[deps] %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
    else
        printf 'Lectern needs this command run as root first:\n  %s\n' "$*" >&2
        exit 1
    fi
}

LECTERN_APT_UPDATED=""
apt_update_once() {
    [ -n "$LECTERN_APT_UPDATED" ] && return 0
    as_root apt-get update -qq
    LECTERN_APT_UPDATED=1
}

lectern_deps_apt() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != 0 ] && ! { command -v sudo >/dev/null && sudo -n true 2>/dev/null; }; then
        printf 'Lectern needs these Debian packages. Run as root, then run this script again:\n  apt-get update && apt-get install -y --no-install-recommends %s\n' "${missing[*]}" >&2
        exit 1
    fi
    log "installing ${missing[*]} (log: $LECTERN_CACHE/apt.log)"
    apt_update_once
    if ! DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" \
            >"$LECTERN_CACHE/apt.log" 2>&1; then
        tail -n 20 "$LECTERN_CACHE/apt.log" >&2
        echo "could not install ${missing[*]}" >&2
        exit 1
    fi
}

# deb-src twins of the machine's own Debian entries, plus a source-only trixie
# entry (ImGui 1.90.1 is in trixie). The mirror comes from the machine's config.
ensure_deb_src() {
    local S=/etc/apt/sources.list.d
    [ -f $S/lectern-src.sources ] && return 0
    [ -f $S/debian.sources ] || { echo "no $S/debian.sources to derive deb-src entries from" >&2; exit 1; }
    local tmp; tmp=$(mktemp)
    sed 's/^Types: deb$/Types: deb-src/' $S/debian.sources > "$tmp"
    printf '\n' >> "$tmp"
    awk 'BEGIN{RS="";ORS="\n\n"} NR==1' $S/debian.sources \
        | sed -e 's/^Types: deb$/Types: deb-src/' -e 's/^Suites: .*/Suites: trixie/' >> "$tmp"
    as_root install -m 644 "$tmp" $S/lectern-src.sources
    rm -f "$tmp"
    as_root apt-get update -qq
    LECTERN_APT_UPDATED=1
}

# fetch_source PKG/SUITE TARBALL_GLOB DIRNAME: unpack one orig tarball into the cache.
fetch_source() {
    local spec=$1 glob=$2 dir=$3 src=$LECTERN_CACHE/src
    [ -d "$src/$dir" ] && return 0
    mkdir -p "$src"
    ensure_deb_src
    log "downloading Debian source $spec"
    # apt may fail on the .debian part after the orig tarball arrived: judge by the tarball.
    (cd "$src" && apt-get source --download-only "$spec" >/dev/null 2>&1 || true)
    local tarball; tarball=$(ls "$src"/$glob 2>/dev/null | head -n1)
    [ -n "$tarball" ] || { echo "could not download the Debian source package $spec" >&2; exit 1; }
    local tmp; tmp=$(mktemp -d "$src/unpack.XXXX")
    tar -xf "$tarball" -C "$tmp"
    mv "$tmp"/* "$src/$dir"
    rmdir "$tmp"
}

lectern_deps_sources() {
    lectern_deps_apt dpkg-dev xz-utils
    fetch_source "imgui/trixie" "imgui_${IMGUI_VERSION}*.orig.tar.*" "imgui-$IMGUI_VERSION"
    fetch_source "libsdl2/bookworm" "libsdl2_${SDL2_VERSION}*.orig.tar.*" "SDL2-$SDL2_VERSION"
    fetch_source "md4c/bookworm" "md4c_${MD4C_VERSION}*.orig.tar.*" "md4c-$MD4C_VERSION"
    fetch_source "utf8proc/bookworm" "utf8proc_${UTF8PROC_VERSION}*.orig.tar.*" "utf8proc-$UTF8PROC_VERSION"
    IMGUI_SRC=$LECTERN_CACHE/src/imgui-$IMGUI_VERSION
    SDL2_SRC=$LECTERN_CACHE/src/SDL2-$SDL2_VERSION
    # Small C libraries the wasm build compiles from source (natively: Debian's -dev packages).
    MD4C_SRC=$LECTERN_CACHE/src/md4c-$MD4C_VERSION
    UTF8PROC_SRC=$LECTERN_CACHE/src/utf8proc-$UTF8PROC_VERSION
}

# sed reads all of emcc's output: a 'head -n1' here could close the pipe early, and
# under pipefail emcc's SIGPIPE would fail the build at random.
emscripten_version() { emcc --version 2>/dev/null | sed -n '1s/.*) \([0-9.]*\).*/\1/p'; }

# source_patch FILE SED: one sed edit on a copy of a library's source (the unpacked one
# stays as Debian ships it), which must change the file.
source_patch() {
    local before; before=$(cksum < "$1")
    sed -i "$2" "$1"
    [ "$(cksum < "$1")" != "$before" ] || { echo "tools/deps.sh: '$2' no longer fits $1" >&2; exit 1; }
}

lectern_deps_sdl2_wasm() {
    lectern_deps_sources
    # The key names the subsystem set too: changing SDL2_WASM_OFF rebuilds once.
    SDL2_WASM=$LECTERN_CACHE/sdl2-$SDL2_VERSION-wasm-em$(emscripten_version)-$SDL2_WASM_CONFIG
    [ -f "$SDL2_WASM/lib/libSDL2.a" ] && return 0
    log "building SDL2 $SDL2_VERSION for wasm (once per machine, about 2 minutes)"
    local b=$LECTERN_CACHE/build/sdl2-wasm
    rm -rf "$b" && mkdir -p "$b"
    # SDL_LEAN_AND_MEAN (SDL's own switch, in SDL_internal.h) compiles out its optimised
    # software blitters, RLE surfaces and YUV (about 215 KB of wasm code): nothing on the
    # page draws with surfaces, ImGui draws with WebGL.
    # What surface code is left (conversion, the generic blitter, about 15 KB) only the
    # Emscripten driver's image cursors and window framebuffer reach, which the page never
    # uses: ImGui's SDL backend asks for system cursors only (SDL_CreateSystemCursor, which
    # become CSS cursor names) and draws with GL, not SDL_GetWindowSurface. So SDL is built
    # from a copy of its source (the unpacked one stays as Debian ships it) in which the
    # driver does not offer those two: SDL_CreateCursor and SDL_CreateColorCursor fail with
    # "Cursors are not currently supported", SDL_GetWindowSurface returns NULL.
    cp -a "$SDL2_SRC" "$b/src"
    local em=$b/src/src/video/emscripten
    source_patch "$em/SDL_emscriptenmouse.c" 's/mouse->CreateCursor *= Emscripten_CreateCursor;/(void)Emscripten_CreateCursor;/'
    source_patch "$em/SDL_emscriptenvideo.c" 's/device->[A-Za-z]*WindowFramebuffer = \(Emscripten_[A-Za-z]*\);/(void)\1;/'
    mkdir "$b/build"
    (cd "$b/build" && emcmake cmake "$b/src" -DCMAKE_BUILD_TYPE=Release -DSDL_SHARED=OFF -DSDL_STATIC=ON \
        -DCMAKE_C_FLAGS=-DSDL_LEAN_AND_MEAN=1 \
        -DSDL_TEST=OFF "${SDL2_WASM_OFF[@]/%/=OFF}" -DCMAKE_INSTALL_PREFIX="$SDL2_WASM.tmp" >/dev/null \
        && cmake --build . -j"$(nproc)" >/dev/null && cmake --install . >/dev/null)
    rm -rf "$SDL2_WASM" && mv "$SDL2_WASM.tmp" "$SDL2_WASM"
    rm -rf "$b"
}

# lectern_deps_imgui native|wasm: a static ImGui with the SDL2 + OpenGL3 backends.
lectern_deps_imgui() {
    local kind=$1
    lectern_deps_sources
    local key=$kind
    [ "$kind" = wasm ] && key=wasm-em$(emscripten_version)-lean1
    IMGUI_PREFIX=$LECTERN_CACHE/imgui-$IMGUI_VERSION-$key
    [ -f "$IMGUI_PREFIX/lib/libimgui.a" ] && return 0
    log "building Dear ImGui $IMGUI_VERSION ($kind, once per machine)"
    local b=$LECTERN_CACHE/build/imgui-$kind cfg=(cmake) src=$IMGUI_SRC
    rm -rf "$b" && mkdir -p "$b"
    local extra=()
    if [ "$kind" = wasm ]; then
        lectern_deps_sdl2_wasm
        cfg=(emcmake cmake)
        extra=(-DSDL2_INCLUDE_DIR="$SDL2_WASM/include/SDL2")
        # The page's wasm leaves out two things it never uses that ImGui would link anyway
        # (cache key -lean1; docs/performance.md, Footprint): the default font, ProggyClean
        # (12 KB of base85 in the data), added only when an atlas is built with no font,
        # which Lectern never does (ui/fonts.cpp adds its faces first); and gamepad reading,
        # which ImGui's SDL backend calls every frame but which does nothing unless
        # ImGuiConfigFlags_NavEnableGamepad is set (Lectern never sets it): the call keeps
        # SDL's game controller code and mappings linked.
        src=$b/src
        cp -a "$IMGUI_SRC" "$src"
        source_patch "$src/imgui_draw.cpp" 's/^\( *\)AddFontDefault();$/\1IM_ASSERT(0 \&\& "Lectern adds its own fonts first");/'
        source_patch "$src/backends/imgui_impl_sdl2.cpp" 's/^\( *\)ImGui_ImplSDL2_UpdateGamepads();$/\1(void)ImGui_ImplSDL2_UpdateGamepads;/'
    fi
    (cd "$b" && "${cfg[@]}" "$LECTERN_ROOT/cmake/imgui" -DCMAKE_BUILD_TYPE=Release \
        -DIMGUI_SRC="$src" -DCMAKE_INSTALL_PREFIX="$IMGUI_PREFIX.tmp" "${extra[@]}" >/dev/null \
        && cmake --build . -j"$(nproc)" >/dev/null && cmake --install . >/dev/null)
    rm -rf "$IMGUI_PREFIX" && mv "$IMGUI_PREFIX.tmp" "$IMGUI_PREFIX"
    rm -rf "$b"
}

# Packages for the native build and its tests; Pango and the Noto fonts draw the scripts
# the embedded DejaVu faces lack (platform/text_shaper_pango.cpp).
LECTERN_NATIVE_PKGS=(cmake make g++ pkg-config nlohmann-json3-dev libsdl2-dev catch2 fonts-dejavu-core
                     fonts-dejavu-extra python3 fonttools libmd4c-dev libmd4c-html0-dev libutf8proc-dev libstb-dev libwebp-dev
                     libpango1.0-dev fonts-noto-core fonts-noto-cjk zlib1g-dev
                     libfribidi-dev libicu-dev unicode-data)  # the last three: the bidi tests' oracles
# Packages for the wasm build (Debian's emscripten pulls binaryen, whose wasm-opt it runs
# at link time); zopfli packs the single file's wasm (web/assemble.py).
LECTERN_WASM_PKGS=(emscripten zopfli librsvg2-bin)  # rsvg-convert: the site's app icons
# Packages for the browser tests: the page draws the scripts DejaVu lacks with the browser's
# fonts (ui/text_shaper.h), so Chromium needs the same Noto fonts the desktop viewer uses.
# Firefox ESR and WebKitGTK (MiniBrowser, driven by WebKitWebDriver) run the tests written
# for every engine too (tests/web/engines.mjs), under Xvfb with Mesa's llvmpipe for their
# WebGL (neither has it headless here).
LECTERN_BROWSER_PKGS=(chromium fonts-noto-core fonts-noto-cjk firefox-esr webkit2gtk-driver xvfb xauth libgl1-mesa-dri
                      libegl-mesa0)
# The formatter tools/format.sh runs (its --check is a step of run-tests.sh); .clang-format
# is tuned for Debian 12's clang-format 14.
LECTERN_FORMAT_PKGS=(clang-format)
