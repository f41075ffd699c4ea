// Era bands: where each era's band runs in the view, its label row, and how its label fits.
#include <catch2/catch.hpp>

#include <string>

#include "core/timeline/era_bands.h"
#include "load_checks.h"

using namespace lectern;

namespace {

Archive archive_with(std::initializer_list<std::pair<const char*, const char*>> eras) {
    std::string json = R"({"lectern": 1, "title": "T", "works": [], "eras": [)";
    bool first = true;
    for (const auto& [title, date] : eras) {
        json += std::string(first ? "" : ",") + R"({"title": ")" + title + R"(", "date": ")" + date + R"("})";
        first = false;
    }
    const LoadResult r = load_archive(json + "]}");
    INFO(all_messages(r));
    REQUIRE(r.ok());
    return *r.archive;
}

// 10 px per character, the way a monospaced font would measure.
float chars10(std::string_view s) {
    float n = 0;
    for (const char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) n += 10;
    return n;
}

std::vector<EraBand> bands_in(const Archive& a, double start, double end, float width = 1000) {
    const std::vector<EraSpan> spans = era_spans(a);
    std::vector<EraBand> out;
    layout_era_bands(
        spans, ViewTransform{start, end, 100, width}, EraBandParams{},
        [&](int era) { return chars10(a.eras[static_cast<std::size_t>(era)].title); }, out);
    return out;
}

}  // namespace

TEST_CASE("era bands: a band inside the view runs from its start to its end, labelled at its start", "[eras]") {
    const Archive a = archive_with({{"Russia", "1919/1936"}});
    const auto bands = bands_in(a, 1900, 2000);  // 10 px a year from x = 100
    REQUIRE(bands.size() == 1);
    CHECK(bands[0].x0 == Approx(290));
    CHECK(bands[0].x1 == Approx(470));  // 1936 ends at the start of 1937
    CHECK_FALSE(bands[0].clipped_start);
    CHECK_FALSE(bands[0].clipped_end);
    CHECK(bands[0].labelled);
    CHECK_FALSE(bands[0].truncated);
    CHECK(bands[0].label_x == Approx(296));
    CHECK(bands[0].label_w == Approx(60));
}

TEST_CASE("era bands: bands crossing the view's edges are clipped and the label stays in view", "[eras]") {
    const Archive a = archive_with({{"Russia", "1919/1936"}});
    SECTION("start scrolled off to the left") {
        const auto bands = bands_in(a, 1930, 1950);  // 50 px a year
        REQUIRE(bands.size() == 1);
        CHECK(bands[0].x0 == Approx(100));
        CHECK(bands[0].x1 == Approx(450));
        CHECK(bands[0].clipped_start);
        CHECK_FALSE(bands[0].clipped_end);
        CHECK(bands[0].labelled);
        CHECK(bands[0].label_x == Approx(106));  // pinned to the visible part, not at 1919's x
    }
    SECTION("end beyond the right edge") {
        const auto bands = bands_in(a, 1900, 1925);
        REQUIRE(bands.size() == 1);
        CHECK(bands[0].x1 == Approx(1100));
        CHECK(bands[0].clipped_end);
    }
    SECTION("the view inside the era") {
        const auto bands = bands_in(a, 1925, 1926);
        REQUIRE(bands.size() == 1);
        CHECK(bands[0].x0 == Approx(100));
        CHECK(bands[0].x1 == Approx(1100));
        CHECK(bands[0].clipped_start);
        CHECK(bands[0].clipped_end);
        CHECK(bands[0].labelled);
    }
    SECTION("entirely off screen, on either side") {
        CHECK(bands_in(a, 1937, 1950).empty());
        CHECK(bands_in(a, 1900, 1919).empty());
    }
}

TEST_CASE("era bands: a label is whole, shortened with an ellipsis, or left out as the band narrows", "[eras]") {
    const Archive a = archive_with({{"Exile in Europe", "1936/1940"}});  // 150 px of label
    SECTION("fits") {
        const auto bands = bands_in(a, 1930, 1950);  // 50 px a year: 250 px
        REQUIRE(bands.size() == 1);
        CHECK(bands[0].labelled);
        CHECK_FALSE(bands[0].truncated);
    }
    SECTION("partly fits") {
        // 10 px a year: 50 px, of which the label may use 1936-1939 less padding, 28 px.
        const auto bands = bands_in(a, 1900, 2000);
        REQUIRE(bands.size() == 1);
        CHECK(bands[0].labelled);
        CHECK(bands[0].truncated);
        CHECK(bands[0].label_w == Approx(28));
        const std::size_t n = fit_label(a.eras[0].title, bands[0].label_w, chars10);
        CHECK(a.eras[0].title.substr(0, n) == "E");  // "E…": 20 px
    }
    SECTION("a band a few pixels wide has no label but is still drawn") {
        const auto bands = bands_in(a, 1000, 2000);  // 1 px a year: 5 px
        REQUIRE(bands.size() == 1);
        CHECK(bands[0].x1 - bands[0].x0 == Approx(5));
        CHECK_FALSE(bands[0].labelled);
    }
    SECTION("a band narrower than a pixel is drawn one pixel wide") {
        const auto bands = bands_in(a, -100000, 100000);
        REQUIRE(bands.size() == 1);
        CHECK(bands[0].x1 - bands[0].x0 == Approx(1));
        CHECK_FALSE(bands[0].labelled);
    }
}

