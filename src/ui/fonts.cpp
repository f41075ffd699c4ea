// Loads the embedded TTFs; glyph ranges cover the scripts the reader supports.
#include "ui/fonts.h"

#include <imgui.h>

#include "embedded_fonts.h"

namespace lectern::ui {

namespace {

// Latin with accents, Greek, Cyrillic, typographic punctuation and the
// replacement mark drawn for anything else.
const ImWchar kRanges[] = {
    0x0020, 0x024F,  // Basic Latin, Latin-1, Latin Extended-A/B
    0x0370, 0x03FF,  // Greek
    0x0400, 0x052F,  // Cyrillic and its supplement
    0x1E00, 0x1EFF,  // Latin Extended Additional
    0x2000, 0x206F,  // General Punctuation: – — ‘ ’ “ ” …
    0x20A0, 0x20BF,  // currency
    0x2190, 0x2193,  // arrows used by the interface
    0xFFFD, 0xFFFD,  // replacement character
    0,
};

ImFont* add(const unsigned char* data, unsigned size, float px, float scale) {
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = false;
    cfg.RasterizerDensity = scale;
    // ImGui takes a mutable pointer but does not write when it does not own the data.
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), px,
                                                      &cfg, kRanges);
}

}  // namespace

Fonts load_fonts(float scale) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    Fonts f;
    f.ui = add(kFontSans, kFontSansSize, 16.0f, scale);
    f.small = add(kFontSans, kFontSansSize, 13.0f, scale);
    f.body = add(kFontSerif, kFontSerifSize, 18.0f, scale);
    f.heading = add(kFontSerifBold, kFontSerifBoldSize, 26.0f, scale);
    f.body_italic = add(kFontSerifItalic, kFontSerifItalicSize, 18.0f, scale);
    f.body_bold = add(kFontSerifBold, kFontSerifBoldSize, 18.0f, scale);
    f.body_bold_italic = add(kFontSerifBoldItalic, kFontSerifBoldItalicSize, 18.0f, scale);
    atlas->Build();
    return f;
}

}  // namespace lectern::ui
