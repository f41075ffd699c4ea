// Search box, filters and results: emits search, filter and select intents.
#include "ui/search_view.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>

#include <imgui_internal.h>  // GetActiveID: whether the box is being edited, before it is drawn

#include "core/i18n/translate.h"
#include "core/text/bidi.h"
#include "ui/complex_text.h"
#include "ui/labels.h"
#include "ui/theme.h"

namespace lectern::ui {

namespace {

// The filter's attribution values (archive vocabulary) and their labels' catalogue keys.
const char* kAttributions[] = {"", "author", "ascribed", "disputed"};
const char* kAttributionLabels[] = {"filters.any_attribution", "filters.author", "filters.ascribed",
                                    "filters.disputed"};

SearchFilter filter_of(const SearchState& st) {
    SearchFilter f;
    f.kinds = st.kinds;
    f.collections = st.collections;
    if (st.use_years) {
        f.year_from = std::min(st.year_from, st.year_to);
        f.year_to = std::max(st.year_from, st.year_to);
    }
    if (st.attribution > 0) f.attribution = kAttributions[st.attribution];
    return f;
}

// A library's collections, each a checkbox; a long list scrolls. True when one changed.
bool collection_filter(const LibraryManifest& m, SearchState& st) {
    bool changed = false;
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr("reader.collections"));
    const float rows = static_cast<float>(std::min<std::size_t>(m.collections.size(), 10));
    ImGui::BeginChild("##collections", ImVec2(ImGui::GetFontSize() * 22, rows * ImGui::GetFrameHeightWithSpacing()));
    ImGuiListClipper clipper;  // a library may hold thousands of collections
    clipper.Begin(static_cast<int>(m.collections.size()), ImGui::GetFrameHeightWithSpacing());
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const CollectionRef& c = m.collections[static_cast<std::size_t>(i)];
            const auto it = std::find(st.collections.begin(), st.collections.end(), c.id);
            bool on = it != st.collections.end();
            if (ImGui::Checkbox((c.title + "##" + c.id).c_str(), &on)) {
                if (on) st.collections.push_back(c.id);
                else st.collections.erase(it);
                changed = true;
            }
        }
    ImGui::EndChild();
    return changed;
}

void filters_popup(const Session& s, SearchState& st, Intents& out) {
    if (!s.library()) st.collections.clear();  // checked for a library no longer shown
    if (!ImGui::BeginPopup("##filters")) return;
    bool changed = false;
    ImGui::TextDisabled("%s", tr("filters.kinds"));
    std::vector<std::string> kinds;
    for (const Work& w : s.archive().works)
        if (!w.kind.empty() && std::find(kinds.begin(), kinds.end(), w.kind) == kinds.end()) kinds.push_back(w.kind);
    std::sort(kinds.begin(), kinds.end());
    for (const std::string& k : kinds) {
        const auto it = std::find(st.kinds.begin(), st.kinds.end(), k);
        bool on = it != st.kinds.end();
        if (ImGui::Checkbox((tr_term("kind.", k) + "##" + k).c_str(), &on)) {
            if (on) st.kinds.push_back(k);
            else st.kinds.erase(it);
            changed = true;
        }
    }
    if (s.library()) changed |= collection_filter(s.library()->manifest(), st);
    ImGui::Separator();
    changed |= ImGui::Checkbox(labelled("filters.years", "years").c_str(), &st.use_years);
    if (st.use_years) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        changed |= ImGui::InputInt(labelled("filters.from", "from").c_str(), &st.year_from);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        changed |= ImGui::InputInt(labelled("filters.to", "to").c_str(), &st.year_to);
    }
    ImGui::Separator();
    for (int i = 0; i < 4; ++i) {
        ImGui::PushID(i);
        changed |= ImGui::RadioButton(tr(kAttributionLabels[i]), &st.attribution, i);
        ImGui::PopID();
    }
    // How the timeline gathers works into lanes: applied at once, not a filter.
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr("filters.lanes"));
    constexpr LaneGrouping kGroupings[] = {LaneGrouping::kind, LaneGrouping::section, LaneGrouping::person,
                                           LaneGrouping::collection};
    for (LaneGrouping g : kGroupings) {
        if (g == LaneGrouping::collection && !s.library()) continue;
        const std::string key = "filters.lanes_" + std::string(grouping_name(g));
        if (ImGui::RadioButton(labelled(message_key(key), key.c_str()).c_str(), s.grouping() == g)) out.grouping = g;
    }
    if (ImGui::Button(labelled("filters.clear", "clear").c_str())) {
        st.kinds.clear();
        st.collections.clear();
        st.use_years = false;
        st.attribution = 0;
        changed = true;
    }
    if (changed) {
        out.filter = filter_of(st);
        st.show_results = true;
        st.cursor = 0;
    }
    ImGui::EndPopup();
}

