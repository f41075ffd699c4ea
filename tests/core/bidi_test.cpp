// The bidi algorithm (core/text/bidi.h) on readable cases, on Unicode's own conformance
// tests (BidiCharacterTest.txt, BidiTest.txt), and against FriBidi (Debian's libfribidi, which implements
// UAX #9 from Unicode 6.3 on) as the oracle: the generated tables code point by code point,
// and the levels and visual order of thousands of random strings. Natively only: this
// links libfribidi (and ICU, the referee where FriBidi 1.0.8 errs).
#include <catch2/catch.hpp>
#include <fribidi.h>
#include <unicode/ubidi.h>

#include <cstdint>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/text/bidi.h"
#include "core/text/bidi_table.h"
#include "core/text/utf8.h"

using namespace lectern;

namespace {

// FriBidi 1.0.8 carries Unicode 10: code points assigned since read as L there. A
// difference on such a code point is the Unicode versions', not ours.
bool unknown_to_fribidi(char32_t cp) {
    return fribidi_get_bidi_type(cp) == FRIBIDI_TYPE_LTR && bidi::class_of(cp) != bidi::BidiClass::L;
}

std::string utf8(const std::u32string& text) {
    std::string out;
    for (char32_t cp : text) utf8_append(out, cp);
    return out;
}

// Our levels, one per code point (levels() gives one per byte).
std::vector<std::uint8_t> levels_per_code_point(const std::u32string& text, bool rtl) {
    const std::string bytes = utf8(text);
    const std::vector<std::uint8_t> per_byte = bidi::levels(bytes, rtl);
    REQUIRE(per_byte.size() == bytes.size());
    std::vector<std::uint8_t> out;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (!is_utf8_continuation(bytes[i])) out.push_back(per_byte[i]);
    }
    return out;
}

FriBidiParType fribidi_direction(bool rtl) { return rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR; }

std::vector<FriBidiCharType> fribidi_types(const std::vector<FriBidiChar>& str) {
    std::vector<FriBidiCharType> types(str.size());
    fribidi_get_bidi_types(str.data(), static_cast<FriBidiStrIndex>(str.size()), types.data());
    return types;
}

std::vector<std::uint8_t> fribidi_levels(const std::u32string& text, bool rtl) {
    const std::vector<FriBidiChar> str(text.begin(), text.end());
    const auto n = static_cast<FriBidiStrIndex>(str.size());
    const std::vector<FriBidiCharType> types = fribidi_types(str);
    std::vector<FriBidiBracketType> brackets(str.size());
    std::vector<FriBidiLevel> levels(str.size());
    fribidi_get_bracket_types(str.data(), n, types.data(), brackets.data());
    FriBidiParType direction = fribidi_direction(rtl);
    REQUIRE(fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &direction, levels.data()) != 0);
    return {levels.begin(), levels.end()};
}

// FriBidi's L2 on the given levels: the logical index of each position, left to right.
std::vector<std::uint32_t> fribidi_visual(const std::u32string& text, bool rtl, const std::vector<std::uint8_t>& lv) {
    const std::vector<FriBidiChar> str(text.begin(), text.end());
    const std::vector<FriBidiCharType> types = fribidi_types(str);
    std::vector<FriBidiLevel> levels(lv.begin(), lv.end());
    std::vector<FriBidiStrIndex> map(str.size());
    for (std::size_t i = 0; i < map.size(); ++i) map[i] = static_cast<FriBidiStrIndex>(i);
    // Flags 0: plain L2, without FriBidi's extra reordering of marks (L3) or removal of controls.
    REQUIRE(fribidi_reorder_line(0, types.data(), static_cast<FriBidiStrIndex>(str.size()), 0, fribidi_direction(rtl),
                                 levels.data(), nullptr, map.data()) != 0);
    return {map.begin(), map.end()};
}

