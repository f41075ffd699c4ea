// md4c callbacks that fill the flat document model; they keep counters and a
// small state, never recurse, so hostile nesting costs memory, not stack.
#include "core/text/markdown.h"

#include <md4c.h>

// md4c-html's entity table (entity.c: every name of the HTML standard's list, which
// CommonMark adopts), linked from libmd4c-html natively and compiled from md4c's source
// for the page. md4c does not install entity.h; this is its declaration, as md4c 0.4.8 has it.
extern "C" {
struct entity {
    const char* name;
    unsigned codepoints[2];  // a second code point, or 0
};
const struct entity* entity_lookup(const char* name, size_t name_size);
}

#include "core/text/utf8.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <limits>

namespace lectern::md {

namespace {

// A character reference's code point as CommonMark reads it: NUL, surrogates and values
// past Unicode become U+FFFD.
void append_utf8(std::string& out, unsigned long cp) {
    utf8_append(out, cp == 0 || cp > 0x10FFFF ? kReplacementCharacter : static_cast<char32_t>(cp));
}

// md4c reports entities undecoded (its table lives in md4c-html). Numeric ones and
// the names in md4c-html's table are decoded; anything else stays as written.
void append_entity(std::string& out, std::string_view e) {
    if (e.size() > 3 && e[1] == '#') {
        const bool hex = e[2] == 'x' || e[2] == 'X';
        const std::string digits(e.substr(hex ? 3 : 2, e.size() - (hex ? 4 : 3)));
        append_utf8(out, std::strtoul(digits.c_str(), nullptr, hex ? 16 : 10));
        return;
    }
    if (const struct entity* named = entity_lookup(e.data(), e.size())) {
        append_utf8(out, named->codepoints[0]);
        if (named->codepoints[1] != 0) append_utf8(out, named->codepoints[1]);
        return;
    }
    out += e;
}

std::string attribute(const MD_ATTRIBUTE& a) {
    std::string out;
    if (!a.text) return out;
    for (int i = 0; a.substr_offsets[i] < a.size; ++i) {
        const std::string_view part(a.text + a.substr_offsets[i], a.substr_offsets[i + 1] - a.substr_offsets[i]);
        if (a.substr_types[i] == MD_TEXT_ENTITY) append_entity(out, part);
        else if (a.substr_types[i] == MD_TEXT_NULLCHAR) append_utf8(out, 0xFFFD);
        else out += part;
    }
    return out;
}

std::uint8_t capped(int depth) { return static_cast<std::uint8_t>(std::min(depth, kMaxDepth)); }

struct Builder {
    Document doc;
    // Containers open around the current point.
    int quote_depth = 0, list_depth = 0;
    // One entry per open list: ordered, and the next item's number. Deep
    // nesting grows this vector, not the stack.
    std::vector<std::pair<bool, std::uint32_t>> lists;
    Marker pending_marker = Marker::none;  // a list item opened, its first block not yet
    std::uint32_t pending_number = 0;
    bool in_leaf = false;   // a paragraph, heading or code block is open
    bool implicit = false;  // the open leaf is a tight list item's text, without MD_BLOCK_P
    int em = 0, strong = 0, code = 0, image = 0;
    std::vector<std::int32_t> link_stack;
    std::size_t alt_begin = 0;  // doc.text where the outermost image's alt text began

    void open_leaf(BlockKind kind, int level) {
        Block b;
        b.kind = kind;
        b.level = static_cast<std::uint8_t>(level);
        b.quote_depth = capped(quote_depth);
        b.list_depth = capped(list_depth);
        b.marker = pending_marker;
        b.number = pending_number;
        pending_marker = Marker::none;
        b.span_begin = b.span_end = static_cast<std::uint32_t>(doc.spans.size());
        doc.blocks.push_back(b);
        in_leaf = kind != BlockKind::rule;
    }

