// Reader: front matter (title, epigraph, biography, notes, table of works) and
// a work's page (title, date as printed, kind, attribution, text).
#include "ui/reader_view.h"

#include <algorithm>
#include <string>

#include "core/date_format.h"
#include "ui/theme.h"

namespace lectern::ui {

namespace {

// Markdown hard breaks ("two spaces, newline" or "\", newline) as plain newlines;
// the full Markdown renderer comes with the reader issue.
std::string hard_breaks(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == ' ' && s.substr(i).rfind("  \n", 0) == 0) {
            out += '\n';
            i += 2;
        } else if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == '\n') {
            out += '\n';
            ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

// Paragraphs are separated by blank lines.
void paragraphs(std::string_view body) {
    std::size_t start = 0;
    while (start <= body.size()) {
        std::size_t end = body.find("\n\n", start);
        if (end == std::string_view::npos) end = body.size();
        const std::string para = hard_breaks(body.substr(start, end - start));
        if (!para.empty()) {
            ImGui::TextWrapped("%s", para.c_str());
            ImGui::Spacing();
        }
        start = end + 2;
    }
}

void heading(const Fonts& f, const char* text) {
    ImGui::PushFont(f.heading);
    ImGui::TextWrapped("%s", text);
    ImGui::PopFont();
}

// A thin rule across the measure (ImGui's Separator spans the whole window).
void rule(float measure) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y + 1), ImVec2(p.x + measure, p.y + 1), IM_COL32(0, 0, 0, 50));
    ImGui::Dummy(ImVec2(measure, 4));
}

void section_title(const Fonts& f, const char* text, float measure) {
    ImGui::Spacing();
    ImGui::PushFont(f.ui);
    ImGui::PushStyleColor(ImGuiCol_Text, light_theme().text_dim);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    rule(measure);
}

void quote(const Fonts& f, const Page& p) {
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::Indent(18);
    ImGui::PushFont(f.body);
    paragraphs(p.body);
    ImGui::PopFont();
    if (!p.cite.empty()) {
        ImGui::PushFont(f.ui);
        ImGui::PushStyleColor(ImGuiCol_Text, light_theme().text_dim);
        ImGui::TextWrapped("— %s", p.cite.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
    ImGui::Unindent(18);
    const float bottom = ImGui::GetCursorScreenPos().y - 4;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(top.x + 2, top.y), ImVec2(top.x + 5, bottom),
                                              IM_COL32(160, 150, 135, 255));
    ImGui::Spacing();
}

void front_matter(const Session& s, const Fonts& f, float measure, Intents& out) {
    const Archive& a = s.archive();
    heading(f, a.title.c_str());
    ImGui::PushFont(f.ui);
    if (!a.subtitle.empty() || !a.publisher.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, light_theme().text_dim);
        ImGui::TextWrapped("%s%s%s", a.subtitle.c_str(), a.subtitle.empty() || a.publisher.empty() ? "" : " · ",
                           a.publisher.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopFont();
    ImGui::Spacing();

    for (const Page& p : a.pages) {
        if (p.kind == "quote") {
            quote(f, p);
            continue;
        }
        if (!p.title.empty()) section_title(f, p.title.c_str(), measure);
        else if (p.kind == "note") rule(measure);
        ImGui::PushFont(f.body);
        paragraphs(p.body);
        for (const Link& l : p.links) ImGui::TextWrapped("%s", l.title.c_str());
        ImGui::PopFont();
        ImGui::Spacing();
    }

    section_title(f, "Works", measure);
    ImGui::PushFont(f.ui);
    const float date_w = ImGui::GetFontSize() * 9.5f;
    for (const TimelineItem& it : s.items().works) {
        const Work& w = a.works[static_cast<std::size_t>(it.work)];
        ImGui::PushID(it.work);
        const ImVec2 row = ImGui::GetCursorPos();
        if (ImGui::Selectable("##work", false, ImGuiSelectableFlags_SpanAllColumns)) out.select = it.work;
        ImGui::SetCursorPos(row);
        ImGui::TextDisabled("%s", shown_date(w).c_str());
        ImGui::SameLine(row.x + date_w);
        ImGui::TextUnformatted(w.title.c_str());
        if (!w.kind.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s%s", w.kind.c_str(), w.attribution == "disputed" ? " · disputed" : "");
        }
        ImGui::PopID();
    }
    if (s.items().undated > 0) ImGui::TextDisabled("%d undated works", s.items().undated);
    if (!a.updated_label.empty() || a.updated) {
        ImGui::Spacing();
        ImGui::TextDisabled("Updated on %s", a.updated_label.empty() ? format_date_human(*a.updated).c_str() : a.updated_label.c_str());
    }
    ImGui::PopFont();
}

void work_page(const Session& s, const Fonts& f, const Work& w, float measure, Intents& out) {
    const Archive& a = s.archive();
    ImGui::PushFont(f.ui);
    if (ImGui::SmallButton("\xE2\x86\x90 Front matter")) out.select = -1;  // ←
    ImGui::PopFont();
    ImGui::Spacing();
    heading(f, w.title.c_str());
    ImGui::PushFont(f.ui);
    ImGui::PushStyleColor(ImGuiCol_Text, light_theme().text_dim);
    std::string meta = shown_date(w);
    if (!w.kind.empty()) meta += "  ·  " + w.kind;
    for (const std::string& pid : w.people)
        if (const Person* p = a.find_person(pid)) meta += "  ·  " + p->name;
    if (!w.section.empty()) meta += "  ·  " + w.section;
    ImGui::TextWrapped("%s", meta.c_str());
    ImGui::PopStyleColor();
    if (w.attribution != "author") {
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, light_theme().disputed);
        ImGui::TextWrapped("Attribution %s", w.attribution.c_str());
        ImGui::PopStyleColor();
        if (!w.attribution_note.empty()) {
            ImGui::PushFont(f.body);
            paragraphs(w.attribution_note);
            ImGui::PopFont();
        }
    }
    ImGui::PopFont();
    rule(measure);
    ImGui::Spacing();
    ImGui::PushFont(f.body);
    if (w.body) {
        paragraphs(*w.body);
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, light_theme().text_dim);
        ImGui::TextWrapped("This archive does not include the text of this work.");
        if (!w.source.empty()) ImGui::TextWrapped("Source: %s", w.source.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopFont();
}

}  // namespace

void draw_reader(const Session& s, ReaderState& st, const Fonts& f, ImVec2 size, Intents& out) {
    ImGui::BeginChild("##reader", size, false);
    if (st.shown != s.selected()) {
        ImGui::SetScrollY(0);
        st.shown = s.selected();
    }
    // A measure of about 70 characters, centred.
    ImGui::PushFont(f.body);
    const float measure = std::min(ImGui::GetFontSize() * 36.0f, size.x - 48.0f);
    ImGui::PopFont();
    const float left = std::max(24.0f, (size.x - measure) / 2);
    ImGui::Dummy(ImVec2(0, 16));
    ImGui::Indent(left);
    ImGui::PushTextWrapPos(left + measure);
    if (s.selected() >= 0) work_page(s, f, s.archive().works[static_cast<std::size_t>(s.selected())], measure, out);
    else front_matter(s, f, measure, out);
    ImGui::PopTextWrapPos();
    ImGui::Unindent(left);
    ImGui::Dummy(ImVec2(0, 32));
    ImGui::EndChild();
}

}  // namespace lectern::ui