const char* hit_label(const Session& s, const SearchHit& h, std::string& date) {
    const Archive& a = s.archive();
    switch (h.kind) {
        case SearchHit::Kind::work: {
            if (h.index < 0) return tr("results.loading");  // a library's work whose tile is on its way
            const Work& w = a.works[static_cast<std::size_t>(h.index)];
            date = shown_date(w);
            return w.title.c_str();
        }
        case SearchHit::Kind::page: {
            const Page& p = a.pages[static_cast<std::size_t>(h.index)];
            date = tr("results.page");
            return p.title.empty() ? tr(p.kind == "quote" ? "results.epigraph" : "results.note") : p.title.c_str();
        }
        case SearchHit::Kind::event: {
            const Event& e = a.events[static_cast<std::size_t>(h.index)];
            date = e.date ? e.date->text : "";
            return e.title.c_str();
        }
        case SearchHit::Kind::person:
            date = tr("results.person");
            return a.people[static_cast<std::size_t>(h.index)].name.c_str();
    }
    return "";
}

// How far the search index is built, as a whole percentage for the bar and the results.
std::string index_percent(const Session& s) { return std::to_string(static_cast<int>(s.index_progress() * 100)); }

// The snippet on one line, matched words on a highlighter-yellow ground.
void draw_snippet(const SearchHit& h, float max_width, const Fonts& fonts) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    const float x_end = p.x + max_width;
    const char* text = h.snippet.c_str();
    const Theme& t = current_theme();
    int at = 0;
    auto run = [&](int from, int to, bool mark) {
        if (from >= to || p.x >= x_end) return;
        const std::string_view part(text + from, static_cast<std::size_t>(to - from));
        const float w = text_line_width(fonts, part), h_px = ImGui::GetTextLineHeight();
        if (mark) dl->AddRectFilled(ImVec2(p.x - 1, p.y), ImVec2(p.x + w + 1, p.y + h_px), t.match, 2);
        draw_text_line(dl, fonts, p, mark ? t.text : t.text_dim, part);
        p.x += w;
    };
    dl->PushClipRect(ImGui::GetCursorScreenPos(), ImVec2(x_end, p.y + ImGui::GetTextLineHeight() + 2), true);
    if (bidi::has_rtl(h.snippet)) {  // drawn whole, in its visual order: the marks are left to the reader's text
        draw_text_line(dl, fonts, p, t.text_dim, h.snippet);
        dl->PopClipRect();
        ImGui::Dummy(ImVec2(max_width, ImGui::GetTextLineHeight()));
        return;
    }
    for (const auto& [b, e] : h.snippet_highlights) {
        run(at, b, false);
        run(b, e, true);
        at = e;
    }
    run(at, static_cast<int>(h.snippet.size()), false);
    dl->PopClipRect();
    ImGui::Dummy(ImVec2(max_width, ImGui::GetTextLineHeight()));
}

void open_hit(const SearchHit& h, SearchState& st, Intents& out) {
    if (h.kind == SearchHit::Kind::work && h.index < 0) return;  // not loaded yet: its row says so
    out.select = h.kind == SearchHit::Kind::work ? h.index : -1;
    st.show_results = false;
}

// The theme switch at the bar's right end. Each click shows something new first:
// from the system's theme to the other one, to the system's one, back to following it.
float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

// The language button's width: room for any two-letter code.
float language_button_width() { return button_width("WW"); }