// ICU's levels (Unicode 15): the referee where FriBidi 1.0.8 errs (see the random test).
std::vector<std::uint8_t> icu_levels(const std::u32string& text, bool rtl) {
    if (text.empty()) return {};
    std::vector<UChar> str(text.begin(), text.end());  // the alphabet is all in the BMP
    UErrorCode error = U_ZERO_ERROR;
    UBiDi* bidi = ubidi_open();
    ubidi_setPara(bidi, str.data(), static_cast<std::int32_t>(str.size()), rtl ? 1 : 0, nullptr, &error);
    const UBiDiLevel* levels = ubidi_getLevels(bidi, &error);
    std::vector<std::uint8_t> out(levels, levels + str.size());
    ubidi_close(bidi);
    REQUIRE(U_SUCCESS(error));
    return out;
}

// Our visual order of code points: the text cut into runs of one level, the runs ordered
// by visual_order, an odd run's characters right to left.
std::vector<std::uint32_t> visual_code_points(const std::vector<std::uint8_t>& levels) {
    std::vector<std::uint32_t> run_start;
    std::vector<std::uint8_t> run_levels;
    for (std::size_t i = 0; i < levels.size(); ++i) {
        if (i > 0 && levels[i] == levels[i - 1]) continue;
        run_start.push_back(static_cast<std::uint32_t>(i));
        run_levels.push_back(levels[i]);
    }
    run_start.push_back(static_cast<std::uint32_t>(levels.size()));
    std::vector<std::uint32_t> out;
    for (std::uint32_t run : bidi::visual_order(run_levels)) {
        const std::uint32_t first = run_start[run], end = run_start[run + 1];
        for (std::uint32_t k = 0; k < end - first; ++k) out.push_back(run_levels[run] % 2 ? end - 1 - k : first + k);
    }
    return out;
}

bool removed_by_x9(char32_t cp) {
    const bidi::BidiClass c = bidi::class_of(cp);
    return c == bidi::BidiClass::LRE || c == bidi::BidiClass::RLE || c == bidi::BidiClass::LRO ||
           c == bidi::BidiClass::RLO || c == bidi::BidiClass::PDF || c == bidi::BidiClass::BN;
}

// Latin and Hebrew letters, Arabic letters, European and Arabic-Indic digits, spaces, tabs,
// number punctuation, brackets, a combining mark, and every explicit formatting character.
const std::u32string kAlphabet =
    U"abc\u05D0\u05D1\u0628\u062A12\u0661\u0662 \t.,:-+/%()[]\u0301"
    U"\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";

std::u32string random_text(std::mt19937& rng) {
    std::uniform_int_distribution<std::size_t> length(0, 24), pick(0, kAlphabet.size() - 1);
    std::u32string text(length(rng), U' ');
    for (char32_t& cp : text) cp = kAlphabet[pick(rng)];
    return text;
}

std::string shown(const std::u32string& text) {
    std::string out;
    for (char32_t cp : text) {
        char hex[12];
        std::snprintf(hex, sizeof hex, "%s%04X", out.empty() ? "" : " ", static_cast<unsigned>(cp));
        out += hex;
    }
    return out;
}

}  // namespace

TEST_CASE("bidi: a Hebrew word in an English sentence is one RTL run", "[bidi]") {
    const std::string text = "abc אבג def";
    CHECK_FALSE(bidi::is_rtl_paragraph(text));
    CHECK(bidi::has_rtl(text));
    // Per byte: the Hebrew letters take two bytes each.
    const std::vector<std::uint8_t> expected = {0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0};
    CHECK(bidi::levels(text, false) == expected);
}

TEST_CASE("bidi: a number in an Arabic sentence stays left to right, at level 2", "[bidi]") {
    const std::u32string text = U"السعر 1,234.50 دولار";
    CHECK(bidi::is_rtl_paragraph(utf8(text)));
    const std::vector<std::uint8_t> lv = levels_per_code_point(text, true);
    // W2 makes the digits after Arabic letters AN, W4 the separators between them AN too.
    for (std::size_t i = 0; i < text.size(); ++i) {
        CAPTURE(i);
        const bool in_number = i >= 6 && i < 14;
        CHECK(lv[i] == (in_number ? 2 : 1));
    }
}

