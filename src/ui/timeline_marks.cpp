// The timeline's marks layer (ui/timeline_marks.h).
#include "ui/timeline_marks.h"

#include <algorithm>
#include <cmath>

#include "core/i18n/translate.h"
#include "ui/complex_text.h"

namespace lectern::ui::timeline {

bool is_collapsed(const TimelineState& st, const std::string& key) {
    return std::find(st.collapsed.begin(), st.collapsed.end(), key) != st.collapsed.end();
}

ImU32 with_alpha(ImU32 c, float a) {
    const auto alpha = static_cast<unsigned>(std::clamp(a, 0.0f, 1.0f) * ((c >> IM_COL32_A_SHIFT) & 0xFF));
    return (c & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

ImU32 lane_colour(const Lane& lane, const Theme& t) {
    if (lane.kind == Lane::Kind::people) return t.person_bar;
    if (lane.kind == Lane::Kind::events) return t.event_mark;
    // A group's lane (a section, a person, a collection) takes the kinds' colours in turn.
    static const char* const kPalette[] = {"article", "letter", "book", "fiction", "notebook", "obituary", "document"};
    if (lane.palette >= 0) return kind_colour(kPalette[lane.palette % 7]);
    return kind_colour(lane.key);
}

const std::string& item_label(const Archive& a, const Lane& lane, int item) {
    const int ref = lane.items[static_cast<std::size_t>(item)].ref;
    switch (lane.kind) {
        case Lane::Kind::people: return a.people[static_cast<std::size_t>(ref)].name;
        case Lane::Kind::events: return a.events[static_cast<std::size_t>(ref)].title;
        default: return a.works[static_cast<std::size_t>(ref)].title;
    }
}

namespace {

// A work with images: a tiny picture (frame and a peak) at the mark's top left corner,
// outlined in the ground colour so it reads over any lane colour in either theme.
void draw_image_marker(ImDrawList* dl, float x, float y, ImU32 ink, ImU32 ground) {
    const ImVec2 a(x - 4, y - 4), b(x + 4, y + 2);
    dl->AddRectFilled(ImVec2(a.x - 1, a.y - 1), ImVec2(b.x + 1, b.y + 1), ground, 1.5f);
    dl->AddRect(a, b, ink, 1.0f, 0, 1.2f);
    dl->AddTriangleFilled(ImVec2(a.x + 1, b.y - 1), ImVec2(x - 1, a.y + 2), ImVec2(x + 1, b.y - 1), ink);
}

void draw_span(ImDrawList* dl, float x0, float y0, float x1, float y1, ImU32 col, std::uint16_t flags,
               float clip_right) {
    const float w = x1 - x0;
    const bool point = (flags & kDayPrecision) && w <= 7.0f;
    if (point) {
        const float cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
        if (flags & kUncertain) dl->AddCircle(ImVec2(cx, cy), 4.0f, col, 12, 1.6f);
        else dl->AddCircleFilled(ImVec2(cx, cy), 4.0f, col, 12);
        return;
    }
    const ImU32 clear = with_alpha(col, 0.0f);
    if (flags & kApproximate) {
        // Soft ends: an approximate date has no sharp edge.
        const float e = std::min(8.0f, w / 3);
        dl->AddRectFilledMultiColor(ImVec2(x0, y0), ImVec2(x0 + e, y1), clear, col, col, clear);
        dl->AddRectFilled(ImVec2(x0 + e, y0), ImVec2(x1 - e, y1), col);
        dl->AddRectFilledMultiColor(ImVec2(x1 - e, y0), ImVec2(x1, y1), col, clear, clear, col);
    } else if (flags & kUncertain) {
        // Hatched: the source is unsure.
        dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), with_alpha(col, 0.35f), 2);
        dl->PushClipRect(ImVec2(x0, y0), ImVec2(std::min(x1, clip_right), y1), true);
        for (float x = x0 - (y1 - y0); x < x1; x += 4) dl->AddLine(ImVec2(x, y1), ImVec2(x + (y1 - y0), y0), col, 1.0f);
        dl->PopClipRect();
    } else {
        dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), col, 2);
    }
    if (flags & kOpenEnd) dl->AddRectFilledMultiColor(ImVec2(x1, y0), ImVec2(x1 + 28, y1), col, clear, clear, col);
    if (flags & kOpenStart) dl->AddRectFilledMultiColor(ImVec2(x0 - 28, y0), ImVec2(x0, y1), clear, col, col, clear);
    const float cy = (y0 + y1) / 2;
    if (flags & kUnknownEnd)
        for (float x = x1 + 2; x < x1 + 20; x += 4) dl->AddLine(ImVec2(x, cy), ImVec2(x + 2, cy), col, 1.5f);
    if (flags & kUnknownStart)
        for (float x = x0 - 20; x < x0 - 2; x += 4) dl->AddLine(ImVec2(x, cy), ImVec2(x + 2, cy), col, 1.5f);
}

