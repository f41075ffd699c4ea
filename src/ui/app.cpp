// The app frame reads like a table of contents: layout, timeline, reader, status, intents.
#include "ui/app.h"

#include <algorithm>

#include "core/archive/codepoints.h"
#include "core/i18n/translate.h"

#include "ui/markdown_view.h"
#include "ui/reader_view.h"
#include "ui/search_view.h"
#include "ui/theme.h"
#include "ui/timeline_view.h"

namespace lectern::ui {

namespace {

// The atlas lacks characters of the faces' rest: the shell asks the page for it, once.
void want_font_rest(UiState& ui) {
    if (ui.fonts.needs_rest && ui.font_rest.status == FontRest::Status::unneeded)
        ui.font_rest.status = FontRest::Status::wanted;
}

}  // namespace

void init_ui(UiState& ui, float pixel_scale, const Session* session) {
    ImGui::GetIO().IniFilename = nullptr;  // nothing to persist on disk yet
    // Keyboard alone reaches every control: Tab and Shift+Tab walk them in reading
    // order (search, filters, open, theme, timeline, the reader's links and buttons)
    // with a visible ring; Space or Enter presses. The timeline keeps its arrow keys.
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    if (session) use_theme(session->theme());
    apply_imgui_style(current_theme());
    ui.fonts_generation = session ? std::optional<std::uint64_t>(session->archive_generation()) : std::nullopt;
    ui.fonts_language = session ? session->language() : "";
    ui.fonts = load_fonts(
        pixel_scale,
        session ? glyph_ranges(archive_codepoints(session->archive()), session->language()) : supported_glyph_ranges(),
        ui.font_rest);
    ui.fonts.complex = &ui.complex;
    ui.complex.density = pixel_scale;
    want_font_rest(ui);
}

bool update_fonts(const Session& s, UiState& ui, float pixel_scale) {
    const bool same_glyphs = ui.fonts_generation == s.archive_generation() && s.language() == ui.fonts_language;
    const bool rest_arrived = ui.font_rest.status == FontRest::Status::loaded && !ui.fonts.with_rest;
    if (same_glyphs && pixel_scale == ui.fonts.scale && !rest_arrived) return false;
    // A library's works arrive after its atlas is built: it gets every character the faces have.
    GlyphRanges ranges = same_glyphs      ? ui.fonts.ranges
                         : s.is_library() ? supported_glyph_ranges()
                                          : glyph_ranges(archive_codepoints(s.archive()), s.language());
    ui.fonts = load_fonts(pixel_scale, std::move(ranges), ui.font_rest);
    ui.fonts.complex = &ui.complex;
    ui.complex.density = pixel_scale;
    want_font_rest(ui);
    // Another archive, or the faces' rest now draws what the platform drew: missing glyphs
    // are counted afresh, and the old runs' pages freed.
    if (ui.fonts_generation != s.archive_generation() || rest_arrived) complex_text_reset(ui.complex);
    ui.fonts_generation = s.archive_generation();
    ui.fonts_language = s.language();
    return true;
}

ImVec4 clear_colour() { return ImGui::ColorConvertU32ToFloat4(current_theme().canvas); }

namespace {

void apply(Session& s, UiState& ui, const Intents& in) {
    if (in.select) {
        s.select(*in.select);
        ui.timeline.follow_request = true;  // a no-op for marks already in view (timeline clicks)
    }
    if (in.step != 0 && !in.select) {
        const int before = s.selected();
        s.step(in.step);  // in a library, a neighbour not loaded yet opens when its tile arrives
        if (s.selected() != before) ui.timeline.follow_request = true;
    }
    if (in.view) s.set_view(in.view->start, in.view->end);
    if (in.retry_library) s.retry_library();
    if (in.keep_offline) {
        if (in.keep_offline->second) s.keep_offline(in.keep_offline->first);
        else s.forget_offline(in.keep_offline->first);
    }
    if (in.results_seen) s.show_results(in.results_seen->first, in.results_seen->second);
    if (in.grouping) s.set_grouping(*in.grouping);
    if (in.search) s.search(*in.search);
    if (in.filter) s.set_filter(*in.filter);
    if (in.copy_citation) s.copy_citation();
    if (in.copy_text) s.send({Outgoing::Kind::copy, "", "", *in.copy_text});
    if (in.copy_link) s.send({Outgoing::Kind::copy_link, "", "", s.fragment(true, false)});
    if (in.open_full_view) s.send({Outgoing::Kind::open_full_view, "", "", s.fragment(true, false)});
    if (in.open_file) s.send({Outgoing::Kind::open_file, "", "", ""});
    if (in.export_format) s.export_as(*in.export_format);
    if (in.open_url) s.send({Outgoing::Kind::open_url, "", "", *in.open_url});
    if (in.theme) s.choose_theme(*in.theme);
    if (in.language) s.choose_language(*in.language);
    for (const auto& [src, where] : in.want_images) s.images().want(src, where);
}

// What the frame drew, for the protocol's state(): the timeline's count and eras, the
// reader's scroll and figures, the bar's labels.
void report(const Session& s, UiState& ui, const Intents& in) {
    FrameReport& r = ui.report;
    r.follow_archive(s.archive_generation());
    if (in.visible) r.visible_items = in.visible->first, r.visible_clusters = in.visible->second;
    if (in.reader_scroll) r.reader_scroll = *in.reader_scroll;
    if (in.eras_drawn) {
        r.eras.assign(ui.timeline.eras.begin(), ui.timeline.eras.end());
        r.eras_y0 = ui.timeline.eras_y0, r.eras_y1 = ui.timeline.eras_y1, r.hovered_era = ui.timeline.hovered_era;
    }
    // The bar's labels as the reader sees them (without ImGui's "###id"), taken when they change.
    if (ui.search.labels != ui.search.labels_reported) {
        ui.search.labels_reported = ui.search.labels;
        r.bar.clear();
        for (const char* l : ui.search.labels)
            r.bar.emplace_back(std::string_view(l).substr(0, std::string_view(l).find("###")));
    }
    r.fonts_rest = font_rest_status(ui.font_rest);
    r.fonts_error = ui.font_rest.error;
    r.glyphs_missing = ui.complex.missing;
    r.glyphs_shaped = ui.complex.shaped;
    r.glyph_runs.clear();
    for (const ComplexText::Drawn& d : ui.complex.drawn) r.glyph_runs.push_back({d.text, "", d.x0, d.y0, d.x1, d.y1});
    r.controls = ui.reader.controls;
    r.controls.insert(r.controls.end(), ui.search.controls.begin(), ui.search.controls.end());
    r.figures.clear();
    for (const DrawnFigure& f : ui.reader.figures) {
        static const char* kLook[] = {"pending", "image", "alt"};
        r.figures.push_back({f.src, kLook[static_cast<int>(f.look)], f.x0, f.y0, f.x1, f.y1});
    }
}

// Decoded pixels become textures (and leave the image cache); the textures of images
// the cache forgot (another archive, a lost context) are freed first.
void upload_images(ImageCache& images, ImageTextures& tx) {
    if (tx.generation != images.generation()) {
        for (auto& [src, t] : tx.by_src)
            if (tx.destroy && t.id) tx.destroy(t.id);
        tx.by_src.clear();
        tx.generation = images.generation();
    }
    if (!tx.create) return;
    images.upload([&](const std::string& src, const ImageSlot& slot) {
        if (tx.by_src.count(src)) return true;
        const ImTextureID id =
            tx.create(slot.rgba.data(), static_cast<int>(slot.pixel_width), static_cast<int>(slot.pixel_height));
        if (!id) return false;
        tx.by_src[src] = {id, slot.pixel_width, slot.pixel_height};
        return true;
    });
}

void draw_status(const Session& s, UiState& ui) {
    const Archive& a = s.archive();
    ImGui::PushFont(ui.fonts.small);
    ImGui::SetCursorPosX(12);
    // A notice (an ignored link, a refused file) shows for a few seconds.
    if (s.notice_serial() != ui.notice_serial) {
        ui.notice_serial = s.notice_serial();
        ui.notice_since = ImGui::GetTime();
    }
    if (!s.notice().empty() && ImGui::GetTime() - ui.notice_since < 8.0) {
        ImGui::PushStyleColor(ImGuiCol_Text, current_theme().disputed);
        ImGui::TextUnformatted(s.notice().c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        return;
    }
    ImGui::TextDisabled(
        "%s  ·  %s  ·  %s  ·  %.0f–%.0f", a.title.c_str(),
        tr_count("status.works", static_cast<long long>(s.library() ? s.library()->manifest().works : a.works.size()))
            .c_str(),
        tr_count("status.events", static_cast<long long>(a.events.size())).c_str(), s.view().start, s.view().end);
    ImGui::PopFont();
}

}  // namespace

bool ui_wants_frames(const UiState& ui) {
    // A drag-selection past the reader's edge keeps scrolling while the mouse is still.
    const bool selecting = ui.reader.texts && ui.reader.texts->selection.dragging;
    return ui.timeline.animating || ui.timeline.velocity != 0 || ui.reader.pending_scroll >= 0 ||
           ui.reader.glide != 0 || selecting;
}

bool view_settled(const UiState& ui) {
    return !ui.timeline.animating && ui.timeline.velocity == 0 && !ImGui::IsMouseDown(ImGuiMouseButton_Left);
}

Intents draw_app(Session& s, UiState& ui) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoScrollWithMouse;
    use_theme(s.theme());
    use_language(s.language());  // the session sets it too; a second session (tests) may have changed it
    upload_images(s.images(), ui.reader.images);
    complex_text_frame(ui.complex);
    ImGui::Begin("Lectern", nullptr, flags);
    // A library opens a work when its tile arrives (a link, or a step past the loaded works):
    // the timeline brings it into view then, as it does at once for an archive's.
    if (s.selected() != ui.seen_selected) {
        ui.seen_selected = s.selected();
        if (s.is_library() && s.selected() >= 0) ui.timeline.follow_request = true;
    }
    if (ui.prefs_revision != s.revision()) {  // kept preferences arrive as commands
        ui.prefs_revision = s.revision();
        ui.reader.scale = static_cast<float>(s.prefs().reading_scale);
    }
    ImGui::PushFont(ui.fonts.ui);

