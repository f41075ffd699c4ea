// EDTF parsing: each end of a date becomes a span of days; an interval joins two.
#include "core/date.h"

#include <cmath>

namespace lectern {

bool is_leap_year(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(std::int64_t year, int month) {
    static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap_year(year)) return 29;
    return kDays[month - 1];
}

// Howard Hinnant's days_from_civil, valid for the whole int64 year range we accept.
DayNumber days_from_civil(std::int64_t y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static std::int64_t year_of_day(DayNumber z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    return yoe + era * 400 + (m <= 2);
}

double day_to_year(DayNumber day) {
    const std::int64_t y = year_of_day(day);
    const DayNumber start = days_from_civil(y, 1, 1);
    const double len = is_leap_year(y) ? 366.0 : 365.0;
    return static_cast<double>(y) + static_cast<double>(day - start) / len;
}

DayNumber year_to_day(double year) {
    const double whole = std::floor(year);
    const auto y = static_cast<std::int64_t>(whole);
    const double len = is_leap_year(y) ? 366.0 : 365.0;
    return days_from_civil(y, 1, 1) + static_cast<DayNumber>(std::floor((year - whole) * len));
}

namespace {

constexpr std::int64_t kMaxYear = 999999999;  // keeps day arithmetic far from overflow

struct Cursor {
    std::string_view s;
    std::size_t i = 0;
    bool done() const { return i >= s.size(); }
    char peek() const { return done() ? '\0' : s[i]; }
};

bool fail(std::string* why, std::string reason) {
    if (why) *why = std::move(reason);
    return false;
}

// Reads exactly n characters that are digits or (when allowed) 'X'.
// Returns the value with X read as 0 (lo) and 9 (hi).
bool read_digits(Cursor& c, int n, bool allow_x, std::int64_t& lo, std::int64_t& hi, bool& has_x) {
    lo = hi = 0;
    has_x = false;
    for (int k = 0; k < n; ++k) {
        const char ch = c.peek();
        if (ch >= '0' && ch <= '9') {
            lo = lo * 10 + (ch - '0');
            hi = hi * 10 + (ch - '0');
        } else if (ch == 'X' && allow_x) {
            lo = lo * 10;
            hi = hi * 10 + 9;
            has_x = true;
        } else {
            return false;
        }
        ++c.i;
    }
    return true;
}

bool parse_point(std::string_view text, DatePoint& p, bool& uncertain, bool& approximate, std::string* why) {
    Cursor c{text};
    // Qualifier at the end applies to the whole point.
    if (!text.empty()) {
        const char q = text.back();
        if (q == '?' || q == '~' || q == '%') {
            uncertain = uncertain || q == '?' || q == '%';
            approximate = approximate || q == '~' || q == '%';
            c.s = text.substr(0, text.size() - 1);
        }
    }
    if (c.s.empty()) return fail(why, "empty date");

    std::int64_t year_lo = 0, year_hi = 0;
    bool year_x = false;
    if (c.peek() == 'Y') {  // long year: Y17000, Y-12000
        ++c.i;
        const bool neg = c.peek() == '-';
        if (neg) ++c.i;
        const std::size_t start = c.i;
        std::int64_t v = 0;
        while (!c.done() && c.peek() >= '0' && c.peek() <= '9') {
            v = v * 10 + (c.peek() - '0');
            if (v > kMaxYear) return fail(why, "year too large");
            ++c.i;
        }
        const std::size_t n = c.i - start;
        if (n == 0) return fail(why, "no digits after 'Y'");
        if (n <= 4) return fail(why, "a 'Y' year needs more than four digits");
        if (!c.done()) return fail(why, "a long year stands alone");
        year_lo = year_hi = neg ? -v : v;
    } else {
        const bool neg = c.peek() == '-';
        if (neg) ++c.i;
        if (!read_digits(c, 4, true, year_lo, year_hi, year_x))
            return fail(why, "expected a four-digit year");
        if (year_x) {
            // Unspecified digits must be trailing: 19X5 says nothing EDTF allows.
            const std::string_view y = c.s.substr(c.i - 4, 4);
            const auto first_x = y.find('X');
            if (y.find_first_not_of('X', first_x) != std::string_view::npos)
                return fail(why, "unspecified digits must come last in the year");
        }
        if (neg) {
            std::swap(year_lo, year_hi);
            year_lo = -year_lo;
            year_hi = -year_hi;
            if (year_lo == 0 && year_hi == 0 && !year_x) return fail(why, "'-0000' is not a year");
        }
    }

    p.year = year_lo;
    p.month = 0;
    p.day = 0;
    p.precision = DatePrecision::year;
    p.first_day = days_from_civil(year_lo, 1, 1);
    p.last_day = days_from_civil(year_hi, 12, 31);
    if (c.done()) return true;

    if (c.peek() != '-') return fail(why, "unexpected '" + std::string(1, c.peek()) + "' after the year");
    ++c.i;
    std::int64_t m_lo = 0, m_hi = 0;
    bool m_x = false;
    if (!read_digits(c, 2, true, m_lo, m_hi, m_x)) return fail(why, "expected a two-digit month");
    if (m_x) {
        if (m_lo != 0 || m_hi != 99) return fail(why, "a month is either known or 'XX'");
        if (year_x) return fail(why, "unspecified month in a year with unspecified digits");
        if (!c.done()) {
            // 1936-XX-XX is the year; 1936-XX-05 names no span we can draw.
            if (c.s.substr(c.i) != "-XX") return fail(why, "a day in an unspecified month");
        }
        return true;  // the whole year
    }
    if (year_x) return fail(why, "a month after a year with unspecified digits");
    const int month = static_cast<int>(m_lo);
    if (month >= 21 && month <= 24) {
        if (!c.done()) return fail(why, "a season has no day");
        p.month = month;
        p.precision = DatePrecision::season;
        static const int kStart[4] = {3, 6, 9, 12};
        const int sm = kStart[month - 21];
        p.first_day = days_from_civil(year_lo, sm, 1);
        const std::int64_t ey = month == 24 ? year_lo + 1 : year_lo;
        const int em = month == 24 ? 2 : sm + 2;
        p.last_day = days_from_civil(ey, em, days_in_month(ey, em));
        return true;
    }
    if (month < 1 || month > 12) return fail(why, "month " + std::to_string(month));
    p.month = month;
    p.precision = DatePrecision::month;
    p.first_day = days_from_civil(year_lo, month, 1);
    p.last_day = days_from_civil(year_lo, month, days_in_month(year_lo, month));
    if (c.done()) return true;

    if (c.peek() != '-') return fail(why, "unexpected '" + std::string(1, c.peek()) + "' after the month");
    ++c.i;
    std::int64_t d_lo = 0, d_hi = 0;
    bool d_x = false;
    if (!read_digits(c, 2, true, d_lo, d_hi, d_x)) return fail(why, "expected a two-digit day");
    if (!c.done()) return fail(why, "unexpected text after the day");
    if (d_x) {
        if (d_lo != 0 || d_hi != 99) return fail(why, "a day is either known or 'XX'");
        return true;  // the whole month
    }
    static const char* kMonthNames[12] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};
    const int day = static_cast<int>(d_lo);
    if (day < 1 || day > days_in_month(year_lo, month)) {
        if (day >= 1 && day <= 31) return fail(why, std::to_string(day) + " " + kMonthNames[month - 1]);
        return fail(why, "day " + std::to_string(day));
    }
    p.day = day;
    p.precision = DatePrecision::day;
    p.first_day = p.last_day = days_from_civil(year_lo, month, day);
    return true;
}

DatePrecision coarser(DatePrecision a, DatePrecision b) { return a > b ? a : b; }

}  // namespace

std::optional<EdtfDate> parse_edtf(std::string_view text, std::string* why) {
    if (text.empty()) {
        fail(why, "empty date");
        return std::nullopt;
    }
    EdtfDate d;
    d.text = std::string(text);
    const auto slash = text.find('/');
    if (slash == std::string_view::npos) {
        DatePoint p;
        if (!parse_point(text, p, d.uncertain, d.approximate, why)) return std::nullopt;
        d.earliest_day = p.first_day;
        d.latest_day = p.last_day;
        d.precision = p.precision;
        return d;
    }
    if (text.find('/', slash + 1) != std::string_view::npos) {
        fail(why, "more than one '/'");
        return std::nullopt;
    }
    d.interval = true;
    const std::string_view a = text.substr(0, slash), b = text.substr(slash + 1);
    d.open_start = a == "..";
    d.unknown_start = a.empty();
    d.open_end = b == "..";
    d.unknown_end = b.empty();
    const bool start_known = !d.open_start && !d.unknown_start;
    const bool end_known = !d.open_end && !d.unknown_end;
    if (!start_known && !end_known) {
        fail(why, "an interval needs at least one known end");
        return std::nullopt;
    }
    DatePoint ps, pe;
    if (start_known && !parse_point(a, ps, d.uncertain, d.approximate, why)) return std::nullopt;
    if (end_known && !parse_point(b, pe, d.uncertain, d.approximate, why)) return std::nullopt;
    if (!start_known) ps = pe;
    if (!end_known) pe = ps;
    if (start_known && end_known && pe.last_day < ps.first_day) {
        fail(why, "end before start");
        return std::nullopt;
    }
    d.earliest_day = ps.first_day;
    d.latest_day = pe.last_day;
    d.precision = coarser(ps.precision, pe.precision);
    return d;
}

}  // namespace lectern
