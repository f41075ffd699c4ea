// Text beyond what ImGui draws by itself: characters the embedded faces lack and text
// that runs right to left. Such text is cut into pieces (at spaces, at changes of
// direction, and where lines may break inside a word: core/text/line_break.h); a piece
// the faces can draw left to right is drawn by ImGui as before, any other is shaped and
// rasterised by the platform (ui/text_shaper.h) and drawn from the run atlas. Pieces are
// put in visual order by the Unicode bidirectional algorithm (core/text/bidi.h).
//
//   fonts.complex = &ui.complex;                         // every view reaches it through Fonts
//   draw_text_line(dl, fonts, fonts.ui, 16, pos, colour, title);   // one line, any script
//   float w = text_line_width(fonts, fonts.ui, 16, title);
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ui/run_atlas.h"
#include "ui/text_shaper.h"

namespace lectern::ui {

struct Fonts;

struct ComplexText {
    TextShaper* shaper = nullptr;  // null: everything goes to ImGui (U+FFFD where the faces lack a glyph)
    RunAtlas atlas;
    float density = 1;  // device pixels per logical pixel: runs are rasterised at it
    std::uint64_t frame = 0;
    // Characters drawn without a glyph since the archive loaded (counted once per distinct
    // piece of text): state().glyphs.missing.
    std::uint64_t missing = 0;
    std::uint64_t shaped = 0;  // distinct pieces measured by the platform (for tests and figures)
    // The first runs drawn from the atlas in the last frame, in screen space (state().glyphs.runs):
    // the browser tests compare them with the browser's own drawing of the same text.
    struct Drawn {
        std::string text;
        float x0, y0, x1, y1;
    };
    std::vector<Drawn> drawn;

    std::unordered_map<std::string, float> advances;  // each piece measured, by run key
};

// Drops measures and atlas pages and zeroes the count: another archive, or the GPU context was lost.
void complex_text_reset(ComplexText& ct);

// One piece of a line: bytes [begin, end) of the text, its embedding level, whether the
// platform draws it, and whether a line may break before it.
struct TextPiece {
    std::uint32_t begin = 0, end = 0;
    std::uint8_t level = 0;
    bool shaped = false;
    bool break_before = false;
};

// The face a piece of `font`'s text is shaped with.
ShapeStyle shape_style(const Fonts& fonts, const ImFont* font, float size);

// True when ImGui alone cannot draw `text` in `font`: a character it has no glyph for, or
// right-to-left text.
bool needs_complex(const ImFont* font, std::string_view text);

// Cuts text[begin, end) (a word: no spaces) into pieces. `levels`: one embedding level per
// byte of `text` (core/text/bidi.h), or null for left-to-right text.
void word_pieces(const Fonts& fonts, const ImFont* font, std::string_view text, std::uint32_t begin, std::uint32_t end,
                 const std::uint8_t* levels, std::vector<TextPiece>& out);

// Width of a piece as drawn.
float piece_width(const Fonts& fonts, const ImFont* font, float size, std::string_view text, const TextPiece& p);
// Draws a piece with its pen at `pos` (top of the line box, as ImGui's AddText takes it).
void draw_piece(ImDrawList* dl, const Fonts& fonts, const ImFont* font, float size, ImVec2 pos, ImU32 colour,
                std::string_view text, const TextPiece& p);

// L2 for a line: the x of each run (in logical order, with its level, width and the space
// before it) once the runs stand in visual order from x = 0. Returns the line's width.
float visual_positions(const std::vector<std::uint8_t>& levels, const std::vector<float>& widths,
                       const std::vector<float>& gaps, std::vector<float>& x);

// One line of text in any script, in visual order, starting at `pos`. Text wider than
// `max_width` is cut at a piece boundary and ends with an ellipsis.
void draw_text_line(ImDrawList* dl, const Fonts& fonts, const ImFont* font, float size, ImVec2 pos, ImU32 colour,
                    std::string_view text, float max_width = 1e30f);
float text_line_width(const Fonts& fonts, const ImFont* font, float size, std::string_view text);
// The same in ImGui's current font and size.
inline void draw_text_line(ImDrawList* dl, const Fonts& fonts, ImVec2 pos, ImU32 colour, std::string_view text,
                           float max_width = 1e30f) {
    draw_text_line(dl, fonts, ImGui::GetFont(), ImGui::GetFontSize(), pos, colour, text, max_width);
}
inline float text_line_width(const Fonts& fonts, std::string_view text) {
    return text_line_width(fonts, ImGui::GetFont(), ImGui::GetFontSize(), text);
}
// ImGui::TextUnformatted for one line of any script: drawn at the cursor in the current font
// and text colour, the cursor moved past it.
void text_line_item(const Fonts& fonts, std::string_view text);

// Starts a frame: the atlas knows which pages this frame draws from.
void complex_text_frame(ComplexText& ct);

}  // namespace lectern::ui
