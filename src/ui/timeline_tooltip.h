// The timeline's tooltips, drawn after the timeline when nothing is pressed.
#pragma once

#include "ui/view_state.h"

namespace lectern::ui {

// The hovered work, event, life or cluster (TimelineState::hovered), if any.
void timeline_tooltip(const Session& s, const TimelineState& st);
void era_tooltip(const Era& e);

}  // namespace lectern::ui
