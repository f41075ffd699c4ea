// Line breaks inside words without spaces (core/text/line_break.h): where Chinese, Japanese
// and Korean may wrap, where they must not, and that no input gives an offset inside a character.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/archive/archive.h"
#include "core/text/line_break.h"
#include "core/text/utf8.h"
#include "../test_files.h"

using namespace lectern;

namespace {

// The word cut at its breaks: a failure then shows the pieces, not byte offsets.
std::vector<std::string> pieces(std::string_view word) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (const std::uint32_t b : line_breaks_in_word(word)) {
        out.emplace_back(word.substr(start, b - start));
        start = b;
    }
    out.emplace_back(word.substr(start));
    return out;
}

using Pieces = std::vector<std::string>;

}  // namespace

TEST_CASE("line break: Chinese breaks between ideographs, never before 。 or after （", "[line_break]") {
    CHECK(pieces("我在图书馆（北京）读书。") == Pieces{"我", "在", "图", "书", "馆", "（北", "京）", "读", "书。"});
    CHECK(pieces("河水，很长；") == Pieces{"河", "水，", "很", "长；"});
    CHECK(pieces("說「好」") == Pieces{"說", "「好」"});
    SECTION("a closer then an opener may break between them") { CHECK(pieces("完。「再") == Pieces{"完。", "「再"}); }
}

TEST_CASE("line break: Japanese keeps small kana and ー off a line's start", "[line_break]") {
    CHECK(pieces("「ちょっと待ってー」と言った。") == Pieces{"「ちょっ", "と", "待っ", "てー」", "と", "言っ", "た。"});
    CHECK(pieces("チョコレートとクッキー") == Pieces{"チョ", "コ", "レー", "ト", "と", "クッ", "キー"});
    CHECK(pieces("東京・大阪") == Pieces{"東", "京・", "大", "阪"});
    CHECK(line_breaks_in_word("「ちょっと」") == std::vector<std::uint32_t>{12});
}

TEST_CASE("line break: Korean syllables may break, jamo spellings stay whole", "[line_break]") {
    CHECK(pieces("도서관에서") == Pieces{"도", "서", "관", "에", "서"});
    CHECK(pieces("읽었다.") == Pieces{"읽", "었", "다."});
    CHECK(line_breaks_in_word("\u1100\u1161\u11A8\u1100\u1161").empty());  // 각가 spelt in conjoining jamo
}

TEST_CASE("line break: Latin runs inside CJK text stay whole", "[line_break]") {
    SECTION("a file name") { CHECK(pieces("文件名.txt") == Pieces{"文", "件", "名.txt"}); }
    SECTION("mixed pieces") {
        CHECK(pieces("BYTESが0x") == Pieces{"BYTES", "が", "0x"});
        CHECK(line_breaks_in_word("BYTES").empty());
        CHECK(line_breaks_in_word("が").empty());
        CHECK(line_breaks_in_word("0x").empty());
    }
    SECTION("ASCII brackets, percent and quotes") {
        CHECK(pieces("文(注)字") == Pieces{"文", "(注)", "字"});
        CHECK(pieces("增长50%了") == Pieces{"增", "长", "50%", "了"});
        CHECK(pieces("说\"好\"") == Pieces{"说\"好\""});
    }
    SECTION("a Latin word has no breaks") {
        CHECK(line_breaks_in_word("internationalisation").empty());
        CHECK(line_breaks_in_word("Tiếng").empty());
        CHECK(line_breaks_in_word("(don't),").empty());
        CHECK(line_breaks_in_word("").empty());
    }
}

TEST_CASE("line break: marks, variation selectors and ZWJ stay with their base", "[line_break]") {
    CHECK(pieces("文\u0301字") == Pieces{"文\u0301", "字"});
    CHECK(pieces("葛\U000E0100城") == Pieces{"葛\U000E0100", "城"});
    CHECK(pieces("文\uFE0F字") == Pieces{"文\uFE0F", "字"});
    CHECK(pieces("か\u3099き") == Pieces{"か\u3099", "き"});
    CHECK(line_breaks_in_word("文\u200D字").empty());     // nor after a ZWJ
    CHECK(pieces("\u0301字") == Pieces{"\u0301", "字"});  // a mark with no base stands alone, as a letter
}

