// The shell: SDL2 + OpenGL 3 natively, SDL2 + WebGL 2 on the web. Only the loop
// differs (emscripten_set_main_loop_arg on the web, a plain while natively).
//
//   lectern [archive.json]     default: the bundled archive
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "core/i18n/translate.h"
#include "core/timeline/pinch.h"
#include "core/session/session.h"
#include "core/session/stopwatch.h"
#include "platform/archive_source.h"
#ifndef __EMSCRIPTEN__
#include "platform/library_disk.h"
#endif
#include "platform/image_loader.h"
#include "platform/page_bridge.h"
#include "platform/text_shaper.h"
#include "ui/app.h"

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#else
#include <SDL_opengl.h>
#endif

namespace {

struct Shell {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    lectern::Session session;
    lectern::ui::UiState ui;
    std::unique_ptr<lectern::ui::TextShaper> shaper;  // draws what the embedded faces cannot
    std::string shown_title;
    float pixel_ratio = 0.0f;  // the device pixel ratio the canvas was last sized for
    bool first_frame_reported = false;
    bool running = true;
    // Idle: frames are drawn only while something happens, and a little after.
    int active_frames = 0;           // at least this many more frames
    std::uint32_t active_until = 0;  // and frames until this time (SDL ticks, ms)
    std::uint64_t seen_revision = ~0ull;
    const char* glsl = nullptr;     // the GLSL version the renderer was started with
    bool context_restored = false;  // WebGL came back: every GL object must be made again
    lectern::PinchTracker pinch;    // fingers on a touch screen
    std::string archive_dir;        // where the archive's relative image paths start (native)
#ifndef __EMSCRIPTEN__
    std::unique_ptr<lectern::platform::LibraryDisk> library;  // a library opened from disk (the page fetches its own)
#endif
};

// The reader's images as GL textures (ImGui's OpenGL3 backend draws a texture id as a GLuint).
ImTextureID create_texture(const std::uint8_t* rgba, int width, int height) {
    GLuint tex = 0;
    glGenTextures(1, &tex);
    if (!tex) return nullptr;
    GLint bound = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
    if (glGetError() != GL_NO_ERROR) {  // out of GPU memory: the session shows the alt text
        glDeleteTextures(1, &tex);
        return nullptr;
    }
    return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(tex));
}

// A rectangle of a texture replaced: a run of shaped text joins the run atlas (ui/run_atlas.h).
void update_texture(ImTextureID id, const std::uint8_t* rgba, int x, int y, int width, int height) {
    GLint bound = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(id)));
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
}

void destroy_texture(ImTextureID id) {
    const GLuint tex = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(id));
    glDeleteTextures(1, &tex);
}

// A frame's share of building the search index: the frame stays under 50 ms (docs/performance.md).
constexpr double kIndexMsPerFrame = 20.0;

// After the last input, keep drawing a few frames and half a second, so hover
// highlights and tooltips (which appear after a delay) settle before idling.
constexpr int kFramesAfterActivity = 3;
constexpr std::uint32_t kMsAfterActivity = 500;

#ifndef __EMSCRIPTEN__
// A library's folder, library.json or .lectern file: opened in place of what is shown, or
// false with `error` saying why (what is shown stays).
bool open_library(Shell& sh, const std::string& path, std::string& error) {
    std::unique_ptr<lectern::platform::LibraryDisk> disk = lectern::platform::LibraryDisk::open(path, error);
    if (!disk || !sh.session.open_library(disk->manifest(), error)) return false;
    sh.library = std::move(disk);
    sh.archive_dir = lectern::platform::folder_of(path);
    return true;
}
#endif

// Reads a file dropped on the window (natively; the page handles drops itself).
void load_dropped(Shell& sh, const char* path) {
    std::string error;
#ifndef __EMSCRIPTEN__
    if (lectern::platform::LibraryDisk::is_library_path(path)) {
        if (!open_library(sh, path, error)) sh.session.set_notice(std::string(path) + ": " + error);
        return;
    }
#endif
    char* argv[] = {nullptr, const_cast<char*>(path)};
    const auto text = lectern::platform::initial_archive(2, argv, error);
    if (!text) {
        sh.session.set_notice(error);
        return;
    }
    const lectern::LoadResult r = sh.session.load(text->text);
    if (r.ok()) sh.archive_dir = lectern::platform::folder_of(path);
    if (!r.ok()) {
        for (const auto& d : r.diagnostics) std::fprintf(stderr, "%s: %s\n", path, d.to_string().c_str());
        sh.session.set_notice(lectern::tr("notice.not_an_archive",
                                          {{"file", path}, {"reason", r.first_error(lectern::current_language())}}));
    }
}