// Returns the label drawn.
const char* theme_switch(const Session& s, float right, bool narrow, Intents& out) {
    const std::string& chosen = s.prefs().theme;
    const std::string& system = s.prefs().system_theme;
    const char* label = tr(chosen == "dark" ? "theme.dark" : chosen == "light" ? "theme.light" : "theme.system");
    if (narrow)
        label = tr(chosen == "dark"    ? "theme.dark_short"
                   : chosen == "light" ? "theme.light_short"
                                       : "theme.system_short");
    const std::string next = chosen.empty() ? (system == "dark" ? "light" : "dark") : chosen != system ? system : "";
    const float w = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), right - w));
    // One id whatever the label says, so the keyboard focus stays on it after a press.
    if (ImGui::Button((std::string(label) + "###theme").c_str())) out.theme = next;
    ImGui::SetItemTooltip("%s\n%s", tr(system == "dark" ? "theme.tooltip_dark" : "theme.tooltip_light"),
                          tr(next.empty()     ? "theme.click_system"
                             : next == "dark" ? "theme.click_dark"
                                              : "theme.click_light"));
    return label;
}

// The language switch at the bar's right end: the interface language's code ("RU");
// a click lists the languages, each in its own words, and "automatic" (the archive's
// language, then the browser's). Returns the label drawn.
const char* language_switch(const Session& s, Intents& out) {
    static const std::vector<std::string> codes = [] {
        std::vector<std::string> v;
        for (const std::string& l : interface_languages()) {
            std::string up = l;
            for (char& c : up) c = static_cast<char>(c - 'a' + 'A');
            v.push_back(up + "###language");
        }
        return v;
    }();
    const auto& langs = interface_languages();
    const std::size_t at =
        static_cast<std::size_t>(std::find(langs.begin(), langs.end(), s.language()) - langs.begin());
    const std::string& label = codes[std::min(at, codes.size() - 1)];
    if (ImGui::Button(label.c_str(), ImVec2(language_button_width(), 0))) ImGui::OpenPopup("##languages");
    ImGui::SetItemTooltip("%s", tr("language.tooltip"));
    if (ImGui::BeginPopup("##languages")) {
        const std::string& chosen = s.prefs().language;
        if (ImGui::Selectable(tr("language.auto"), chosen.empty())) out.language = "";
        ImGui::Separator();
        for (const std::string& l : langs)
            if (ImGui::Selectable((std::string(message(l, "language.name")) + "##" + l).c_str(), chosen == l))
                out.language = l;
        ImGui::EndPopup();
    }
    return label.c_str();
}

// The compact bar's right end (embed=1): out of the frame, the same view in the full viewer in a new tab.
// Its place is reported (state().controls): a browser that opens a tab only inside the click's
// own event (WebKit) gets it from the page, which knows where the button is (web/lectern-page.js).
void full_view_link(SearchState& st, float width, Intents& out) {
    const float w = button_width(tr("embed.full_viewer"));
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), width - w - 8));
    if (ImGui::Button(labelled("embed.full_viewer", "full_viewer").c_str())) out.open_full_view = true;
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    st.controls.push_back({"full_viewer", a.x, a.y, b.x, b.y});
    ImGui::SetItemTooltip("%s", tr("embed.full_viewer_tooltip"));
}

// Tells the page's text input where the box is and whether it has the keys; a page
// edit that arrives while the box is inactive is stale and dropped.
void follow_field(TextFieldLink& field, bool box_active) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    field.x = a.x, field.y = a.y, field.w = b.x - a.x, field.h = b.y - a.y;
    field.active = box_active;
    if (!box_active) field.edit.reset();
    // The page's input went to something else on the page: the box lets the keys go too.
    if (std::exchange(field.blur, false) && box_active) ImGui::SetWindowFocus(nullptr);
}

// On a phone the box takes what the buttons leave, so longer words ("Фильтры",
// "Открыть…") shorten the box instead of pushing the switches off the screen.
float narrow_box_width(const Session& s, const SearchState& st, float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float others = button_width(tr(s.filter().active() ? "bar.filters_on" : "bar.filters")) +
                   button_width(tr("bar.open")) +
                   std::max({button_width(tr("theme.system_short")), button_width(tr("theme.dark_short")),
                             button_width(tr("theme.light_short"))}) +
                   language_button_width() + style.ItemSpacing.x * 4;
    if (s.search_active() && !st.show_results) {
        others += ImGui::CalcTextSize(tr("bar.show_results_short")).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
    }
    return std::max(60.0f, width - 10 - 10 - others);
}

