// Draws a Markdown model with ImGui: own word layout of mixed-face runs, cached per
// (text, width, scale), and only the lines inside the clip rectangle are drawn.
//
//   MarkdownEntry& e = markdown_entry(cache, work.body);     // parsed once
//   MarkdownDrawn d = draw_markdown(cache, e, fonts, width, scale);
//   if (d.open_url) out.open_url = d.open_url;
#pragma once

#include <cstdint>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/markdown.h"
#include "ui/fonts.h"

namespace lectern::ui {

enum class Face : std::uint8_t { body, italic, bold, bold_italic, code, heading };

struct MarkdownRun {
    std::uint32_t begin = 0, end = 0;  // bytes of Document::text
    float x = 0, w = 0, dy = 0;        // from the line's left and top
    float size = 0;                    // pixels
    Face face = Face::body;
    std::int32_t link = -1;
};

struct MarkdownLine {
    float y = 0, h = 0;  // from the top of the text
    std::uint32_t run_begin = 0, run_end = 0;
    std::uint32_t block = 0;
    float indent = 0;        // left edge of the text
    bool first_of_block = false;
};

struct MarkdownLayout {
    float width = -1, scale = -1;  // what it was laid out for
    float height = 0;
    std::vector<MarkdownRun> runs;
    std::vector<MarkdownLine> lines;
    std::vector<float> heading_y;  // per Document::headings
};

// One text's model and its layout. The text is known by its address and size:
// archive strings do not move while the archive is loaded.
struct MarkdownEntry {
    const char* data = nullptr;
    std::size_t size = 0;
    md::Document doc;
    MarkdownLayout layout;
    std::uint64_t used = 0;  // frame of last use
};

struct MarkdownCache {
    std::list<MarkdownEntry> entries;  // a list: entries keep their address
    std::uint64_t frame = 0;
    int parses = 0, layouts = 0;  // counted so tests can see that frames reuse them
};

// What a draw produced: where the text began (window content coordinates, for
// scrolling to a heading) and a web link the reader clicked.
struct MarkdownDrawn {
    float top = 0;
    std::optional<std::string> open_url;
};

// The entry for `text`, parsed on first use.
MarkdownEntry& markdown_entry(MarkdownCache& cache, std::string_view text);

// Lays out (when width or scale changed) and draws at the cursor; advances the cursor.
MarkdownDrawn draw_markdown(MarkdownCache& cache, MarkdownEntry& entry, const Fonts& fonts, float width, float scale);

// Starts a frame: entries unused for a while are dropped.
void markdown_cache_frame(MarkdownCache& cache);
void markdown_cache_clear(MarkdownCache& cache);

}  // namespace lectern::ui
