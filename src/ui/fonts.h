// The interface and reading fonts, built into ImGui's atlas from TTFs that the
// build embeds (DejaVu from Debian's fonts-dejavu-core, subset at build time).
#pragma once

struct ImFont;

namespace lectern::ui {

struct Fonts {
    ImFont* ui = nullptr;       // sans: labels, buttons, the timeline
    ImFont* small = nullptr;    // sans, smaller: axis ticks, metadata
    ImFont* body = nullptr;     // serif: reading text
    ImFont* heading = nullptr;  // serif bold: titles
    // Faces of the reading text, at the body's size: emphasis, strong, both.
    ImFont* body_italic = nullptr;
    ImFont* body_bold = nullptr;
    ImFont* body_bold_italic = nullptr;
};

// Adds the fonts to the current ImGui context's atlas at `scale` (device pixels
// per CSS pixel) and builds it. The caller uploads the atlas texture.
Fonts load_fonts(float scale);

}  // namespace lectern::ui
