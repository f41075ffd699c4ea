// Timeline drawing in two passes (Tracy's habit): place the visible works into
// rows, then draw. Labels are placed only where they fit; elsewhere a work is a
// mark alone, never overlapping text.
#include "ui/timeline_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/date_format.h"
#include "ui/theme.h"

namespace lectern::ui {

namespace {

constexpr float kAxisHeight = 26.0f;
constexpr float kLaneGap = 6.0f;
constexpr float kPersonRow = 18.0f;
constexpr float kEventRow = 16.0f;
constexpr float kWorkRow = 18.0f;
constexpr float kMinMark = 6.0f;   // narrower spans are drawn this wide, so they stay clickable
constexpr float kLabelGap = 10.0f;
constexpr float kLabelOffset = 5.0f;  // from a mark's end to its label

// Maps fractional years to x and back for one frame.
struct Axis {
    double start, end;
    float x0, width;
    float x(double year) const { return x0 + static_cast<float>((year - start) / (end - start)) * width; }
    double year(float px) const { return start + (px - x0) / width * (end - start); }
    double years_per_px() const { return (end - start) / width; }
};

std::string year_label(long long y) {
    // Astronomical numbering: year 0 is 1 BCE.
    return y <= 0 ? std::to_string(1 - y) + " BCE" : std::to_string(y);
}

void draw_axis(ImDrawList* dl, const Axis& ax, const Fonts& fonts, float y0, float y1, float top, const Theme& t) {
    dl->AddLine(ImVec2(ax.x0, y0), ImVec2(ax.x0 + ax.width, y0), t.axis);
    // The smallest round step whose labels stay at least ~70 px apart.
    static const double kSteps[] = {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000};
    const double px_per_year = ax.width / (ax.end - ax.start);
    double step = kSteps[sizeof(kSteps) / sizeof(kSteps[0]) - 1];
    for (double s : kSteps) {
        if (s * px_per_year >= 70.0) {
            step = s;
            break;
        }
    }
    const double first = std::ceil(ax.start / step) * step;
    ImGui::PushFont(fonts.small);
    for (double y = first; y <= ax.end; y += step) {
        const float x = std::round(ax.x(y)) + 0.5f;
        dl->AddLine(ImVec2(x, top), ImVec2(x, y0), IM_COL32(0, 0, 0, 18));
        dl->AddLine(ImVec2(x, y0), ImVec2(x, y0 + 5), t.axis);
        const std::string label = year_label(static_cast<long long>(std::llround(y)));
        const ImVec2 sz = ImGui::CalcTextSize(label.c_str());
        dl->AddText(ImVec2(x - sz.x / 2, y0 + 7), t.tick_text, label.c_str());
    }
    // Month ticks once a month is wide enough to read.
    if (px_per_year / 12.0 >= 40.0) {
        static const char* kMonths[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        for (long long y = static_cast<long long>(std::floor(ax.start)); y <= static_cast<long long>(ax.end); ++y) {
            for (int m = 1; m < 12; ++m) {
                const double at = day_to_year(days_from_civil(y, m + 1, 1));
                if (at < ax.start || at > ax.end) continue;
                const float x = std::round(ax.x(at)) + 0.5f;
                dl->AddLine(ImVec2(x, y0), ImVec2(x, y0 + 3), t.axis);
                const ImVec2 sz = ImGui::CalcTextSize(kMonths[m]);
                dl->AddText(ImVec2(x - sz.x / 2, y0 + 7), t.text_dim, kMonths[m]);
            }
        }
    }
    ImGui::PopFont();
    (void)y1;
}

void work_tooltip(const Session& s, int work) {
    const Work& w = s.archive().works[static_cast<std::size_t>(work)];
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    ImGui::TextUnformatted(w.title.c_str());
    ImGui::TextDisabled("%s%s%s", shown_date(w).c_str(), w.kind.empty() ? "" : "  ·  ", w.kind.c_str());
    if (w.attribution != "author") {
        ImGui::PushStyleColor(ImGuiCol_Text, light_theme().disputed);
        ImGui::Text("Attribution: %s", w.attribution.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace

void draw_timeline(const Session& s, TimelineState& st, const Fonts& fonts, ImVec2 size, Intents& out) {
    const Theme& t = light_theme();
    const Archive& a = s.archive();
    ImGuiIO& io = ImGui::GetIO();

    ImGui::InvisibleButton("##timeline", size, ImGuiButtonFlags_MouseButtonLeft);
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    const ImVec2 p0 = ImGui::GetItemRectMin(), p1 = ImGui::GetItemRectMax();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(p0, p1, true);
    dl->AddRectFilled(p0, p1, t.canvas);

    const float pad = 12.0f;
    const Axis ax{s.view().start, s.view().end, p0.x + pad, std::max(1.0f, size.x - 2 * pad)};
    const float axis_y = p1.y - kAxisHeight;
    float y = p0.y + kLaneGap;

    // Lives.
    ImGui::PushFont(fonts.small);
    for (const Person& p : a.people) {
        if (!p.born && !p.died) continue;
        const double b = day_to_year((p.born ? *p.born : *p.died).earliest_day);
        const double d = day_to_year((p.died ? *p.died : *p.born).latest_day + 1);
        const float x0 = std::max(ax.x(b), p0.x - 10), x1 = std::min(ax.x(d), p1.x + 10);
        if (x1 > p0.x && x0 < p1.x) {
            dl->AddRectFilled(ImVec2(x0, y + 3), ImVec2(x1, y + kPersonRow - 3), IM_COL32(120, 110, 95, 60), 3);
            dl->AddRectFilled(ImVec2(x0, y + 3), ImVec2(x0 + 3, y + kPersonRow - 3), t.person_bar);
            const float tx = std::max(x0 + 6, p0.x + pad);
            dl->AddText(ImVec2(tx, y + 2), t.text, p.name.c_str());
        }
        y += kPersonRow;
    }
    ImGui::PopFont();

    // Life events, one row of ticks.
    y += 2;
    int hovered_event = -1;
    for (std::size_t i = 0; i < a.events.size(); ++i) {
        const Event& e = a.events[i];
        if (!e.date) continue;
        const float x0 = ax.x(day_to_year(e.date->earliest_day));
        const float x1 = std::max(ax.x(day_to_year(e.date->latest_day + 1)), x0 + 2);
        const float cy = y + kEventRow / 2;
        dl->AddRectFilled(ImVec2(x0, cy - 2), ImVec2(x1, cy + 2), IM_COL32(90, 90, 90, 90), 1);
        dl->AddNgonFilled(ImVec2(x0, cy), 4.5f, t.event_mark, 4);
        if (hovered && std::fabs(io.MousePos.x - x0) < 6 && std::fabs(io.MousePos.y - cy) < kEventRow / 2)
            hovered_event = static_cast<int>(i);
    }
    y += kEventRow + kLaneGap;
    dl->AddLine(ImVec2(p0.x, y - kLaneGap / 2), ImVec2(p1.x, y - kLaneGap / 2), IM_COL32(0, 0, 0, 25));

    // Works: pass 1, place each visible work in the first row where it fits,
    // with its label if possible.
    const float works_top = y;
    const int max_rows = std::max(1, static_cast<int>((axis_y - works_top - 4) / kWorkRow));
    st.marks.clear();
    st.row_ends.assign(static_cast<std::size_t>(max_rows), -1e30f);
    st.row_mark_ends.assign(static_cast<std::size_t>(max_rows), -1e30f);
    st.row_last.assign(static_cast<std::size_t>(max_rows), -1);
    ImGui::PushFont(fonts.small);
    for (const TimelineItem& it : s.items().works) {
        float x0 = ax.x(it.start), x1 = ax.x(it.end);
        if (x1 < p0.x || x0 > p1.x) continue;
        if (x1 - x0 < kMinMark) {
            const float c = (x0 + x1) / 2;
            x0 = c - kMinMark / 2;
            x1 = c + kMinMark / 2;
        }
        const Work& w = a.works[static_cast<std::size_t>(it.work)];
        const float label_w = ImGui::CalcTextSize(w.title.c_str()).x;
        const float with_label = x1 + kLabelOffset + label_w + kLabelGap;
        int row = -1;
        bool labelled = false;
        for (int r = 0; r < max_rows && row < 0; ++r)
            if (st.row_ends[r] <= x0 && with_label <= p1.x) row = r, labelled = true;
        for (int r = 0; r < max_rows && row < 0; ++r)
            if (st.row_ends[r] <= x0) row = r;
        // Only a label in the way: the label gives way to the mark.
        for (int r = 0; r < max_rows && row < 0; ++r)
            if (st.row_mark_ends[r] <= x0) {
                row = r;
                st.marks[static_cast<std::size_t>(st.row_last[r])].labelled = false;
            }
        if (row < 0) {  // crowded: overlap the marks in the row that frees first
            row = static_cast<int>(std::min_element(st.row_mark_ends.begin(), st.row_mark_ends.end()) -
                                   st.row_mark_ends.begin());
            if (st.row_last[row] >= 0) st.marks[static_cast<std::size_t>(st.row_last[row])].labelled = false;
        }
        st.row_ends[static_cast<std::size_t>(row)] = labelled ? with_label : x1 + 2;
        st.row_mark_ends[static_cast<std::size_t>(row)] = x1 + 2;
        st.row_last[static_cast<std::size_t>(row)] = static_cast<int>(st.marks.size());
        const float ry = works_top + row * kWorkRow;
        st.marks.push_back({it.work, x0, ry + 2, x1, ry + kWorkRow - 2, labelled});
    }

    // Pass 2: hit-test, then draw.
    st.hovered = -1;
    if (hovered && hovered_event < 0) {
        for (auto m = st.marks.rbegin(); m != st.marks.rend(); ++m) {
            const float lx1 =
                m->labelled ? m->x1 + kLabelOffset + ImGui::CalcTextSize(a.works[m->work].title.c_str()).x : m->x1;
            if (io.MousePos.x >= m->x0 - 2 && io.MousePos.x <= lx1 && io.MousePos.y >= m->y0 - 1 &&
                io.MousePos.y <= m->y1 + 1) {
                st.hovered = m->work;
                break;
            }
        }
    }
    for (const TimelineMark& m : st.marks) {
        const Work& w = a.works[static_cast<std::size_t>(m.work)];
        const ImU32 col = kind_colour(w.kind);
        const bool sel = m.work == s.selected();
        if (m.work == st.hovered) dl->AddRectFilled(ImVec2(m.x0 - 3, m.y0 - 2), ImVec2(m.x1 + 3, m.y1 + 2), t.hover, 3);
        dl->AddRectFilled(ImVec2(m.x0, m.y0 + 2), ImVec2(m.x1, m.y1 - 2), col, 2);
        if (w.attribution == "disputed")  // a hollow centre marks a disputed attribution
            dl->AddRect(ImVec2(m.x0 - 1, m.y0 + 1), ImVec2(m.x1 + 1, m.y1 - 1), t.disputed, 2, 0, 2);
        if (sel) dl->AddRect(ImVec2(m.x0 - 3, m.y0 - 1), ImVec2(m.x1 + 3, m.y1 + 1), t.selection, 3, 0, 2);
        if (m.labelled) {
            const ImU32 tc = sel ? t.selection : t.text;
            dl->AddText(ImVec2(m.x1 + kLabelOffset, m.y0 - 0.5f), tc, w.title.c_str());
        }
    }
    ImGui::PopFont();

    draw_axis(dl, ax, fonts, axis_y, p1.y, p0.y, t);
    dl->PopClipRect();

    // Interaction: drag pans, wheel zooms around the pointer, a click selects.
    if (ImGui::IsItemActivated()) st.dragged = false;
    if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f)) {
        st.dragged = true;
        const double dy = io.MouseDelta.x * ax.years_per_px();
        if (dy != 0.0) out.view = TimeWindow{s.view().start - dy, s.view().end - dy};
    }
    if (ImGui::IsItemDeactivated() && !st.dragged && hovered) out.select = st.hovered;
    if (hovered && io.MouseWheel != 0.0f) {
        const double anchor = ax.year(io.MousePos.x);
        const double f = std::pow(1.2, -io.MouseWheel);
        out.view = TimeWindow{anchor - (anchor - s.view().start) * f, anchor + (s.view().end - anchor) * f};
    }

    if (st.hovered >= 0 && !active) work_tooltip(s, st.hovered);
    if (hovered_event >= 0 && !active) {
        const Event& e = a.events[static_cast<std::size_t>(hovered_event)];
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
        ImGui::TextUnformatted(e.title.c_str());
        ImGui::TextDisabled("%s%s%s", format_date_human(*e.date).c_str(), e.place.empty() ? "" : "  ·  ", e.place.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

}  // namespace lectern::ui