    void close_leaf() {
        if (!in_leaf) return;
        in_leaf = implicit = false;
        Block& b = doc.blocks.back();
        b.span_end = static_cast<std::uint32_t>(doc.spans.size());
        if (b.kind == BlockKind::code) {  // the fence's last newline is not part of the text
            while (b.span_end > b.span_begin) {
                Span& s = doc.spans[b.span_end - 1];
                if (s.end > s.begin && doc.text[s.end - 1] == '\n') --s.end;
                if (s.end > s.begin) break;
                --b.span_end;
            }
        }
        if (b.kind == BlockKind::heading) {
            Heading h;
            h.level = b.level;
            h.block = static_cast<std::uint32_t>(doc.blocks.size() - 1);
            for (std::uint32_t i = b.span_begin; i < b.span_end; ++i) h.text += doc.text_of(doc.spans[i]);
            std::replace(h.text.begin(), h.text.end(), '\n', ' ');
            doc.headings.push_back(std::move(h));
        }
    }

    // A list item whose first child is another list: its marker gets a line of its own.
    void flush_marker() {
        if (pending_marker == Marker::none) return;
        open_leaf(BlockKind::paragraph, 0);
        close_leaf();
    }

    std::uint8_t style() const {
        std::uint8_t s = 0;
        if (em > 0) s |= kEmphasis;
        if (strong > 0) s |= kStrong;
        if (code > 0) s |= kCode;
        return s;
    }

    void add_text(std::string_view t, MD_TEXTTYPE type) {
        if (!in_leaf) {  // text of a tight list item comes without a paragraph
            open_leaf(BlockKind::paragraph, 0);
            implicit = true;
        }
        const std::uint8_t st = style();
        const std::int32_t link = link_stack.empty() ? -1 : link_stack.back();
        const std::uint32_t block_spans = doc.blocks.back().span_begin;
        if (doc.spans.size() > block_spans && doc.spans.back().style == st && doc.spans.back().link == link &&
            doc.spans.back().end == doc.text.size()) {
            // extend the current span
        } else {
            Span s;
            s.begin = s.end = static_cast<std::uint32_t>(doc.text.size());
            s.style = st;
            s.link = link;
            doc.spans.push_back(s);
        }
        switch (type) {
            case MD_TEXT_BR: doc.text += '\n'; break;
            case MD_TEXT_SOFTBR: doc.text += ' '; break;
            case MD_TEXT_NULLCHAR: append_utf8(doc.text, 0xFFFD); break;
            case MD_TEXT_ENTITY: append_entity(doc.text, t); break;
            default: doc.text += t; break;
        }
        doc.spans.back().end = static_cast<std::uint32_t>(doc.text.size());
    }

    int enter_block(MD_BLOCKTYPE type, void* detail) {
        switch (type) {
            case MD_BLOCK_QUOTE:
                close_leaf();
                flush_marker();
                ++quote_depth;
                break;
            case MD_BLOCK_UL:
            case MD_BLOCK_OL: {
                close_leaf();
                flush_marker();
                ++list_depth;
                const bool ordered = type == MD_BLOCK_OL;
                lists.emplace_back(ordered, ordered ? static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start : 0u);
                break;
            }
            case MD_BLOCK_LI:
                close_leaf();
                flush_marker();
                if (!lists.empty()) {
                    pending_marker = lists.back().first ? Marker::ordered : Marker::bullet;
                    pending_number = lists.back().second++;
                }
                break;
            case MD_BLOCK_HR:
                close_leaf();
                open_leaf(BlockKind::rule, 0);
                break;
            case MD_BLOCK_H:
                close_leaf();
                open_leaf(BlockKind::heading, static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level));
                break;
            case MD_BLOCK_CODE:
                close_leaf();
                open_leaf(BlockKind::code, 0);
                break;
            case MD_BLOCK_P:
            case MD_BLOCK_HTML:  // not produced with MD_FLAG_NOHTML; shown as text if it ever is
                close_leaf();
                open_leaf(BlockKind::paragraph, 0);
                break;
            default: break;  // document, tables (not enabled)
        }
        return 0;
    }

