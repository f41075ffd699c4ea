// The platform's drawing of text that the embedded faces cannot draw alone: scripts
// they lack (Chinese, Arabic, Devanagari, Thai...) and anything set right to left. The
// platform shapes a run (joins, conjuncts, stacked marks), falls back through the
// system's fonts and rasterises it; the views place the bitmap where the run goes.
// On the web the browser does it (Canvas 2D, platform/text_shaper_web.cpp); natively
// Pango with HarfBuzz, FriBidi and fontconfig (platform/text_shaper_pango.cpp).
//
//   ShapedRun m = shaper.measure("كلمة", {ShapeFamily::serif, false, false, 18}, true);
//   ShapedRun b = shaper.rasterize("كلمة", style, true, 2.0f);   // b.alpha: coverage
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lectern::ui {

enum class ShapeFamily : std::uint8_t { sans, serif, mono };

struct ShapeStyle {
    ShapeFamily family = ShapeFamily::serif;
    bool bold = false, italic = false;
    float px = 16;  // font size in CSS pixels (ImGui's logical pixels)
    bool operator==(const ShapeStyle& o) const {
        return family == o.family && bold == o.bold && italic == o.italic && px == o.px;
    }
};

// One run: a piece of text in one direction, shaped as a whole.
struct ShapedRun {
    float advance = 0;  // pen advance in logical pixels
    int missing = 0;    // characters no font had a glyph for (drawn as the fonts' empty box)
    // rasterize() only: coverage (0-255), width * height bytes, at `density` device pixels per
    // logical pixel. The pen's origin (start of the run at the baseline) is at (origin_x,
    // baseline) in bitmap pixels; glyphs may overhang it on either side.
    int width = 0, height = 0;
    float origin_x = 0, baseline = 0;
    std::vector<std::uint8_t> alpha;
};

// The faces a shaper asks for, first to last: the embedded faces' own DejaVu (so Latin,
// Greek and Cyrillic inside a shaped piece match the rest of the view), then each script's
// Noto face by name, then the system's generic family (last: "sans-serif", "serif",
// "monospace"). Left to fontconfig's own order, Chromium and Pango alike took faces that
// broke some Tamil clusters into dotted circles or empty boxes; naming the faces fixes that
// where they are installed and changes nothing where they are not.
std::vector<std::string> shaper_faces(ShapeFamily family);

class TextShaper {
public:
    virtual ~TextShaper() = default;
    // `rtl`: the run's embedding level is odd (core/text/bidi.h); its characters are still in logical order.
    virtual ShapedRun measure(std::string_view utf8, const ShapeStyle& style, bool rtl) = 0;
    virtual ShapedRun rasterize(std::string_view utf8, const ShapeStyle& style, bool rtl, float density) = 0;
    // Byte offsets inside `utf8` (a run of Thai, Lao, Khmer or Burmese, written without spaces
    // between words) where a line may break, found by the platform's dictionary; empty when it has none.
    virtual std::vector<std::uint32_t> word_breaks(std::string_view utf8) = 0;
};

}  // namespace lectern::ui
