// Reader: front matter (title, epigraph, pages, notes, table of works) and a work's
// page (title, date as printed, kind, attribution, Markdown text, source, tags), with
// reading size, previous/next in time order, an outline and a kept position per work.
// While a query is active its matches are marked and F3 / Enter walk the body's; the
// mouse selects text and Ctrl+C copies it (the keys, the edges and touch: reader_input.cpp).
#include "ui/reader_view.h"

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
#include "ui/theme.h"

namespace lectern::ui {

namespace {

// A click with the mouse; with a finger, a tap that let go where it went down: a
// finger scrolling the text must not open the link it started on.
bool clicked_here() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseSource != ImGuiMouseSource_TouchScreen) return ImGui::IsMouseClicked(ImGuiMouseButton_Left);
    return ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < kTouchSlop * kTouchSlop;
}

constexpr float kOutlineMinMargin = 190.0f;  // narrower margins put the outline above the text

// One frame of the reader, passed to everything that draws.
struct Frame {
    const Session& s;
    ReaderState& st;
    MarkdownCache& texts;
    const Fonts& f;
    float right;  // right edge of the measure, window coordinates
    Intents& out;
    MarkdownEntry* body = nullptr;  // the work's text, once drawn
    float body_top = 0;
    int jump = -1;  // heading the outline asked for
};

float measure_left(const Frame& fr) { return fr.right - ImGui::GetCursorPosX(); }


// The caption under a picture, small and dim.
void caption(const Frame& fr, const std::string& text) {
    if (text.empty()) return;
    ImGui::PushFont(fr.f.small);
    ImGui::PushStyleColor(ImGuiCol_Text, current_theme().text_dim);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

// One image across the measure: the picture (never wider than the measure nor more than
// twice its own size, never taller than most of the reader), a placeholder of its shape
// while it loads, or its alt text framed with why it cannot be shown. Asks for it first.
void figure(Frame& fr, const WorkImage& im) {
    const ImageSlot* slot = fr.s.images().find(im.src);
    if (!slot) fr.out.want_images.emplace_back(im.src, im.where);
    const auto tex = fr.st.images.by_src.find(im.src);
    const bool shown = slot && slot->state == ImageSlot::State::ready && tex != fr.st.images.by_src.end();
    const bool failed = slot && slot->state == ImageSlot::State::failed;
    const float avail = std::max(1.0f, measure_left(fr));
    ImGui::Spacing();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    DrawnFigure drawn{im.src, DrawnFigure::Look::pending, p.x, p.y, p.x, p.y};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (failed) {
        drawn.look = DrawnFigure::Look::alt;
        const float pad = ImGui::GetFontSize() * 0.6f;
        ImGui::Indent(pad);
        ImGui::PushTextWrapPos(fr.right - pad);
        ImGui::Dummy(ImVec2(0, pad * 0.5f));
        ImGui::PushFont(fr.f.body);
        ImGui::TextWrapped("%s", tr("image.alt", {{"alt", im.alt}}).c_str());
        ImGui::PopFont();
        ImGui::PushFont(fr.f.small);
        ImGui::PushStyleColor(ImGuiCol_Text, current_theme().disputed);
        ImGui::TextWrapped("%s", tr("image.unavailable", {{"reason", slot->problem.in(current_language())}}).c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::Dummy(ImVec2(0, pad * 0.5f));
        ImGui::PopTextWrapPos();
        ImGui::Unindent(pad);
        drawn.x1 = p.x + avail, drawn.y1 = ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y;
        dl->AddRect(ImVec2(drawn.x0, drawn.y0), ImVec2(drawn.x1, drawn.y1), current_theme().faint(120), 3.0f, 0, 1.0f);
    } else {
        // The natural size is known from the header before the pixels arrive; until then 3:2.
        const float nat_w = slot && slot->width ? static_cast<float>(slot->width) : avail;
        const float nat_h = slot && slot->height ? static_cast<float>(slot->height) : avail * 2.0f / 3.0f;
        float w = std::min(avail, nat_w * 2.0f * fr.st.scale);
        float h = w * nat_h / nat_w;
        const float tallest = std::max(80.0f, ImGui::GetWindowHeight() * 0.8f);
        if (h > tallest) w *= tallest / h, h = tallest;
        const ImVec2 a(p.x, p.y), b(a.x + w, a.y + h);  // at the measure's left edge, like the caption under it
        if (shown) {
            drawn.look = DrawnFigure::Look::image;
            dl->AddImage(tex->second.id, a, b);
        } else {
            dl->AddRectFilled(a, b, current_theme().faint(18), 3.0f);
            dl->AddRect(a, b, current_theme().faint(60), 3.0f);
            ImGui::PushFont(fr.f.small);
            const char* loading = tr("image.loading");
            const ImVec2 ts = ImGui::CalcTextSize(loading);
            if (ts.x < w && ts.y < h)
                dl->AddText(ImVec2(a.x + (w - ts.x) / 2, a.y + (h - ts.y) / 2), current_theme().text_dim, loading);
            ImGui::PopFont();
        }
        drawn.x0 = a.x, drawn.x1 = b.x, drawn.y1 = b.y;
        ImGui::Dummy(ImVec2(avail, h));
        if (ImGui::IsItemHovered() && !im.alt.empty()) ImGui::SetItemTooltip("%s", im.alt.c_str());
    }
    fr.st.figures.push_back(std::move(drawn));
    caption(fr, im.caption);
    ImGui::Spacing();
}

void markdown(Frame& fr, std::string_view text, MarkdownEntry** entry = nullptr, float* top = nullptr,
              const std::vector<float>& image_heights = {}) {
    MarkdownEntry& e = markdown_entry(fr.texts, text);
    const MarkdownDrawn d = draw_markdown(fr.texts, e, fr.f, measure_left(fr), fr.st.scale, image_heights);
    if (d.open_url) fr.out.open_url = d.open_url;
    if (entry) *entry = &e;
    if (top) *top = d.top;
}

// A line of link text: clickable only for web links, plain text otherwise.
void link_text(Frame& fr, const std::string& label, const std::string& href) {
    if (!md::is_web_link(href)) {
        ImGui::TextWrapped("%s", label.c_str());
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, current_theme().link);
    ImGui::TextWrapped("%s", label.c_str());
    ImGui::PopStyleColor();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x, b.y - 1), ImVec2(b.x, b.y - 1), current_theme().link);
    if (ImGui::IsItemHovered()) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("%s", href.c_str());
        if (clicked_here()) fr.out.open_url = href;
    }
}

