// The page bridge: exported entry points for window.lectern, and calls into the
// page's script. Each function has its web and native branch here, not in callers.
#include "platform/page_bridge.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>

namespace {
lectern::Session* g_session = nullptr;
std::string g_reply;  // keeps the last reply alive until the page has read it
}  // namespace

// Called by web/lectern-page.js; the returned string is valid until the next call.
extern "C" {
EMSCRIPTEN_KEEPALIVE const char* lectern_state() {
    g_reply = g_session ? g_session->state_json() : std::string("null");
    return g_reply.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* lectern_command(const char* json) {
    g_reply = g_session ? g_session->command(json) : std::string(R"({"ok":false,"error":"not started"})");
    return g_reply.c_str();
}
}

EM_JS(void, js_first_frame, (), {
    if (Module.onFirstFrame) Module.onFirstFrame();
});
EM_JS(void, js_open_url, (const char* url), {
    var u = UTF8ToString(url);
    if (/^https?:/i.test(u)) window.open(u, '_blank', 'noopener,noreferrer');
});
EM_JS(double, js_inner_width, (), { return window.innerWidth; });
EM_JS(double, js_inner_height, (), { return window.innerHeight; });
#else
#include <SDL.h>
#endif

namespace lectern::platform {

void bridge_attach(Session* session) {
#ifdef __EMSCRIPTEN__
    g_session = session;
#else
    (void)session;
#endif
}

void bridge_first_frame() {
#ifdef __EMSCRIPTEN__
    js_first_frame();
#endif
}

void bridge_open_url(const std::string& url) {
    // Only web links leave the viewer; the views never offer anything else, but be sure.
    if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) return;
#ifdef __EMSCRIPTEN__
    js_open_url(url.c_str());
#else
    SDL_OpenURL(url.c_str());
#endif
}

bool bridge_viewport(int& width, int& height, float& pixel_ratio) {
#ifdef __EMSCRIPTEN__
    width = static_cast<int>(js_inner_width());
    height = static_cast<int>(js_inner_height());
    pixel_ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    return true;
#else
    (void)width;
    (void)height;
    (void)pixel_ratio;
    return false;
#endif
}

}  // namespace lectern::platform
