// libFuzzer target: the Markdown rendering path's model (md4c -> md::Document). Any text
// parses, and the flat model is consistent: every index the reader's layout follows
// (span bytes, block span ranges, links, headings, depths) stays in range.
#include "core/text/markdown.h"
#include "fuzz_check.h"

using namespace lectern;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view source = fuzz::as_text(data, size);
    const md::Document d = md::parse(source);
    // Valid UTF-8 in, valid UTF-8 out, and no span cuts a character (the layout draws span by span).
    const bool utf8 = fuzz::valid_utf8(source);
    if (utf8) FUZZ_CHECK(fuzz::valid_utf8(d.text));
    std::uint32_t prev_end = 0;
    for (const md::Span& s : d.spans) {
        FUZZ_CHECK(s.begin <= s.end && s.end <= d.text.size());
        FUZZ_CHECK(s.begin >= prev_end);  // spans follow the text in order, never overlap
        prev_end = s.end;
        FUZZ_CHECK(s.link >= -1 && s.link < static_cast<std::int32_t>(d.links.size()));
        if (utf8) FUZZ_CHECK(fuzz::valid_utf8(d.text_of(s)));
        FUZZ_CHECK((s.style & ~(md::kEmphasis | md::kStrong | md::kCode)) == 0);
    }
    std::uint32_t prev_span = 0;
    for (const md::Block& b : d.blocks) {
        FUZZ_CHECK(b.span_begin <= b.span_end && b.span_end <= d.spans.size());
        FUZZ_CHECK(b.span_begin >= prev_span);
        prev_span = b.span_end;
        FUZZ_CHECK(b.quote_depth <= md::kMaxDepth && b.list_depth <= md::kMaxDepth);
        if (b.kind == md::BlockKind::heading) FUZZ_CHECK(b.level >= 1 && b.level <= 6);
        if (b.kind == md::BlockKind::rule) FUZZ_CHECK(b.span_begin == b.span_end);
    }
    std::uint32_t prev_block = 0;
    for (const md::Heading& h : d.headings) {
        FUZZ_CHECK(h.block < d.blocks.size() && d.blocks[h.block].kind == md::BlockKind::heading);
        FUZZ_CHECK(h.block >= prev_block);
        prev_block = h.block;
        FUZZ_CHECK(h.text.find('\n') == std::string::npos);
        if (utf8) FUZZ_CHECK(fuzz::valid_utf8(h.text));
    }
    for (const std::string& href : d.links) {
        if (utf8) FUZZ_CHECK(fuzz::valid_utf8(href));
        (void)md::is_web_link(href);
    }
    return 0;
}