void heading(const Fonts& f, const char* text) {
    ImGui::PushFont(f.heading);
    ImGui::TextWrapped("%s", text);
    ImGui::PopFont();
}

// A heading with the query's matches marked behind it, where TextWrapped puts the words
// (the same wrapping: ImFont::CalcWordWrapPositionA, blanks skipped after a break).
void marked_heading(const Frame& fr, const std::string& text) {
    ImGui::PushFont(fr.f.heading);
    if (needs_complex(fr.f.heading, text)) {  // a script the faces lack, or right to left: one line
        const float w = measure_left(fr);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float tw = text_line_width(fr.f, text);
        const float x = bidi::is_rtl_paragraph(text) ? p.x + std::max(0.0f, w - tw) : p.x;  // aligned as it runs
        draw_text_line(ImGui::GetWindowDrawList(), fr.f, ImVec2(x, p.y), ImGui::GetColorU32(ImGuiCol_Text), text, w);
        ImGui::Dummy(ImVec2(std::min(w, tw), ImGui::GetTextLineHeight()));
        ImGui::PopFont();
        return;
    }
    const std::vector<TextRange> marks =
        fr.s.query().empty() ? std::vector<TextRange>{} : QueryMatcher(fr.s.query()).find(text);
    if (!marks.empty()) {
        const ImFont* font = ImGui::GetFont();
        const float size = ImGui::GetFontSize(), wrap = std::max(1.0f, measure_left(fr));
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const char* const begin = text.data();
        const char* const end = begin + text.size();
        float y = p.y;
        for (const char* line = begin; line < end; y += size) {
            const char* eol = std::max(line + 1, font->CalcWordWrapPositionA(size / font->FontSize, line, end, wrap));
            for (const TextRange& m : marks) {
                const char* mb = std::max(begin + m.begin, line);
                const char* me = std::min(begin + m.end, eol);
                if (mb >= me) continue;
                const float x0 = font->CalcTextSizeA(size, FLT_MAX, 0.0f, line, mb).x;
                const float x1 = font->CalcTextSizeA(size, FLT_MAX, 0.0f, line, me).x;
                ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x + x0 - 1, y), ImVec2(p.x + x1 + 1, y + size),
                                                          current_theme().match, 2.0f);
            }
            line = eol;
            while (line < end && (*line == ' ' || *line == '\t')) ++line;
            if (line < end && *line == '\n') ++line;
        }
    }
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopFont();
}

// A thin rule across the measure (ImGui's Separator spans the whole window).
void rule(const Frame& fr) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = measure_left(fr);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y + 1), ImVec2(p.x + w, p.y + 1), current_theme().faint(50));
    ImGui::Dummy(ImVec2(w, 4));
}

void section_title(const Frame& fr, const char* text) {
    ImGui::Spacing();
    ImGui::PushFont(fr.f.ui);
    ImGui::PushStyleColor(ImGuiCol_Text, current_theme().text_dim);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    rule(fr);
}

