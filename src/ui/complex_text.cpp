// Pieces, their widths and their drawing; one-line text in visual order.
#include "ui/complex_text.h"

#include <algorithm>
#include <cfloat>

#include "core/text/bidi.h"
#include "core/text/line_break.h"
#include "core/text/utf8.h"
#include "ui/fonts.h"

namespace lectern::ui {

namespace {

// The measure cache's key: style, direction, text. The atlas's adds the density.
std::string run_key(const ShapeStyle& st, bool rtl, std::string_view text) {
    std::string k;
    k.reserve(text.size() + 8);
    k.push_back(
        static_cast<char>(static_cast<int>(st.family) | (st.bold ? 4 : 0) | (st.italic ? 8 : 0) | (rtl ? 16 : 0)));
    const int centi_px = static_cast<int>(st.px * 100.0f + 0.5f);
    k.append(reinterpret_cast<const char*>(&centi_px), sizeof centi_px);
    k.append(text);
    return k;
}

bool has_glyph(const ImFont* font, char32_t cp) {
    if (cp < 0x20) return true;  // control characters draw as nothing, as before
    if (cp > 0xFFFF) return false;
    return font->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr;
}

int glyphs_missing(const ImFont* font, std::string_view text) {
    int n = 0;
    for (std::size_t i = 0, len = 0; i < text.size(); i += len)
        if (!has_glyph(font, utf8_decode(text, i, len))) ++n;
    return n;
}

float baseline_of(const ImFont* font, float size) { return font->Ascent * size / font->FontSize; }

}  // namespace

void complex_text_reset(ComplexText& ct) {
    ct.atlas.clear();
    ct.advances.clear();
    ct.missing = 0;
    ct.shaped = 0;
}

void complex_text_frame(ComplexText& ct) {
    ++ct.frame;
    ct.drawn.clear();
}

ShapeStyle shape_style(const Fonts& f, const ImFont* font, float size) {
    ShapeStyle s;
    s.px = size;
    s.family = font == f.ui || font == f.small ? ShapeFamily::sans : ShapeFamily::serif;
    s.bold = font == f.heading || font == f.body_bold || font == f.body_bold_italic;
    s.italic = font == f.body_italic || font == f.body_bold_italic;
    return s;
}

bool needs_complex(const ImFont* font, std::string_view text) {
    bool beyond_ascii = false;
    for (std::size_t i = 0, len = 0; i < text.size(); i += len) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {  // ASCII: every face has it, and none of it runs right to left
            len = 1;
            continue;
        }
        beyond_ascii = true;
        if (!has_glyph(font, utf8_decode(text, i, len))) return true;
    }
    return beyond_ascii && bidi::has_rtl(text);
}

void word_pieces(const Fonts& fonts, const ImFont* font, std::string_view text, std::uint32_t begin, std::uint32_t end,
                 const std::uint8_t* levels, std::vector<TextPiece>& out) {
    const std::string_view word = text.substr(begin, end - begin);
    std::vector<std::uint32_t> breaks = line_breaks_in_word(word);
    if (fonts.complex && fonts.complex->shaper && needs_dictionary_breaks(word)) {
        const std::vector<std::uint32_t> more = fonts.complex->shaper->word_breaks(word);
        breaks.insert(breaks.end(), more.begin(), more.end());
        std::sort(breaks.begin(), breaks.end());
        breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
    }
    std::size_t next_break = 0;
    std::uint32_t from = begin;
    for (std::uint32_t i = begin; i <= end;) {
        while (next_break < breaks.size() && begin + breaks[next_break] < i) ++next_break;
        const bool at_break = next_break < breaks.size() && begin + breaks[next_break] == i;
        const bool level_change = levels && i < end && i > from && levels[i] != levels[from];
        if (i > from && (i == end || at_break || level_change)) {
            TextPiece p;
            p.begin = from;
            p.end = i;
            p.level = levels ? levels[from] : 0;
            p.shaped = (p.level & 1) || needs_complex(font, text.substr(from, i - from));
            // The piece before this one ended at a break opportunity.
            p.break_before = from > begin && std::binary_search(breaks.begin(), breaks.end(), from - begin);
            out.push_back(p);
            from = i;
        }
        if (i == end) break;
        i = static_cast<std::uint32_t>(utf8_next_char_start(text, i + 1));
        if (i > end) i = end;
    }
}

