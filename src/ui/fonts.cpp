// Loads the embedded TTFs with the glyphs of the archive and the interface.
#include "ui/fonts.h"

#include <algorithm>
#include <iterator>

#include "core/i18n/translate.h"
#include "embedded_fonts.h"
#include "font_core.h"

namespace lectern::ui {

namespace {

ImFont* add(std::string_view data, float px, float scale, const ImWchar* ranges, bool merge = false) {
    ImFontConfig cfg;
    cfg.MergeMode = merge;
    cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary or in FontRest
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = false;
    cfg.RasterizerDensity = scale;
    // ImGui takes a mutable pointer but does not write when it does not own the data.
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<char*>(data.data()), static_cast<int>(data.size()), px,
                                                      &cfg, ranges);
}

std::string_view bytes(const unsigned char* data, unsigned size) { return {reinterpret_cast<const char*>(data), size}; }

// Pairs of first and last code point ending with 0: is `cp` in one?
bool in_ranges(const ImWchar* r, unsigned cp) {
    for (; r[0]; r += 2)
        if (cp >= r[0] && cp <= r[1]) return true;
    return false;
}

// True when `ranges` ask for a character the faces keep (kFontSupported) beyond their core.
bool asks_beyond_core(const ImWchar* ranges) {
    for (const ImWchar* r = ranges; r[0]; r += 2)
        for (unsigned cp = r[0]; cp <= r[1]; ++cp)
            if (in_ranges(kFontSupported, cp) && !in_ranges(kFontCore, cp)) return true;
    return false;
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
    return std::make_shared<const std::vector<ImWchar>>(std::begin(kFontSupported), std::end(kFontSupported));
}

Fonts load_fonts(float scale, GlyphRanges ranges, const FontRest& rest) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;  // WebGL 2 takes any height: upload no padding
    Fonts f;
    f.with_rest = rest.status == FontRest::Status::loaded;
    const ImWchar* r = ranges->data();
    // The embedded cores, in the order of the faces in the rest's pack (CMakeLists.txt).
    const std::string_view core[] = {
        bytes(kFontSans, kFontSansSize), bytes(kFontSerif, kFontSerifSize), bytes(kFontSerifBold, kFontSerifBoldSize),
        bytes(kFontSerifItalic, kFontSerifItalicSize), bytes(kFontSerifBoldItalic, kFontSerifBoldItalicSize)};
    enum { sans, serif, serif_bold, serif_italic, serif_bold_italic };
    // A face is its core with its rest merged in (ImGui merges into the font added last;
    // the two hold no character in common).
    const auto face = [&](int i, float px, bool merge = false) {
        ImFont* font = add(core[i], px, scale, r, merge);
        if (f.with_rest) add(rest.faces[static_cast<std::size_t>(i)], px, scale, r, true);
        return font;
    };
    f.ui = face(sans, 16.0f);
    f.small = face(sans, 13.0f);
    f.body = face(serif, 18.0f);
    f.heading = face(serif_bold, 26.0f);
    // The emphasis faces hold only Latin (CMakeLists.txt): Greek, Cyrillic and the rarer
    // Latin come from the upright serif merged in (ImGui keeps a face's own glyphs first),
    // upright in an italic run rather than a replacement mark.
    f.body_italic = face(serif_italic, 18.0f);
    face(serif, 18.0f, true);
    f.body_bold = face(serif_bold, 18.0f);
    f.body_bold_italic = face(serif_bold_italic, 18.0f);
    face(serif, 18.0f, true);
    atlas->Build();
    static std::uint64_t built = 0;
    f.generation = ++built;
    f.scale = scale;
    f.needs_rest = !f.with_rest && asks_beyond_core(r);
    f.ranges = std::move(ranges);
    return f;
}

}  // namespace lectern::ui
