// The page bridge of the web viewer (Emscripten): exported entry points for
// window.lectern and web/*.js, and calls into the page's script.
#include <emscripten.h>

#include <cstdio>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/archive/media_source.h"
#include "core/export/html_mirror.h"
#include "core/i18n/translate.h"
#include "core/library/shard.h"
#include "core/session/protocol.h"
#include "platform/page_bridge.h"
#include "platform/page_bridge_host.h"

namespace {
lectern::Session* g_session = nullptr;
const lectern::FrameReport* g_report = nullptr;  // what the last frame drew, for state()
std::uint64_t g_mirrored_generation = ~0ull;  // the archive the page's text mirror holds (Session::archive_generation)
int g_mirrored_work = -2;
std::string g_reply;                      // keeps the last reply alive until the page has read it
std::string g_link_without_view, g_link;  // what the URL holds now
bool g_link_started = false;
lectern::ui::TextFieldLink* g_field = nullptr;  // the search box's end of the page's text input
std::string g_field_sent;                       // what the page's input was last told, to tell only changes
bool g_woken = false;
lectern::ui::FontRest* g_fonts = nullptr;  // where the page's answer for the fonts' rest goes
}  // namespace

// Called by web/lectern-page.js; the returned string is valid until the next call.
extern "C" {
EMSCRIPTEN_KEEPALIVE const char* lectern_state() {
    g_reply = g_session ? lectern::protocol::state_json(*g_session, *g_report) : std::string("null");
    return g_reply.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* lectern_command(const char* json) {
    g_reply =
        g_session ? lectern::protocol::command(*g_session, json) : std::string(R"({"ok":false,"error":"not started"})");
    return g_reply.c_str();
}
// The text mirror's HTML (web/mirror.js): 0 the archive's front matter and works,
// 1 the open work (empty on the front matter), 2 what to announce for the open work.
EMSCRIPTEN_KEEPALIVE const char* lectern_mirror(int what) {
    if (!g_session) return "";
    const lectern::Archive& a = g_session->archive();
    if (what == 0) g_reply = lectern::archive_mirror_html(a, g_session->items());
    else if (what == 1) g_reply = lectern::work_mirror_html(a, g_session->selected());
    else g_reply = lectern::work_announcement(a, g_session->selected());
    return g_reply.c_str();
}
// The page's text input (web/text-field.js) took or lost the focus, or now holds this
// text with the selection from anchor to cursor (byte offsets).
EMSCRIPTEN_KEEPALIVE void lectern_text_focus(int focused) {
    if (!g_field) return;
    (focused ? g_field->focus : g_field->blur) = true;
    g_woken = true;
}
EMSCRIPTEN_KEEPALIVE void lectern_text_edit(const char* value, int anchor, int cursor) {
    if (!g_field) return;
    g_field->edit = lectern::ui::TextFieldLink::Edit{value, anchor, cursor};
    g_woken = true;
}
// An image the viewer asked for (web/images.js): its bytes, for the header check before the
// browser decodes. Answers {"ok":true,"width","height","decode":[w,h],"mime"} or {"ok":false}
// (the session has the reason and shows the alt text).
EMSCRIPTEN_KEEPALIVE const char* lectern_image_bytes(const char* src, const char* bytes, int size) {
    if (!g_session) return "{\"ok\":false}";
    const lectern::ImageHeader h =
        g_session->images().bytes(src, std::string_view(bytes, static_cast<std::size_t>(size)));
    g_woken = true;
    if (!h.ok()) return "{\"ok\":false}";
    const lectern::PixelSize to = lectern::shown_size(h.width, h.height);
    char reply[160];
    std::snprintf(reply, sizeof reply, "{\"ok\":true,\"width\":%u,\"height\":%u,\"decode\":[%u,%u],\"mime\":\"%s\"}",
                  h.width, h.height, to.width, to.height, lectern::image_mime(h.format));
    g_reply = reply;
    return g_reply.c_str();
}
// A data: image's bytes by core's rule (decode_data_uri), so that the page and the desktop
// read one URI the same way (web/images.js): the length (4 bytes, little-endian), then the
// bytes, valid until the next call; null when the URI is damaged.
EMSCRIPTEN_KEEPALIVE const unsigned char* lectern_data_uri(const char* src) {
    std::string bytes;
    if (!lectern::decode_data_uri(src, bytes) || bytes.size() > 0xFFFFFFFFu) return nullptr;
    const std::size_t n = bytes.size();
    g_reply.assign(4, '\0');
    for (int i = 0; i < 4; ++i) g_reply[static_cast<std::size_t>(i)] = static_cast<char>((n >> (8 * i)) & 0xFF);
    g_reply += bytes;
    return reinterpret_cast<const unsigned char*>(g_reply.data());
}
// The decoded pixels, RGBA, width x height (at most the decode size above).
EMSCRIPTEN_KEEPALIVE void lectern_image_pixels(const char* src, int width, int height, const unsigned char* rgba) {
    if (!g_session || width <= 0 || height <= 0) return;
    const std::size_t n = static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4;
    g_session->images().pixels(src, static_cast<std::uint32_t>(width), static_cast<std::uint32_t>(height),
                               std::vector<std::uint8_t>(rgba, rgba + n));
    g_woken = true;
}
// `key`: a "page.image_" catalogue key (web/images.js), `args`: a JSON object of its
// placeholders. Kept as a message, so the reason follows a later change of language.
EMSCRIPTEN_KEEPALIVE void lectern_image_failed(const char* src, const char* key, const char* args) {
    if (!g_session) return;
    const std::string_view k(key);
    const char* known = k.rfind("page.image_", 0) == 0 ? lectern::message_key(k) : nullptr;
    lectern::Message problem{known ? known : "page.image_not_shown"};
    // The one placeholder web/images.js fills: an HTTP status.
    const auto given = nlohmann::json::parse(args, nullptr, false);
    if (given.is_object() && given.contains("status") && given["status"].is_number_integer())
        problem.args.emplace_back("status", given["status"].dump());
    g_session->images().failed(src, problem);
    g_woken = true;
}
// The page's answer for the fonts' rest (lectern-fonts.bin, unpacked): its bytes, or none
// and why (ui/font_rest.h). The next frame builds the atlas with it.
EMSCRIPTEN_KEEPALIVE void lectern_fonts(const char* bytes, int size, const char* error) {
    if (!g_fonts) return;
    if (bytes) lectern::ui::give_font_rest(*g_fonts, std::string(bytes, static_cast<std::size_t>(size)));
    else lectern::ui::font_rest_failed(*g_fonts, error ? error : "the page could not get the fonts file");
    if (!g_fonts->error.empty())
        std::fprintf(stderr, "Lectern draws some characters with the browser's fonts: %s\n", g_fonts->error.c_str());
    g_woken = true;
}
// An archive's bytes as read from a file or the network: no JSON command around
// them, so a large archive is in memory once here rather than three times.
EMSCRIPTEN_KEEPALIVE const char* lectern_load(const char* bytes, int size) {
    g_reply = g_session
                  ? lectern::protocol::load_reply(*g_session, std::string_view(bytes, static_cast<std::size_t>(size)))
                  : std::string(R"({"ok":false,"error":"not started"})");
    return g_reply.c_str();
}
// A library's manifest (web/library.js): {"ok":true}, or {"ok":false,"error"} with the
// library (or archive) shown before kept.
EMSCRIPTEN_KEEPALIVE const char* lectern_open_library(const char* bytes, int size) {
    std::string error = "not started";
    if (g_session && g_session->open_library(std::string_view(bytes, static_cast<std::size_t>(size)), error)) {
        g_woken = true;
        return R"({"ok":true})";
    }
    g_reply =
        nlohmann::json{{"ok", false}, {"error", error}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return g_reply.c_str();
}
// 1 when a library part's stored bytes hash to its name (core/library/shard.h).
EMSCRIPTEN_KEEPALIVE int lectern_part_matches(const char* name, const char* bytes, int size) {
    return lectern::shard_matches(name, std::string_view(bytes, static_cast<std::size_t>(size))) ? 1 : 0;
}
// The answer to a library request: the part inflated, or why it could not be read.
EMSCRIPTEN_KEEPALIVE void lectern_library_answer(double id, int ok, const char* text, int size, double bytes,
                                                 const char* error) {
    if (!g_session) return;
    g_session->library_answer(static_cast<std::uint64_t>(id), ok != 0,
                              ok ? std::string(text, static_cast<std::size_t>(size)) : std::string(),
                              static_cast<std::uint64_t>(bytes), error ? error : "");
    // What the answer makes needed next (a search's block after its directory, a result's text
    // after its tile) is asked for now, not after the next frame: a chain of parts costs the
    // network's round trips, not also a frame each.
    lectern::platform::bridge_library(*g_session);
    g_woken = true;
}
// What web/library.js reports of the collections it keeps offline (core/session/offline_shelf.h),
// one JSON object each: {"available": why} ("" when it can keep), {"recorded": id, "list",
// "bytes"} (kept on an earlier visit), {"progress": id, "done", "total"}, {"finished": id,
// "ok", "error"}. Anything else is ignored: it comes from our own page script.
EMSCRIPTEN_KEEPALIVE void lectern_offline(const char* text) {
    if (!g_session || !text) return;
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) return;
    const auto str = [&](const char* key) {
        return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
    };
    const auto num = [&](const char* key) {
        return j.contains(key) && j[key].is_number() ? j[key].get<double>() : 0.0;
    };
    lectern::OfflineShelf& shelf = g_session->offline();
    if (j.contains("available")) shelf.set_available(str("available"));
    else if (j.contains("recorded"))
        g_session->offline_recorded(str("recorded"), str("list"), static_cast<std::uint64_t>(num("bytes")));
    else if (j.contains("progress"))
        shelf.progress(str("progress"), static_cast<std::uint64_t>(num("done")),
                       static_cast<std::uint64_t>(num("total")));
    else if (j.contains("finished")) shelf.finished(str("finished"), j.contains("ok") && j["ok"] == true, str("error"));
    g_session->count_command();  // the shell draws again
    g_woken = true;
}
}

// The page's JavaScript, which clang-format would read as C++ (and break).
// clang-format off
EM_JS(void, js_library_fetch, (double id, int kind, const char* name, double offset, double bytes, double member_offset, double member_bytes, int alone), {
    if (window.lecternLibrary) window.lecternLibrary.fetch(id, kind, UTF8ToString(name), offset, bytes, member_offset, member_bytes, !!alone);
});
EM_JS(void, js_offline_keep, (const char* collection, const char* parts, double bytes), {
    if (window.lecternLibrary) window.lecternLibrary.keepOffline(UTF8ToString(collection), JSON.parse(UTF8ToString(parts)), bytes);
});
EM_JS(void, js_offline_forget, (const char* collection), {
    if (window.lecternLibrary) window.lecternLibrary.forgetOffline(UTF8ToString(collection));
});
EM_JS(void, js_library_cancel, (double id), {
    if (window.lecternLibrary) window.lecternLibrary.cancel(id);
});
EM_JS(void, js_mirror_changed, (int archive_changed), {
    if (window.lecternMirror) window.lecternMirror.changed(!!archive_changed);
});
EM_JS(void, js_text_field, (int active, float x, float y, float w, float h, const char* value, int anchor, int cursor), {
    if (window.lecternTextField) window.lecternTextField.update(!!active, x, y, w, h, UTF8ToString(value), anchor, cursor);
});
EM_JS(void, js_fonts_wanted, (), {
    if (window.lecternFonts) window.lecternFonts();
    else _lectern_fonts(0, 0, 0);
});
EM_JS(void, js_first_frame, (), {
    if (Module.onFirstFrame) Module.onFirstFrame();
});
EM_JS(void, js_open_url, (const char* url), {
    var u = UTF8ToString(url);
    if (/^https?:/i.test(u)) window.open(u, '_blank', 'noopener,noreferrer');
});
EM_JS(void, js_copy_text, (const char* text), {
    var t = UTF8ToString(text);
    var fallback = function () {
        var area = document.createElement('textarea');
        area.value = t;
        document.body.appendChild(area);
        area.select();
        try { document.execCommand('copy'); } catch (e) { console.warn('Lectern could not copy: ' + e); }
        document.body.removeChild(area);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(t).catch(fallback);
    else fallback();
});
EM_JS(void, js_copy_link, (const char* fragment), {
    var url = location.href.split('#')[0] + UTF8ToString(fragment);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).catch(function () {});
    window.lectern.copiedLink = url;  // what was copied, for automation
});
EM_JS(void, js_open_full_view, (const char* fragment), {
    if (window.lecternOpenFullView) window.lecternOpenFullView(UTF8ToString(fragment));
});
EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int size), {
    var blob = new Blob([HEAPU8.slice(data, data + size)], { type: UTF8ToString(mime) });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
});
EM_JS(void, js_save_prefs, (const char* json), {
    var text = UTF8ToString(json);
    try { localStorage.setItem("lectern.prefs", text); } catch (e) { console.warn("Lectern cannot keep preferences: " + e); }
    if (window.lecternPrefsSaved) window.lecternPrefsSaved(JSON.parse(text));
});
EM_JS(void, js_open_file, (), {
    if (window.lecternOpenFile) window.lecternOpenFile();
});
EM_JS(void, js_set_hash, (const char* hash, int push), {
    var h = UTF8ToString(hash);
    var url = h ? h : location.pathname + location.search;
    // Back or Forward already moved to this work: only the view differs, so no new entry.
    // (A link may carry no view at all: "#work=a" and "#work=a&view=…" name the same work.)
    var strip = function (x) {
        return (x || "").replace(/^#/, "").split("&").filter(function (p) { return p && p.indexOf("view=") !== 0; }).join("&");
    };
    if (push && strip(location.hash) === strip(h)) push = 0;
    if (window.lectern.framed) push = 0;  /* in a host page's frame: no entries in the host's history */
    window.lectern.lastHash = h;  // the page's hashchange listener ignores what we set
    try {
        if (push) history.pushState(null, "", url);
        else history.replaceState(null, "", url);
    } catch (e) {
        // Some browsers refuse history on file:// pages: fall back to the location.
        if (push) location.hash = h; else location.replace(h || '#');
    }
});
EM_JS(double, js_inner_width, (), { return window.innerWidth; });
EM_JS(double, js_inner_height, (), { return window.innerHeight; });
// clang-format on

namespace lectern::platform {

void bridge_attach(Session* session, ui::TextFieldLink* field, const FrameReport* report, ui::FontRest* fonts) {
    g_session = session;
    g_field = field;
    g_report = report;
    g_fonts = fonts;
}

bool bridge_fonts(ui::FontRest& fonts) {
    if (fonts.status != ui::FontRest::Status::wanted) return false;
    fonts.status = ui::FontRest::Status::asked;
    js_fonts_wanted();
    return false;
}

bool bridge_woken() { return std::exchange(g_woken, false); }

void bridge_text_field(const ui::TextFieldLink& f) {
    // Positions round to whole pixels: the input only has to lie over the box.
    char where[96];
    std::snprintf(where, sizeof where, "%d %.0f %.0f %.0f %.0f %d %d|", f.active ? 1 : 0, f.x, f.y, f.w, f.h, f.anchor,
                  f.cursor);
    std::string now = where;
    if (f.active) now += f.value;  // an inactive box's text is the query, set when it activates
    if (now == g_field_sent) return;
    g_field_sent = std::move(now);
    js_text_field(f.active ? 1 : 0, f.x, f.y, f.w, f.h, f.value.c_str(), f.anchor, f.cursor);
}

void bridge_first_frame() { js_first_frame(); }

void bridge_sync_link(const std::string& without_view, const std::string& with_view, bool view_settled) {
    if (!g_link_started) {  // the page's own link is applied first; start from what it shows
        g_link_started = true;
        g_link_without_view = without_view;
        g_link = with_view;
        return;
    }
    if (without_view != g_link_without_view) {
        g_link_without_view = without_view;
        g_link = with_view;
        js_set_hash(with_view.c_str(), 1);
    } else if (view_settled && with_view != g_link) {
        g_link = with_view;
        js_set_hash(with_view.c_str(), 0);
    }
}

void bridge_after_frame(const Session& session) {
    // A library's works and the open work's text arrive after it opens: the mirror follows them.
    static std::size_t mirrored_works = 0;
    static Session::BodyState mirrored_body = Session::BodyState::none;
    const bool archive_changed =
        session.archive_generation() != g_mirrored_generation || session.archive().works.size() != mirrored_works;
    const Session::BodyState body = session.body_state(session.selected());
    if (!archive_changed && session.selected() == g_mirrored_work && body == mirrored_body) return;
    g_mirrored_generation = session.archive_generation();
    g_mirrored_work = session.selected();
    mirrored_works = session.archive().works.size();
    mirrored_body = body;
    js_mirror_changed(archive_changed ? 1 : 0);
}

void bridge_library(Session& session) {
    for (const std::uint64_t id : session.take_library_cancels()) js_library_cancel(static_cast<double>(id));
    for (const LibraryRequest& r : session.take_library_requests())
        js_library_fetch(static_cast<double>(r.id), static_cast<int>(r.kind), r.part.name.c_str(),
                         static_cast<double>(r.part.offset), static_cast<double>(r.part.bytes),
                         static_cast<double>(r.member_offset), static_cast<double>(r.member_bytes), r.alone ? 1 : 0);
    for (const OfflineAsk& a : session.take_offline_asks()) {
        if (a.kind == OfflineAsk::Kind::forget) {
            js_offline_forget(a.collection.c_str());
            continue;
        }
        nlohmann::json parts = nlohmann::json::array();
        for (const ShardRef& p : a.parts) parts.push_back({p.name, p.offset, p.bytes});
        js_offline_keep(a.collection.c_str(), parts.dump().c_str(), static_cast<double>(a.bytes));
    }
}

bool bridge_viewport(int& width, int& height, float& pixel_ratio) {
    width = static_cast<int>(js_inner_width());
    height = static_cast<int>(js_inner_height());
    pixel_ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    return true;
}

namespace host {

void open_url(const std::string& url) { js_open_url(url.c_str()); }
void copy_text(const std::string& text) { js_copy_text(text.c_str()); }
void copy_link(const std::string& fragment) { js_copy_link(fragment.c_str()); }
void save_prefs(const std::string& json) { js_save_prefs(json.c_str()); }
void open_file() { js_open_file(); }
void open_full_view(const std::string& fragment) { js_open_full_view(fragment.c_str()); }
void download(const std::string& name, const std::string& mime, const std::string& bytes) {
    js_download(name.c_str(), mime.c_str(), bytes.data(), static_cast<int>(bytes.size()));
}

}  // namespace host
}  // namespace lectern::platform
