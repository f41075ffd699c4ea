// The desktop viewer's text shaper (src/platform/text_shaper_pango.cpp): words of scripts
// the embedded faces lack are shaped (joins, conjuncts), found in the system's fonts,
// rasterised where their advance says, and Thai is broken between words. Needs the fonts
// tools/deps.sh installs (fonts-noto-core, fonts-noto-cjk).
#include <catch2/catch.hpp>
#include <glib.h>

#include <cmath>

#include "core/text/utf8.h"
#include "platform/text_shaper_pango.h"

using namespace lectern;
using ui::ShapeFamily;
using ui::ShapeStyle;

namespace {

// One shaper for the whole file, as the viewer keeps one: its font caches fill once.
platform::PangoShaper& shaper() {
    static platform::PangoShaper s;
    return s;
}

const ShapeStyle kSans{ShapeFamily::sans, false, false, 18};

struct Word {
    const char* language;
    const char* text;
    bool rtl;
};

const Word kWords[] = {
    {"Arabic", "سلام", true},      // letters join
    {"Persian", "فارسی", true},    // Farsi yeh
    {"Urdu", "بڑے", true},         // rreh and yeh barree, letters only Urdu uses
    {"Hebrew", "שלום", true},      // final mem
    {"Hindi", "क्षत्रिय", false},    // the conjunct क्ष
    {"Bengali", "বিজ্ঞান", false},  // a vowel sign drawn before its consonant, the conjunct জ্ঞ
    {"Tamil", "தமிழ்", false},      // pulli (virama)
    {"Thai", "ภาษาไทย", false},    // no spaces between words
    {"Chinese, simplified", "简体中文", false},
    {"Chinese, traditional", "繁體中文", false},
    {"Japanese", "日本語のかな", false},  // kanji and kana
    {"Korean", "한국어", false},          // Hangul syllables
    {"Armenian", "Հայերեն", false},
    {"Greek", "Ελληνικά", false},
    {"Russian", "Русский", false},
};

// The first and last columns with any ink, or {-1, -1} for an empty bitmap.
std::pair<int, int> inked_columns(const ui::ShapedRun& run) {
    int first = -1, last = -1;
    for (int x = 0; x < run.width; ++x) {
        for (int y = 0; y < run.height; ++y) {
            if (run.alpha[static_cast<std::size_t>(y * run.width + x)] == 0) continue;
            if (first < 0) first = x;
            last = x;
            break;
        }
    }
    return {first, last};
}

// How many messages GLib has logged in this process. Pango logs through GLib's structured
// log (g_log_set_default_handler does not see it), whose writer a process may set only once.
int glib_messages() {
    static int count = 0;
    static const bool installed = [] {
        g_log_set_writer_func(
            [](GLogLevelFlags level, const GLogField* fields, gsize n, gpointer) {
                ++count;
                return g_log_writer_default(level, fields, n, nullptr);
            },
            nullptr, nullptr);
        return true;
    }();
    (void)installed;
    return count;
}

}  // namespace

TEST_CASE("pango shaper: a word of each script has an advance and every glyph", "[shaper][platform]") {
    for (const Word& w : kWords) {
        CAPTURE(w.language, w.text);
        for (ShapeFamily family : {ShapeFamily::sans, ShapeFamily::serif, ShapeFamily::mono}) {
            const ui::ShapedRun run = shaper().measure(w.text, {family, false, false, 18}, w.rtl);
            CHECK(run.advance > 0);
            CHECK(run.missing == 0);
        }
    }
}

TEST_CASE("pango shaper: characters no font has are counted as missing", "[shaper][platform]") {
    CHECK(shaper().measure("a\xCD\xB8", kSans, false).missing == 1);         // U+0378, unassigned
    CHECK(shaper().measure("\xF3\xB0\x80\x80", kSans, false).missing == 1);  // U+F0000, private use
    CHECK(shaper().measure("abc", kSans, false).missing == 0);
}