    int leave_block(MD_BLOCKTYPE type) {
        switch (type) {
            case MD_BLOCK_QUOTE:
                close_leaf();
                --quote_depth;
                break;
            case MD_BLOCK_UL:
            case MD_BLOCK_OL:
                close_leaf();
                --list_depth;
                if (!lists.empty()) lists.pop_back();
                break;
            case MD_BLOCK_LI:
                close_leaf();
                flush_marker();  // an empty item still shows its marker
                break;
            case MD_BLOCK_H:
            case MD_BLOCK_CODE:
            case MD_BLOCK_P:
            case MD_BLOCK_HTML: close_leaf(); break;
            default: break;
        }
        return 0;
    }

    int enter_span(MD_SPANTYPE type, void* detail) {
        switch (type) {
            case MD_SPAN_EM: ++em; break;
            case MD_SPAN_STRONG: ++strong; break;
            case MD_SPAN_CODE: ++code; break;
            case MD_SPAN_IMG:  // its text is the alt text, kept as text; the image is listed
                if (image++ == 0) {
                    Image img;
                    img.src = attribute(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src);
                    img.block = static_cast<std::uint32_t>(doc.blocks.empty() || !in_leaf ? doc.blocks.size()
                                                                                          : doc.blocks.size() - 1);
                    doc.images.push_back(std::move(img));
                    alt_begin = doc.text.size();
                }
                break;
            case MD_SPAN_A:
                doc.links.push_back(attribute(static_cast<MD_SPAN_A_DETAIL*>(detail)->href));
                link_stack.push_back(static_cast<std::int32_t>(doc.links.size() - 1));
                break;
            default: break;
        }
        return 0;
    }

    int leave_span(MD_SPANTYPE type) {
        switch (type) {
            case MD_SPAN_EM: --em; break;
            case MD_SPAN_STRONG: --strong; break;
            case MD_SPAN_CODE: --code; break;
            case MD_SPAN_IMG:
                if (--image == 0 && !doc.images.empty()) {
                    doc.images.back().alt = doc.text.substr(alt_begin);
                    if (!doc.blocks.empty())
                        doc.images.back().block = static_cast<std::uint32_t>(doc.blocks.size() - 1);
                }
                break;
            case MD_SPAN_A:
                if (!link_stack.empty()) link_stack.pop_back();
                break;
            default: break;
        }
        return 0;
    }
};

}  // namespace

Document parse(std::string_view markdown) {
    Builder b;
    b.doc.text.reserve(markdown.size());
    MD_PARSER p{};
    p.flags = MD_DIALECT_COMMONMARK | MD_FLAG_NOHTML;
    p.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->enter_block(t, d); };
    p.leave_block = [](MD_BLOCKTYPE t, void*, void* u) { return static_cast<Builder*>(u)->leave_block(t); };
    p.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->enter_span(t, d); };
    p.leave_span = [](MD_SPANTYPE t, void*, void* u) { return static_cast<Builder*>(u)->leave_span(t); };
    p.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
        static_cast<Builder*>(u)->add_text(std::string_view(s, n), t);
        return 0;
    };
    // md4c sizes are 32-bit; longer input is cut rather than misparsed.
    const std::size_t n = std::min<std::size_t>(markdown.size(), std::numeric_limits<MD_SIZE>::max());
    // md4c 0.4.8 (Debian 12's) may read the byte just past its input: a link destination that
    // ends the text ("[x](y" then the end) is checked for a newline at text[n]. A std::string
    // holds a NUL there, so that read stays inside the allocation whatever the caller passed.
    const std::string text(markdown.substr(0, n));
    md_parse(text.data(), static_cast<MD_SIZE>(n), &p, &b);
    b.close_leaf();
    b.flush_marker();
    return std::move(b.doc);
}

bool is_web_link(std::string_view href) {
    auto starts = [&](std::string_view p) {
        if (href.size() < p.size()) return false;
        for (std::size_t i = 0; i < p.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(href[i])) != p[i]) return false;
        return true;
    };
    return (starts("http://") || starts("https://")) && href.size() > 8;
}

}  // namespace lectern::md