// Keeps the canvas the size of the page, at the device's pixel ratio. True when it changed.
// The ratio is watched too: moving to a screen of another density (or browser zoom)
// may change it without a resize event, and SDL re-reads it only when sized again.
bool follow_viewport(Shell& sh) {
    int w = 0, h = 0;
    float ratio = 1.0f;
    if (!lectern::platform::bridge_viewport(w, h, ratio)) return false;
    int cw = 0, ch = 0;
    SDL_GetWindowSize(sh.window, &cw, &ch);
    if ((cw == w && ch == h && ratio == sh.pixel_ratio) || w <= 0 || h <= 0) return false;
    sh.pixel_ratio = ratio;
    SDL_SetWindowSize(sh.window, w, h);
    return true;
}

// Rasterises the fonts at the drawable's pixel density so text stays crisp, with the
// characters of the archive loaded (a new archive gets its own atlas).
void follow_fonts(Shell& sh) {
    int ww = 0, wh = 0, dw = 0, dh = 0;
    SDL_GetWindowSize(sh.window, &ww, &wh);
    SDL_GL_GetDrawableSize(sh.window, &dw, &dh);
    const float scale = ww > 0 ? static_cast<float>(dw) / static_cast<float>(ww) : 1.0f;
    const auto start = lectern::SteadyClock::now();
    if (scale <= 0.0f || !lectern::ui::update_fonts(sh.session, sh.ui, scale)) return;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    sh.session.timings().font_atlas = lectern::ms_since(start);
    ++sh.session.timings().font_atlases;
}

// Touch: one finger reaches ImGui as the mouse SDL makes of it (drag pans, tap
// selects); two fingers pinch-zoom the timeline, and while they are down SDL's
// made-up mouse is dropped so the pinch does not also drag. True when consumed.
bool follow_fingers(Shell& sh, const SDL_Event& e) {
    int w = 0, h = 0;
    SDL_GetWindowSize(sh.window, &w, &h);
    const bool was_pinching = sh.pinch.active();
    switch (e.type) {
        case SDL_FINGERDOWN: sh.pinch.down(e.tfinger.fingerId, e.tfinger.x * w, e.tfinger.y * h); break;
        case SDL_FINGERUP: sh.pinch.up(e.tfinger.fingerId); break;
        case SDL_FINGERMOTION: {
            const double f = sh.pinch.move(e.tfinger.fingerId, e.tfinger.x * w, e.tfinger.y * h);
            if (f != 1.0) {
                sh.ui.timeline.pinch_factor *= f;
                sh.ui.timeline.pinch_x = static_cast<float>(sh.pinch.centre_x());
            }
            break;
        }
        case SDL_MOUSEMOTION: return sh.pinch.active() && e.motion.which == SDL_TOUCH_MOUSEID;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP: return sh.pinch.active() && e.button.which == SDL_TOUCH_MOUSEID;
        default: return false;
    }
    // The second finger landed: the first one's press ends here rather than drag on.
    if (!was_pinching && sh.pinch.active()) ImGui::GetIO().AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    return false;
}

// Events since the last frame: SDL's, the pointer's fingers, a dropped file, a resized
// page, the page's text input. True when there was any input.
bool poll_input(Shell& sh) {
    SDL_Event e;
    bool input = false;
    while (SDL_PollEvent(&e)) {
        input = true;
        if (follow_fingers(sh, e)) continue;
        ImGui_ImplSDL2_ProcessEvent(&e);
        if (e.type == SDL_QUIT) sh.running = false;
        if (e.type == SDL_DROPFILE) {
            load_dropped(sh, e.drop.file);
            SDL_free(e.drop.file);
        }
    }
    input |= follow_viewport(sh);
    input |= lectern::platform::bridge_woken();
    return input;
}

