// Loads the embedded TTFs with the glyphs of the archive and the interface.
#include "ui/fonts.h"

#include <algorithm>
#include <iterator>

#include "core/i18n/translate.h"
#include "embedded_fonts.h"

namespace lectern::ui {

namespace {

// The marks the views draw beyond their catalogues' text (core/i18n/translate.h): · – — ‘ ’ “ ” • … ‹ › ← ↑ → ↓,
// and the replacement mark drawn for characters the atlas lacks.
constexpr char32_t kInterfaceMarks[] = {0x00B7, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                        0x2026, 0x2039, 0x203A, 0x2190, 0x2191, 0x2192, 0x2193, 0xFFFD};

// The scripts the build keeps of the fonts (LECTERN_UNICODES_full in CMakeLists.txt).
const ImWchar kSupported[] = {
    0x0020, 0x024F,  // Basic Latin, Latin-1, Latin Extended-A/B
    0x0370, 0x03FF,  // Greek
    0x0400, 0x052F,  // Cyrillic and its supplement
    0x1E00, 0x1EFF,  // Latin Extended Additional
    0x2000, 0x206F,  // General Punctuation
    0x20A0, 0x20BF,  // currency
    0x2190, 0x2193,  // arrows
    0xFFFD, 0xFFFD,  // replacement character
    0,
};

ImFont* add(const unsigned char* data, unsigned size, float px, float scale, const ImWchar* ranges,
            bool merge = false) {
    ImFontConfig cfg;
    cfg.MergeMode = merge;
    cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = false;
    cfg.RasterizerDensity = scale;
    // ImGui takes a mutable pointer but does not write when it does not own the data.
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), px,
                                                      &cfg, ranges);
}

}  // namespace

GlyphRanges glyph_ranges(const std::vector<char32_t>& code_points, std::string_view language) {
    std::vector<char32_t> all;
    all.reserve(code_points.size() + 95 + 96 + std::size(kInterfaceMarks));
    for (const char32_t cp : code_points)
        if (cp > 0 && cp <= 0xFFFF) all.push_back(cp);  // ImWchar is 16 bits: the rest decode as U+FFFD
    for (char32_t cp = 0x20; cp < 0x7F; ++cp) all.push_back(cp);
    // Latin-1 too, whatever the archive holds: a reader may type é or ß into search.
    for (char32_t cp = 0xA0; cp <= 0xFF; ++cp) all.push_back(cp);
    all.insert(all.end(), std::begin(kInterfaceMarks), std::end(kInterfaceMarks));
    // The interface's letters in its language (Cyrillic for Russian, œ, „): another
    // language gets another atlas (ui/app.cpp, update_fonts).
    for (const char32_t cp : catalogue_codepoints(language))
        if (cp <= 0xFFFF) all.push_back(cp);
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    auto ranges = std::make_shared<std::vector<ImWchar>>();
    for (std::size_t i = 0; i < all.size();) {
        std::size_t j = i;
        while (j + 1 < all.size() && all[j + 1] == all[j] + 1) ++j;
        ranges->push_back(static_cast<ImWchar>(all[i]));
        ranges->push_back(static_cast<ImWchar>(all[j]));
        i = j + 1;
    }
    ranges->push_back(0);
    return ranges;
}

GlyphRanges supported_glyph_ranges() {
    return std::make_shared<const std::vector<ImWchar>>(std::begin(kSupported), std::end(kSupported));
}

Fonts load_fonts(float scale, GlyphRanges ranges) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;  // WebGL 2 takes any height: upload no padding
    Fonts f;
    const ImWchar* r = ranges->data();
    f.ui = add(kFontSans, kFontSansSize, 16.0f, scale, r);
    f.small = add(kFontSans, kFontSansSize, 13.0f, scale, r);
    f.body = add(kFontSerif, kFontSerifSize, 18.0f, scale, r);
    f.heading = add(kFontSerifBold, kFontSerifBoldSize, 26.0f, scale, r);
    // The emphasis faces hold only Latin (CMakeLists.txt): Greek, Cyrillic and the rarer
    // Latin come from the upright serif merged in (ImGui keeps a face's own glyphs first),
    // upright in an italic run rather than a replacement mark.
    f.body_italic = add(kFontSerifItalic, kFontSerifItalicSize, 18.0f, scale, r);
    add(kFontSerif, kFontSerifSize, 18.0f, scale, r, true);
    f.body_bold = add(kFontSerifBold, kFontSerifBoldSize, 18.0f, scale, r);
    f.body_bold_italic = add(kFontSerifBoldItalic, kFontSerifBoldItalicSize, 18.0f, scale, r);
    add(kFontSerif, kFontSerifSize, 18.0f, scale, r, true);
    atlas->Build();
    f.scale = scale;
    f.ranges = std::move(ranges);
    return f;
}

}  // namespace lectern::ui
