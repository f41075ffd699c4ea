// The page bridge of the desktop viewer (SDL): there is no page around it, so most
// calls do nothing; the clipboard, links and downloads go through SDL and stdio.
#include <SDL.h>

#include <cstdio>

#include "embedded_font_rest.h"
#include "platform/page_bridge.h"
#include "platform/page_bridge_host.h"

namespace lectern::platform {

void bridge_attach(Session*, ui::TextFieldLink*, const FrameReport*, ui::FontRest*) {}
// The desktop viewer carries the whole faces: the rest is there the moment it is wanted.
bool bridge_fonts(ui::FontRest& fonts) {
    if (fonts.status != ui::FontRest::Status::wanted) return false;
    ui::give_font_rest(fonts, std::string(reinterpret_cast<const char*>(kFontRestPack), kFontRestPackSize));
    return true;
}
bool bridge_woken() { return false; }
void bridge_text_field(const ui::TextFieldLink&) {}
void bridge_first_frame() {}
void bridge_sync_link(const std::string&, const std::string&, bool) {}
void bridge_after_frame(const Session&) {}
void bridge_library(Session&) {}
bool bridge_viewport(int&, int&, float&) { return false; }  // SDL owns the window size

namespace host {

void open_url(const std::string& url) { SDL_OpenURL(url.c_str()); }
void copy_text(const std::string& text) { SDL_SetClipboardText(text.c_str()); }
// The desktop viewer has no URL: the fragment alone.
void copy_link(const std::string& fragment) { SDL_SetClipboardText(fragment.c_str()); }
void save_prefs(const std::string&) {}  // the desktop viewer keeps them for the session only
void open_file() {}
void open_full_view(const std::string&) {}  // the desktop viewer is the full viewer
// The desktop viewer saves beside where it was started and says so.
void download(const std::string& name, const std::string&, const std::string& bytes) {
    if (std::FILE* f = std::fopen(name.c_str(), "wb")) {
        std::fwrite(bytes.data(), 1, bytes.size(), f);
        std::fclose(f);
        std::fprintf(stderr, "lectern: saved %s\n", name.c_str());
    } else {
        std::fprintf(stderr, "lectern: cannot save %s\n", name.c_str());
    }
}

}  // namespace host
}  // namespace lectern::platform
