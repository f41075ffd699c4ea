// The timeline: a year axis with the archive's lives, events and works.
// Drag pans, the wheel zooms around the pointer, a click on a work selects it.
#pragma once

#include <imgui.h>

#include "ui/view_state.h"

namespace lectern::ui {

void draw_timeline(const Session& session, TimelineState& state, const Fonts& fonts, ImVec2 size, Intents& out);

}  // namespace lectern::ui
