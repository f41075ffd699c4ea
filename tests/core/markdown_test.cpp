// Markdown model: each construct as a compact transcript, raw HTML as text, hard breaks, hostile input.
#include <catch2/catch.hpp>

#include <string>

#include "core/text/markdown.h"

using namespace lectern;

namespace {

// One line per block: "q2 l1 3. P: text" with _em_, *strong*, `code`, [link](href) and "|" for a hard break.
std::string transcript(const md::Document& d) {
    std::string out;
    for (const md::Block& b : d.blocks) {
        if (!out.empty()) out += '\n';
        if (b.quote_depth) out += "q" + std::to_string(b.quote_depth) + " ";
        if (b.list_depth) out += "l" + std::to_string(b.list_depth) + " ";
        if (b.marker == md::Marker::bullet) out += "* ";
        if (b.marker == md::Marker::ordered) out += std::to_string(b.number) + ". ";
        switch (b.kind) {
            case md::BlockKind::paragraph: out += "P:"; break;
            case md::BlockKind::heading: out += "H" + std::to_string(b.level) + ":"; break;
            case md::BlockKind::code: out += "CODE:"; break;
            case md::BlockKind::rule: out += "HR"; break;
        }
        for (std::uint32_t i = b.span_begin; i < b.span_end; ++i) {
            const md::Span& s = d.spans[i];
            std::string t(d.text_of(s));
            for (char& c : t)
                if (c == '\n') c = '|';
            if (s.style & md::kCode) t = "`" + t + "`";
            if (s.style & md::kEmphasis) t = "_" + t + "_";
            if (s.style & md::kStrong) t = "*" + t + "*";
            if (s.link >= 0) t = "[" + t + "](" + d.links[static_cast<std::size_t>(s.link)] + ")";
            out += (i == b.span_begin ? " " : "") + t;
        }
    }
    return out;
}

struct Case {
    const char* name;
    const char* markdown;
    const char* transcript;
};

const Case kCases[] = {
    {"paragraphs", "One\ntwo.\n\nThree.", "P: One two.\nP: Three."},
    {"headings", "# Title\n\n### Part *one*\n\nSetext\n------", "H1: Title\nH3: Part _one_\nH2: Setext"},
    {"emphasis and strong", "a *b* **c** ***d*** `e`", "P: a _b_ *c* *_d_* `e`"},
    {"a link", "see [the text](https://example.org/a?b=1&amp;c)", "P: see [the text](https://example.org/a?b=1&c)"},
    {"an autolink", "<http://example.org>", "P: [http://example.org](http://example.org)"},
    {"a block quote", "> quoted\n>\n> > deeper", "q1 P: quoted\nq2 P: deeper"},
    {"a bullet list", "- one\n- two\n  - nested", "l1 * P: one\nl1 * P: two\nl2 * P: nested"},
    {"an ordered list keeps its start", "3. three\n4. four", "l1 3. P: three\nl1 4. P: four"},
    {"a loose list item with two paragraphs", "1. first\n\n   more\n2. second",
     "l1 1. P: first\nl1 P: more\nl1 2. P: second"},
    {"an item that opens with a list", "- - inner", "l1 * P:\nl2 * P: inner"},
    {"a fenced code block", "```\nx = 1\ny = 2\n```", "CODE: x = 1|y = 2"},
    {"a thematic break", "above\n\n---\n\nbelow", "P: above\nHR\nP: below"},
    {"raw HTML is text", "a <b>bold</b> claim\n\n<div>block</div>", "P: a <b>bold</b> claim\nP: <div>block</div>"},
    {"verse keeps its hard breaks", "line one  \nline two\\\nline three\nsame line",
     "P: line one|line two|line three same line"},
    {"entities are decoded", "&mdash; &#233; &#x41; &bogus;", "P: \xE2\x80\x94 \xC3\xA9 A &bogus;"},
    {"a NUL byte becomes the replacement mark", "a\0b",
     "P: a\xEF\xBF\xBD"
     "b"},
};

}  // namespace

TEST_CASE("markdown: each construct becomes the expected blocks and spans", "[markdown]") {
    for (const Case& c : kCases) {
        CAPTURE(c.name, c.markdown);
        // The NUL case needs its length spelled out.
        const std::string_view src = std::string_view(c.name) == "a NUL byte becomes the replacement mark"
                                         ? std::string_view(c.markdown, 3)
                                         : std::string_view(c.markdown);
        CHECK(transcript(md::parse(src)) == c.transcript);
    }
}

