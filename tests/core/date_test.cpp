// EDTF dates: every form the archive uses, the invalid ones with their reasons, and writing back.
#include <catch2/catch.hpp>

#include "core/dates/date.h"

using namespace lectern;

static DayNumber day(std::int64_t y, int m, int d) { return days_from_civil(y, m, d); }

namespace {

struct Valid {
    const char* text;
    DayNumber first, last;
    DatePrecision precision;
};

// Every valid form, with the days it spans; the round-trip tests walk this table too.
const Valid kValid[] = {
    // years, including year 0 (1 BCE), BCE and long years
    {"1908", day(1908, 1, 1), day(1908, 12, 31), DatePrecision::year},
    {"1970", day(1970, 1, 1), day(1970, 12, 31), DatePrecision::year},
    {"0000", day(0, 1, 1), day(0, 12, 31), DatePrecision::year},
    {"0001", day(1, 1, 1), day(1, 12, 31), DatePrecision::year},
    {"9999", day(9999, 1, 1), day(9999, 12, 31), DatePrecision::year},
    {"-0001", day(-1, 1, 1), day(-1, 12, 31), DatePrecision::year},
    {"-0500", day(-500, 1, 1), day(-500, 12, 31), DatePrecision::year},
    {"-9999", day(-9999, 1, 1), day(-9999, 12, 31), DatePrecision::year},
    {"Y17000", day(17000, 1, 1), day(17000, 12, 31), DatePrecision::year},
    {"Y-12000", day(-12000, 1, 1), day(-12000, 12, 31), DatePrecision::year},
    {"Y10000", day(10000, 1, 1), day(10000, 12, 31), DatePrecision::year},
    {"Y-10000", day(-10000, 1, 1), day(-10000, 12, 31), DatePrecision::year},
    {"Y999999999", day(999999999, 1, 1), day(999999999, 12, 31), DatePrecision::year},
    // months, with February's length in leap and common years
    {"1908-06", day(1908, 6, 1), day(1908, 6, 30), DatePrecision::month},
    {"1908-01", day(1908, 1, 1), day(1908, 1, 31), DatePrecision::month},
    {"1908-12", day(1908, 12, 1), day(1908, 12, 31), DatePrecision::month},
    {"1900-02", day(1900, 2, 1), day(1900, 2, 28), DatePrecision::month},
    {"2000-02", day(2000, 2, 1), day(2000, 2, 29), DatePrecision::month},
    {"-0500-03", day(-500, 3, 1), day(-500, 3, 31), DatePrecision::month},
    // days, including 29 February in leap years (0 and -4 are leap years)
    {"1936-08-10", day(1936, 8, 10), day(1936, 8, 10), DatePrecision::day},
    {"1970-01-01", 0, 0, DatePrecision::day},
    {"1999-12-31", day(1999, 12, 31), day(1999, 12, 31), DatePrecision::day},
    {"0001-01-01", day(1, 1, 1), day(1, 1, 1), DatePrecision::day},
    {"2000-02-29", day(2000, 2, 29), day(2000, 2, 29), DatePrecision::day},
    {"1600-02-29", day(1600, 2, 29), day(1600, 2, 29), DatePrecision::day},
    {"2024-02-29", day(2024, 2, 29), day(2024, 2, 29), DatePrecision::day},
    {"0000-02-29", day(0, 2, 29), day(0, 2, 29), DatePrecision::day},
    {"-0004-02-29", day(-4, 2, 29), day(-4, 2, 29), DatePrecision::day},
    {"-0400-02-29", day(-400, 2, 29), day(-400, 2, 29), DatePrecision::day},
    {"1936-04-30", day(1936, 4, 30), day(1936, 4, 30), DatePrecision::day},
    // seasons: winter runs into the next year, whose February may be long
    {"1926-21", day(1926, 3, 1), day(1926, 5, 31), DatePrecision::season},
    {"1926-22", day(1926, 6, 1), day(1926, 8, 31), DatePrecision::season},
    {"1926-23", day(1926, 9, 1), day(1926, 11, 30), DatePrecision::season},
    {"1926-24", day(1926, 12, 1), day(1927, 2, 28), DatePrecision::season},
    {"1927-24", day(1927, 12, 1), day(1928, 2, 29), DatePrecision::season},
    {"-0001-24", day(-1, 12, 1), day(0, 2, 29), DatePrecision::season},
    // unspecified digits
    {"194X", day(1940, 1, 1), day(1949, 12, 31), DatePrecision::decade},
    {"190X", day(1900, 1, 1), day(1909, 12, 31), DatePrecision::decade},
    {"19XX", day(1900, 1, 1), day(1999, 12, 31), DatePrecision::century},
    {"1XXX", day(1000, 1, 1), day(1999, 12, 31), DatePrecision::millennium},
    {"000X", day(0, 1, 1), day(9, 12, 31), DatePrecision::decade},
    {"-019X", day(-199, 1, 1), day(-190, 12, 31), DatePrecision::decade},
    {"-000X", day(-9, 1, 1), day(0, 12, 31), DatePrecision::decade},
    {"-1XXX", day(-1999, 1, 1), day(-1000, 12, 31), DatePrecision::millennium},
    {"1936-XX", day(1936, 1, 1), day(1936, 12, 31), DatePrecision::year},
    {"1936-06-XX", day(1936, 6, 1), day(1936, 6, 30), DatePrecision::month},
    {"1936-XX-XX", day(1936, 1, 1), day(1936, 12, 31), DatePrecision::year},
    // qualifiers on single dates
    {"1945?", day(1945, 1, 1), day(1945, 12, 31), DatePrecision::year},
    {"1945~", day(1945, 1, 1), day(1945, 12, 31), DatePrecision::year},
    {"1945%", day(1945, 1, 1), day(1945, 12, 31), DatePrecision::year},
    {"1908-06?", day(1908, 6, 1), day(1908, 6, 30), DatePrecision::month},
    {"1936-08-10~", day(1936, 8, 10), day(1936, 8, 10), DatePrecision::day},
    {"194X?", day(1940, 1, 1), day(1949, 12, 31), DatePrecision::decade},
    {"1926-21%", day(1926, 3, 1), day(1926, 5, 31), DatePrecision::season},
    {"Y17000~", day(17000, 1, 1), day(17000, 12, 31), DatePrecision::year},
    {"-0500?", day(-500, 1, 1), day(-500, 12, 31), DatePrecision::year},
    {"1936-XX~", day(1936, 1, 1), day(1936, 12, 31), DatePrecision::year},
    // intervals: from the start of the first end to the end of the second
    {"1926/1929", day(1926, 1, 1), day(1929, 12, 31), DatePrecision::year},
    {"1920/1921", day(1920, 1, 1), day(1921, 12, 31), DatePrecision::year},
    {"1936-08/1937-02", day(1936, 8, 1), day(1937, 2, 28), DatePrecision::month},
    {"1936-08-10/1936-08-10", day(1936, 8, 10), day(1936, 8, 10), DatePrecision::day},
    {"1908/1908", day(1908, 1, 1), day(1908, 12, 31), DatePrecision::year},
    {"1940/1940-06", day(1940, 1, 1), day(1940, 6, 30), DatePrecision::year},
    {"1940-06/1940", day(1940, 6, 1), day(1940, 12, 31), DatePrecision::year},
    {"1945/194X", day(1945, 1, 1), day(1949, 12, 31), DatePrecision::decade},
    {"194X/1955", day(1940, 1, 1), day(1955, 12, 31), DatePrecision::decade},
    {"1926-21/1926-24", day(1926, 3, 1), day(1927, 2, 28), DatePrecision::season},
    {"1936-08-10/1937-02", day(1936, 8, 10), day(1937, 2, 28), DatePrecision::month},
    {"1936-06-XX/1936-XX", day(1936, 6, 1), day(1936, 12, 31), DatePrecision::year},
    {"-0500/-0400", day(-500, 1, 1), day(-400, 12, 31), DatePrecision::year},
    {"Y-12000/-0500", day(-12000, 1, 1), day(-500, 12, 31), DatePrecision::year},
    {"1908/Y17000", day(1908, 1, 1), day(17000, 12, 31), DatePrecision::year},
    {"1945~/1950", day(1945, 1, 1), day(1950, 12, 31), DatePrecision::year},
    {"1945/1950%", day(1945, 1, 1), day(1950, 12, 31), DatePrecision::year},
    {"1945?/1950~", day(1945, 1, 1), day(1950, 12, 31), DatePrecision::year},
    // open and unknown ends: the known end gives both bounds
    {"1940/..", day(1940, 1, 1), day(1940, 12, 31), DatePrecision::year},
    {"../1947", day(1947, 1, 1), day(1947, 12, 31), DatePrecision::year},
    {"1940/", day(1940, 1, 1), day(1940, 12, 31), DatePrecision::year},
    {"/1947", day(1947, 1, 1), day(1947, 12, 31), DatePrecision::year},
    {"1945~/..", day(1945, 1, 1), day(1945, 12, 31), DatePrecision::year},
    {"../1947?", day(1947, 1, 1), day(1947, 12, 31), DatePrecision::year},
    {"1940-06/", day(1940, 6, 1), day(1940, 6, 30), DatePrecision::month},
    {"/1947-11-17", day(1947, 11, 17), day(1947, 11, 17), DatePrecision::day},
    {"194X/..", day(1940, 1, 1), day(1949, 12, 31), DatePrecision::decade},
    {"../1926-22", day(1926, 6, 1), day(1926, 8, 31), DatePrecision::season},
};

}  // namespace