// The browser dropped the GPU context (WEBGL_lose_context, a GPU reset) and gave it back
// empty: make the renderer's shaders, buffers and font again. True when it did.
bool restore_context(Shell& sh) {
    if (!sh.context_restored) return false;
    sh.context_restored = false;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplOpenGL3_Init(sh.glsl);
    sh.ui.reader.images.by_src.clear();           // the textures went with the context: load them again
    sh.ui.complex.atlas.hooks.destroy = nullptr;  // the run atlas's too: forget them, and make new ones
    sh.ui.complex.atlas.clear();
    sh.ui.complex.atlas.hooks.destroy = destroy_texture;
    sh.session.images().forget();
    return true;
}

// Idle is free: with no input, no command and nothing moving, draw nothing. True when
// this frame is skipped (natively after sleeping until something happens).
bool stay_idle(Shell& sh, bool input) {
    const std::uint32_t now = SDL_GetTicks();
    if (input || sh.session.revision() != sh.seen_revision || lectern::ui::ui_wants_frames(sh.ui) ||
        sh.session.indexing()) {
        sh.seen_revision = sh.session.revision();
        sh.active_frames = kFramesAfterActivity;
        sh.active_until = now + kMsAfterActivity;
    }
    // A clock that jumped backwards would keep the viewer awake until it caught up.
    if (SDL_TICKS_PASSED(sh.active_until, now + kMsAfterActivity)) sh.active_until = now + kMsAfterActivity;
    if (sh.first_frame_reported && sh.active_frames <= 0 && SDL_TICKS_PASSED(now, sh.active_until)) {
#ifndef __EMSCRIPTEN__
        SDL_WaitEventTimeout(nullptr, 100);  // natively, sleep until something happens
#endif
        return true;
    }
    --sh.active_frames;
    return false;
}

// What the viewer asked of the platform this frame: images to load, the rest to the page.
void dispatch_outgoing(Shell& sh) {
    for (const lectern::Outgoing& o : sh.session.take_outgoing()) {
        if (o.kind == lectern::Outgoing::Kind::load_image)
            lectern::platform::load_image(sh.session.images(), o.text, sh.archive_dir);
        else lectern::platform::bridge_send(o);
    }
}

// The interface for this frame, laid out into ImGui's draw lists. Returns the time it took (ms).
double lay_out(Shell& sh) {
    const auto start = lectern::SteadyClock::now();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    // Some browsers and headless clocks do not advance between frames; ImGui needs a positive step.
    ImGuiIO& io = ImGui::GetIO();
    if (!(io.DeltaTime > 0.0f)) io.DeltaTime = 1.0f / 1000.0f;
    ImGui::NewFrame();
    lectern::ui::draw_app(sh.session, sh.ui);
    dispatch_outgoing(sh);
    ImGui::Render();
    return lectern::ms_since(start);
}

// The draw lists to the screen. Returns the time it took (ms).
double draw(Shell& sh) {
    const auto start = lectern::SteadyClock::now();
    const ImGuiIO& io = ImGui::GetIO();
    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    const ImVec4 ground = lectern::ui::clear_colour();
    glClearColor(ground.x, ground.y, ground.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(sh.window);
    return lectern::ms_since(start);
}

// After a drawn frame: the page's text mirror, text input and URL, and the window's title.
void tell_page(Shell& sh) {
    sh.session.count_frame();
    lectern::platform::bridge_after_frame(sh.session);
    lectern::platform::bridge_library(sh.session);
#ifndef __EMSCRIPTEN__
    if (sh.library && sh.session.is_library()) sh.library->serve(sh.session);
#endif
    lectern::platform::bridge_text_field(sh.ui.search.field);
    if (sh.first_frame_reported)  // the page's own link was applied with the archive; follow from there
        lectern::platform::bridge_sync_link(sh.session.fragment(false), sh.session.fragment(true),
                                            lectern::ui::view_settled(sh.ui));
    const std::string& title = sh.session.archive().title;
    if (title != sh.shown_title) {
        sh.shown_title = title;
        SDL_SetWindowTitle(sh.window, (title.empty() ? std::string("Lectern") : title + " — Lectern").c_str());
    }
}

// The first frame with an archive: its times go to state().timings and the page hears of it.
void report_first_frame(Shell& sh, double layout_ms, double draw_ms) {
    if (sh.first_frame_reported || sh.session.archive().title.empty()) return;
    sh.first_frame_reported = true;
    sh.session.timings().first_layout = layout_ms;
    sh.session.timings().first_draw = draw_ms;
    lectern::platform::bridge_first_frame();
}

void frame(void* arg) {
    Shell& sh = *static_cast<Shell*>(arg);
    bool input = poll_input(sh);
    input |= restore_context(sh);
    if (stay_idle(sh, input)) return;
    // The search index of a large archive builds a slice per frame: the page keeps answering.
    // Not in the first frame, which a reader waits for.
    if (sh.first_frame_reported) sh.session.index_some(kIndexMsPerFrame);
    follow_fonts(sh);
    if (lectern::platform::bridge_fonts(sh.ui.font_rest)) follow_fonts(sh);  // natively, the rest at once
    const double layout_ms = lay_out(sh);
    const double draw_ms = draw(sh);
    tell_page(sh);
    report_first_frame(sh, layout_ms, draw_ms);
}

bool open_window(Shell& sh) {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "lectern: cannot start SDL: %s\n", SDL_GetError());
        return false;
    }
