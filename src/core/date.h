// EDTF dates (ISO 8601-2 / Library of Congress Extended Date/Time Format):
// the subset in ../specs/archive-format-v1.md, parsed into a span of days.
//
//   std::string why;
//   auto d = parse_edtf("1920/1921", &why);   // d->earliest_day .. d->latest_day
//   if (!d) report(why);                       // e.g. "month 13"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lectern {

// Days since 1970-01-01 in the proleptic Gregorian calendar (negative before).
using DayNumber = std::int64_t;

enum class DatePrecision { day, month, season, year };

// One end of an EDTF date: a single day, month, season or year.
struct DatePoint {
    std::int64_t year = 0;  // astronomical: 0 is 1 BCE, -500 is 501 BCE
    int month = 0;          // 1-12, 21-24 for seasons, 0 when only the year is known
    int day = 0;            // 1-31, 0 when not known
    DayNumber first_day = 0;
    DayNumber last_day = 0;
    DatePrecision precision = DatePrecision::year;
};

struct EdtfDate {
    std::string text;  // as written in the archive
    DayNumber earliest_day = 0;
    DayNumber latest_day = 0;
    DatePrecision precision = DatePrecision::year;  // of the coarser end
    bool interval = false;
    bool open_start = false;     // "../1947": open, ".." explicitly
    bool open_end = false;       // "1940/..": open
    bool unknown_start = false;  // "/1947": not known
    bool unknown_end = false;    // "1940/": not known
    bool uncertain = false;      // "?" or "%"
    bool approximate = false;    // "~" or "%"
};

// Parses one EDTF date or interval. On failure returns nullopt and, when `why`
// is given, a short reason such as "month 13" or "end before start".
std::optional<EdtfDate> parse_edtf(std::string_view text, std::string* why = nullptr);

DayNumber days_from_civil(std::int64_t year, int month, int day);
bool is_leap_year(std::int64_t year);
int days_in_month(std::int64_t year, int month);

// A day as a fractional year (1908-07-02 is about 1908.5): the timeline's axis unit.
double day_to_year(DayNumber day);
// Inverse of day_to_year, rounded down to a whole day.
DayNumber year_to_day(double year);

}  // namespace lectern
