// The light reading theme.
#include "ui/theme.h"

#include "core/timeline_layout.h"

namespace lectern::ui {

const Theme& light_theme() {
    static const Theme t{
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
    };
    return t;
}

void apply_imgui_style(const Theme& t) {
    ImGui::StyleColorsLight();
    ImGuiStyle& s = ImGui::GetStyle();
    s.WindowPadding = ImVec2(0, 0);
    s.WindowBorderSize = 0;
    s.ChildBorderSize = 0;
    s.FrameRounding = 3;
    s.ScrollbarSize = 12;
    s.ItemSpacing = ImVec2(8, 6);
    ImVec4* c = s.Colors;
    c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(t.canvas);
    c[ImGuiCol_ChildBg] = ImGui::ColorConvertU32ToFloat4(t.canvas);
    c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(t.text);
    c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(t.text_dim);
    c[ImGuiCol_PopupBg] = ImVec4(1.0f, 1.0f, 0.99f, 0.98f);
    c[ImGuiCol_Header] = ImVec4(0.0f, 0.45f, 0.70f, 0.16f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.0f, 0.45f, 0.70f, 0.22f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.0f, 0.45f, 0.70f, 0.30f);
}

ImU32 kind_colour(std::string_view kind) {
    // Okabe–Ito colours, one per timeline lane (kinds are grouped as the lanes group them).
    const std::string lane = lane_key_for_kind(kind);
    if (lane == "article") return IM_COL32(0, 114, 178, 255);     // blue
    if (lane == "letter") return IM_COL32(213, 94, 0, 255);       // vermillion
    if (lane == "book") return IM_COL32(0, 158, 115, 255);        // bluish green
    if (lane == "fiction") return IM_COL32(204, 121, 167, 255);   // reddish purple
    if (lane == "notebook") return IM_COL32(86, 180, 233, 255);   // sky blue
    if (lane == "obituary") return IM_COL32(230, 159, 0, 255);    // orange
    if (lane == "document") return IM_COL32(150, 130, 40, 255);   // olive
    return IM_COL32(120, 120, 120, 255);
}

}  // namespace lectern::ui
