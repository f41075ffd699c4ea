// The interface and reading fonts, built into ImGui's atlas from TTFs that the
// build embeds (DejaVu from Debian's fonts-dejavu-core, subset at build time to
// the scripts the reader supports: Latin, Greek, Cyrillic, punctuation). The italic
// faces keep only European Latin and borrow the rest from the upright serif.
// The viewer carries each face's core; the rest of it comes from the page when an
// archive needs it (ui/font_rest.h) and is merged into the same ImFont.
//
// The atlas holds only the characters of the loaded archive and of the interface,
// so it stays small; anything else the platform draws (ui/complex_text.h).
//
//   Fonts f = load_fonts(pixel_scale, glyph_ranges(archive_codepoints(archive)), rest);
#pragma once

#include <imgui.h>

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "ui/font_rest.h"

namespace lectern::ui {

struct ComplexText;

// Pairs of first and last code point, ending with 0, as ImGui reads them. ImGui keeps
// a pointer to them while the atlas lives: Fonts holds them.
using GlyphRanges = std::shared_ptr<const std::vector<ImWchar>>;

// `code_points` (sorted; those beyond U+FFFF draw as U+FFFD anyway), Latin-1 (for typing), the interface's own
// characters in `language` (ASCII, the few marks the views draw, its message catalogue and
// every language's name: core/i18n/translate.h) and U+FFFD.
GlyphRanges glyph_ranges(const std::vector<char32_t>& code_points, std::string_view language = "en");
// Every character the embedded fonts hold: for an atlas built before the archive is known.
GlyphRanges supported_glyph_ranges();

struct Fonts {
    ImFont* ui = nullptr;       // sans: labels, buttons, the timeline
    ImFont* small = nullptr;    // sans, smaller: axis ticks, metadata
    ImFont* body = nullptr;     // serif: reading text
    ImFont* heading = nullptr;  // serif bold: titles
    // Faces of the reading text, at the body's size: emphasis, strong, both.
    ImFont* body_italic = nullptr;
    ImFont* body_bold = nullptr;
    ImFont* body_bold_italic = nullptr;
    // What the atlas was built for.
    float scale = 0;
    GlyphRanges ranges;
    // Each atlas built has its own number: text laid out with another atlas is laid out again
    // (its glyphs, and so which pieces the platform draws, may differ).
    std::uint64_t generation = 0;
    bool with_rest = false;   // built with the faces' rest merged in
    bool needs_rest = false;  // `ranges` hold characters of the faces' rest, which it was built without
    // Text these faces cannot draw alone goes through the platform (ui/complex_text.h); set by the app.
    ComplexText* complex = nullptr;
};

// Adds the fonts to the current ImGui context's atlas at `scale` (device pixels
// per CSS pixel) with the glyphs of `ranges` and builds it, with the faces' rest when it
// is loaded. The caller uploads the atlas texture.
Fonts load_fonts(float scale, GlyphRanges ranges, const FontRest& rest);

}  // namespace lectern::ui