void quote(Frame& fr, const Page& p) {
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::Indent(18);
    markdown(fr, p.body);
    if (!p.cite.empty()) {
        ImGui::PushFont(fr.f.ui);
        ImGui::PushStyleColor(ImGuiCol_Text, current_theme().text_dim);
        ImGui::TextWrapped("\xE2\x80\x94 %s", p.cite.c_str());  // —
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
    ImGui::Unindent(18);
    const float bottom = ImGui::GetCursorScreenPos().y - 4;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(top.x + 2, top.y), ImVec2(top.x + 5, bottom),
                                              current_theme().quote_rule);
    ImGui::Spacing();
}

// A library's front page: its collections, and how much of it is loaded (the list below
// holds the works loaded so far; the timeline brings more as the reader zooms in).
void library_front(Frame& fr) {
    const LibraryManifest& m = fr.s.library()->manifest();
    ImGui::PushFont(fr.f.ui);
    if (m.collections.size() > 1) {
        section_title(fr, tr("reader.collections"));
        for (const CollectionRef& c : m.collections) {
            text_line_item(fr.f, c.title);
            ImGui::SameLine();
            ImGui::TextDisabled("%s", tr_count("status.works", static_cast<long long>(c.works)).c_str());
        }
        ImGui::Spacing();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, current_theme().text_dim);
    ImGui::TextWrapped("%s", tr("reader.library_works", {{"loaded", std::to_string(fr.s.archive().works.size())},
                                                         {"total", std::to_string(m.works)}})
                                 .c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void front_matter(Frame& fr) {
    const Session& s = fr.s;
    const Archive& a = s.archive();
    heading(fr.f, a.title.c_str());
    ImGui::PushFont(fr.f.ui);
    if (!a.subtitle.empty() || !a.publisher.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, current_theme().text_dim);
        ImGui::TextWrapped("%s%s%s", a.subtitle.c_str(), a.subtitle.empty() || a.publisher.empty() ? "" : " · ",
                           a.publisher.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopFont();
    ImGui::Spacing();

    for (const Page& p : a.pages) {
        if (p.kind == "quote") {
            quote(fr, p);
            continue;
        }
        if (!p.title.empty()) section_title(fr, p.title.c_str());
        else if (p.kind == "note") rule(fr);
        markdown(fr, p.body);
        ImGui::PushFont(fr.f.body);
        for (const Link& l : p.links) link_text(fr, l.title, l.href);
        ImGui::PopFont();
        ImGui::Spacing();
    }

    if (s.library()) library_front(fr);
    section_title(fr, tr("reader.works"));
    // A host page's frame leaves files to the full viewer; a library's exports would hold
    // only the works loaded so far, so it offers none.
    if (!s.embed().compact && !s.library()) {
        ImGui::PushFont(fr.f.ui);
        if (ImGui::SmallButton(labelled("reader.export_csv", "csv").c_str())) fr.out.export_format = "csv";
        ImGui::SetItemTooltip("%s", tr("reader.export_csv_tooltip"));
        ImGui::SameLine();
        if (ImGui::SmallButton(labelled("reader.export_json", "json").c_str())) fr.out.export_format = "json";
        ImGui::SetItemTooltip("%s", tr("reader.export_json_tooltip"));
        ImGui::PopFont();
    }
    ImGui::PushFont(fr.f.ui);
    const float date_w = ImGui::GetFontSize() * 9.5f;
    // Only the rows on screen are drawn: the table may hold a million works.
    const auto& items = s.items().works;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(items.size()), ImGui::GetTextLineHeightWithSpacing());
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const TimelineItem& it = items[static_cast<std::size_t>(i)];
            const Work& w = a.works[static_cast<std::size_t>(it.work)];
            ImGui::PushID(it.work);
            const ImVec2 row = ImGui::GetCursorPos();
            if (ImGui::Selectable("##work", false, ImGuiSelectableFlags_SpanAllColumns)) fr.out.select = it.work;
            ImGui::SetCursorPos(row);
            ImGui::TextDisabled("%s", shown_date(w).c_str());
            ImGui::SameLine(row.x + date_w);
            text_line_item(fr.f, w.title);
            if (!w.kind.empty()) {
                ImGui::SameLine();
                ImGui::TextDisabled("%s%s%s", tr_term("kind.", w.kind).c_str(),
                                    w.attribution == "disputed" ? " · " : "",
                                    w.attribution == "disputed" ? tr("attribution.disputed_short") : "");
            }
            ImGui::PopID();
        }
    }
    if (s.items().undated > 0) ImGui::TextDisabled("%s", tr_count("reader.undated", s.items().undated).c_str());
    if (!a.updated_label.empty() || a.updated) {
        ImGui::Spacing();
        ImGui::TextDisabled(
            "%s",
            tr("reader.updated", {{"date", a.updated_label.empty() ? format_date_human(*a.updated) : a.updated_label}})
                .c_str());
    }
    ImGui::PopFont();
}

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