float piece_width(const Fonts& fonts, const ImFont* font, float size, std::string_view text, const TextPiece& p) {
    const char* b = text.data() + p.begin;
    const char* e = text.data() + p.end;
    if (!p.shaped) return font->CalcTextSizeA(size, FLT_MAX, 0.0f, b, e).x;
    ComplexText* ct = fonts.complex;
    const std::string_view piece(b, p.end - p.begin);
    const ShapeStyle style = shape_style(fonts, font, size);
    const bool rtl = p.level & 1;
    if (!ct) return font->CalcTextSizeA(size, FLT_MAX, 0.0f, b, e).x;
    std::string key = run_key(style, rtl, piece);
    const auto it = ct->advances.find(key);
    if (it != ct->advances.end()) return it->second;
    float advance = 0;
    if (ct->shaper) {
        const ShapedRun run = ct->shaper->measure(piece, style, rtl);
        advance = run.advance;
        ct->missing += static_cast<std::uint64_t>(run.missing);
        ++ct->shaped;
    } else {  // no platform shaper: ImGui draws it, with U+FFFD for what the faces lack
        advance = font->CalcTextSizeA(size, FLT_MAX, 0.0f, b, e).x;
        ct->missing += static_cast<std::uint64_t>(glyphs_missing(font, piece));
    }
    ct->advances.emplace(std::move(key), advance);
    return advance;
}

void draw_piece(ImDrawList* dl, const Fonts& fonts, const ImFont* font, float size, ImVec2 pos, ImU32 colour,
                std::string_view text, const TextPiece& p) {
    const char* b = text.data() + p.begin;
    const char* e = text.data() + p.end;
    ComplexText* ct = fonts.complex;
    if (!p.shaped || !ct || !ct->shaper) {
        dl->AddText(font, size, pos, colour, b, e);
        return;
    }
    const std::string_view piece(b, p.end - p.begin);
    const ShapeStyle style = shape_style(fonts, font, size);
    const bool rtl = p.level & 1;
    std::string key = run_key(style, rtl, piece);
    const int centi_density = static_cast<int>(ct->density * 100.0f + 0.5f);
    key.append(reinterpret_cast<const char*>(&centi_density), sizeof centi_density);
    const RunAtlas::Entry* entry = ct->atlas.find(key, ct->frame);
    if (!entry) {
        if (!ct->atlas.uploads()) return;  // nothing could show it (the UI tests): measuring was enough
        entry = ct->atlas.add(key, ct->shaper->rasterize(piece, style, rtl, ct->density), ct->density, ct->frame);
        if (!entry) return;
    }
    if (entry->page < 0) return;
    const ImVec2 at(pos.x - entry->origin_x, pos.y + baseline_of(font, size) - entry->baseline);
    const ImVec2 to(at.x + entry->width, at.y + entry->height);
    dl->AddImage(ct->atlas.texture(entry->page), at, to, entry->uv0, entry->uv1, colour);
    const ImVec4 clip = dl->_ClipRectStack.back();
    if (ct->drawn.size() < 64 && to.y > clip.y && at.y < clip.w)
        ct->drawn.push_back({std::string(piece), at.x, at.y, to.x, to.y});
}

float visual_positions(const std::vector<std::uint8_t>& levels, const std::vector<float>& widths,
                       const std::vector<float>& gaps, std::vector<float>& x) {
    x.assign(levels.size(), 0.0f);
    const std::vector<std::uint32_t> order = bidi::visual_order(levels);
    float pen = 0;
    std::size_t prev = SIZE_MAX;
    for (const std::uint32_t i : order) {
        if (prev != SIZE_MAX) {
            // The space between two runs that were neighbours in the text stays between them.
            if (i == prev + 1) pen += gaps[i];
            else if (prev == i + 1) pen += gaps[prev];
            else pen += std::max(gaps[i], gaps[prev]);
        }
        x[i] = pen;
        pen += widths[i];
        prev = i;
    }
    return pen;
}

