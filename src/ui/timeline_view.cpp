// The timeline view: draws the layout src/core computes (lanes, marks, clusters,
// ticks) and turns pointer and keys into view changes and selections.
//
// [SECTION] constants and helpers
// [SECTION] motion: eased moves and inertia
// [SECTION] drawing lanes, axis, overview (the marks: timeline_marks.cpp)
// [SECTION] era bands
// [SECTION] input
// [SECTION] draw_timeline
#include "ui/timeline_view.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <imgui_internal.h>  // GetFocusID, SetKeyOwner: the timeline keeps its keys when tabbed to

#include "core/dates/date_format.h"
#include "core/timeline/era_bands.h"
#include "core/timeline/glide.h"
#include "core/i18n/translate.h"
#include "ui/complex_text.h"
#include "ui/theme.h"
#include "ui/timeline_marks.h"
#include "ui/timeline_tooltip.h"

namespace lectern::ui {

// [SECTION] constants and helpers ---------------------------------------------------------

namespace {

using namespace timeline;  // the marks layer and its helpers (ui/timeline_marks.h)

constexpr float kGutter = 132.0f;  // lane names, which double as the legend: at least this wide
constexpr float kRightPad = 12.0f;
constexpr float kLaneGap = 3.0f;
constexpr float kCollapsedH = 15.0f;
constexpr float kAxisH = 24.0f;
constexpr float kOverviewH = 22.0f;
constexpr float kEraRowH = 15.0f;  // a row of era labels above the lanes

YearWindow window_of(const Session& s) { return {s.view().start, s.view().end}; }

// A lane's name as the legend writes it: a folded lane shows how many items it hides.
std::string lane_name(const TimelineState& st, const Lane& lane) {
    return lane_title(lane) + (is_collapsed(st, lane.key) ? " (" + std::to_string(lane.items.size()) + ")" : "");
}

// The span of a work in time order, for scrolling it into view.
const TimelineItem* item_of_work(const Session& s, int work) {
    const int rank = s.items().rank_of(work);
    return rank < 0 ? nullptr : &s.items().works[static_cast<std::size_t>(rank)];
}

// [SECTION] motion: eased moves and inertia ---------------------------------------------------

void start_move(TimelineState& st, YearWindow from, YearWindow to) {
    st.animating = true;
    st.anim_from = from;
    st.anim_to = to;
    st.anim_t = 0;
    st.velocity = 0;
}

// Advances eased moves and post-drag glide; returns the window to draw this frame.
YearWindow advance_motion(TimelineState& st, YearWindow w, double dt, double years_per_px, bool held) {
    if (st.animating) {
        st.anim_t += dt;
        w = ease_window(st.anim_from, st.anim_to, st.anim_t / st.anim_duration);
        if (st.anim_t >= st.anim_duration) st.animating = false;
        return w;
    }
    if (st.velocity != 0 && !held) {
        // The glide decays as exp(-6t): it covers at most velocity / 6 (core/timeline/glide.h).
        const double shift = glide_step(st.velocity, dt, 6.0);
        w = {w.start + shift, w.end + shift};
        if (std::fabs(st.velocity / years_per_px) < 8.0) st.velocity = 0;  // under 8 px/s: stop
    }
    return w;
}

// [SECTION] drawing lanes, axis, overview (the marks: timeline_marks.cpp) -------------------------


void draw_axis(ImDrawList* dl, TimelineState& st, const ViewTransform& vt, const Fonts& fonts, float top, float axis_y,
               const Theme& t) {
    ImGui::PushFont(fonts.small);
    axis_ticks(
        vt, [](std::string_view s) { return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x; }, 10.0f, st.ticks);
    dl->AddLine(ImVec2(vt.x0, axis_y), ImVec2(vt.x0 + vt.width, axis_y), t.axis);
    for (const AxisTick& tick : st.ticks) {
        const float x = std::round(vt.x(tick.year)) + 0.5f;
        dl->AddLine(ImVec2(x, top), ImVec2(x, axis_y), t.faint(tick.major ? 28 : 14));
        dl->AddLine(ImVec2(x, axis_y), ImVec2(x, axis_y + (tick.major ? 6.0f : 4.0f)), t.axis);
        const ImVec2 sz = ImGui::CalcTextSize(tick.label.c_str());
        dl->AddText(ImVec2(x - sz.x / 2, axis_y + 6), tick.major ? t.text : t.tick_text, tick.label.c_str());
    }
    ImGui::PopFont();
}

void draw_overview(ImDrawList* dl, const TimelineModel& m, const std::vector<std::uint32_t>& matches, YearWindow w,
                   ImVec2 a, ImVec2 b, const Theme& t, YearWindow& extent) {
    dl->AddRectFilled(a, b, t.lane_alt);
    const double span = std::max(m.last - m.first, 1.0);
    extent = {m.first - span * 0.02, m.last + span * 0.02};
    const ViewTransform vt{extent.start, extent.end, a.x, b.x - a.x};
    if (!m.density.empty()) {
        const std::uint32_t peak = *std::max_element(m.density.begin(), m.density.end());
        const double bin_years = span / static_cast<double>(m.density.size());
        for (std::size_t i = 0; i < m.density.size(); ++i) {
            if (!m.density[i]) continue;
            const float x0 = vt.x(m.first + bin_years * static_cast<double>(i));
            const float x1 = std::max(x0 + 1, vt.x(m.first + bin_years * static_cast<double>(i + 1)));
            const float h = (b.y - a.y - 4) * std::sqrt(static_cast<float>(m.density[i]) / static_cast<float>(peak));
            dl->AddRectFilled(ImVec2(x0, b.y - 2 - h), ImVec2(x1, b.y - 2),
                              with_alpha(t.axis, matches.empty() ? 0.55f : 0.25f));
            // A library's search: how many of the bin's works match, whether loaded or not.
            if (i < matches.size() && matches[i]) {
                const float hm = (b.y - a.y - 4) * std::sqrt(static_cast<float>(matches[i]) / static_cast<float>(peak));
                dl->AddRectFilled(ImVec2(x0, b.y - 2 - std::max(hm, 2.0f)), ImVec2(x1, b.y - 2), t.match_current);
            }
        }
    }
    const float wx0 = std::clamp(vt.x(w.start), a.x, b.x - 2), wx1 = std::clamp(vt.x(w.end), wx0 + 2, b.x);
    dl->AddRectFilled(ImVec2(wx0, a.y + 1), ImVec2(wx1, b.y - 1), IM_COL32(0, 114, 178, 40), 2);
    dl->AddRect(ImVec2(wx0, a.y + 1), ImVec2(wx1, b.y - 1), IM_COL32(0, 114, 178, 200), 2, 0, 1.5f);
}

// [SECTION] era bands ----------------------------------------------------------------------------

// Tints behind everything in the lane area, an edge where an era begins or ends in view,
// and labels in the strip above the lanes.
void draw_era_bands(ImDrawList* dl, const Archive& a, const TimelineState& st, float top, float bottom, float strip_top,
                    const Theme& t, const Fonts& fonts) {
    const auto width = [&](std::string_view s) { return text_line_width(fonts, s); };
    for (const EraBand& b : st.eras) {
        const ImU32 tint = t.era_tint[b.shade];
        const ImU32 clear = with_alpha(tint, 0.0f);
        // An unknown end fades over a few pixels instead of stopping at an edge.
        const float fade = std::min(16.0f, (b.x1 - b.x0) / 3);
        const float x0 = b.fade_start ? b.x0 + fade : b.x0, x1 = b.fade_end ? b.x1 - fade : b.x1;
        dl->AddRectFilled(ImVec2(x0, top), ImVec2(x1, bottom), tint);
        if (b.fade_start) dl->AddRectFilledMultiColor(ImVec2(b.x0, top), ImVec2(x0, bottom), clear, tint, tint, clear);
        if (b.fade_end) dl->AddRectFilledMultiColor(ImVec2(x1, top), ImVec2(b.x1, bottom), tint, clear, clear, tint);
        if (b.era == st.hovered_era) dl->AddRectFilled(ImVec2(b.x0, top), ImVec2(b.x1, bottom), tint);
        if (!b.clipped_start && !b.fade_start)
            dl->AddLine(ImVec2(b.x0 + 0.5f, top), ImVec2(b.x0 + 0.5f, bottom), t.faint(22));
        if (!b.clipped_end && !b.fade_end)
            dl->AddLine(ImVec2(b.x1 - 0.5f, top), ImVec2(b.x1 - 0.5f, bottom), t.faint(22));
        if (!b.labelled) continue;
        const std::string& title = a.eras[static_cast<std::size_t>(b.era)].title;
        const ImVec2 at(std::round(b.label_x), strip_top + static_cast<float>(b.row) * kEraRowH);
        if (!b.truncated) {
            draw_text_line(dl, fonts, at, t.tick_text, title);
            continue;
        }
        const std::size_t n = fit_label(title, b.label_w, width);
        if (n == 0) continue;
        draw_text_line(dl, fonts, at, t.tick_text, std::string_view(title).substr(0, n));
        dl->AddText(ImVec2(at.x + width(std::string_view(title).substr(0, n)), at.y), t.tick_text, "…");
    }
}

// The lane names' column: as wide as the longest name as drawn (kinds and languages run
// long: "Obituaries and speeches", "Nécrologies et discours"), within a fifth of the width;
// a name longer still is cut at the column's edge.
float gutter_width(const TimelineModel& m, const TimelineState& st, const Fonts& fonts, float width) {
    ImGui::PushFont(fonts.small);
    float widest = 0;
    for (const Lane& lane : m.lanes) widest = std::max(widest, ImGui::CalcTextSize(lane_name(st, lane).c_str()).x);
    ImGui::PopFont();
    return std::clamp(23 + widest + 10, kGutter, std::max(kGutter, width * 0.2f));
}

// A selection the reader made elsewhere (reader, results, keys) is brought into view;
// selections from links and commands come with their own view, which wins.
void follow_selection(const Session& s, TimelineState& st, YearWindow w) {
    if (!st.follow_request) return;
    st.follow_request = false;
    if (const TimelineItem* it = s.selected() >= 0 ? item_of_work(s, s.selected()) : nullptr) {
        const double span = w.end - w.start;
        if (it->start < w.start + span * 0.05 || it->end > w.end - span * 0.05) {
            YearWindow to = centre_on(w, (it->start + it->end) / 2);
            if (it->end - it->start > span * 0.8)
                to = zoom_about(to, (it->start + it->end) / 2, (it->end - it->start) * 1.4 / span);
            start_move(st, w, to);
        }
    }
}

// Layout: as many rows per lane as fit the height `avail` (the small font pushed).
LayoutParams lay_out_lanes(const Session& s, TimelineState& st, const ViewTransform& vt, float avail,
                           const Fonts& fonts) {
    const Archive& a = s.archive();
    const TimelineModel& m = s.timeline();
    const auto label_width = [&](int lane, int item) {
        const Lane& l = m.lanes[static_cast<std::size_t>(lane)];
        if (l.kind == Lane::Kind::people) return 0.0f;  // a life's name is written inside its bar
        return text_line_width(fonts, item_label(a, l, item));
    };
    LayoutParams params;
    auto lanes_height = [&]() {
        float h = 0;
        for (std::size_t i = 0; i < m.lanes.size(); ++i)
            h += (is_collapsed(st, m.lanes[i].key) ? kCollapsedH : st.frame.lane_rows[i] * kRowH) + kLaneGap;
        return h;
    };
    // Lanes share the band's height: with few lanes each may take more than six rows (a
    // one-lane archive of 40,000 works fills the band instead of leaving most of it empty).
    std::size_t open_lanes = 0;
    for (const Lane& lane : m.lanes) open_lanes += is_collapsed(st, lane.key) ? 0 : 1;
    const int fit = open_lanes ? static_cast<int>(avail / (static_cast<float>(open_lanes) * (kRowH + kLaneGap))) : 6;
    const int most = std::clamp(fit, 6, 24);
    // Start one above last frame's row count, so a steady view lays out once or twice, not six times.
    for (params.max_rows = std::min(most, st.rows_cap + 1); params.max_rows >= 1; --params.max_rows) {
        layout_timeline(m, vt, params, label_width, st.frame);
        if (lanes_height() <= avail) break;
    }
    if (params.max_rows < 1) params.max_rows = 1;
    st.rows_cap = params.max_rows;
    return params;
}


// What is under the pointer (also while pressed: a release and a double click need to know).
void find_hover(const TimelineModel& m, TimelineState& st, ImVec2 mp, float ax_x0, float top, float axis_y) {
    const std::vector<float>& lane_y = st.lane_y;
    if (mp.y < axis_y) {
        for (std::size_t i = 0; i < m.lanes.size(); ++i) {
            const float h = is_collapsed(st, m.lanes[i].key) ? kCollapsedH : st.frame.lane_rows[i] * kRowH;
            if (mp.y < lane_y[i] || mp.y >= lane_y[i] + h) continue;
            if (mp.x < ax_x0 - 4) {
                st.hovered = {TimelineHover::Kind::lane, static_cast<int>(i), -1};
            } else if (!is_collapsed(st, m.lanes[i].key)) {
                const int row = static_cast<int>((mp.y - lane_y[i]) / kRowH);
                if (const PlacedMark* mk = mark_at(st.frame, static_cast<int>(i), row, mp.x)) {
                    const Lane& lane = m.lanes[i];
                    const auto kind = lane.kind == Lane::Kind::works    ? TimelineHover::Kind::work
                                      : lane.kind == Lane::Kind::events ? TimelineHover::Kind::event
                                                                        : TimelineHover::Kind::person;
                    st.hovered = {kind, static_cast<int>(i), mk->item};
                    if (kind == TimelineHover::Kind::work)
                        st.hovered_work = lane.items[static_cast<std::size_t>(mk->item)].ref;
                } else if (const PlacedCluster* c = cluster_at(st.frame, static_cast<int>(i), mp.x)) {
                    st.hovered = {TimelineHover::Kind::cluster, static_cast<int>(i), c->first};
                }
            }
        }
    }
    // An era answers where no item does: anywhere over the lanes and their label strip.
    if (st.hovered.kind == TimelineHover::Kind::none && mp.x >= ax_x0 && mp.y >= top && mp.y < axis_y)
        if (const EraBand* b = era_band_at(st.eras, mp.x)) st.hovered_era = b->era;
}

// Lane backgrounds and names (the legend); records where each lane's top is.
void draw_legend(ImDrawList* dl, const TimelineModel& m, TimelineState& st, ImVec2 p0, ImVec2 p1, float lanes_top,
                 float ax_x0, float axis_y, const Theme& t) {
    std::vector<float>& lane_y = st.lane_y;
    lane_y.assign(m.lanes.size(), 0);
    float y = lanes_top;
    for (std::size_t i = 0; i < m.lanes.size(); ++i) {
        const Lane& lane = m.lanes[i];
        const float h = is_collapsed(st, lane.key) ? kCollapsedH : st.frame.lane_rows[i] * kRowH;
        lane_y[i] = y;
        if (i % 2 == 1) dl->AddRectFilled(ImVec2(p0.x, y - 2), ImVec2(p1.x, y + h + 2), t.lane_alt);
        const ImU32 col = lane_colour(lane, t);
        dl->AddRectFilled(ImVec2(p0.x + 8, y + 4), ImVec2(p0.x + 18, y + 13), col, 2);
        const std::string name = lane_name(st, lane);
        // Cut at the gutter's edge: a long name ("Obituaries and speeches") would run into the marks.
        dl->PushClipRect(ImVec2(p0.x, y - 2), ImVec2(ax_x0 - 6, y + h + 2), true);
        dl->AddText(ImVec2(p0.x + 23, y + 1), t.text, name.c_str());
        dl->PopClipRect();
        y += h + kLaneGap;
    }
    dl->AddLine(ImVec2(ax_x0 - 4, lanes_top), ImVec2(ax_x0 - 4, axis_y), t.faint(30));
}

// The button let go: a click (no drag) folds a lane, selects a work or zooms into a cluster.
void release(const TimelineModel& m, TimelineState& st, YearWindow w, Intents& out) {
    if (!st.dragged) {
        st.velocity = 0;
        if (st.press == TimelineState::Press::gutter && st.hovered.kind == TimelineHover::Kind::lane) {
            const std::string& key = m.lanes[static_cast<std::size_t>(st.hovered.lane)].key;
            const auto it = std::find(st.collapsed.begin(), st.collapsed.end(), key);
            if (it == st.collapsed.end()) st.collapsed.push_back(key);
            else st.collapsed.erase(it);
        } else if (st.hovered.kind == TimelineHover::Kind::work) {
            out.select = st.hovered_work;
        } else if (st.hovered.kind == TimelineHover::Kind::cluster) {
            for (const PlacedCluster& c : st.frame.clusters)
                if (c.lane == st.hovered.lane && c.first == st.hovered.item) {
                    const double pad = std::max((c.end - c.start) * 0.15, 1.0 / 365);
                    start_move(st, w, {c.start - pad, c.end + pad});
                }
        }
    } else if (st.press != TimelineState::Press::lanes) {
        st.velocity = 0;
    }
    st.press = TimelineState::Press::none;
}

// Keys, when the timeline has focus or the pointer: arrows pan, +/- zoom, Home fits,
// [ and ] ask the app for the previous or next work (core/timeline's step_in_time).
void timeline_keys(const Session& s, TimelineState& st, YearWindow w, Intents& out) {
    const double span = w.end - w.start;
    auto key = [](ImGuiKey k) { return ImGui::IsKeyPressed(k, true); };
    if (key(ImGuiKey_LeftArrow)) start_move(st, w, {w.start - span * 0.2, w.end - span * 0.2});
    if (key(ImGuiKey_RightArrow)) start_move(st, w, {w.start + span * 0.2, w.end + span * 0.2});
    if (key(ImGuiKey_Equal) || key(ImGuiKey_KeypadAdd)) start_move(st, w, zoom_about(w, (w.start + w.end) / 2, 0.5));
    if (key(ImGuiKey_Minus) || key(ImGuiKey_KeypadSubtract))
        start_move(st, w, zoom_about(w, (w.start + w.end) / 2, 2.0));
    if (key(ImGuiKey_Home)) {
        const TimeWindow fit = s.fitted_view();
        start_move(st, w, {fit.start, fit.end});
    }
    if (key(ImGuiKey_LeftBracket)) out.step = -1;
    if (key(ImGuiKey_RightBracket)) out.step = 1;
}

}  // namespace

// [SECTION] draw_timeline -----------------------------------------------------------------------

void draw_timeline(const Session& s, TimelineState& st, const Fonts& fonts, ImVec2 size, Intents& out) {
    const Theme& t = current_theme();
    const Archive& a = s.archive();
    const TimelineModel& m = s.timeline();
    ImGuiIO& io = ImGui::GetIO();

    ImGui::InvisibleButton("##timeline", size, ImGuiButtonFlags_MouseButtonLeft);
    const ImGuiID timeline_id = ImGui::GetItemID();
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    const ImVec2 p0 = ImGui::GetItemRectMin(), p1 = ImGui::GetItemRectMax();
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // Eras label a strip above the lanes: one row, or two when eras nest.
    const int era_rows = era_label_rows(s.era_spans(), EraBandParams{}.label_rows);
    const float strip_top = p0.y + 3;
    const float lanes_top = p0.y + 4 + static_cast<float>(era_rows) * kEraRowH, overview_y0 = p1.y - kOverviewH,
                axis_y = overview_y0 - kAxisH;
    const float gutter = gutter_width(m, st, fonts, size.x);
    const float ax_x0 = p0.x + gutter, ax_w = std::max(1.0f, size.x - gutter - kRightPad);

    // Motion first, so this frame draws where the view is going.
    const YearWindow before = window_of(s);
    if (before.start != st.drawn.start || before.end != st.drawn.end) {
        st.animating = false;  // a command or a link set the view: it wins over any motion
        st.velocity = 0;
        st.follow_request = false;
    }
    YearWindow w = advance_motion(st, before, io.DeltaTime, (before.end - before.start) / ax_w, active);

    follow_selection(s, st, w);

    // Layout: as many rows per lane as fit the height.
    ImGui::PushFont(fonts.small);
    const ViewTransform vt{w.start, w.end, ax_x0, ax_w};
    st.axis_x0 = ax_x0;
    st.axis_width = ax_w;
    const LayoutParams params = lay_out_lanes(s, st, vt, axis_y - lanes_top - 2, fonts);

    dl->PushClipRect(p0, p1, true);
    dl->AddRectFilled(p0, p1, t.canvas);
    draw_legend(dl, m, st, p0, p1, lanes_top, ax_x0, axis_y, t);

    // Era bands over the lane grounds (their tints are translucent), under the axis and the marks.
    layout_era_bands(
        s.era_spans(), vt, EraBandParams{},
        [&](int era) { return text_line_width(fonts, a.eras[static_cast<std::size_t>(era)].title); }, st.eras);
    st.eras_y0 = p0.y;
    st.eras_y1 = axis_y;
    dl->PushClipRect(ImVec2(ax_x0 - 4, p0.y), ImVec2(p1.x, axis_y), true);
    draw_era_bands(dl, a, st, p0.y, axis_y, strip_top, t, fonts);
    dl->PopClipRect();
    ImGui::PopFont();

    draw_axis(dl, st, vt, fonts, lanes_top, axis_y, t);

    // Marks, clusters and labels, clipped to the lane area.
    ImGui::PushFont(fonts.small);
    dl->PushClipRect(ImVec2(ax_x0 - 2, p0.y), ImVec2(p1.x, axis_y), true);
    draw_marks(dl, s, st, vt, ax_x0, p1.x, params.label_offset_px, t, fonts);
    dl->PopClipRect();
    ImGui::PopFont();

    YearWindow extent;
    draw_overview(dl, m, s.match_density(), w, ImVec2(ax_x0, overview_y0 + 3), ImVec2(ax_x0 + ax_w, p1.y - 2), t,
                  extent);
    dl->PopClipRect();

    // [SECTION] input ----------------------------------------------------------------------------
    const ImVec2 mp = io.MousePos;
    st.hovered = {};
    st.hovered_work = -1;
    st.hovered_era = -1;
    if (hovered) find_hover(m, st, mp, ax_x0, p0.y, axis_y);

    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) st.has_focus = hovered;
    if (timeline_id == ImGui::GetFocusID()) {
        // Tabbed to: the keys below are the timeline's, not the navigation's (which would
        // move the focus ring off it, or scroll the window on Home).
        st.has_focus = true;
        for (ImGuiKey k : {ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_UpArrow, ImGuiKey_DownArrow, ImGuiKey_Home,
                           ImGuiKey_End, ImGuiKey_PageUp, ImGuiKey_PageDown})
            ImGui::SetKeyOwner(k, timeline_id);
    }
    if (ImGui::IsItemActivated()) {
        st.dragged = false;
        st.animating = false;
        st.velocity = 0;  // a touch stops the glide at once
        st.press = mp.y >= overview_y0 ? TimelineState::Press::overview
                   : mp.x < ax_x0 - 4  ? TimelineState::Press::gutter
                                       : TimelineState::Press::lanes;
    }
    const double years_per_px = (w.end - w.start) / ax_w;
    if (active && st.press == TimelineState::Press::overview) {
        // Dragging on the overview moves the window there.
        const ViewTransform ov{extent.start, extent.end, ax_x0, ax_w};
        w = centre_on(w, ov.year(mp.x));
        st.dragged = true;
    } else if (active && st.press == TimelineState::Press::lanes &&
               ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f)) {
        st.dragged = true;
        const double dy = io.MouseDelta.x * years_per_px;
        w = {w.start - dy, w.end - dy};
        if (io.DeltaTime > 0) st.velocity = 0.7 * st.velocity + 0.3 * (-dy / io.DeltaTime);
        // A clock that stands still makes any move look infinitely fast: a glide
        // never carries the view more than two-thirds of its width (4 widths/s / 6).
        const double fastest = 4.0 * (w.end - w.start);
        st.velocity = std::clamp(st.velocity, -fastest, fastest);
    }
    if (ImGui::IsItemDeactivated()) release(m, st, w, out);
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && mp.x >= ax_x0 && mp.y < axis_y &&
        st.hovered.kind == TimelineHover::Kind::none)
        start_move(st, w, zoom_about(w, vt.year(mp.x), 0.5));
    if (st.pinch_factor != 1.0) {  // two fingers: zoom around the point between them
        st.animating = false;
        st.velocity = 0;
        w = zoom_about(w, vt.year(std::max(st.pinch_x, ax_x0)), st.pinch_factor);
        st.pinch_factor = 1.0;
    }
    if (hovered && (io.MouseWheel != 0.0f || io.MouseWheelH != 0.0f)) {
        st.animating = false;
        st.velocity = 0;
        if (io.MouseWheel != 0.0f) w = zoom_about(w, vt.year(std::max(mp.x, ax_x0)), std::pow(1.2, -io.MouseWheel));
        if (io.MouseWheelH != 0.0f) {
            const double dy = -io.MouseWheelH * 40.0 * years_per_px;
            w = {w.start + dy, w.end + dy};
        }
    }

    if ((st.has_focus || hovered) && !io.WantTextInput) timeline_keys(s, st, w, out);

    if (w.start != before.start || w.end != before.end) out.view = TimeWindow{w.start, w.end};
    st.drawn = w;
    out.visible = std::make_pair(st.frame.visible_items(), st.frame.clusters.size());
    out.eras_drawn = true;
    if (!active) {
        timeline_tooltip(s, st);
        if (st.hovered_era >= 0) era_tooltip(a.eras[static_cast<std::size_t>(st.hovered_era)]);
    }
}

}  // namespace lectern::ui