TEST_CASE("date: calendar arithmetic is right at the edges", "[date]") {
    CHECK(day(1970, 1, 1) == 0);
    CHECK(day(2000, 3, 1) - day(2000, 2, 28) == 2);  // 2000 is a leap year
    CHECK(day(1900, 3, 1) - day(1900, 2, 28) == 1);  // 1900 is not
    CHECK(day_to_year(day(1908, 1, 1)) == Approx(1908.0));
    CHECK(day_to_year(day(1908, 7, 2)) == Approx(1908.5).margin(0.003));
    CHECK(year_to_day(day_to_year(day(-500, 6, 15))) == day(-500, 6, 15));
}

TEST_CASE("date: leap years follow the proleptic Gregorian rule, year 0 included", "[date]") {
    struct Case {
        std::int64_t year;
        bool leap;
    };
    const Case cases[] = {{2000, true}, {1900, false}, {2024, true}, {2023, false}, {1600, true}, {2100, false},
                          {0, true},    {-1, false},   {-4, true},   {-100, false}, {-400, true}, {17000, false}};
    for (const Case& c : cases) {
        CAPTURE(c.year);
        CHECK(is_leap_year(c.year) == c.leap);
        CHECK(days_in_month(c.year, 2) == (c.leap ? 29 : 28));
    }
}