TEST_CASE("markdown: every named character reference of the HTML list is decoded, as CommonMark requires",
          "[markdown]") {
    // md4c-html's table: the 18 names decoded before it included none of these.
    CHECK(transcript(md::parse("caf&eacute;")) == "P: caf\xC3\xA9");
    CHECK(transcript(md::parse("&Afr; &frac34; &ngE;")) ==
          "P: \xF0\x9D\x94\x84 \xC2\xBE \xE2\x89\xA7\xCC\xB8");  // U+1D504, U+00BE, U+2267 U+0338 (two code points)
    CHECK(transcript(md::parse("[x](https://example.org/?a=1&eacute;)")) == "P: [x](https://example.org/?a=1\xC3\xA9)");
    CHECK(transcript(md::parse("&eacute &notaname;")) == "P: &eacute &notaname;");  // not references: as written
}

TEST_CASE("markdown: headings are listed for an outline with their block", "[markdown]") {
    const md::Document d = md::parse("intro\n\n# One\n\ntext\n\n## Two *em*\n\nmore");
    REQUIRE(d.headings.size() == 2);
    CHECK(d.headings[0].level == 1);
    CHECK(d.headings[0].text == "One");
    CHECK(d.blocks[d.headings[0].block].kind == md::BlockKind::heading);
    CHECK(d.headings[1].level == 2);
    CHECK(d.headings[1].text == "Two em");
    CHECK(d.headings[1].block == 3);
}

TEST_CASE("markdown: only http and https links are web links", "[markdown]") {
    const struct {
        const char* href;
        bool web;
    } kLinks[] = {{"https://example.org", true},
                  {"HTTP://example.org/x", true},
                  {"javascript:alert(1)", false},
                  {"mailto:a@b.c", false},
                  {"#notes", false},
                  {"https://", false},
                  {"/relative", false},
                  {"file:///etc/passwd", false}};
    for (const auto& l : kLinks) {
        CAPTURE(l.href);
        CHECK(md::is_web_link(l.href) == l.web);
    }
}

TEST_CASE("markdown: empty and blank input give no blocks", "[markdown]") {
    CHECK(md::parse("").blocks.empty());
    CHECK(md::parse("\n\n   \n").blocks.empty());
}

TEST_CASE("markdown: 10,000 nested quotes parse, with depth capped", "[markdown][large]") {
    const md::Document d = md::parse(std::string(10000, '>') + " deep");
    REQUIRE(d.blocks.size() == 1);
    CHECK(d.blocks[0].quote_depth == md::kMaxDepth);
    CHECK(transcript(d) == "q16 P: deep");
}

TEST_CASE("markdown: 2,000 indented nested lists (4 MB of indentation) parse, with depth capped", "[markdown][large]") {
    std::string src;
    for (int i = 0; i < 2000; ++i) src += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- x\n";
    const md::Document d = md::parse(src);
    REQUIRE(!d.blocks.empty());
    int max_depth = 0;
    for (const md::Block& b : d.blocks) max_depth = std::max<int>(max_depth, b.list_depth);
    CHECK(max_depth <= md::kMaxDepth);
}

TEST_CASE("markdown: 10,000 nested lists on one line parse, with depth capped", "[markdown][large]") {
    std::string src;
    for (int i = 0; i < 10000; ++i) src += "- ";
    src += "x";
    const md::Document d = md::parse(src);
    REQUIRE(!d.blocks.empty());
    CHECK(d.blocks.back().list_depth == md::kMaxDepth);
}

TEST_CASE("markdown: a 1 MB line is one paragraph", "[markdown][large]") {
    std::string src;
    while (src.size() < (1u << 20)) src += "word ";
    const md::Document d = md::parse(src);
    REQUIRE(d.blocks.size() == 1);
    CHECK(d.text.size() + 1 == src.size());  // the trailing space is trimmed
}

TEST_CASE("markdown: 100,000 emphasis markers parse", "[markdown][large]") {
    for (const char* unit : {"*a", "_a", "**a", "*a_", "a**"}) {
        CAPTURE(unit);
        std::string src;
        while (src.size() < 100000) src += unit;
        const md::Document d = md::parse(src);
        CHECK(d.blocks.size() == 1);
        CHECK(!d.text.empty());
    }
    std::string nested = std::string(50000, '*') + "x" + std::string(50000, '*');
    CHECK(md::parse(nested).blocks.size() >= 1);
}