// A cluster as the shape of its works over time: a faint block, and over it a column per
// few pixels as tall as the share of the cluster's works that start there (sampled: a
// cluster may hold a million works, and this runs every frame).
void cluster_shape(ImDrawList* dl, const Lane& lane, const PlacedCluster& c, const ViewTransform& vt, float y0,
                   float y1, ImU32 col) {
    constexpr float kColumnPx = 3;
    constexpr int kMostSampled = 2048;
    dl->AddRectFilled(ImVec2(c.x0, y0), ImVec2(c.x1, y1), with_alpha(col, 0.22f), 1);
    const int columns = std::clamp(static_cast<int>((c.x1 - c.x0) / kColumnPx), 1, 512);
    if (columns < 3) return;
    int counts[512] = {};
    const int step = std::max(1, c.count / kMostSampled);
    int busiest = 1;
    for (int i = c.first; i < c.first + c.count; i += step) {
        const float x = vt.x(lane.items[static_cast<std::size_t>(i)].start);
        const int k = std::clamp(static_cast<int>((x - c.x0) / kColumnPx), 0, columns - 1);
        busiest = std::max(busiest, ++counts[k]);
    }
    for (int k = 0; k < columns; ++k) {
        if (counts[k] == 0) continue;
        const float h = (y1 - y0) * std::sqrt(static_cast<float>(counts[k]) / static_cast<float>(busiest));
        const float x = c.x0 + static_cast<float>(k) * kColumnPx;
        dl->AddRectFilled(ImVec2(x, y1 - std::max(h, 2.0f)), ImVec2(x + kColumnPx - 1, y1), with_alpha(col, 0.5f));
    }
}

}  // namespace

