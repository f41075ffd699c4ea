// Colours and spacing of the interface, in a light and a dark theme. Kind colours come
// from the Okabe–Ito palette, which colour-blind readers can tell apart, on either ground.
//
//   use_theme(session.theme());     // the app frame, once per frame: "light" or "dark"
//   const Theme& t = current_theme();  // views, when they draw
#pragma once

#include <imgui.h>
#include <string_view>

namespace lectern::ui {

struct Theme {
    const char* name;  // "light" or "dark"
    ImU32 canvas, lane_alt, axis, tick_text, text, text_dim, selection, hover, person_bar, event_mark, disputed;
    // Grounds behind text: a query's matches, the one F3 went to, the mouse's selection.
    // Translucent, so text stays readable over them.
    ImU32 match, match_current, text_selection;
    ImU32 link, code, quote_rule;
    ImU32 ink;  // faint lines (grid, rules, separators) are drawn in it at a low alpha
    // Era bands behind the lanes: two translucent tints that neighbouring eras alternate,
    // faint enough that every text stays readable over them (tests/ui/theme_test.cpp).
    ImU32 era_tint[2];

    ImU32 faint(int alpha) const { return (ink & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT); }
};

const Theme& light_theme();
const Theme& dark_theme();
// "dark" gives the dark theme, anything else the light one.
const Theme& theme_for(std::string_view name);

// The theme views draw with, like ImGui's current style: use_theme() sets it and ImGui's
// style when the name changes (true then). A new ImGui context wants apply_imgui_style().
bool use_theme(std::string_view name);
const Theme& current_theme();

void apply_imgui_style(const Theme& theme);
ImU32 kind_colour(std::string_view kind);

// WCAG 2 contrast ratio of two opaque colours, from 1 (the same) to 21 (black on white);
// alpha is ignored. Body text wants at least 7 (AAA), other text at least 4.5 (AA).
double contrast_ratio(ImU32 a, ImU32 b);
// `top` (with its alpha) over an opaque `ground`.
ImU32 blend(ImU32 top, ImU32 ground);

}  // namespace lectern::ui
