// Reader: a work's page (title, date as printed, kind, attribution, Markdown text, source, tags), with
// reading size, previous/next in time order, an outline and a kept position per work.
// While a query is active its matches are marked and F3 / Enter walk the body's; the
// mouse selects text and Ctrl+C copies it (the keys, the edges and touch: reader_input.cpp).
#include "ui/reader_view.h"
// The front page (title, epigraph, pages, notes, table of works) is reader_front.cpp; the
// blocks both draw, reader_parts.cpp.

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <memory>
#include <string>

#include "core/dates/date_format.h"
#include "core/text/bidi.h"
#include "core/text/markdown.h"
#include "core/search/match_ranges.h"
#include "core/archive/work_images.h"
#include "core/i18n/translate.h"
#include "ui/complex_text.h"
#include "ui/labels.h"
#include "ui/markdown_view.h"
#include "ui/reader_input.h"
#include "ui/reader_parts.h"
#include "ui/theme.h"

namespace lectern::ui {

namespace {

using namespace reader;

constexpr float kOutlineMinMargin = 190.0f;  // narrower margins put the outline above the text

std::string title_of(const Session& s, int work) {
    return work < 0 ? s.archive().title : s.archive().works[static_cast<std::size_t>(work)].title;
}

void outline_entries(Frame& fr, const md::Document& doc) {
    ImGui::PushFont(fr.f.small);
    for (std::size_t i = 0; i < doc.headings.size(); ++i) {
        const md::Heading& h = doc.headings[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::Indent(static_cast<float>(std::min(h.level - 1, 3)) * 10.0f);
        if (ImGui::Selectable(h.text.empty() ? tr("reader.untitled") : h.text.c_str())) fr.jump = static_cast<int>(i);
        ImGui::Unindent(static_cast<float>(std::min(h.level - 1, 3)) * 10.0f);
        ImGui::PopID();
    }
    ImGui::PopFont();
}

// "Match 2 of 7" and buttons to walk them, after the page's buttons.
void match_walk_bar(Frame& fr) {
    MatchWalk& walk = fr.texts.walk;
    if (walk.count <= 0) return;
    ImGui::SameLine(0, ImGui::GetFontSize());
    ImGui::TextDisabled("%s", tr("reader.match_of",
                                 {{"current", std::to_string(walk.current + 1)}, {"count", std::to_string(walk.count)}})
                                  .c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("\xE2\x80\xB9##match")) step_match(walk, -1);  // ‹
    ImGui::SetItemTooltip("%s", tr("reader.previous_match"));
    ImGui::SameLine();
    if (ImGui::SmallButton("\xE2\x80\xBA##match")) step_match(walk, 1);  // ›
    ImGui::SetItemTooltip("%s", tr("reader.next_match"));
}

void work_page(Frame& fr, const Work& w, bool outline_inline) {
    const Session& s = fr.s;
    const Archive& a = s.archive();
    // The body's matches first: the bar above the text counts them.
    MarkdownEntry* body = w.body ? &markdown_entry(fr.texts, *w.body) : nullptr;
    MatchWalk& walk = fr.texts.walk;
    walk.count = body ? static_cast<int>(body->matches.size()) : 0;
    walk.current = walk.count > 0 ? std::clamp(walk.current, 0, walk.count - 1) : 0;
    if (body) body->current_match = walk.count > 0 ? walk.current : -1;
    ImGui::PushFont(fr.f.ui);
    // The row of buttons wraps rather than running off a phone's screen (longer words,
    // "Копировать ссылку", make it wider than in English): each goes beside the last when
    // it fits within the margins the row started with.
    const float row_x = ImGui::GetCursorPosX();
    const auto beside_if_fits = [row_x](const std::string& label) {
        const ImGuiStyle& style = ImGui::GetStyle();
        const float width = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + style.FramePadding.x * 2;
        const float right = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + style.ItemSpacing.x + width;
        if (right <= ImGui::GetWindowWidth() - row_x) ImGui::SameLine();
        else ImGui::SetCursorPosX(row_x);
    };
    if (ImGui::SmallButton(labelled("reader.front_matter", "front").c_str())) fr.out.select = -1;
    for (int step : {-1, 1}) {
        // In a library the neighbour may not be loaded yet: the step fetches it (Session::step).
        const std::optional<int> n = s.neighbour(step);
        const std::string label = step < 0 ? labelled("reader.previous", "previous") : labelled("reader.next", "next");
        beside_if_fits(label);
        ImGui::BeginDisabled(n ? *n < 0 : !s.can_step(step));
        if (ImGui::SmallButton(label.c_str())) {
            if (n) fr.out.select = n;
            else fr.out.step = step;
        }
        ImGui::EndDisabled();
        if (n && *n >= 0) ImGui::SetItemTooltip("%s", title_of(s, *n).c_str());
    }
    const std::string citation = labelled("reader.copy_citation", "citation"),
                      link = labelled("reader.copy_link", "link");
    beside_if_fits(citation);
    if (ImGui::SmallButton(citation.c_str())) fr.out.copy_citation = true;
    beside_if_fits(link);
    if (ImGui::SmallButton(link.c_str())) fr.out.copy_link = true;
    ImGui::SetItemTooltip("%s", tr("reader.copy_link_tooltip"));
    match_walk_bar(fr);
    ImGui::PopFont();
    ImGui::Spacing();
    marked_heading(fr, w.title);
    ImGui::PushFont(fr.f.ui);
    ImGui::PushStyleColor(ImGuiCol_Text, current_theme().text_dim);
    std::string meta = shown_date(w);
    if (!w.kind.empty()) meta += "  ·  " + tr_term("kind.", w.kind);
    for (const std::string& pid : w.people)
        if (const Person* p = a.find_person(pid)) meta += "  ·  " + p->name;
    if (!w.section.empty()) meta += "  ·  " + w.section;
    ImGui::TextWrapped("%s", meta.c_str());
    ImGui::PopStyleColor();
    if (w.attribution != "author") {
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, current_theme().disputed);
        ImGui::TextWrapped("%s", tr_term("attribution.", w.attribution).c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopFont();
    if (w.attribution != "author" && !w.attribution_note.empty()) markdown(fr, w.attribution_note);
    const std::vector<WorkImage> images = work_images(w, s.selected(), body ? &body->doc : nullptr);
    for (const WorkImage& im : images)
        if (im.place == WorkImage::Place::cover) figure(fr, im);

    if (outline_inline && body && body->doc.headings.size() >= 2) section_title(fr, tr("reader.contents"));
    if (outline_inline && body && body->doc.headings.size() >= 2) outline_entries(fr, body->doc);
    rule(fr);
    ImGui::Spacing();
    if (w.body) {
        // The text's own images go where it puts them: its layout leaves room after each one's
        // block (as tall as it was drawn last frame; a guess the first time), drawn into here.
        ReaderState& st = fr.st;
        const std::size_t n = body->doc.images.size();
        if (st.body_images_of != body->data || st.body_image_h.size() != n) {
            st.body_images_of = body->data;
            st.body_image_h.assign(n, measure_left(fr) * 2.0f / 3.0f);
        }
        markdown(fr, *w.body, &fr.body, &fr.body_top, st.body_image_h);
        const ImVec2 after = ImGui::GetCursorPos();
        std::size_t k = 0;
        for (const WorkImage& im : images) {
            if (im.place != WorkImage::Place::body || k >= n) continue;
            const float top = fr.body_top + body->layout.image_y[k];
            ImGui::SetCursorPos(ImVec2(after.x, top));
            figure(fr, im);
            st.body_image_h[k++] = ImGui::GetCursorPosY() - top;
        }
        ImGui::SetCursorPos(after);
    } else {
        // A library's text is fetched once the work is open: say so until it is here.
        const Session::BodyState state = fr.s.body_state(fr.s.selected());
        const char* key = state == Session::BodyState::loading  ? "reader.text_loading"
                          : state == Session::BodyState::failed ? "reader.text_failed"
                                                                : "reader.no_text";
        ImGui::PushFont(fr.f.body);
        ImGui::PushStyleColor(ImGuiCol_Text, current_theme().text_dim);
        ImGui::TextWrapped("%s", tr(key));
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
    for (const WorkImage& im : images)
        if (im.place == WorkImage::Place::media) figure(fr, im);
    if (!w.notes.empty()) {
        section_title(fr, tr("reader.notes"));
        markdown(fr, w.notes);
    }
    ImGui::PushFont(fr.f.ui);
    if (!w.source.empty()) {
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, current_theme().text_dim);
        ImGui::TextUnformatted(tr("reader.source"));
        ImGui::PopStyleColor();
        ImGui::SameLine();
        link_text(fr, w.source, w.source);
    }
    if (!w.tags.empty()) {
        std::string tags;
        for (const std::string& t : w.tags) tags += (tags.empty() ? "" : "  ·  ") + t;
        ImGui::PushStyleColor(ImGuiCol_Text, current_theme().text_dim);
        ImGui::TextWrapped("%s", tr("reader.tags", {{"tags", tags}}).c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopFont();
}

// Scrolls the walk's current match into view, when it asked to and is not already well in view.
void reveal_match(Frame& fr) {
    MatchWalk& walk = fr.texts.walk;
    if (!walk.reveal || !fr.body) return;
    walk.reveal = false;
    if (walk.count <= 0) return;
    const TextRange& m = fr.body->matches[static_cast<std::size_t>(walk.current)];
    const TextPoint at = markdown_point(*fr.body, fr.f, static_cast<std::uint32_t>(m.begin));
    const float y = fr.body_top + (at.y - fr.body->y);  // window content coordinates
    const float view = ImGui::GetWindowHeight(), scroll = ImGui::GetScrollY();
    if (y >= scroll + view * 0.1f && y + at.h <= scroll + view * 0.85f) return;
    fr.st.pending_scroll = std::max(0.0f, y - view * 0.3f);
    fr.st.pending_frames = 3;
}

float& scroll_slot(ReaderState& st, int work) {
    const std::size_t i = static_cast<std::size_t>(work + 1);
    if (st.scroll_of.size() <= i) st.scroll_of.resize(i + 1, 0.0f);
    return st.scroll_of[i];
}

}  // namespace

void draw_reader(const Session& s, ReaderState& st, const Fonts& f, ImVec2 size, Intents& out) {
    if (!st.texts) st.texts = std::make_shared<MarkdownCache>();
    if (st.archive_generation !=
        s.archive_generation()) {  // another archive: positions and texts belong to the old one
        st.archive_generation = s.archive_generation();
        st.scroll_of.clear();
        markdown_cache_clear(*st.texts);
        st.shown = -2;
    }
    markdown_cache_frame(*st.texts);
    st.figures.clear();
    st.controls.clear();
    MarkdownCache& texts = *st.texts;
    texts.query = s.query();
    // Another work or query: the walk starts over at the first match, and goes there once
    // the body is drawn. Back from the results list (a result opened again), it goes back there.
    const bool back = texts.walk.drawn_frame != ImGui::GetFrameCount() - 1;
    if (texts.walk.work != s.selected() || texts.walk.query != s.query()) {
        if (texts.walk.work != s.selected()) texts.selection = {};
        texts.walk = {s.query(), s.selected(), 0, 0, !s.query().empty()};
    } else if (back && !s.query().empty()) {
        texts.walk.reveal = true;
    }
    texts.walk.drawn_frame = ImGui::GetFrameCount();
    if (st.shown != s.selected()) {
        st.shown = s.selected();
        st.pending_scroll = scroll_slot(st, st.shown);
        st.pending_frames = 3;  // the new content's height is known one frame later
    }
    if (st.pending_scroll >= 0) ImGui::SetNextWindowScroll(ImVec2(-1.0f, st.pending_scroll));

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::BeginChild("##reader", size, 0, ImGuiWindowFlags_NavFlattened);  // Tab walks into it from the bar
    ImGui::SetWindowFontScale(st.scale);
    reader_keys(s, st, out);
    finger_scroll(st);
    // Reached, or the text is shorter than the position it had.
    if (st.pending_scroll >= 0 &&
        (std::abs(ImGui::GetScrollY() - st.pending_scroll) < 1.0f || --st.pending_frames <= 0))
        st.pending_scroll = -1;
    if (st.pending_scroll < 0) scroll_slot(st, st.shown) = ImGui::GetScrollY();
    st.scroll_y = ImGui::GetScrollY();
    out.reader_scroll = st.scroll_y;

    // A measure of about 70 characters, centred.
    const float em = f.body->FontSize * st.scale;
    const float measure = std::min(em * 36.0f, size.x - 48.0f);
    const float left = std::max(24.0f, (size.x - measure) / 2);
    // A host page's frame (embed=1) has no side pane: the outline stays in the text.
    const bool outline_inline = left < kOutlineMinMargin || s.embed().compact;
    Frame fr{s, st, *st.texts, f, left + measure, out};
    ImGui::Dummy(ImVec2(0, 16));
    ImGui::Indent(left);
    ImGui::PushTextWrapPos(left + measure);
    if (s.selected() >= 0) work_page(fr, s.archive().works[static_cast<std::size_t>(s.selected())], outline_inline);
    else front_matter(fr);
    ImGui::PopTextWrapPos();
    ImGui::Unindent(left);
    ImGui::Dummy(ImVec2(0, 32));
    reveal_match(fr);
    selection_mouse(texts);
    ImGui::EndChild();

    // The outline sits in the left margin when there is room, over the reader.
    if (fr.body && !outline_inline && fr.body->doc.headings.size() >= 2) {
        const ImVec2 after = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(origin.x + 16, origin.y + 16));
        const float h = std::min(size.y - 32, (ImGui::GetTextLineHeightWithSpacing() + 2) *
                                                  static_cast<float>(fr.body->doc.headings.size() + 1));
        ImGui::BeginChild("##outline", ImVec2(std::min(left - 40, 260.0f), h), 0, ImGuiWindowFlags_NavFlattened);
        outline_entries(fr, fr.body->doc);
        ImGui::EndChild();
        ImGui::SetCursorScreenPos(after);
    }
    if (fr.body && fr.jump >= 0 && static_cast<std::size_t>(fr.jump) < fr.body->layout.heading_y.size()) {
        const float y = fr.body->layout.heading_y[static_cast<std::size_t>(fr.jump)];
        st.pending_scroll = std::max(0.0f, fr.body_top + y - 8);
        st.pending_frames = 2;
    }
    st.body_lines = fr.body ? static_cast<int>(fr.body->layout.lines.size()) : 0;
    st.body_headings = fr.body ? static_cast<int>(fr.body->doc.headings.size()) : 0;
    st.layouts = st.texts->layouts;
}

}  // namespace lectern::ui