#ifdef __EMSCRIPTEN__
    const char* glsl = "#version 300 es";
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
    const char* glsl = "#version 150";
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
#endif
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    sh.window = SDL_CreateWindow("Lectern", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                                 SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!sh.window) {
        std::fprintf(stderr, "lectern: cannot open a window: %s\n", SDL_GetError());
        return false;
    }
    sh.gl = SDL_GL_CreateContext(sh.window);
    if (!sh.gl) {
        std::fprintf(stderr, "lectern: cannot create an OpenGL 3 context: %s\n", SDL_GetError());
        return false;
    }
    SDL_GL_MakeCurrent(sh.window, sh.gl);
    SDL_GL_SetSwapInterval(1);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui_ImplSDL2_InitForOpenGL(sh.window, sh.gl);
    ImGui_ImplOpenGL3_Init(glsl);
    sh.glsl = glsl;
#ifdef __EMSCRIPTEN__
    emscripten_set_webglcontextrestored_callback("#canvas", &sh, false, [](int, const void*, void* user) -> EM_BOOL {
        static_cast<Shell*>(user)->context_restored = true;
        return true;
    });
#endif
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    static Shell sh;                           // static: the web loop outlives main()
    sh.session.set_background_indexing(true);  // a large archive's search index builds between frames
    std::string error;
    bool library = false;  // a library named on the command line (natively) stands in for the archive
#ifndef __EMSCRIPTEN__
    if (argc >= 2 && lectern::platform::LibraryDisk::is_library_path(argv[1])) {
        if (!open_library(sh, argv[1], error)) {
            std::fprintf(stderr, "lectern: %s: %s\n", argv[1], error.c_str());
            return 1;
        }
        library = true;
    }
#endif
    const auto initial = library ? std::nullopt : lectern::platform::initial_archive(argc, argv, error);
    if (!error.empty()) {
        std::fprintf(stderr, "lectern: %s\n", error.c_str());
        return 2;
    }
    if (initial) {
        const lectern::LoadResult r = sh.session.load(initial->text);
        for (const auto& d : r.diagnostics)
            std::fprintf(stderr, "%s: %s\n", initial->name.c_str(), d.to_string().c_str());
        if (!r.ok()) return 1;
        if (argc >= 2) sh.archive_dir = lectern::platform::folder_of(argv[1]);
    }
    if (!open_window(sh)) return 1;
    follow_viewport(sh);
    lectern::ui::init_ui(sh.ui, 1.0f, &sh.session);
    sh.ui.reader.images.create = create_texture;
    sh.ui.reader.images.destroy = destroy_texture;
    sh.shaper = lectern::platform::make_text_shaper();
    sh.ui.complex.shaper = sh.shaper.get();
    sh.ui.complex.atlas.hooks = {create_texture, update_texture, destroy_texture};
    // No font atlas yet: the first frame builds it (follow_fonts). On the web the page
    // hands its archive over between main() and that frame, so the first atlas already
    // holds the archive's characters (docs/performance.md, "Time to first frame").
    lectern::platform::bridge_attach(&sh.session, &sh.ui.search.field, &sh.ui.report, &sh.ui.font_rest);

#ifdef __EMSCRIPTEN__
    emscripten_set_main_loop_arg(frame, &sh, 0, true);
#else
    while (sh.running) frame(&sh);
    sh.ui.complex.atlas.clear();  // while the GL context lives
    sh.ui.complex.atlas.hooks = {};
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(sh.gl);
    SDL_DestroyWindow(sh.window);
    SDL_Quit();
#endif
    return 0;
}
