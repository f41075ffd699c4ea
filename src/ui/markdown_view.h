// Draws a Markdown model with ImGui: own word layout of mixed-face runs, cached per
// (text, width, scale), and only the lines inside the clip rectangle are drawn.
//
//   cache.query = session.query();                           // its matches are marked in every text
//   MarkdownEntry& e = markdown_entry(cache, work.body);     // parsed once
//   MarkdownDrawn d = draw_markdown(cache, e, fonts, width, scale);
//   if (d.open_url) out.open_url = d.open_url;
//   std::string copied = selected_text(cache);               // what the mouse selected, as plain text
//
// The mouse selects text in any drawn text: press and drag, Shift+click to extend,
// double-click for a word, triple-click for a paragraph. One selection at a time.
#pragma once

#include <cstdint>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/markdown.h"
#include "core/search/match_ranges.h"
#include "ui/fonts.h"

namespace lectern::ui {

enum class Face : std::uint8_t { body, italic, bold, bold_italic, code, heading };

// Runs stand in the text's order; their x are in visual order (right-to-left text).
struct MarkdownRun {
    std::uint32_t begin = 0, end = 0;  // bytes of Document::text
    float x = 0, w = 0, dy = 0;        // from the line's left and top
    float size = 0;                    // pixels
    Face face = Face::body;
    std::int32_t link = -1;
    std::uint8_t level = 0;  // embedding level (core/text/bidi.h): odd runs right to left
    bool shaped = false;     // drawn by the platform (ui/complex_text.h), not by ImGui's faces
};

struct MarkdownLine {
    float y = 0, h = 0;  // from the top of the text
    std::uint32_t run_begin = 0, run_end = 0;
    std::uint32_t block = 0;
    float indent = 0;  // left edge of the text
    bool first_of_block = false;
};

struct MarkdownLayout {
    float width = -1, scale = -1;  // what it was laid out for
    std::uint64_t fonts = 0;       // and with which atlas (Fonts::generation)
    float height = 0;
    std::vector<MarkdownRun> runs;
    std::vector<MarkdownLine> lines;
    std::vector<float> heading_y;  // per Document::headings
    // Room left after the block holding each of Document::images, for the reader to draw the
    // image there: the heights asked for (part of what the layout is for) and where each begins.
    std::vector<float> image_h, image_y;
};

// One text's model and its layout. The text is known by its address and size:
// archive strings do not move while the archive is loaded.
struct MarkdownEntry {
    const char* data = nullptr;
    std::size_t size = 0;
    md::Document doc;
    MarkdownLayout layout;
    std::uint64_t used = 0;  // frame of last use
    float x = 0, y = 0;      // screen position of the text's top left when last drawn
    // The cache's query's matches in doc.text (marked when drawn), found when the query changes.
    std::string match_query;
    std::vector<TextRange> matches;
    int current_match = -1;  // marked more strongly; -1: none
};

// Bytes of one text's doc.text, from where the button went down (anchor) to the caret.
struct TextSelection {
    const char* text = nullptr;  // the MarkdownEntry's key (`data`); null: nothing selected
    std::uint32_t anchor = 0, caret = 0;
    bool dragging = false;  // the button is down: the caret follows the pointer
    std::uint32_t begin() const { return anchor < caret ? anchor : caret; }
    std::uint32_t end() const { return anchor < caret ? caret : anchor; }
    bool empty() const { return !text || anchor == caret; }
};

// The reader's walk through the shown body's matches (F3, Enter): reader_view.cpp.
struct MatchWalk {
    std::string query;  // the query and work it walks; another pair starts over
    int work = -2;
    int current = 0;       // into the body's matches
    int count = 0;         // the body's matches in the last frame
    bool reveal = false;   // scroll the current match into view once the body is drawn
    int drawn_frame = -1;  // ImGui frame the reader last drew: the results list stands in for it
};

struct MarkdownCache {
    std::list<MarkdownEntry> entries;  // a list: entries keep their address
    std::uint64_t frame = 0;
    int parses = 0, layouts = 0;  // counted so tests can see that frames reuse them
    std::string query;            // a search query whose matches the texts mark; empty: none
    TextSelection selection;
    MatchWalk walk;
};

// What a draw produced: where the text began (window content coordinates, for
// scrolling to a heading) and a web link the reader clicked.
struct MarkdownDrawn {
    float top = 0;
    std::optional<std::string> open_url;
};

// The entry for `text`, parsed on first use, its matches found for the cache's query.
MarkdownEntry& markdown_entry(MarkdownCache& cache, std::string_view text);

// Lays out (when width, scale or the image heights changed) and draws at the cursor; advances
// the cursor. `image_heights` (one per doc.images, or empty): room to leave after each image's
// block; layout.image_y then says where each room begins, from the text's top.
MarkdownDrawn draw_markdown(MarkdownCache& cache, MarkdownEntry& entry, const Fonts& fonts, float width, float scale,
                            const std::vector<float>& image_heights = {});

// Where byte `at` of the entry's text was drawn: the caret's top left in screen
// coordinates, and the height of its line. Laid out texts only.
struct TextPoint {
    float x = 0, y = 0, h = 0;
};
TextPoint markdown_point(const MarkdownEntry& entry, const Fonts& fonts, std::uint32_t at);
// The byte of the entry's text nearest a screen point, as last drawn: above the text its
// start, below its end.
std::uint32_t markdown_offset_at(const MarkdownEntry& entry, const Fonts& fonts, float x, float y);

// doc.text[begin, end) as plain text for the clipboard: blocks on lines of their own,
// paragraphs apart by an empty line, list items by a line break.
std::string plain_text(const md::Document& doc, std::uint32_t begin, std::uint32_t end);
// The selection as plain text; empty when nothing is selected.
std::string selected_text(const MarkdownCache& cache);

// Starts a frame: entries unused for a while are dropped.
void markdown_cache_frame(MarkdownCache& cache);
void markdown_cache_clear(MarkdownCache& cache);

}  // namespace lectern::ui
