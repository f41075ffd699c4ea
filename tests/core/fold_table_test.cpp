// The generated fold tables against utf8proc itself: every code point, and whole strings
// folded through text_fold as the search does, compared with folding them by utf8proc
// directly (as Lectern did before the tables). Natively only: this links Debian's libutf8proc.
#include <catch2/catch.hpp>
#include <utf8proc.h>

#include <cstdint>
#include <random>
#include <string>

#include "core/text/fold_table.h"
#include "core/text/text_fold.h"

using namespace lectern;

namespace {

constexpr utf8proc_option_t kUtf8procFold = static_cast<utf8proc_option_t>(
    UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_LUMP | UTF8PROC_IGNORE);

bool utf8proc_word(std::int32_t cp) {
    const auto c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
}

// The fold as text_fold.cpp computed it with utf8proc, before the tables: the reference.
std::string utf8proc_fold_for_search(const std::string& s) {
    std::string out;
    for (std::size_t pos = 0; pos < s.size();) {
        utf8proc_int32_t cp = 0;
        const std::size_t avail = s.size() - pos < 4 ? s.size() - pos : 4;
        utf8proc_ssize_t len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + pos),
                                                static_cast<utf8proc_ssize_t>(avail), &cp);
        if (len <= 0) {
            cp = 0xFFFD;
            len = 1;
        }
        switch (cp) {  // text_fold's own lumping of quotes, before utf8proc
            case 0x201C:
            case 0x201D:
            case 0x201E:
            case 0x201F:
            case 0x00AB:
            case 0x00BB:
            case 0x2033: cp = '"'; break;
            case 0x201A:
            case 0x201B:
            case 0x2032:
            case 0x2039:
            case 0x203A: cp = '\''; break;
            default: break;
        }
        utf8proc_int32_t folded[32];
        int boundclass = UTF8PROC_BOUNDCLASS_START;
        const utf8proc_ssize_t n = utf8proc_decompose_char(cp, folded, 32, kUtf8procFold, &boundclass);
        for (utf8proc_ssize_t i = 0; i < n; ++i) {
            utf8proc_uint8_t bytes[4];
            const utf8proc_ssize_t b = utf8proc_encode_char(folded[i], bytes);
            out.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(b));
        }
        pos += static_cast<std::size_t>(len);
    }
    return out;
}

std::string encode(char32_t cp) {
    utf8proc_uint8_t bytes[4];
    const utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), bytes);
    return std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(n));
}

}  // namespace

TEST_CASE("fold table: every code point folds as utf8proc folds it", "[fold]") {
    CHECK(std::string(fold_table_source_version()) == utf8proc_version());
    std::size_t differ = 0, folded_not_self = 0;
    for (std::int32_t cp = 0; cp <= 0x10FFFF; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        utf8proc_int32_t expected[32];
        int boundclass = UTF8PROC_BOUNDCLASS_START;
        const utf8proc_ssize_t n = utf8proc_decompose_char(cp, expected, 32, kUtf8procFold, &boundclass);
        char32_t got[kMaxFold];
        const int m = fold_table_fold(static_cast<char32_t>(cp), got);
        bool same = n == m;
        for (int i = 0; same && i < m; ++i) same = static_cast<utf8proc_int32_t>(got[i]) == expected[i];
        if (!same) {
            if (++differ <= 5)
                FAIL_CHECK("U+" << std::hex << cp << ": utf8proc gives " << n << " code points, the table " << m);
        }
        if (!(n == 1 && expected[0] == cp)) ++folded_not_self;
        if (fold_table_is_word(static_cast<char32_t>(cp)) != utf8proc_word(cp)) {
            if (++differ <= 5) FAIL_CHECK("U+" << std::hex << cp << ": letter/digit test differs from utf8proc");
        }
    }
    CHECK(differ == 0);
    CHECK(folded_not_self > 20000);  // the table is not empty: Hangul alone is 11,172
}

TEST_CASE("fold table: known folds", "[fold]") {
    char32_t out[kMaxFold];
    REQUIRE(fold_table_fold(U'Ä', out) == 1);
    CHECK(out[0] == U'a');
    REQUIRE(fold_table_fold(U'ß', out) == 2);
    CHECK((out[0] == U's' && out[1] == U's'));
    CHECK(fold_table_fold(0x00AD, out) == 0);  // soft hyphen: dropped
    CHECK(fold_table_fold(0xFDFA, out) == kMaxFold);
    REQUIRE(fold_table_fold(U'한', out) == 3);  // Hangul: by arithmetic
    CHECK((out[0] == 0x1112 && out[1] == 0x1161 && out[2] == 0x11AB));
    CHECK(fold_table_is_word(U'ж'));
    CHECK(fold_table_is_word(U'٣'));  // Arabic-Indic digit three
    CHECK_FALSE(fold_table_is_word(U'—'));
    CHECK_FALSE(fold_table_is_word(0x10FFFF));
}

TEST_CASE("fold table: text folds as it did with utf8proc, valid or not", "[fold]") {
    // Every code point in context, then random bytes (invalid UTF-8, truncated sequences,
    // surrogates, overlongs) and random mixes of real text.
    std::string all;
    for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        all += encode(cp);
        if (all.size() > 60000) {
            REQUIRE(fold_for_search(all) == utf8proc_fold_for_search(all));
            all.clear();
        }
    }
    REQUIRE(fold_for_search(all) == utf8proc_fold_for_search(all));

    std::mt19937 rng(20261129);
    const std::string pieces[] = {
        "Trotsky’s ", "“Défense” ",   "Αθήνα ",   "МОСКВА ",          "Straße ",  "ﬁ ",   "½ ",
        "한국 ",      "\xED\xA0\x80", "\xC0\xAF", "\xF4\x90\x80\x80", "\xE2\x80", "\xFF", "x\xCC\x81"};
    for (int round = 0; round < 3000; ++round) {
        std::string s;
        const int parts = static_cast<int>(rng() % 12);
        for (int i = 0; i < parts; ++i) {
            if (rng() % 3 == 0) {
                s.push_back(static_cast<char>(rng() & 0xFF));
            } else {
                s += pieces[rng() % (sizeof pieces / sizeof pieces[0])];
            }
        }
        INFO("round " << round);
        REQUIRE(fold_for_search(s) == utf8proc_fold_for_search(s));
    }
}
