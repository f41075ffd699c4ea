// EDTF dates: every form the archive uses, and the invalid ones with their reasons.
#include <catch2/catch.hpp>

#include "core/date.h"

using namespace lectern;

static DayNumber day(std::int64_t y, int m, int d) { return days_from_civil(y, m, d); }

TEST_CASE("date: calendar arithmetic is right at the edges", "[date]") {
    CHECK(day(1970, 1, 1) == 0);
    CHECK(day(2000, 3, 1) - day(2000, 2, 28) == 2);  // 2000 is a leap year
    CHECK(day(1900, 3, 1) - day(1900, 2, 28) == 1);  // 1900 is not
    CHECK(is_leap_year(0));                          // 1 BCE
    CHECK(is_leap_year(-4));
    CHECK_FALSE(is_leap_year(-1));
    CHECK(day_to_year(day(1908, 1, 1)) == Approx(1908.0));
    CHECK(day_to_year(day(1908, 7, 2)) == Approx(1908.5).margin(0.003));
    CHECK(year_to_day(day_to_year(day(-500, 6, 15))) == day(-500, 6, 15));
}

TEST_CASE("date: each form spans the days it names", "[date]") {
    struct Case {
        const char* text;
        DayNumber first, last;
        DatePrecision precision;
    };
    const Case cases[] = {
        {"1908", day(1908, 1, 1), day(1908, 12, 31), DatePrecision::year},
        {"1908-06", day(1908, 6, 1), day(1908, 6, 30), DatePrecision::month},
        {"1936-08-10", day(1936, 8, 10), day(1936, 8, 10), DatePrecision::day},
        {"1920/1921", day(1920, 1, 1), day(1921, 12, 31), DatePrecision::year},
        {"1936-08/1937-02", day(1936, 8, 1), day(1937, 2, 28), DatePrecision::month},
        {"1926-21", day(1926, 3, 1), day(1926, 5, 31), DatePrecision::season},
        {"1926-24", day(1926, 12, 1), day(1927, 2, 28), DatePrecision::season},
        {"194X", day(1940, 1, 1), day(1949, 12, 31), DatePrecision::year},
        {"19XX", day(1900, 1, 1), day(1999, 12, 31), DatePrecision::year},
        {"1936-XX", day(1936, 1, 1), day(1936, 12, 31), DatePrecision::year},
        {"-0500", day(-500, 1, 1), day(-500, 12, 31), DatePrecision::year},
        {"Y17000", day(17000, 1, 1), day(17000, 12, 31), DatePrecision::year},
        {"Y-12000", day(-12000, 1, 1), day(-12000, 12, 31), DatePrecision::year},
        {"2000-02-29", day(2000, 2, 29), day(2000, 2, 29), DatePrecision::day},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        std::string why;
        const auto d = parse_edtf(c.text, &why);
        REQUIRE(d);
        CHECK(d->earliest_day == c.first);
        CHECK(d->latest_day == c.last);
        CHECK(d->precision == c.precision);
        CHECK(d->text == c.text);
    }
}

TEST_CASE("date: qualifiers and open ends are kept", "[date]") {
    CHECK(parse_edtf("1945?")->uncertain);
    CHECK_FALSE(parse_edtf("1945?")->approximate);
    CHECK(parse_edtf("1945~")->approximate);
    CHECK(parse_edtf("1945%")->uncertain);
    CHECK(parse_edtf("1945%")->approximate);
    const auto open = parse_edtf("1940/..");
    REQUIRE(open);
    CHECK(open->open_end);
    CHECK(open->earliest_day == day(1940, 1, 1));
    const auto unknown = parse_edtf("1940/");
    REQUIRE(unknown);
    CHECK(unknown->unknown_end);
    const auto before = parse_edtf("../1947");
    REQUIRE(before);
    CHECK(before->open_start);
    CHECK(before->latest_day == day(1947, 12, 31));
}

TEST_CASE("date: invalid dates are rejected with the reason", "[date]") {
    struct Case {
        const char* text;
        const char* reason;
    };
    const Case cases[] = {
        {"1936-13", "month 13"},
        {"1937-02-30", "30 February"},
        {"1900-02-29", "29 February"},
        {"1929/1926", "end before start"},
        {"19X5", "unspecified digits must come last in the year"},
        {"", "empty date"},
        {"June 1908", "expected a four-digit year"},
        {"1908-6", "expected a two-digit month"},
        {"1908/1909/1910", "more than one '/'"},
        {"../..", "an interval needs at least one known end"},
        {"Y123", "a 'Y' year needs more than four digits"},
        {"Y99999999999", "year too large"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        std::string why;
        CHECK_FALSE(parse_edtf(c.text, &why));
        CHECK(why == c.reason);
    }
}