    const float status_h = ImGui::GetFontSize() + 8;
    const float bar_h = ImGui::GetFontSize() + 20;
    // A host page's frame (embed=1) is short: the timeline takes a larger share, so that
    // the seven lanes of works still clear the axis at 400 px.
    const float timeline_share = s.embed().compact ? 0.56f : 0.48f;
    const float timeline_h = std::clamp(vp->Size.y * timeline_share, 200.0f, 560.0f);
    const float reader_h = std::max(40.0f, vp->Size.y - bar_h - timeline_h - status_h - 2);
    Intents intents;

    draw_search_bar(s, ui.search, ui.fonts, vp->Size.x, intents);
    ImGui::SetCursorPos(ImVec2(0, bar_h));
    draw_timeline(s, ui.timeline, ui.fonts, ImVec2(vp->Size.x, timeline_h), intents);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(vp->Pos.x, ImGui::GetCursorScreenPos().y - 3),
                                        ImVec2(vp->Pos.x + vp->Size.x, ImGui::GetCursorScreenPos().y - 3),
                                        current_theme().faint(40));
    if (results_shown(s, ui.search)) draw_results(s, ui.search, ui.fonts, ImVec2(vp->Size.x, reader_h), intents);
    else draw_reader(s, ui.reader, ui.fonts, ImVec2(vp->Size.x, reader_h), intents);
    draw_status(s, ui);

    ImGui::PopFont();
    ImGui::End();
    report(s, ui, intents);
    apply(s, ui, intents);
    // The reading size is the reader's to change and the session's to keep.
    if (ui.reader.scale != static_cast<float>(s.prefs().reading_scale)) s.choose_reading_scale(ui.reader.scale);
    return intents;
}

}  // namespace lectern::ui