TEST_CASE("bidi: brackets around Hebrew in an LTR paragraph take the paragraph's direction", "[bidi]") {
    const std::u32string text = U"(אבג)";
    CHECK(levels_per_code_point(text, false) == std::vector<std::uint8_t>{0, 1, 1, 1, 0});
    CHECK(levels_per_code_point(text, true) == std::vector<std::uint8_t>{1, 1, 1, 1, 1});
    // N0: after an English word the pair is L; inside a Hebrew sentence it is R.
    CHECK(levels_per_code_point(U"a (אבג) b", false) == std::vector<std::uint8_t>{0, 0, 0, 1, 1, 1, 0, 0, 0});
    // N0 c: a pair holding only R, after an R, is R even when an L follows it (N1 alone would
    // make the closing bracket L).
    CHECK(levels_per_code_point(U"א(ב)a", false) == std::vector<std::uint8_t>{1, 1, 1, 1, 0});
    CHECK(bidi::mirror(U'(') == U')');
    CHECK(bidi::mirror(U']') == U'[');
    CHECK(bidi::mirror(U'«') == U'»');
    CHECK(bidi::mirror(U'a') == U'a');
}

TEST_CASE("bidi: an RTL paragraph may start with a Latin word", "[bidi]") {
    const std::u32string text = U"hello עולם";
    CHECK_FALSE(bidi::is_rtl_paragraph(utf8(text)));  // P2 alone would make it LTR
    CHECK(levels_per_code_point(text, true) == std::vector<std::uint8_t>{2, 2, 2, 2, 2, 1, 1, 1, 1, 1});
    CHECK(bidi::visual_order({2, 1}) == std::vector<std::uint32_t>{1, 0});
}

TEST_CASE("bidi: the paragraph direction skips isolates", "[bidi]") {
    CHECK(bidi::is_rtl_paragraph("\u2066abc\u2069 אבג"));
    CHECK_FALSE(bidi::is_rtl_paragraph("\u2067אבג\u2069 abc"));
    CHECK_FALSE(bidi::is_rtl_paragraph("123 ..."));
    CHECK_FALSE(bidi::has_rtl("plain text, 123 (and brackets) é ü ж"));
    CHECK(bidi::has_rtl("\u202Babc"));
    CHECK(bidi::has_rtl("x \u0661"));  // an Arabic-Indic digit
}

TEST_CASE("bidi: invalid UTF-8 bytes are neutrals, one level per byte", "[bidi]") {
    const std::string text = "\xD7\x90\xC0\xD7\x91";  // א, a stray byte, ב
    CHECK(bidi::levels(text, false) == std::vector<std::uint8_t>{1, 1, 1, 1, 1});
    CHECK(bidi::levels("a\xC0", false) == std::vector<std::uint8_t>{0, 0});
}

TEST_CASE("bidi: visual order of runs (L2)", "[bidi]") {
    CHECK(bidi::visual_order({}).empty());
    CHECK(bidi::visual_order({0, 1, 0}) == std::vector<std::uint32_t>{0, 1, 2});
    CHECK(bidi::visual_order({1, 2, 1}) == std::vector<std::uint32_t>{2, 1, 0});
    CHECK(bidi::visual_order({0, 1, 2, 1}) == std::vector<std::uint32_t>{0, 3, 2, 1});
    CHECK(bidi::visual_order({0, 2, 0}) == std::vector<std::uint32_t>{0, 1, 2});
}