TEST_CASE("date: each form spans the days it names", "[date]") {
    for (const Valid& c : kValid) {
        CAPTURE(c.text);
        std::string why;
        const auto d = parse_edtf(c.text, &why);
        CAPTURE(why);
        REQUIRE(d);
        CHECK(d->earliest_day == c.first);
        CHECK(d->latest_day == c.last);
        CHECK(d->precision == c.precision);
        CHECK(d->text == c.text);
    }
}

TEST_CASE("date: each end keeps its structure as written", "[date]") {
    struct Case {
        const char* text;
        std::int64_t year;
        int year_unspecified, month;
        bool month_unspecified;
        int day;
        bool day_unspecified;
    };
    const Case cases[] = {
        {"1908", 1908, 0, 0, false, 0, false},        {"1908-06", 1908, 0, 6, false, 0, false},
        {"1936-08-10", 1936, 0, 8, false, 10, false}, {"1926-23", 1926, 0, 23, false, 0, false},
        {"194X", 1940, 1, 0, false, 0, false},        {"19XX", 1900, 2, 0, false, 0, false},
        {"1XXX", 1000, 3, 0, false, 0, false},        {"-019X", -199, 1, 0, false, 0, false},
        {"1936-XX", 1936, 0, 0, true, 0, false},      {"1936-06-XX", 1936, 0, 6, false, 0, true},
        {"1936-XX-XX", 1936, 0, 0, true, 0, true},    {"-0500", -500, 0, 0, false, 0, false},
        {"Y-12000", -12000, 0, 0, false, 0, false},   {"0000-02-29", 0, 0, 2, false, 29, false},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        const auto d = parse_edtf(c.text);
        REQUIRE(d);
        CHECK(d->start.year == c.year);
        CHECK(d->start.year_unspecified == c.year_unspecified);
        CHECK(d->start.month == c.month);
        CHECK(d->start.month_unspecified == c.month_unspecified);
        CHECK(d->start.day == c.day);
        CHECK(d->start.day_unspecified == c.day_unspecified);
        CHECK(d->has_start());
        CHECK(d->has_end());
        CHECK(d->end.first_day == d->start.first_day);  // a single date is both ends
    }
}

