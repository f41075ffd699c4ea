// The timeline's tooltips: what a work, event, life or cluster under the pointer is,
// and an era's dates and note.
#include "ui/timeline_tooltip.h"

#include <cmath>
#include <string>

#include "core/dates/date_format.h"
#include "core/i18n/translate.h"
#include "ui/theme.h"

namespace lectern::ui {

void era_tooltip(const Era& e) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
    ImGui::TextUnformatted(e.title.c_str());
    if (e.date) ImGui::TextDisabled("%s  ·  %s", format_date_human(*e.date).c_str(), e.date->text.c_str());
    if (!e.note.empty()) ImGui::TextUnformatted(e.note.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void timeline_tooltip(const Session& s, const TimelineState& st) {
    const Archive& a = s.archive();
    const TimelineModel& m = s.timeline();
    if (st.hovered.kind == TimelineHover::Kind::none || st.hovered.kind == TimelineHover::Kind::lane) return;
    const Lane& lane = m.lanes[static_cast<std::size_t>(st.hovered.lane)];
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
    if (st.hovered.kind == TimelineHover::Kind::cluster) {
        const PlacedCluster* c = nullptr;
        for (const PlacedCluster& k : st.frame.clusters)
            if (k.lane == st.hovered.lane && k.first == st.hovered.item) c = &k;
        if (c) {
            ImGui::TextUnformatted(
                tr("timeline.cluster", {{"lane", lane_title(lane)}, {"count", std::to_string(c->count)}}).c_str());
            ImGui::TextDisabled("%s", tr("timeline.cluster_zoom",
                                         {{"from", year_label(static_cast<std::int64_t>(std::floor(c->start)))},
                                          {"to", year_label(static_cast<std::int64_t>(std::floor(c->end)))}})
                                          .c_str());
        }
    } else {
        const int ref = lane.items[static_cast<std::size_t>(st.hovered.item)].ref;
        if (lane.kind == Lane::Kind::works) {
            const Work& w = a.works[static_cast<std::size_t>(ref)];
            ImGui::TextUnformatted(w.title.c_str());
            ImGui::TextDisabled("%s%s%s", shown_date(w).c_str(), w.kind.empty() ? "" : "  ·  ",
                                tr_term("kind.", w.kind).c_str());
            for (const std::string& pid : w.people)
                if (const Person* p = a.find_person(pid)) ImGui::TextDisabled("%s", p->name.c_str());
            if (w.attribution != "author") {
                ImGui::PushStyleColor(ImGuiCol_Text, current_theme().disputed);
                ImGui::TextUnformatted(tr_term("attribution.", w.attribution).c_str());
                ImGui::PopStyleColor();
            }
        } else if (lane.kind == Lane::Kind::events) {
            const Event& e = a.events[static_cast<std::size_t>(ref)];
            ImGui::TextUnformatted(e.title.c_str());
            ImGui::TextDisabled("%s%s%s", format_date_human(*e.date).c_str(), e.place.empty() ? "" : "  ·  ",
                                e.place.c_str());
        } else {
            const Person& p = a.people[static_cast<std::size_t>(ref)];
            ImGui::TextUnformatted(p.name.c_str());
            ImGui::TextDisabled("%s – %s", p.born ? format_date_human(*p.born).c_str() : "?",
                                p.died ? format_date_human(*p.died).c_str() : "");
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace lectern::ui