// Marks, clusters and labels (the caller clips them to the lane area); the works' marks
// are kept in screen space for the tests.
void draw_marks(ImDrawList* dl, const Session& s, TimelineState& st, const ViewTransform& vt, float ax_x0, float right,
                float label_offset_px, const Theme& t, const Fonts& fonts) {
    const Archive& a = s.archive();
    const TimelineModel& m = s.timeline();
    const std::vector<float>& lane_y = st.lane_y;
    st.marks.clear();
    int busiest = 1;
    for (const PlacedCluster& c : st.frame.clusters)
        if (c.unloaded) busiest = std::max(busiest, c.count);
    for (const PlacedCluster& c : st.frame.clusters) {
        const std::size_t li = static_cast<std::size_t>(c.lane);
        if (is_collapsed(st, m.lanes[li].key)) continue;
        const float ly = lane_y[li], lh = st.frame.lane_rows[li] * kRowH;
        const ImU32 col = lane_colour(m.lanes[li], t);
        if (c.unloaded) {
            // A library's works not loaded yet: a column as tall as their share of the busiest
            // column in view, so the lane shows how they spread over time until the tiles come.
            const float h = (lh - 4) * std::sqrt(static_cast<float>(c.count) / static_cast<float>(busiest));
            dl->AddRectFilled(ImVec2(c.x0, ly + lh - 2 - std::max(h, 2.0f)), ImVec2(c.x1 - 1, ly + lh - 2),
                              with_alpha(col, 0.35f), 1);
            continue;
        }
        cluster_shape(dl, m.lanes[li], c, vt, ly + 2, ly + lh - 2, col);
        const std::string count = std::to_string(c.count);
        const ImVec2 sz = ImGui::CalcTextSize(count.c_str());
        if (c.x1 - c.x0 >= sz.x + 6)
            dl->AddText(ImVec2((c.x0 + c.x1 - sz.x) / 2, ly + (lh - sz.y) / 2), t.text, count.c_str());
    }
    for (const PlacedMark& mk : st.frame.marks) {
        const std::size_t li = static_cast<std::size_t>(mk.lane);
        const Lane& lane = m.lanes[li];
        if (is_collapsed(st, lane.key)) continue;
        const LaneItem& it = lane.items[static_cast<std::size_t>(mk.item)];
        const float y0 = lane_y[li] + mk.row * kRowH + 3, y1 = y0 + kRowH - 6;
        const bool is_work = lane.kind == Lane::Kind::works;
        // While searching, works that do not match step back.
        const bool dimmed = is_work && !s.work_matches(it.ref);
        const ImU32 col = dimmed ? with_alpha(lane_colour(lane, t), 0.2f) : lane_colour(lane, t);
        const bool sel = is_work && it.ref == s.selected();
        const bool hov =
            st.hovered.lane == mk.lane && st.hovered.item == mk.item && st.hovered.kind != TimelineHover::Kind::cluster;
        if (hov) dl->AddRectFilled(ImVec2(mk.x0 - 3, y0 - 2), ImVec2(mk.label_x1 + 3, y1 + 2), t.hover, 3);
        if (lane.kind == Lane::Kind::people) {
            dl->AddRectFilled(ImVec2(mk.x0, y0), ImVec2(mk.x1, y1), with_alpha(col, 0.35f), 3);
            dl->AddRectFilled(ImVec2(mk.x0, y0), ImVec2(mk.x0 + 3, y1), col);
            const float lx = std::max(mk.x0 + 6, ax_x0);
            dl->PushClipRect(ImVec2(lx, y0 - 3), ImVec2(std::max(lx, mk.x1 - 2), y1 + 3), true);
            draw_text_line(dl, fonts, ImVec2(lx, y0 - 2), t.text, item_label(a, lane, mk.item));
            dl->PopClipRect();
        } else if (lane.kind == Lane::Kind::events) {
            if (mk.x1 - mk.x0 > 8)
                dl->AddRectFilled(ImVec2(mk.x0, (y0 + y1) / 2 - 2), ImVec2(mk.x1, (y0 + y1) / 2 + 2),
                                  with_alpha(col, 0.5f), 1);
            dl->AddNgonFilled(ImVec2(mk.x1 - mk.x0 > 8 ? mk.x0 : (mk.x0 + mk.x1) / 2, (y0 + y1) / 2), 5.0f, col, 4);
        } else {
            draw_span(dl, mk.x0, y0, mk.x1, y1, col, it.flags, right);
        }
        if (it.flags & kDisputed)  // a red frame marks a disputed or ascribed attribution
            dl->AddRect(ImVec2(mk.x0 - 2, y0 - 2), ImVec2(mk.x1 + 2, y1 + 2), t.disputed, 3, 0, 1.5f);
        if (sel) dl->AddRect(ImVec2(mk.x0 - 3, y0 - 3), ImVec2(mk.x1 + 3, y1 + 3), t.selection, 3, 0, 2.0f);
        if (is_work && (it.flags & kImages))
            draw_image_marker(dl, mk.x0, y0, dimmed ? with_alpha(t.text, 0.3f) : t.text, t.canvas);
        if (mk.labelled)
            draw_text_line(dl, fonts, ImVec2(mk.x1 + label_offset_px, y0 - 2),
                           sel      ? t.selection
                           : dimmed ? with_alpha(t.text, 0.3f)
                                    : t.text,
                           item_label(a, lane, mk.item));
        if (is_work) st.marks.push_back({it.ref, mk.x0, y0, mk.x1, y1, mk.labelled, (it.flags & kImages) != 0});
    }
}

}  // namespace lectern::ui::timeline
