// The reader's front page: the archive's title, epigraph and pages, a library's
// collections, and the table of works (only the rows on screen are drawn).
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

namespace {

// A button the tests can find (state().controls), by its id.
bool control(Frame& fr, const std::string& label, const std::string& id) {
    const bool pressed = ImGui::SmallButton((label + "###" + id).c_str());
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    fr.st.controls.push_back({id, a.x, a.y, b.x, b.y});
    return pressed;
}

// A collection's "keep offline" control, after its title on the same line: the size it will
// take, its progress while kept, and the way back (stop, remove, try again).
void keep_offline_control(Frame& fr, const CollectionRef& c, std::uint32_t index) {
    const OfflineShelf::Entry& e = fr.s.offline().entry(c.id);
    const std::string id = "keep:" + c.id;
    ImGui::SameLine();
    switch (e.state) {
        case OfflineShelf::State::none:
            if (control(fr, tr("reader.keep_offline", {{"size", tr_size(c.offline_bytes)}}), id))
                fr.out.keep_offline = {index, true};
            break;
        case OfflineShelf::State::stale:
            if (control(fr, tr("reader.keep_update", {{"size", tr_size(c.offline_bytes)}}), id))
                fr.out.keep_offline = {index, true};
            break;
        case OfflineShelf::State::listing:
        case OfflineShelf::State::keeping: {
            const float done =
                e.total ? static_cast<float>(static_cast<double>(e.done) / static_cast<double>(e.total)) : 0;
            const std::string of = tr("reader.keeping", {{"done", tr_size(e.done)}, {"total", tr_size(e.total)}});
            ImGui::ProgressBar(done, ImVec2(ImGui::GetFontSize() * 12, 0), of.c_str());
            ImGui::SameLine();
            if (control(fr, tr("reader.keep_stop"), "stop:" + c.id)) fr.out.keep_offline = {index, false};
            break;
        }
        case OfflineShelf::State::kept:
            ImGui::TextDisabled("%s", tr("reader.kept", {{"size", tr_size(e.total)}}).c_str());
            ImGui::SameLine();
            if (control(fr, tr("reader.kept_remove"), "forget:" + c.id)) fr.out.keep_offline = {index, false};
            break;
        case OfflineShelf::State::failed:
            ImGui::TextUnformatted(tr("reader.keep_failed", {{"error", e.error}}).c_str());
            ImGui::SameLine();
            if (control(fr, tr("reader.keep_retry"), id)) fr.out.keep_offline = {index, true};
            break;
    }
}

// Why this page keeps no collection offline, when the reader can do something about it (a
// library read from disk is offline already; the desktop viewer has nothing to keep).
const char* offline_hint(const Session& s, const LibraryManifest& m) {
    const std::string& why = s.offline().unavailable();
    if (why == "no-worker") return tr("reader.offline_no_worker");
    if (why == "elsewhere") return tr("reader.offline_elsewhere");
    if (s.offline().available() &&
        std::none_of(m.collections.begin(), m.collections.end(), [](const CollectionRef& c) { return c.offline; }))
        return tr("reader.offline_none");
    return nullptr;
}

// A library's front page: its collections (each with its "keep offline" control where the
// page can keep one), and how much of it is loaded (the list below holds the works loaded so
// far; the timeline brings more as the reader zooms in).
void library_front(Frame& fr) {
    const LibraryManifest& m = fr.s.library()->manifest();
    const bool keeping = fr.s.offline().available();
    ImGui::PushFont(fr.f.ui);
    if (m.collections.size() > 1 || keeping) {
        section_title(fr, tr("reader.collections"));
        if (const char* hint = offline_hint(fr.s, m)) {
            ImGui::PushStyleColor(ImGuiCol_Text, current_theme().text_dim);
            ImGui::TextWrapped("%s", hint);
            ImGui::PopStyleColor();
        }
        // Only the rows on screen are drawn: a library may hold thousands of collections.
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(m.collections.size()), ImGui::GetFrameHeightWithSpacing());
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const CollectionRef& c = m.collections[static_cast<std::size_t>(i)];
                ImGui::AlignTextToFramePadding();
                text_line_item(fr.f, c.title);
                ImGui::SameLine();
                ImGui::TextDisabled("%s", tr_count("status.works", static_cast<long long>(c.works)).c_str());
                if (keeping && c.offline) keep_offline_control(fr, c, static_cast<std::uint32_t>(i));
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

}  // namespace

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

}  // namespace lectern::ui::reader
