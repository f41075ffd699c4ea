// Markdown (CommonMark, via md4c) parsed into a flat document model that views lay out.
//
//   md::Document d = md::parse(work.body);
//   for (const md::Block& b : d.blocks)
//       for (std::size_t i = b.span_begin; i < b.span_end; ++i) draw(d.text_of(d.spans[i]), d.spans[i].style);
//
// Flat on purpose: nesting lives in each block's depths, so walking the model never
// recurses, however deep the source nests. Raw HTML stays text; hard breaks are '\n'.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lectern::md {

// Deeper quotes and lists are parsed but drawn at this depth: beyond it the
// indentation would leave no room for text.
constexpr int kMaxDepth = 16;

enum class BlockKind : std::uint8_t { paragraph, heading, code, rule };
enum class Marker : std::uint8_t { none, bullet, ordered };

// Span style bits.
enum : std::uint8_t { kEmphasis = 1, kStrong = 2, kCode = 4 };

struct Span {
    std::uint32_t begin = 0, end = 0;  // bytes of Document::text
    std::uint8_t style = 0;            // kEmphasis | kStrong | kCode
    std::int32_t link = -1;            // index into Document::links, or -1
};

struct Block {
    BlockKind kind = BlockKind::paragraph;
    std::uint8_t level = 0;                      // heading level, 1-6
    std::uint8_t quote_depth = 0;                // block quotes around the block, at most kMaxDepth
    std::uint8_t list_depth = 0;                 // lists around the block, at most kMaxDepth
    Marker marker = Marker::none;                // set on the first block of a list item
    std::uint32_t number = 0;                    // the item's number when the marker is ordered
    std::uint32_t span_begin = 0, span_end = 0;  // range of Document::spans
};

struct Heading {
    int level = 1;
    std::string text;
    std::uint32_t block = 0;  // index into Document::blocks
};

// An image the text embeds (`![alt](src)`). Its alt text also stays in the text, where the
// image stood: readers who cannot see the image read it there.
struct Image {
    std::string src, alt;
    std::uint32_t block = 0;  // index into Document::blocks: the block holding it
};

struct Document {
    std::string text;  // every span's characters, back to back
    std::vector<Span> spans;
    std::vector<Block> blocks;
    std::vector<std::string> links;  // hrefs
    std::vector<Heading> headings;   // in document order, for an outline
    std::vector<Image> images;       // in document order

    std::string_view text_of(const Span& s) const { return std::string_view(text).substr(s.begin, s.end - s.begin); }
};

// Linear in the input; never fails (md4c accepts any text). Invalid UTF-8 passes through.
Document parse(std::string_view markdown);

// True for the hrefs a reader may open: http: and https: URLs.
bool is_web_link(std::string_view href);

}  // namespace lectern::md
