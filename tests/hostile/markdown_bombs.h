// Markdown built to break parsers and layouts: deep nesting, huge lines, runs of
// delimiters. The core tests parse, load and search them; the UI tests draw them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

struct MarkdownBomb {
    const char* name;
    std::string text;
};

inline std::string bomb_repeat(std::string_view s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

inline std::vector<MarkdownBomb> markdown_bombs() {
    const auto repeat = bomb_repeat;
    std::string nested_lines;  // 2,000 quotes deep, one more '>' per line: 2 MB
    for (int i = 1; i <= 2000; ++i) nested_lines += std::string(static_cast<std::size_t>(i), '>') + " q\n";
    return {
        {"10,000 nested quotes", std::string(10'000, '>') + " deep\n"},
        {"10,000 nested quotes, spaced", repeat("> ", 10'000) + "deep\n"},
        {"2,000 quotes deepening line by line", nested_lines},
        {"10,000 nested lists", repeat("- ", 10'000) + "deep\n"},
        {"10,000 nested ordered lists", repeat("1. ", 10'000) + "deep\n"},
        {"10,000 lists indented line by line",
         [] {
             std::string s;
             for (int i = 0; i < 10'000; ++i) s += std::string(static_cast<std::size_t>(i % 64) * 2, ' ') + "- item\n";
             return s;
         }()},
        {"a 1 MB single line", repeat("word ", 200'000)},
        {"a 1 MB word", std::string(1'000'000, 'w')},
        {"100,000 emphasis *a*", repeat("*a* ", 100'000)},
        {"100,000 unmatched *", std::string(100'000, '*')},
        {"100,000 unmatched * with text", repeat("*a ", 100'000)},
        {"100,000 openers then closers", repeat("*a ", 50'000) + repeat("b* ", 50'000)},
        {"100,000 nested strong", std::string(100'000, '*') + "a" + std::string(100'000, '*')},
        {"50,000 [", std::string(50'000, '[')},
        {"50,000 [ with text", repeat("[a", 50'000) + "](b)"},
        {"50,000 links", repeat("[a](http://x) ", 50'000)},
        {"50,000 unclosed link destinations", repeat("[a](", 50'000)},
        {"50,000 backticks", std::string(50'000, '`')},
        {"50,000 code spans of growing length",
         [] {
             std::string s;
             for (int i = 1; i < 300; ++i) s += std::string(static_cast<std::size_t>(i), '`') + "x ";
             return s;
         }()},
        {"100,000 entities", repeat("&#x10FFFF;&#0;&#xD800;&amp;&nosuch;", 20'000)},
        {"100,000 hard breaks", repeat("a  \n", 100'000)},
        {"50,000 headings", repeat("# h\n", 50'000)},
        {"fence never closed", "```\n" + repeat("code\n", 100'000)},
        {"raw HTML", repeat("<div><script>alert(1)</script>", 20'000)},
    };
}
