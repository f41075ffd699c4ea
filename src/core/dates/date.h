// EDTF dates (ISO 8601-2 / Library of Congress Extended Date/Time Format):
// the subset in ../specs/archive-format-v1.md, parsed into a span of days.
//
//   Message why;
//   auto d = parse_edtf("1920/1921", &why);   // d->earliest_day .. d->latest_day
//   if (!d) report(why.in("en"));              // e.g. "month 13"
//   to_edtf(*d) == "1920/1921";                // rebuilt from d->start and d->end
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/i18n/message.h"

namespace lectern {

// Days since 1970-01-01 in the proleptic Gregorian calendar (negative before).
using DayNumber = std::int64_t;

// From finest to coarsest, so "the coarser of two" is the larger value.
// decade, century and millennium come from unspecified digits: 194X, 19XX, 1XXX.
enum class DatePrecision { day, month, season, year, decade, century, millennium };

// One end of an EDTF date: a single day, month, season or year, as written.
struct DatePoint {
    // The first year the point covers, astronomical: 0 is 1 BCE, -500 is 501 BCE.
    // With unspecified digits that is the smallest year they allow: 194X holds
    // 1940, -019X holds -199 (the span -199..-190).
    std::int64_t year = 0;
    int year_unspecified = 0;        // trailing 'X' digits of the year: 194X has 1, 19XX has 2
    int month = 0;                   // 1-12, 21-24 for seasons, 0 when not written or 'XX'
    bool month_unspecified = false;  // 1936-XX, 1936-XX-XX
    int day = 0;                     // 1-31, 0 when not written or 'XX'
    bool day_unspecified = false;    // 1936-06-XX, 1936-XX-XX
    bool uncertain = false;          // written with '?' or '%'
    bool approximate = false;        // written with '~' or '%'
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
    bool uncertain = false;      // "?" or "%" on either end
    bool approximate = false;    // "~" or "%" on either end
    // The ends as written. A single date has start == end; an open or unknown
    // end of an interval is a default DatePoint (see has_start / has_end).
    DatePoint start, end;
    bool has_start() const { return !open_start && !unknown_start; }
    bool has_end() const { return !open_end && !unknown_end; }
};

// Parses one EDTF date or interval. On failure returns nullopt and, when `why`
// is given, a short reason such as "month 13" or "end before start" (a message, so the
// viewer can show it in the interface's language; the second form gives it in English).
std::optional<EdtfDate> parse_edtf(std::string_view text, Message* why);
std::optional<EdtfDate> parse_edtf(std::string_view text, std::string* why = nullptr);

// Writes a parsed date back from its structured ends: to_edtf(*parse_edtf(s)) == s
// for every string parse_edtf accepts.
std::string to_edtf(const EdtfDate& date);
std::string to_edtf(const DatePoint& point);

// "day", "month", "season", "year", "decade", "century", "millennium".
const char* precision_name(DatePrecision precision);

// ISO 8601 calendar date: "1920-01-01". Years below 0 get a '-' ("-0500-01-01"),
// years above 9999 a '+' ("+17000-01-01"), ISO's expanded form; years are at least four digits.
std::string format_iso_day(DayNumber day);

DayNumber days_from_civil(std::int64_t year, int month, int day);
bool is_leap_year(std::int64_t year);
int days_in_month(std::int64_t year, int month);

// A day as a fractional year (1908-07-02 is about 1908.5): the timeline's axis unit.
double day_to_year(DayNumber day);
// Inverse of day_to_year, rounded down to a whole day.
DayNumber year_to_day(double year);

}  // namespace lectern