TEST_CASE("bidi: brackets and mirrors match FriBidi's for every code point to U+FFFF", "[bidi]") {
    int unknown = 0, newer_mirrors = 0;
    for (char32_t cp = 0; cp <= 0xFFFF; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        if (unknown_to_fribidi(cp)) {
            ++unknown;
            continue;
        }
        CAPTURE(static_cast<unsigned>(cp));
        FriBidiChar mirrored = 0;
        if (fribidi_get_mirror_char(cp, &mirrored)) {
            CHECK(bidi::mirror(cp) == mirrored);
        } else if (bidi::mirror(cp) != cp) {
            ++newer_mirrors;  // a pair added to BidiMirroring.txt after Unicode 10 (U+2220 and U+29A3, ...)
        }
        // FriBidi names a pair by its opening bracket, taken through its compatibility
        // decomposition (U+FF08 by '('), with a flag on the opening one: both members of
        // our pair must give the same name.
        const FriBidiBracketType expected = fribidi_get_bracket(cp);
        const FriBidiBracketType pair = fribidi_get_bracket(bidi::mirror(cp));
        switch (bidi::bracket_of(cp)) {
            case bidi::BracketType::none: CHECK(expected == FRIBIDI_NO_BRACKET); break;
            case bidi::BracketType::open:
                CHECK(FRIBIDI_IS_BRACKET_OPEN(expected));
                CHECK(FRIBIDI_BRACKET_ID(expected) == pair);
                break;
            case bidi::BracketType::close:
                CHECK_FALSE(FRIBIDI_IS_BRACKET_OPEN(expected));
                CHECK(FRIBIDI_BRACKET_ID(pair) == expected);
                break;
        }
    }
    CAPTURE(unknown, newer_mirrors);
    CHECK(unknown < 2000);  // code points assigned after Unicode 10, skipped
    CHECK(newer_mirrors < 100);
}

TEST_CASE("bidi: levels and visual order of random mixed strings match FriBidi's", "[bidi]") {
    // FriBidi 1.0.8 (Debian's) errs in some texts with isolates: after an isolate it may take
    // sos from the level inside the isolate ("RLI a PDI LRI - ١" in an RTL paragraph gives
    // the '-' level 3), and an unmatched bracket inside an isolate can change the weak types
    // after it. Where FriBidi differs from us, ICU (Unicode 15, Debian's libicu) must agree
    // with us, and the text must hold an isolate. Characters removed by X9 are left out of
    // ICU's comparison: ICU gives them the level of their embedding, we (and FriBidi) the
    // level of the character before, which never splits a run.
    std::mt19937 rng(9);
    int fribidi_errs = 0;
    for (int round = 0; round < 5000; ++round) {
        const std::u32string text = random_text(rng);
        const bool has_isolate = text.find_first_of(U"\u2066\u2067\u2068\u2069") != std::u32string::npos;
        for (bool rtl : {false, true}) {
            CAPTURE(shown(text), rtl);
            const std::vector<std::uint8_t> ours = levels_per_code_point(text, rtl);
            const std::vector<std::uint8_t> theirs = fribidi_levels(text, rtl);
            const std::vector<std::uint8_t> icu = icu_levels(text, rtl);
            bool differs = false;
            for (std::size_t i = 0; i < text.size(); ++i) {
                CAPTURE(i, static_cast<int>(theirs[i]), static_cast<int>(icu[i]));
                if (ours[i] == theirs[i]) continue;
                differs = true;
                CHECK(has_isolate);
                CHECK((removed_by_x9(text[i]) || ours[i] == icu[i]));
            }
            fribidi_errs += differs ? 1 : 0;
            CHECK(visual_code_points(ours) == fribidi_visual(text, rtl, ours));
        }
    }
    CHECK(fribidi_errs < 100);  // of 10,000 texts
}

