// The timeline's marks layer: works, lives and events as marks in their rows, clusters as
// the shape of the works they hold, a library's works not loaded yet as counts, and the
// helpers the rest of the timeline view shares (ui/timeline_view.cpp).
#pragma once

#include <imgui.h>

#include <string>

#include "core/session/session.h"
#include "core/timeline/timeline_layout.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/view_state.h"

namespace lectern::ui::timeline {

constexpr float kRowH = 16.0f;  // one row of marks

bool is_collapsed(const TimelineState& st, const std::string& key);
ImU32 with_alpha(ImU32 c, float a);
ImU32 lane_colour(const Lane& lane, const Theme& t);
const std::string& item_label(const Archive& a, const Lane& lane, int item);

// Marks, clusters and labels of the frame's layout (st.frame), clipped by the caller to the
// lane area; the works' marks are kept in screen space (st.marks) for the tests.
void draw_marks(ImDrawList* dl, const Session& s, TimelineState& st, const ViewTransform& vt, float ax_x0, float right,
                float label_offset_px, const Theme& t, const Fonts& fonts);

}  // namespace lectern::ui::timeline