// In a frame (embed=1) the box takes what Filters and the way out leave, so "Full viewer →"
// stays inside a 360 px frame in every language. The Results button comes only when the
// box keeps 100 px beside it (without it, Enter in the box opens the best match and the
// timeline marks every one).
float compact_box_width(const Session& s, float width, bool with_results) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float others = button_width(tr(s.filter().active() ? "bar.filters_on" : "bar.filters")) +
                   button_width(tr("embed.full_viewer")) + style.ItemSpacing.x * 2;
    if (with_results) others += button_width(tr("bar.show_results_short")) + style.ItemSpacing.x;
    return std::clamp(width - 10 - 8 - others, 60.0f, 300.0f);
}

}  // namespace

bool results_shown(const Session& s, const SearchState& st) { return st.show_results && s.search_active(); }

void draw_search_bar(const Session& s, SearchState& st, const Fonts& fonts, float width, Intents& out) {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput && ((io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_F)) || ImGui::IsKeyPressed(ImGuiKey_Slash)))
        st.focus_request = true;

    // A phone's width: the title is left to the reader and the status line, labels shorten.
    // In a host page's frame (embed=1) the bar keeps only search, filters and the way out.
    const bool compact = s.embed().compact;
    const bool narrow = width < 640.0f || compact;
    ImGui::SetCursorPos(ImVec2(compact ? 6 : 10, compact ? 4 : 6));
    if (!narrow) {
        ImGui::PushFont(fonts.heading);
        ImGui::SetWindowFontScale(0.72f);
        ImGui::TextUnformatted(s.archive().title.c_str());
        ImGui::SetWindowFontScale(1.0f);
        ImGui::PopFont();
        ImGui::SameLine(std::max(200.0f, width * 0.30f));
    }
    const bool results_button =
        s.search_active() && !st.show_results && (!compact || compact_box_width(s, width, true) >= 100.0f);
    ImGui::SetNextItemWidth(compact  ? compact_box_width(s, width, results_button)
                            : narrow ? narrow_box_width(s, st, width)
                                     : std::min(420.0f, width * 0.35f));
    // The page's text input was tapped (a phone): the box takes the keys.
    if (std::exchange(st.field.focus, false) && !st.field.active) st.focus_request = true;
    if (st.focus_request) {
        ImGui::SetWindowFocus();  // the reader's child window may hold the focus; take it back first
        ImGui::SetKeyboardFocusHere();
        st.focus_request = false;
    }
    // The box and the session's query stay in step: a query set from outside (a link,
    // the page's command) shows in the box; what the reader types is searched.
    if (s.query() != st.sent) {
        std::snprintf(st.query, sizeof st.query, "%s", s.query().c_str());
        // A query longer than the box (a link's, a command's) shows cut, and is not sent back cut.
        st.sent = std::strlen(s.query().c_str()) < sizeof st.query ? s.query() : std::string(st.query);
    }
    // A library packed without a search index: the box says so before a query is typed.
    const char* hint = tr(s.is_library() && !s.library_search() ? "library.search_hint"
                          : narrow                              ? "bar.search_hint_short"
                                                                : "bar.search_hint");
    st.labels.assign(1, hint);
    st.controls.clear();
    // A query in a script the faces lack, or right to left, is drawn over the box while the box
    // is not being edited (the box itself would draw replacement marks).
    const bool overlay =
        st.query[0] && ImGui::GetActiveID() != ImGui::GetID("##search") && needs_complex(ImGui::GetFont(), st.query);
    if (overlay) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
    const bool entered = ImGui::InputTextWithHint(
        "##search", hint, st.query, sizeof st.query,
        ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackAlways | ImGuiInputTextFlags_CallbackHistory,
        text_field_exchange, &st.field);
    if (overlay) {
        ImGui::PopStyleColor();
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax(), pad = ImGui::GetStyle().FramePadding;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->PushClipRect(a, b, true);
        draw_text_line(dl, fonts, ImVec2(a.x + pad.x, a.y + pad.y), ImGui::GetColorU32(ImGuiCol_Text), st.query,
                       b.x - a.x - 2 * pad.x);
        dl->PopClipRect();
    }
    if (s.indexing()) {  // the index is being built: a thin bar along the box's foot says how far
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        const float x = a.x + (b.x - a.x) * static_cast<float>(s.index_progress());
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(a.x, b.y - 2), ImVec2(x, b.y), current_theme().selection);
    }
    const bool box_active = ImGui::IsItemActive();
    follow_field(st.field, box_active);
    if (st.sent != st.query) {
        st.sent = st.query;
        out.search = st.sent;
        st.show_results = true;
        st.cursor = 0;
    }
    if (box_active && ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        st.query[0] = '\0';
        st.sent.clear();
        out.search = std::string();
        st.show_results = false;
    }
    // Up/Down walk the results from the box; Enter opens the highlighted one.
    if (results_shown(s, st) && !s.results().empty()) {
        const int n = static_cast<int>(s.results().size());
        if (box_active && ImGui::IsKeyPressed(ImGuiKey_DownArrow))
            st.cursor = std::min(st.cursor + 1, n - 1), st.scroll_to_cursor = true;
        if (box_active && ImGui::IsKeyPressed(ImGuiKey_UpArrow))
            st.cursor = std::max(st.cursor - 1, 0), st.scroll_to_cursor = true;
        if (entered) open_hit(s.results()[static_cast<std::size_t>(std::clamp(st.cursor, 0, n - 1))], st, out);
    }
    ImGui::SameLine();
    const bool filtering = s.filter().active();
    const char* filters = tr(filtering ? "bar.filters_on" : "bar.filters");
    st.labels.push_back(filters);
    if (ImGui::Button((std::string(filters) + "###filters").c_str())) ImGui::OpenPopup("##filters");
    filters_popup(s, st, out);
    ImGui::SameLine();
    if (!compact) {
        st.labels.push_back(tr("bar.open"));
        if (ImGui::Button(labelled("bar.open", "open").c_str())) out.open_file = true;
        ImGui::SetItemTooltip("%s", tr("bar.open_tooltip"));
        ImGui::SameLine();
    }
    if (s.search_active()) {
        if (results_button) {
            if (ImGui::SmallButton(labelled(narrow ? "bar.show_results_short" : "bar.show_results", "results").c_str()))
                st.show_results = true;
            ImGui::SameLine();
        }
        if (!narrow && (!s.is_library() || s.library_search())) {  // the results list says how many on a phone
            if (s.searching() && s.is_library()) {  // a library's index parts, or phrase checks, on their way
                ImGui::TextDisabled("%s", tr("results.searching"));
            } else if (s.searching()) {  // no count yet: how far the index is
                ImGui::TextDisabled("%s", tr("bar.indexing", {{"percent", index_percent(s)}}).c_str());
            } else {
                ImGui::TextDisabled("%s", tr_count("bar.results", static_cast<long long>(s.results().size())).c_str());
            }
            ImGui::SameLine();
        }
    }
    // A library part that could not be fetched: the notice said which; this asks again.
    if (s.library() && s.library()->any_failed()) {
        if (ImGui::SmallButton(labelled("library.retry", "retry").c_str())) out.retry_library = true;
        ImGui::SetItemTooltip("%s", tr("library.retry_tooltip"));
        ImGui::SameLine();
    }
    if (compact) {
        st.labels.push_back(tr("embed.full_viewer"));
        full_view_link(st, width, out);
        return;
    }
    // Theme, then language, at the right end; the language button's width is measured
    // from its label so the theme button can stand just left of it.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float lang_w = language_button_width();
    st.labels.push_back(theme_switch(s, width - 10 - lang_w - style.ItemSpacing.x, narrow, out));
    ImGui::SameLine();
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), width - 10 - lang_w));
    st.labels.push_back(language_switch(s, out));
}