TEST_CASE("era bands: open ends run to the view's edge, unknown ends stop at the known end and fade", "[eras]") {
    const Archive a = archive_with({{"Open", "1941/.."}, {"Before", "../1900"}, {"Unknown", "1950/"}});
    const auto bands = bands_in(a, 1800, 2100);
    REQUIRE(bands.size() == 3);
    // Sorted by start: Before (open start), Open, Unknown.
    CHECK(a.eras[static_cast<std::size_t>(bands[0].era)].title == "Before");
    CHECK(bands[0].x0 == Approx(100));
    CHECK(bands[0].clipped_start);
    CHECK_FALSE(bands[0].fade_start);
    CHECK(a.eras[static_cast<std::size_t>(bands[1].era)].title == "Open");
    CHECK(bands[1].x1 == Approx(1100));
    CHECK(bands[1].clipped_end);
    CHECK(a.eras[static_cast<std::size_t>(bands[2].era)].title == "Unknown");
    CHECK(bands[2].fade_end);
    CHECK_FALSE(bands[2].clipped_end);
    CHECK(bands[2].x1 - bands[2].x0 == Approx(1000.0 / 300).epsilon(0.01));  // the year 1950 only
}

TEST_CASE("era bands: ten thousand years seen at a day's zoom or whole stay finite and in view", "[eras]") {
    const Archive a = archive_with({{"Holocene", "-9700/0300"}, {"Later", "0301/2000"}});
    SECTION("a day inside it") {
        const double day = 1.0 / 365;
        const auto bands = bands_in(a, -5000, -5000 + day);
        REQUIRE(bands.size() == 1);
        CHECK(bands[0].x0 == Approx(100));
        CHECK(bands[0].x1 == Approx(1100));
        CHECK(bands[0].labelled);
    }
    SECTION("the whole range") {
        const auto bands = bands_in(a, -10000, 2100);
        REQUIRE(bands.size() == 2);
        CHECK(bands[0].x0 == Approx(100 + 300 * 1000.0 / 12100).epsilon(0.001));
        CHECK(bands[0].x1 == Approx(bands[1].x0).margin(0.01));  // they meet
        CHECK(bands[0].shade != bands[1].shade);                 // and are told apart by their tint
    }
    SECTION("a day at the edge between them") {
        const auto bands = bands_in(a, 300.999, 301.001);
        REQUIRE(bands.size() == 2);
        CHECK(bands[0].x1 == Approx(600).margin(1));
    }
}

TEST_CASE("era bands: nested eras take a deeper label row, hovering finds the innermost", "[eras]") {
    const Archive a = archive_with({{"Russia", "1919/1936"},
                                    {"Deportation", "1933-03/1936-04"},
                                    {"Exile", "1936-04/1941"},
                                    {"Mexico", "1941/1947"},
                                    {"Third", "1934/1935"}});
    const std::vector<EraSpan> spans = era_spans(a);
    CHECK(era_label_rows(spans, 5) == 3);
    CHECK(era_label_rows(spans, 2) == 2);
    CHECK(era_label_rows({}, 2) == 0);
    const auto bands = bands_in(a, 1900, 2000);
    REQUIRE(bands.size() == 5);
    auto band_of = [&](const char* title) {
        for (const EraBand& b : bands)
            if (a.eras[static_cast<std::size_t>(b.era)].title == title) return b;
        FAIL("no band for " << title);
        return EraBand{};
    };
    CHECK(band_of("Russia").row == 0);
    CHECK(band_of("Deportation").row == 1);
    CHECK(band_of("Exile").row == 0);   // starts in 1936, the year Russia ends: neighbours, not nested
    CHECK(band_of("Mexico").row == 0);  // "1941" ends Exile and begins Mexico
    CHECK(band_of("Third").row == 2);
    CHECK_FALSE(band_of("Third").labelled);  // no third row in the strip
    CHECK(band_of("Russia").shade != band_of("Exile").shade);
    CHECK(band_of("Exile").shade != band_of("Mexico").shade);

    const EraBand* hit = era_band_at(bands, band_of("Deportation").x0 + 1);
    REQUIRE(hit);
    CHECK(a.eras[static_cast<std::size_t>(hit->era)].title == "Deportation");
    hit = era_band_at(bands, band_of("Russia").x0 + 1);
    REQUIRE(hit);
    CHECK(a.eras[static_cast<std::size_t>(hit->era)].title == "Russia");
    CHECK(era_band_at(bands, 150) == nullptr);  // 1905: no era
}

TEST_CASE("era bands: fit_label cuts between characters, never inside one", "[eras]") {
    CHECK(fit_label("Mexico", 60, chars10) == 6);
    CHECK(fit_label("Mexico", 59, chars10) == 4);           // "Mexi…"
    CHECK(fit_label("Mexico", 15, chars10) == 0);           // not even "M…"
    CHECK(fit_label("Orenburg exile", 100, chars10) == 8);  // "Orenburg…", the space dropped
    const std::string russian = "Россия";                   // two bytes a letter
    CHECK(fit_label(russian, 40, chars10) == 6);            // "Рос…"
}