TEST_CASE("pango shaper: the bitmap's ink spans the advance", "[shaper][platform]") {
    const float density = 2;
    for (const Word& w : kWords) {
        CAPTURE(w.language, w.text);
        const ui::ShapedRun run = shaper().rasterize(w.text, kSans, w.rtl, density);
        REQUIRE(run.width > 0);
        REQUIRE(run.height > 0);
        REQUIRE(run.alpha.size() == static_cast<std::size_t>(run.width * run.height));
        const auto [first, last] = inked_columns(run);
        REQUIRE(first >= 0);
        const float span = static_cast<float>(last - first + 1) / density;  // logical px
        // Side bearings keep the ink inside the advance; CJK glyphs sit in a square with room
        // on both sides, so the difference can reach a few pixels.
        CHECK(std::fabs(span - run.advance) < 0.3f * kSans.px);
        CHECK(std::fabs(run.advance - shaper().measure(w.text, kSans, w.rtl).advance) < 0.5f);
        // The pen origin is at the ink's left (give or take a side bearing), the baseline inside the bitmap.
        CHECK(std::fabs(run.origin_x - static_cast<float>(first)) < 4 * density);
        CHECK(run.baseline > 0);
        CHECK(run.baseline <= static_cast<float>(run.height));
    }
}

TEST_CASE("pango shaper: Arabic letters join and Devanagari forms conjuncts", "[shaper][platform]") {
    SECTION("سلام joined is narrower than its four letters apart") {
        float apart = 0;
        for (const char* letter : {"س", "ل", "ا", "م"}) apart += shaper().rasterize(letter, kSans, true, 1).advance;
        CHECK(shaper().rasterize("سلام", kSans, true, 1).advance < apart - 2);
    }
    SECTION("क्ष is narrower than क् and ष apart") {
        const float apart = shaper().measure("क्", kSans, false).advance + shaper().measure("ष", kSans, false).advance;
        CHECK(shaper().measure("क्ष", kSans, false).advance < apart - 2);
    }
}

TEST_CASE("pango shaper: a left-to-right word set right to left draws the same", "[shaper][platform]") {
    const ui::ShapedRun ltr = shaper().rasterize("abc", kSans, false, 2);
    const ui::ShapedRun rtl = shaper().rasterize("abc", kSans, true, 2);
    CHECK(rtl.width == ltr.width);
    CHECK(rtl.height == ltr.height);
    CHECK(rtl.origin_x == ltr.origin_x);
    CHECK(rtl.baseline == ltr.baseline);
    CHECK(rtl.alpha == ltr.alpha);
}

TEST_CASE("pango shaper: blank text has an advance and no bitmap", "[shaper][platform]") {
    const ui::ShapedRun empty = shaper().rasterize("", kSans, false, 2);
    CHECK(empty.advance == 0);
    CHECK(empty.alpha.empty());
    const ui::ShapedRun spaces = shaper().rasterize("  ", kSans, true, 2);
    CHECK(spaces.advance > 5);
    CHECK(spaces.width == 0);
    CHECK(spaces.alpha.empty());
}

TEST_CASE("pango shaper: a run too wide for a bitmap has its advance and no bitmap", "[shaper][platform]") {
    std::string long_run;
    for (int i = 0; i < 2000; ++i) long_run += "中";  // 2,000 × 36 device px: past Cairo's 32,767
    const ui::ShapedRun run = shaper().rasterize(long_run, kSans, false, 2);
    CHECK(run.advance > 30000);
    CHECK(run.width == 0);
    CHECK(run.alpha.empty());
}

TEST_CASE("pango shaper: Thai breaks between words, at character boundaries", "[shaper][platform]") {
    const std::string thai = "ภาษาไทยเป็นภาษาที่สวยงาม";  // "Thai is a beautiful language"
    const std::vector<std::uint32_t> breaks = shaper().word_breaks(thai);
    CHECK(breaks.size() >= 3);
    for (std::uint32_t b : breaks) {
        CAPTURE(b);
        CHECK(b > 0);
        CHECK(b < thai.size());
        CHECK_FALSE(is_utf8_continuation(thai[b]));
    }
    // ภาษา|ไทย: the first word ends after four characters of three bytes.
    CHECK(breaks.front() == 12);
}

TEST_CASE("pango shaper: ill-formed UTF-8 is drawn as replacement boxes, quietly", "[shaper][platform]") {
    const int messages_before = glib_messages();
    const std::string bad = "\xff\xfe";
    CHECK(shaper().measure(bad, kSans, false).advance > 0);
    CHECK(shaper().rasterize(bad, kSans, true, 2).width > 0);
    const std::string mixed = std::string("ภาษา\xff") + '\0' + "ไทย\xe0\xb8";  // a stray byte, a NUL, a cut character
    CHECK(shaper().rasterize(mixed, kSans, false, 1).advance > 0);
    for (std::uint32_t b : shaper().word_breaks(mixed)) CHECK(b < mixed.size());
    CHECK(glib_messages() == messages_before);
}
