// Search: the box with its filters (top bar) and the ranked results list that
// stands in for the reader while the reader is browsing them.
#pragma once

#include <imgui.h>

#include "ui/view_state.h"

namespace lectern::ui {

// The top bar: archive title, search box (Ctrl+F or '/'), filters, result count.
void draw_search_bar(const Session& session, SearchState& state, const Fonts& fonts, float width, Intents& out);

// True when the results list should be drawn instead of the reader.
bool results_shown(const Session& session, const SearchState& state);
void draw_results(const Session& session, SearchState& state, const Fonts& fonts, ImVec2 size, Intents& out);

}  // namespace lectern::ui