TEST_CASE("date: qualifiers belong to their end and mark the whole date", "[date]") {
    struct Case {
        const char* text;
        bool start_uncertain, start_approximate, end_uncertain, end_approximate, uncertain, approximate;
    };
    const Case cases[] = {
        {"1945", false, false, false, false, false, false},     {"1945?", true, false, true, false, true, false},
        {"1945~", false, true, false, true, false, true},       {"1945%", true, true, true, true, true, true},
        {"1945~/1950", false, true, false, false, false, true}, {"1945/1950%", false, false, true, true, true, true},
        {"1945?/1950~", true, false, false, true, true, true},  {"../1947?", false, false, true, false, true, false},
        {"1940~/..", false, true, false, false, false, true},   {"1940/1950", false, false, false, false, false, false},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        const auto d = parse_edtf(c.text);
        REQUIRE(d);
        CHECK(d->start.uncertain == c.start_uncertain);
        CHECK(d->start.approximate == c.start_approximate);
        CHECK(d->end.uncertain == c.end_uncertain);
        CHECK(d->end.approximate == c.end_approximate);
        CHECK(d->uncertain == c.uncertain);
        CHECK(d->approximate == c.approximate);
    }
}

TEST_CASE("date: open and unknown interval ends are told apart", "[date]") {
    struct Case {
        const char* text;
        bool open_start, open_end, unknown_start, unknown_end;
    };
    const Case cases[] = {
        {"1940/..", false, true, false, false},    {"../1947", true, false, false, false},
        {"1940/", false, false, false, true},      {"/1947", false, false, true, false},
        {"1940/1947", false, false, false, false},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        const auto d = parse_edtf(c.text);
        REQUIRE(d);
        CHECK(d->interval);
        CHECK(d->open_start == c.open_start);
        CHECK(d->open_end == c.open_end);
        CHECK(d->unknown_start == c.unknown_start);
        CHECK(d->unknown_end == c.unknown_end);
        CHECK(d->has_start() == (!c.open_start && !c.unknown_start));
        CHECK(d->has_end() == (!c.open_end && !c.unknown_end));
    }
    CHECK_FALSE(parse_edtf("1940")->interval);
}

