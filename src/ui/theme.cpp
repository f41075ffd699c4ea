// The light and dark reading themes, the current one, and the contrast measure they are held to.
#include "ui/theme.h"

#include <algorithm>
#include <cmath>

#include "core/timeline/timeline_layout.h"

namespace lectern::ui {

const Theme& light_theme() {
    static const Theme t{
        "light",
        IM_COL32(250, 248, 243, 255),  // canvas: warm paper
        IM_COL32(242, 239, 231, 255),  // lane_alt
        IM_COL32(90, 85, 78, 255),     // axis
        IM_COL32(80, 75, 68, 255),     // tick_text
        IM_COL32(30, 28, 26, 255),     // text
        IM_COL32(105, 100, 92, 255),   // text_dim
        IM_COL32(20, 20, 20, 255),     // selection outline
        IM_COL32(0, 0, 0, 40),         // hover wash
        IM_COL32(120, 110, 95, 255),   // person_bar
        IM_COL32(90, 90, 90, 255),     // event_mark
        IM_COL32(180, 40, 40, 255),    // disputed
        IM_COL32(250, 200, 30, 120),   // match: highlighter yellow
        IM_COL32(240, 120, 0, 160),    // match_current: orange
        IM_COL32(0, 114, 178, 64),     // text_selection: a blue wash
        IM_COL32(24, 80, 152, 255),    // link
        IM_COL32(110, 62, 30, 255),    // code
        IM_COL32(160, 150, 135, 255),  // quote_rule
        IM_COL32(0, 0, 0, 255),        // ink: faint lines are black at a low alpha
        {IM_COL32(150, 110, 40, 22),   // era_tint: ochre
         IM_COL32(40, 100, 160, 20)},  // and slate blue
    };
    return t;
}

// Warm and dim for reading at night: brown-black paper, off-white ink, nothing pure.
const Theme& dark_theme() {
    static const Theme t{
        "dark",
        IM_COL32(28, 25, 22, 255),      // canvas
        IM_COL32(36, 32, 28, 255),      // lane_alt
        IM_COL32(150, 142, 130, 255),   // axis
        IM_COL32(180, 172, 160, 255),   // tick_text
        IM_COL32(228, 221, 207, 255),   // text
        IM_COL32(168, 160, 147, 255),   // text_dim
        IM_COL32(245, 240, 230, 255),   // selection outline
        IM_COL32(255, 246, 230, 30),    // hover wash
        IM_COL32(160, 148, 128, 255),   // person_bar
        IM_COL32(165, 165, 160, 255),   // event_mark
        IM_COL32(240, 120, 108, 255),   // disputed
        IM_COL32(190, 145, 20, 100),    // match: a dim amber, light text stays readable on it
        IM_COL32(215, 105, 0, 125),     // match_current
        IM_COL32(86, 180, 233, 70),     // text_selection: a sky-blue wash
        IM_COL32(125, 175, 235, 255),   // link
        IM_COL32(222, 168, 118, 255),   // code
        IM_COL32(110, 102, 92, 255),    // quote_rule
        IM_COL32(255, 246, 230, 255),   // ink: faint lines are warm white at a low alpha
        {IM_COL32(230, 180, 90, 16),    // era_tint: ochre
         IM_COL32(110, 170, 240, 16)},  // and sky blue
    };
    return t;
}

const Theme& theme_for(std::string_view name) { return name == "dark" ? dark_theme() : light_theme(); }

namespace {

// Like ImGui's current context: the theme views draw with.
const Theme* g_current = nullptr;

ImVec4 f4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

// Widgets on the dark theme: warm greys instead of ImGui's blue, the accent kept for selection.
void dark_widgets(ImVec4* c) {
    c[ImGuiCol_FrameBg] = ImVec4(0.22f, 0.20f, 0.18f, 1.00f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.27f, 0.25f, 0.22f, 1.00f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.31f, 0.28f, 0.25f, 1.00f);
    c[ImGuiCol_Button] = ImVec4(0.24f, 0.22f, 0.19f, 1.00f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.31f, 0.28f, 0.25f, 1.00f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.36f, 0.33f, 0.29f, 1.00f);
    c[ImGuiCol_PopupBg] = ImVec4(0.13f, 0.12f, 0.10f, 0.98f);
    c[ImGuiCol_Border] = ImVec4(1.00f, 0.96f, 0.90f, 0.16f);
    c[ImGuiCol_Separator] = ImVec4(1.00f, 0.96f, 0.90f, 0.16f);
    c[ImGuiCol_CheckMark] = ImVec4(0.34f, 0.71f, 0.91f, 1.00f);
    c[ImGuiCol_TextSelectedBg] = ImVec4(0.34f, 0.71f, 0.91f, 0.30f);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = ImVec4(1.00f, 0.96f, 0.90f, 0.18f);
    c[ImGuiCol_ScrollbarGrabHovered] = ImVec4(1.00f, 0.96f, 0.90f, 0.28f);
    c[ImGuiCol_ScrollbarGrabActive] = ImVec4(1.00f, 0.96f, 0.90f, 0.36f);
    c[ImGuiCol_Header] = ImVec4(0.34f, 0.71f, 0.91f, 0.16f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.34f, 0.71f, 0.91f, 0.22f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.34f, 0.71f, 0.91f, 0.30f);
    c[ImGuiCol_NavHighlight] = ImVec4(0.34f, 0.71f, 0.91f, 1.00f);  // the focus ring: 7.6:1 on the ground
}

}  // namespace

bool use_theme(std::string_view name) {
    const Theme& t = theme_for(name);
    if (g_current == &t) return false;
    g_current = &t;
    apply_imgui_style(t);
    return true;
}

const Theme& current_theme() { return g_current ? *g_current : light_theme(); }

void apply_imgui_style(const Theme& t) {
    const bool dark = &t == &dark_theme();
    if (dark) ImGui::StyleColorsDark();
    else ImGui::StyleColorsLight();
    ImGuiStyle& s = ImGui::GetStyle();
    s.WindowPadding = ImVec2(0, 0);
    s.WindowBorderSize = 0;
    s.ChildBorderSize = 0;
    s.FrameRounding = 3;
    s.ScrollbarSize = 12;
    s.ItemSpacing = ImVec2(8, 6);
    ImVec4* c = s.Colors;
    c[ImGuiCol_WindowBg] = f4(t.canvas);
    c[ImGuiCol_ChildBg] = f4(t.canvas);
    c[ImGuiCol_Text] = f4(t.text);
    c[ImGuiCol_TextDisabled] = f4(t.text_dim);
    if (dark) {
        dark_widgets(c);
    } else {
        c[ImGuiCol_PopupBg] = ImVec4(1.0f, 1.0f, 0.99f, 0.98f);
        c[ImGuiCol_Header] = ImVec4(0.0f, 0.45f, 0.70f, 0.16f);
        c[ImGuiCol_HeaderHovered] = ImVec4(0.0f, 0.45f, 0.70f, 0.22f);
        c[ImGuiCol_HeaderActive] = ImVec4(0.0f, 0.45f, 0.70f, 0.30f);
        c[ImGuiCol_NavHighlight] = ImVec4(0.0f, 0.40f, 0.64f, 1.00f);  // the focus ring: 5.8:1 on the ground
    }
}

ImU32 kind_colour(std::string_view kind) {
    // Okabe–Ito colours, one per timeline lane (kinds are grouped as the lanes group them).
    // Marks, not text: at least 2:1 against either theme's ground, and they carry labels.
    const std::string lane = lane_key_for_kind(kind);
    if (lane == "article") return IM_COL32(0, 114, 178, 255);    // blue
    if (lane == "letter") return IM_COL32(213, 94, 0, 255);      // vermillion
    if (lane == "book") return IM_COL32(0, 158, 115, 255);       // bluish green
    if (lane == "fiction") return IM_COL32(204, 121, 167, 255);  // reddish purple
    if (lane == "notebook") return IM_COL32(86, 180, 233, 255);  // sky blue
    if (lane == "obituary") return IM_COL32(230, 159, 0, 255);   // orange
    if (lane == "document") return IM_COL32(150, 130, 40, 255);  // olive
    return IM_COL32(120, 120, 120, 255);
}

namespace {

// WCAG 2's relative luminance of an sRGB colour.
double luminance(ImU32 c) {
    const auto channel = [c](int shift) {
        const double v = static_cast<double>((c >> shift) & 0xFF) / 255.0;
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(IM_COL32_R_SHIFT) + 0.7152 * channel(IM_COL32_G_SHIFT) + 0.0722 * channel(IM_COL32_B_SHIFT);
}

}  // namespace

double contrast_ratio(ImU32 a, ImU32 b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

ImU32 blend(ImU32 top, ImU32 ground) {
    const unsigned alpha = (top >> IM_COL32_A_SHIFT) & 0xFF;
    const auto mix = [&](int shift) {
        const unsigned t = (top >> shift) & 0xFF, g = (ground >> shift) & 0xFF;
        return ((t * alpha + g * (255 - alpha) + 127) / 255) << shift;
    };
    return mix(IM_COL32_R_SHIFT) | mix(IM_COL32_G_SHIFT) | mix(IM_COL32_B_SHIFT) | IM_COL32_A_MASK;
}

}  // namespace lectern::ui