namespace {

// A line's pieces with their widths and visual x.
struct LinePieces {
    std::vector<TextPiece> pieces;
    std::vector<float> x, w, gaps;
    float width = 0;
};

LinePieces line_pieces(const Fonts& fonts, const ImFont* font, float size, std::string_view text) {
    LinePieces lp;
    std::vector<std::uint8_t> levels;
    if (bidi::has_rtl(text)) levels = bidi::levels(text, bidi::is_rtl_paragraph(text));
    const std::uint8_t* lv = levels.empty() ? nullptr : levels.data();
    std::vector<float>& gaps = lp.gaps;
    float pending = 0;
    const auto n = static_cast<std::uint32_t>(text.size());
    for (std::uint32_t i = 0; i < n;) {
        std::uint32_t j = i;
        if (text[i] == ' ') {
            while (j < n && text[j] == ' ') ++j;
            pending += font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data() + i, text.data() + j).x;
        } else {
            while (j < n && text[j] != ' ') ++j;
            const std::size_t first = lp.pieces.size();
            word_pieces(fonts, font, text, i, j, lv, lp.pieces);
            for (std::size_t k = first; k < lp.pieces.size(); ++k) {
                lp.w.push_back(piece_width(fonts, font, size, text, lp.pieces[k]));
                gaps.push_back(k == first ? pending : 0.0f);
            }
            pending = 0;
        }
        i = j;
    }
    std::vector<std::uint8_t> piece_levels;
    for (const TextPiece& p : lp.pieces) piece_levels.push_back(p.level);
    lp.width = visual_positions(piece_levels, lp.w, gaps, lp.x);
    return lp;
}

}  // namespace

float text_line_width(const Fonts& fonts, const ImFont* font, float size, std::string_view text) {
    if (!needs_complex(font, text))
        return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
    return line_pieces(fonts, font, size, text).width;
}

void draw_text_line(ImDrawList* dl, const Fonts& fonts, const ImFont* font, float size, ImVec2 pos, ImU32 colour,
                    std::string_view text, float max_width) {
    if (!needs_complex(font, text)) {
        dl->AddText(font, size, pos, colour, text.data(), text.data() + text.size());
        return;
    }
    LinePieces lp = line_pieces(fonts, font, size, text);
    if (lp.width > max_width) {
        // Too long: keep the pieces that fit, in the text's order, and end with an ellipsis.
        static const char kEllipsis[] = "\xE2\x80\xA6";
        const float ew = font->CalcTextSizeA(size, FLT_MAX, 0.0f, kEllipsis).x;
        std::size_t keep = 0;
        for (float used = 0; keep < lp.pieces.size(); ++keep) {
            used += lp.gaps[keep] + lp.w[keep];
            if (used + ew > max_width) break;
        }
        lp = line_pieces(fonts, font, size, text.substr(0, keep ? lp.pieces[keep - 1].end : 0));
        dl->AddText(font, size, ImVec2(pos.x + lp.width, pos.y), colour, kEllipsis);
    }
    for (std::size_t k = 0; k < lp.pieces.size(); ++k)
        draw_piece(dl, fonts, font, size, ImVec2(pos.x + lp.x[k], pos.y), colour, text, lp.pieces[k]);
}

void text_line_item(const Fonts& fonts, std::string_view text) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    draw_text_line(ImGui::GetWindowDrawList(), fonts, p, ImGui::GetColorU32(ImGuiCol_Text), text);
    ImGui::Dummy(ImVec2(text_line_width(fonts, text), ImGui::GetTextLineHeight()));
}

}  // namespace lectern::ui