TEST_CASE("bidi: Unicode's own conformance test, BidiCharacterTest.txt, passes", "[bidi]") {
    // Debian's unicode-data (Unicode 15, as utf8proc): 91,707 texts with their paragraph
    // direction (0 LTR, 1 RTL, 2 auto), levels ('x' for characters X9 removes, whose level
    // ours gives as the one before) and visual order (without those characters).
    std::ifstream file("/usr/share/unicode/BidiCharacterTest.txt");
    REQUIRE(file.good());
    int cases = 0;
    for (std::string line; std::getline(file, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string code_points, direction, paragraph_level, expected_levels, expected_order;
        std::getline(fields, code_points, ';');
        std::getline(fields, direction, ';');
        std::getline(fields, paragraph_level, ';');
        std::getline(fields, expected_levels, ';');
        std::getline(fields, expected_order, ';');
        std::u32string text;
        std::istringstream hex(code_points);
        for (unsigned cp = 0; hex >> std::hex >> cp;) text.push_back(cp);
        CAPTURE(line);
        const bool rtl = direction == "2" ? bidi::is_rtl_paragraph(utf8(text)) : direction == "1";
        CHECK(rtl == (paragraph_level == "1"));
        const std::vector<std::uint8_t> ours = levels_per_code_point(text, rtl);
        std::istringstream levels(expected_levels);
        std::vector<bool> removed;
        std::string level;
        for (std::size_t i = 0; levels >> level; ++i) {
            removed.push_back(level == "x");
            if (level != "x") CHECK(std::to_string(ours[i]) == level);
        }
        std::string order;
        for (std::uint32_t i : visual_code_points(ours)) {
            if (!removed[i]) order += (order.empty() ? "" : " ") + std::to_string(i);
        }
        CHECK(order == expected_order);
        ++cases;
    }
    CHECK(cases == 91707);
}

TEST_CASE("bidi: Unicode's class-sequence conformance test, BidiTest.txt, passes", "[bidi]") {
    // About 490,000 sequences of classes, each with the paragraph directions it is tested in
    // (a bit set: 1 auto, 2 LTR, 4 RTL) under the @Levels and @Reorder lines before it. A
    // class stands for one character of it; the 22,310 sequences holding B (a paragraph
    // separator, which one call never holds) are left out: 736,776 runs remain.
    const std::map<std::string, char32_t> example = {
        {"L", U'a'},     {"R", 0x05D0},   {"AL", 0x0627},  {"EN", U'1'},    {"ES", U'+'},    {"ET", U'%'},
        {"AN", 0x0661},  {"CS", U','},    {"NSM", 0x0301}, {"BN", 0x00AD},  {"S", U'\t'},    {"WS", U' '},
        {"ON", U'!'},    {"LRE", 0x202A}, {"LRO", 0x202D}, {"RLE", 0x202B}, {"RLO", 0x202E}, {"PDF", 0x202C},
        {"LRI", 0x2066}, {"RLI", 0x2067}, {"FSI", 0x2068}, {"PDI", 0x2069}, {"B", 0x2029}};
    std::ifstream file("/usr/share/unicode/BidiTest.txt");
    REQUIRE(file.good());
    std::vector<std::string> expected_levels;
    std::string expected_order;
    int cases = 0;
    for (std::string line; std::getline(file, line);) {
        if (line.empty() || line[0] == '#') continue;
        if (line.rfind("@Levels:", 0) == 0) {
            std::istringstream levels(line.substr(8));
            expected_levels.clear();
            for (std::string level; levels >> level;) expected_levels.push_back(level);
            continue;
        }
        if (line.rfind("@Reorder:", 0) == 0) {
            std::istringstream order(line.substr(9));
            expected_order.clear();
            for (std::string i; order >> i;) expected_order += (expected_order.empty() ? "" : " ") + i;
            continue;
        }
        const std::size_t semicolon = line.find(';');
        if (semicolon == std::string::npos || line.find(" B ") != std::string::npos || line.rfind("B ", 0) == 0 ||
            line.find(" B;") != std::string::npos || line.rfind("B;", 0) == 0)
            continue;
        std::u32string text;
        std::istringstream classes(line.substr(0, semicolon));
        for (std::string c; classes >> c;) text.push_back(example.at(c));
        const int directions = std::stoi(line.substr(semicolon + 1));
        CAPTURE(line);
        for (int bit : {1, 2, 4}) {
            if ((directions & bit) == 0) continue;
            const bool rtl = bit == 1 ? bidi::is_rtl_paragraph(utf8(text)) : bit == 4;
            CAPTURE(bit);
            const std::vector<std::uint8_t> ours = levels_per_code_point(text, rtl);
            REQUIRE(ours.size() == expected_levels.size());
            std::string order;
            for (std::size_t i = 0; i < ours.size(); ++i) {
                if (expected_levels[i] != "x") CHECK(std::to_string(ours[i]) == expected_levels[i]);
            }
            for (std::uint32_t i : visual_code_points(ours)) {
                if (expected_levels[i] != "x") order += (order.empty() ? "" : " ") + std::to_string(i);
            }
            CHECK(order == expected_order);
            ++cases;
        }
    }
    CAPTURE(cases);
    CHECK(cases > 700000);
}
