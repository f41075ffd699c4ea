// The reader's blocks (ui/reader_parts.h): captions and figures, links, headings with
// the query's matches marked, rules, section titles, quotations and Markdown.
#include "ui/reader_parts.h"

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

namespace lectern::ui::reader {

// A click with the mouse; with a finger, a tap that let go where it went down: a
// finger scrolling the text must not open the link it started on.
bool clicked_here() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseSource != ImGuiMouseSource_TouchScreen) return ImGui::IsMouseClicked(ImGuiMouseButton_Left);
    return ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < kTouchSlop * kTouchSlop;
}

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

void markdown(Frame& fr, std::string_view text, MarkdownEntry** entry, float* top,
              const std::vector<float>& image_heights) {
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

}  // namespace lectern::ui::reader
