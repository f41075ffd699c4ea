// Colours and spacing of the interface. Kind colours come from the Okabe–Ito
// palette, which colour-blind readers can tell apart.
#pragma once

#include <imgui.h>
#include <string_view>

namespace lectern::ui {

struct Theme {
    ImU32 canvas, lane_alt, axis, tick_text, text, text_dim, selection, hover, person_bar, event_mark, disputed;
    // Grounds behind text: a query's matches, the one F3 went to, the mouse's selection.
    // Translucent, so text stays readable over them on a light page or a dark one.
    ImU32 match, match_current, text_selection;
};

const Theme& light_theme();
void apply_imgui_style(const Theme& theme);
ImU32 kind_colour(std::string_view kind);

}  // namespace lectern::ui