void draw_results(const Session& s, SearchState& st, const Fonts& fonts, ImVec2 size, Intents& out) {
    ImGui::BeginChild("##results", size, 0, ImGuiWindowFlags_NavFlattened);  // Tab walks into it from the bar
    const float measure = std::min(size.x - 48.0f, ImGui::GetFontSize() * 48.0f);
    const float left = std::max(24.0f, (size.x - measure) / 2);
    ImGui::Dummy(ImVec2(0, 10));
    ImGui::SetCursorPosX(left);
    if (ImGui::SmallButton(labelled("results.close", "close").c_str())) st.show_results = false;
    ImGui::Spacing();
    const auto& results = s.results();
    // A library's search that could not read a part, or answers less than asked: said above the results.
    if (const LibrarySearch* ls = s.library_search(); ls && !ls->problem().empty()) {
        ImGui::SetCursorPosX(left);
        ImGui::PushTextWrapPos(left + measure);
        const std::string& subject = ls->problem_subject();
        ImGui::TextWrapped(
            "%s", tr(ls->problem().c_str(), {{"part", subject}, {"prefix", subject}, {"count", subject}}).c_str());
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
    }
    if (results.empty()) {
        ImGui::SetCursorPosX(left);
        ImGui::PushFont(fonts.body);
        if (s.is_library() && !s.library_search()) ImGui::TextWrapped("%s", tr("library.not_searchable"));
        else if (s.searching() && s.is_library()) ImGui::TextWrapped("%s", tr("results.searching"));
        else if (s.searching())  // a large archive's index is still being built: say how far along
            ImGui::TextWrapped("%s", tr("results.indexing", {{"percent", index_percent(s)}}).c_str());
        else if (!s.query().empty()) ImGui::TextWrapped("%s", tr("results.none_match", {{"query", s.query()}}).c_str());
        else ImGui::TextWrapped("%s", tr("results.none_pass"));
        ImGui::PopFont();
        ImGui::SetCursorPosX(left);
        ImGui::PushTextWrapPos(left + measure);
        ImGui::TextDisabled("%s", tr("results.help"));
        ImGui::PopTextWrapPos();
        ImGui::EndChild();
        return;
    }
    const float row_h = ImGui::GetTextLineHeightWithSpacing() * 2 + 6;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(results.size()), row_h);
    if (st.scroll_to_cursor) { clipper.IncludeItemByIndex(st.cursor); }
    int seen_first = static_cast<int>(results.size()), seen_last = 0;
    while (clipper.Step()) {
        seen_first = std::min(seen_first, clipper.DisplayStart);
        seen_last = std::max(seen_last, clipper.DisplayEnd);
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const SearchHit& h = results[static_cast<std::size_t>(i)];
            std::string date;
            const char* title = hit_label(s, h, date);
            ImGui::PushID(i);
            ImGui::SetCursorPosX(left);
            const ImVec2 top = ImGui::GetCursorPos();
            if (ImGui::Selectable("##hit", i == st.cursor, 0, ImVec2(measure, row_h - 4))) open_hit(h, st, out);
            if (i == st.cursor && st.scroll_to_cursor) {
                ImGui::SetScrollHereY(0.5f);
                st.scroll_to_cursor = false;
            }
            ImGui::SetCursorPos(ImVec2(top.x + 4, top.y + 2));
            ImGui::TextDisabled("%s", date.c_str());
            ImGui::SameLine(top.x + ImGui::GetFontSize() * 9);
            text_line_item(fonts, title);
            ImGui::SetCursorPosX(top.x + ImGui::GetFontSize() * 9);
            ImGui::PushFont(fonts.small);
            if (h.snippet.empty() && h.index >= 0 && s.is_library() && !s.query().empty())
                ImGui::TextDisabled("%s", tr("results.in_text"));  // a long text, not fetched for a snippet
            else draw_snippet(h, measure - ImGui::GetFontSize() * 9 - 8, fonts);
            ImGui::PopFont();
            ImGui::SetCursorPos(ImVec2(top.x, top.y + row_h));
            ImGui::PopID();
        }
    }
    // A library fetches the titles and snippets of the rows on screen first.
    if (seen_first < seen_last)
        out.results_seen = std::make_pair(static_cast<std::size_t>(seen_first), static_cast<std::size_t>(seen_last));
    ImGui::EndChild();
}

}  // namespace lectern::ui
