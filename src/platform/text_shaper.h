// The platform's text shaper (ui/text_shaper.h): the browser's Canvas 2D on the web
// (text_shaper_web.cpp), Pango natively (text_shaper_pango.cpp).
//
//   std::unique_ptr<lectern::ui::TextShaper> shaper = lectern::platform::make_text_shaper();
//   ui.complex.shaper = shaper.get();
#pragma once

#include <memory>

#include "ui/text_shaper.h"

namespace lectern::platform {

std::unique_ptr<ui::TextShaper> make_text_shaper();

}  // namespace lectern::platform