TEST_CASE("line break: Thai, Lao, Khmer and Burmese need the dictionary", "[line_break]") {
    CHECK(needs_dictionary_breaks("ภาษาไทยเขียนติดกัน"));
    CHECK(needs_dictionary_breaks("ພາສາລາວ"));
    CHECK(needs_dictionary_breaks("ភាសាខ្មែរ"));
    CHECK(needs_dictionary_breaks("မြန်မာစာ"));
    CHECK(needs_dictionary_breaks("abcไทย"));
    CHECK_FALSE(needs_dictionary_breaks("中文"));
    CHECK_FALSE(needs_dictionary_breaks("library"));
    CHECK_FALSE(needs_dictionary_breaks("\xE0\xB8"));  // a Thai character cut short is not one
    CHECK(line_breaks_in_word("ภาษาไทย").empty());
}

TEST_CASE("line break: ill-formed UTF-8 never crashes or cuts inside a character", "[line_break]") {
    SECTION("bytes around ideographs") {
        CHECK(line_breaks_in_word("文\xB8字").empty());
        CHECK(line_breaks_in_word("\xE6\x96").empty());
        CHECK(pieces("文字\xFF") == Pieces{"文", "字\xFF"});
    }
    SECTION("random byte strings") {
        // Random bytes with pieces of real text mixed in, so breaks actually occur.
        const std::string parts[] = {"文", "。", "「", "ッ", "a", ".", "\u0301", "\u200D", "한", "ไ"};
        std::mt19937 rng(20261202);
        for (int round = 0; round < 20000; ++round) {
            std::string s;
            const int len = static_cast<int>(rng() % 24);
            for (int k = 0; k < len; ++k) {
                if (rng() % 3 == 0) s += static_cast<char>(rng() & 0xFF);
                else s += parts[rng() % std::size(parts)];
            }
            CAPTURE(shown_input(s, 200));
            const std::vector<std::uint32_t> breaks = line_breaks_in_word(s);
            (void)needs_dictionary_breaks(s);  // must not crash either
            std::uint32_t last = 0;
            for (const std::uint32_t b : breaks) {
                CAPTURE(b);
                REQUIRE(b > last);
                REQUIRE(b < s.size());
                // A well-formed character starts at b, and one ends there.
                REQUIRE(utf8_sequence_at(s, b) > 0);
                const std::size_t before = utf8_char_start(s, b - 1);
                REQUIRE(utf8_sequence_at(s, before) == b - before);
                last = b;
            }
        }
    }
}

TEST_CASE("line break: every word of the scripts archive breaks between characters", "[line_break]") {
    const LoadResult r = load_archive(read_file(std::string(LECTERN_SOURCE_DIR) + "/tests/data/scripts.json"));
    REQUIRE(r.ok());
    std::size_t cjk_breaks = 0;
    for (const Work& w : r.archive->works) {
        CAPTURE(w.id);
        REQUIRE(w.body);
        const std::string& body = *w.body;
        // Words as the reader cuts them: runs between spaces and newlines.
        for (std::size_t start = 0; start < body.size();) {
            const std::size_t end = std::min(body.find_first_of(" \n", start), body.size());
            const std::string_view word = std::string_view(body).substr(start, end - start);
            for (const std::uint32_t b : line_breaks_in_word(word)) {
                CAPTURE(word, b);
                REQUIRE(utf8_sequence_at(word, b) > 0);
                CHECK(word.substr(b, 4) != ".txt");  // a file name's extension stays on its line
                ++cjk_breaks;
            }
            start = end + 1;
        }
        const bool thai = w.id.rfind("th-", 0) == 0;
        CHECK(needs_dictionary_breaks(body) == thai);
    }
    CHECK(cjk_breaks > 1000);  // the Chinese, Japanese and Korean bodies do break
}
