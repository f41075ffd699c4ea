// The characters an archive uses: what the font atlas is built from.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/archive/codepoints.h"
#include "core/text/utf8.h"
#include "../test_files.h"

using namespace lectern;

namespace {

bool has(const std::vector<char32_t>& cps, char32_t cp) { return std::binary_search(cps.begin(), cps.end(), cp); }

std::vector<char32_t> of(const char* json) {
    const LoadResult r = load_archive(json);
    REQUIRE(r.ok());
    return archive_codepoints(*r.archive);
}

}  // namespace

TEST_CASE("codepoints: every kind of string in the archive is scanned", "[codepoints]") {
    // One distinct letter per member, so a member left out is named by the letter that is missing.
    const auto cps = of(R"({"lectern": 1, "title": "Ā", "subtitle": "ā", "publisher": "Ă", "updated_label": "ă",
      "people": [{"id": "p", "name": "Б", "full_name": "В", "born_place": "Г", "died_place": "Д", "note": "Е"}],
      "pages": [{"id": "x", "title": "Ж", "body": "З", "cite": "И", "links": [{"title": "Й", "href": "https://k/К"}]}],
      "events": [{"date": "1917", "title": "Α", "place": "Β", "body": "Γ", "people": ["p"]}],
      "eras": [{"title": "Δ", "date": "1917/1921", "note": "Ε"}],
      "works": [{"id": "w", "title": "Ζ", "date": "1920", "date_label": "Η", "kind": "Θ", "attribution": "disputed",
                 "attribution_note": "Ι", "section": "Κ", "source": "Λ", "notes": "Μ", "body": "Ν", "tags": ["Ξ"],
                 "people": ["p"], "cover": {"src": "Ο.png", "alt": "Π", "caption": "Ρ"},
                 "media": [{"src": "Σ.png", "alt": "Τ", "caption": "Υ"}]}]})");
    for (const char32_t cp : std::u32string(U"ĀāĂăБВГДЕЖЗИЙКΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥ")) {
        CAPTURE(static_cast<unsigned>(cp));
        CHECK(has(cps, cp));
    }
}

TEST_CASE("codepoints: sorted, unique, without control characters", "[codepoints]") {
    const auto cps = of(R"({"lectern": 1, "title": "bab\tba\n\u0085\u007f", "works": []})");
    CHECK(cps == std::vector<char32_t>{U'a', U'b'});
}

TEST_CASE("codepoints: Markdown entities add the characters they stand for", "[codepoints]") {
    const auto cps = of(R"({"lectern": 1, "title": "T", "works": [
      {"id": "a", "title": "A", "date": "1920", "body": "x &mdash; &#x416; &#233; &laquo;"}]})");
    for (const char32_t cp : {char32_t(0x2014), char32_t(0x416), char32_t(0xE9), char32_t(0xAB)}) {
        CAPTURE(static_cast<unsigned>(cp));
        CHECK(has(cps, cp));
    }
    CHECK(has(cps, U'&'));  // the raw text is drawn too where it is not Markdown
}

TEST_CASE("codepoints: the bundled archive uses Latin, a no-break space, é and typographic punctuation",
          "[codepoints]") {
    const LoadResult r = load_archive(bundled_archive());
    REQUIRE(r.ok());
    const auto cps = archive_codepoints(*r.archive);
    CHECK(std::is_sorted(cps.begin(), cps.end()));
    CHECK(std::adjacent_find(cps.begin(), cps.end()) == cps.end());
    for (const char32_t cp : std::u32string(U"aZ0\u00A0é–‘’“”")) {
        CAPTURE(static_cast<unsigned>(cp));
        CHECK(has(cps, cp));
    }
    CHECK(cps.back() < 0x2100);  // nothing beyond punctuation
}

TEST_CASE("codepoints: UTF-8 decoding, ill-formed sequences as U+FFFD", "[codepoints]") {
    struct Case {
        const char* text;
        std::u32string expected;
    };
    const Case cases[] = {
        {"a\xC3\xA9\xE2\x80\x94\xF0\x9F\x98\x80", U"aé—\U0001F600"},
        {"\xC0\xAF", U"\uFFFD\uFFFD"},                      // overlong
        {"\xED\xA0\x80", U"\uFFFD\uFFFD\uFFFD"},            // a surrogate
        {"\xF4\x90\x80\x80", U"\uFFFD\uFFFD\uFFFD\uFFFD"},  // beyond U+10FFFF
        {"x\xE2\x80", U"x\uFFFD\uFFFD"},                    // cut short
        {"\x80y", U"\uFFFDy"},                              // a lone continuation byte
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        const auto got = utf8_codepoints(c.text);
        CHECK(std::u32string(got.begin(), got.end()) == c.expected);
    }
}
