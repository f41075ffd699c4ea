// The reader: the selected work, or the archive's front matter when nothing is
// selected. Text is set at a readable measure, centred in wide windows.
#pragma once

#include <imgui.h>

#include "ui/view_state.h"

namespace lectern::ui {

void draw_reader(const Session& session, ReaderState& state, const Fonts& fonts, ImVec2 size, Intents& out);

}  // namespace lectern::ui