TEST_CASE("date: invalid dates are rejected with the reason", "[date]") {
    struct Case {
        const char* text;
        const char* reason;
    };
    const Case cases[] = {
        {"1936-13", "month 13"},
        {"1936-00", "month 0"},
        {"1936-20", "month 20"},
        {"1936-25", "month 25"},
        {"1936-99", "month 99"},
        {"1937-02-30", "30 February"},
        {"1937-02-29", "29 February"},
        {"1900-02-29", "29 February"},
        {"2100-02-29", "29 February"},
        {"-0100-02-29", "29 February"},
        {"-0001-02-29", "29 February"},
        {"1936-04-31", "31 April"},
        {"1936-06-31", "31 June"},
        {"1936-09-31", "31 September"},
        {"1936-11-31", "31 November"},
        {"1936-01-32", "day 32"},
        {"1936-01-00", "day 0"},
        {"1929/1926", "end before start"},
        {"1936-08-10/1936-08-09", "end before start"},
        {"1937-02/1936-08", "end before start"},
        {"1950/194X", "end before start"},
        {"1926-24/1926-22", "end before start"},
        {"-0400/-0500", "end before start"},
        {"19X5", "unspecified digits must come last in the year"},
        {"1X4X", "unspecified digits must come last in the year"},
        {"X945", "unspecified digits must come last in the year"},
        {"-1X45", "unspecified digits must come last in the year"},
        {"XXXX", "a year needs at least one known digit"},
        {"-XXXX", "a year needs at least one known digit"},
        {"", "empty date"},
        {"?", "empty date"},
        {"1940/?", "empty date"},
        {"June 1908", "expected a four-digit year"},
        {"190", "expected a four-digit year"},
        {"+1908", "expected a four-digit year"},
        {"?1945", "expected a four-digit year"},
        {"...", "expected a four-digit year"},
        {"1940/...", "expected a four-digit year"},
        {"1908-6", "expected a two-digit month"},
        {"1908-", "expected a two-digit month"},
        {"1908-06-1", "expected a two-digit day"},
        {"19080", "unexpected '0' after the year"},
        {"1908 ", "unexpected ' ' after the year"},
        {"1945??", "unexpected '?' after the year"},
        {"1945~?", "unexpected '~' after the year"},
        {"1908-06x", "unexpected 'x' after the month"},
        {"1908-06-101", "unexpected text after the day"},
        {"1936-08-10T12:00", "unexpected text after the day"},
        {"1926-21-01", "a season has no day"},
        {"1936-1X", "a month is either known or 'XX'"},
        {"194X-06", "a month after a year with unspecified digits"},
        {"194X-XX", "unspecified month in a year with unspecified digits"},
        {"1936-XX-05", "a day in an unspecified month"},
        {"1936-06-1X", "a day is either known or 'XX'"},
        {"1908/1909/1910", "more than one '/'"},
        {"../..", "an interval needs at least one known end"},
        {"/", "an interval needs at least one known end"},
        {"../", "an interval needs at least one known end"},
        {"/..", "an interval needs at least one known end"},
        {"Y", "no digits after 'Y'"},
        {"Y-", "no digits after 'Y'"},
        {"Y123", "a 'Y' year needs more than four digits"},
        {"Y1908", "a 'Y' year needs more than four digits"},
        {"Y99999999999", "year too large"},
        {"Y017000", "a 'Y' year has no leading zeros"},
        {"Y00000", "a 'Y' year has no leading zeros"},
        {"Y17000-01", "a long year stands alone"},
        {"-0000", "'-0000' is not a year"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        std::string why;
        CHECK_FALSE(parse_edtf(c.text, &why));
        CHECK(why == c.reason);
        CHECK_FALSE(parse_edtf(c.text));  // the reason is optional
    }
}

TEST_CASE("date: every valid date writes back to the identical string", "[date]") {
    for (const Valid& c : kValid) {
        CAPTURE(c.text);
        auto d = parse_edtf(c.text);
        REQUIRE(d);
        d->text.clear();  // to_edtf must rebuild from the ends, not echo the input
        const std::string written = to_edtf(*d);
        CHECK(written == c.text);
        const auto again = parse_edtf(written);
        REQUIRE(again);
        CHECK(again->earliest_day == d->earliest_day);
        CHECK(again->latest_day == d->latest_day);
        CHECK(again->precision == d->precision);
        CHECK(to_edtf(*again) == written);
    }
}

TEST_CASE("date: to_edtf writes what the structured ends say", "[date]") {
    auto d = parse_edtf("1936-08-10");
    REQUIRE(d);
    d->start.day = 11;
    CHECK(to_edtf(*d) == "1936-08-11");
    d->start.day = 0;
    d->start.approximate = true;
    CHECK(to_edtf(*d) == "1936-08~");
    DatePoint p;
    p.year = -5;
    CHECK(to_edtf(p) == "-0005");
    p.year = 1940;
    p.year_unspecified = 1;
    p.uncertain = true;
    CHECK(to_edtf(p) == "194X?");
}

TEST_CASE("date: precision names are the words the inspector prints", "[date]") {
    struct Case {
        DatePrecision precision;
        const char* name;
    };
    const Case cases[] = {{DatePrecision::day, "day"},
                          {DatePrecision::month, "month"},
                          {DatePrecision::season, "season"},
                          {DatePrecision::year, "year"},
                          {DatePrecision::decade, "decade"},
                          {DatePrecision::century, "century"},
                          {DatePrecision::millennium, "millennium"}};
    for (const Case& c : cases) {
        CAPTURE(c.name);
        CHECK(std::string(precision_name(c.precision)) == c.name);
    }
}

TEST_CASE("date: format_iso_day writes ISO 8601 days, signed outside 0000-9999", "[date]") {
    struct Case {
        DayNumber day;
        const char* text;
    };
    const Case cases[] = {
        {0, "1970-01-01"},
        {-1, "1969-12-31"},
        {day(1920, 1, 1), "1920-01-01"},
        {day(2000, 2, 29), "2000-02-29"},
        {day(1936, 8, 10), "1936-08-10"},
        {day(1, 1, 1), "0001-01-01"},
        {day(0, 2, 29), "0000-02-29"},
        {day(-1, 12, 31), "-0001-12-31"},
        {day(-500, 1, 1), "-0500-01-01"},
        {day(9999, 12, 31), "9999-12-31"},
        {day(10000, 1, 1), "+10000-01-01"},
        {day(17000, 1, 1), "+17000-01-01"},
        {day(-12000, 6, 15), "-12000-06-15"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(format_iso_day(c.day) == c.text);
    }
}

TEST_CASE("date: every ISO day written between -9999 and 9999 parses back to itself", "[date]") {
    // Steps of 997 days hit every month and day-of-month over the range.
    for (DayNumber d = day(-9999, 1, 1); d <= day(9999, 12, 31); d += 997) {
        const std::string text = format_iso_day(d);
        CAPTURE(text);
        const auto parsed = parse_edtf(text);
        REQUIRE(parsed);
        REQUIRE(parsed->earliest_day == d);
        REQUIRE(to_edtf(*parsed) == text);
    }
}
