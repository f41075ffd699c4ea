// The desktop viewer's TextShaper (ui/text_shaper.h): Pango shapes with HarfBuzz, orders
// with FriBidi, falls back through fontconfig's fonts (Noto gives the scripts DejaVu lacks)
// and Cairo rasterises into an 8-bit coverage bitmap. Word breaks in Thai and its
// neighbours come from Pango's dictionaries (libthai).
//
//   platform::PangoShaper shaper;
//   ui::ShapedRun run = shaper.rasterize("क्षत्रिय", {ui::ShapeFamily::sans, false, false, 18}, false, 2.0f);
//   // run.alpha: run.width * run.height bytes; the pen starts at (run.origin_x, run.baseline)
#pragma once

#include <memory>

#include "ui/text_shaper.h"

namespace lectern::platform {

class PangoShaper : public ui::TextShaper {
public:
    PangoShaper();
    ~PangoShaper() override;
    PangoShaper(const PangoShaper&) = delete;
    PangoShaper& operator=(const PangoShaper&) = delete;

    ui::ShapedRun measure(std::string_view utf8, const ui::ShapeStyle& style, bool rtl) override;
    ui::ShapedRun rasterize(std::string_view utf8, const ui::ShapeStyle& style, bool rtl, float density) override;
    std::vector<std::uint32_t> word_breaks(std::string_view utf8) override;

private:
    // Pango's objects stay in the .cpp: callers do not see GLib's headers.
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace lectern::platform
