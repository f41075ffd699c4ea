// The timeline: lanes of lives, events and works by kind over an adaptive axis,
// with an overview strip. Drag pans (and glides), the wheel zooms around the
// pointer, a double click zooms in, a click on a work selects it and on a
// cluster zooms into it; arrows pan, +/- zoom, Home fits, [ and ] step through
// the works in time order.
#pragma once

#include <imgui.h>

#include "ui/view_state.h"

namespace lectern::ui {

void draw_timeline(const Session& session, TimelineState& state, const Fonts& fonts, ImVec2 size, Intents& out);

}  // namespace lectern::ui
