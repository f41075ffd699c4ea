// EDTF parsing: each end of a date becomes a span of days; an interval joins two.
#include "core/dates/date.h"

#include <cmath>

#include "core/i18n/translate.h"
#include "core/text/utf8.h"

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

namespace {

struct Civil {
    std::int64_t year;
    int month, day;
};

// Howard Hinnant's civil_from_days, the inverse of days_from_civil.
Civil civil_from_days(DayNumber z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (m <= 2), m, d};
}

std::int64_t year_of_day(DayNumber z) { return civil_from_days(z).year; }

}  // namespace

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

bool fail(Message* why, Message reason) {
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

// Reads the year of a point: four digits (trailing ones may be 'X') or a long year.
bool parse_year(Cursor& c, DatePoint& p, std::int64_t& year_hi, Message* why) {
    std::int64_t year_lo = 0;
    if (c.peek() == 'Y') {  // long year: Y17000, Y-12000
        ++c.i;
        const bool neg = c.peek() == '-';
        if (neg) ++c.i;
        const std::size_t start = c.i;
        std::int64_t v = 0;
        while (!c.done() && c.peek() >= '0' && c.peek() <= '9') {
            v = v * 10 + (c.peek() - '0');
            if (v > kMaxYear) return fail(why, {"check.date.year_too_large"});
            ++c.i;
        }
        const std::size_t n = c.i - start;
        if (n == 0) return fail(why, {"check.date.y_no_digits"});
        if (n <= 4) return fail(why, {"check.date.y_short"});
        // Y01908 would be a second spelling of 1908; one spelling keeps to_edtf exact.
        if (c.s[start] == '0') return fail(why, {"check.date.y_leading_zero"});
        if (!c.done()) return fail(why, {"check.date.y_alone"});
        p.year = year_hi = neg ? -v : v;
        return true;
    }
    const bool neg = c.peek() == '-';
    if (neg) ++c.i;
    bool year_x = false;
    if (!read_digits(c, 4, true, year_lo, year_hi, year_x)) return fail(why, {"check.date.four_digit_year"});
    if (year_x) {
        // Unspecified digits must be trailing: 19X5 says nothing EDTF allows.
        const std::string_view y = c.s.substr(c.i - 4, 4);
        const auto first_x = y.find('X');
        if (y.find_first_not_of('X', first_x) != std::string_view::npos) return fail(why, {"check.date.x_last"});
        // XXXX spans ten thousand years: nothing a timeline can place.
        if (first_x == 0) return fail(why, {"check.date.x_all"});
        p.year_unspecified = static_cast<int>(4 - first_x);
    }
    if (neg) {
        std::swap(year_lo, year_hi);
        year_lo = -year_lo;
        year_hi = -year_hi;
        if (year_lo == 0 && year_hi == 0 && !year_x) return fail(why, {"check.date.minus_zero"});
    }
    p.year = year_lo;
    return true;
}

DatePrecision year_precision(int unspecified_digits) {
    static const DatePrecision kByDigits[4] = {DatePrecision::year, DatePrecision::decade, DatePrecision::century,
                                               DatePrecision::millennium};
    return kByDigits[unspecified_digits];
}

bool parse_point(std::string_view text, DatePoint& p, Message* why) {
    p = DatePoint{};
    Cursor c{text};
    // Qualifier at the end applies to the whole point.
    if (!text.empty()) {
        const char q = text.back();
        if (q == '?' || q == '~' || q == '%') {
            p.uncertain = q == '?' || q == '%';
            p.approximate = q == '~' || q == '%';
            c.s = text.substr(0, text.size() - 1);
        }
    }
    if (c.s.empty()) return fail(why, {"check.date.empty"});

    std::int64_t year_hi = 0;
    if (!parse_year(c, p, year_hi, why)) return false;
    const std::int64_t year = p.year;
    const bool year_x = p.year_unspecified > 0;
    p.precision = year_precision(p.year_unspecified);
    p.first_day = days_from_civil(year, 1, 1);
    p.last_day = days_from_civil(year_hi, 12, 31);
    if (c.done()) return true;

    if (c.peek() != '-')
        return fail(why, {"check.date.unexpected_after_year", {{"char", shown_input(c.s.substr(c.i, 1))}}});
    ++c.i;
    std::int64_t m_lo = 0, m_hi = 0;
    bool m_x = false;
    if (!read_digits(c, 2, true, m_lo, m_hi, m_x)) return fail(why, {"check.date.two_digit_month"});
    if (m_x) {
        if (m_lo != 0 || m_hi != 99) return fail(why, {"check.date.month_xx"});
        if (year_x) return fail(why, {"check.date.month_x_in_year_x"});
        p.month_unspecified = true;
        if (!c.done()) {
            // 1936-XX-XX is the year; 1936-XX-05 names no span we can draw.
            if (c.s.substr(c.i) != "-XX") return fail(why, {"check.date.day_in_month_x"});
            p.day_unspecified = true;
        }
        return true;  // the whole year
    }
    if (year_x) return fail(why, {"check.date.month_after_year_x"});
    const int month = static_cast<int>(m_lo);
    if (month >= 21 && month <= 24) {
        if (!c.done()) return fail(why, {"check.date.season_day"});
        p.month = month;
        p.precision = DatePrecision::season;
        static const int kStart[4] = {3, 6, 9, 12};
        const int sm = kStart[month - 21];
        p.first_day = days_from_civil(year, sm, 1);
        const std::int64_t ey = month == 24 ? year + 1 : year;
        const int em = month == 24 ? 2 : sm + 2;
        p.last_day = days_from_civil(ey, em, days_in_month(ey, em));
        return true;
    }
    if (month < 1 || month > 12) return fail(why, {"check.date.month", {{"month", std::to_string(month)}}});
    p.month = month;
    p.precision = DatePrecision::month;
    p.first_day = days_from_civil(year, month, 1);
    p.last_day = days_from_civil(year, month, days_in_month(year, month));
    if (c.done()) return true;

    if (c.peek() != '-')
        return fail(why, {"check.date.unexpected_after_month", {{"char", shown_input(c.s.substr(c.i, 1))}}});
    ++c.i;
    std::int64_t d_lo = 0, d_hi = 0;
    bool d_x = false;
    if (!read_digits(c, 2, true, d_lo, d_hi, d_x)) return fail(why, {"check.date.two_digit_day"});
    if (!c.done()) return fail(why, {"check.date.text_after_day"});
    if (d_x) {
        if (d_lo != 0 || d_hi != 99) return fail(why, {"check.date.day_xx"});
        p.day_unspecified = true;
        return true;  // the whole month
    }
    const int day = static_cast<int>(d_lo);
    if (day < 1 || day > days_in_month(year, month)) {
        if (day >= 1 && day <= 31)
            return fail(why, {"check.date.no_such_day",
                              {{"day", std::to_string(day)},
                               {"month", Message{message_key("date.month_of." + std::to_string(month))}}}});
        return fail(why, {"check.date.day", {{"day", std::to_string(day)}}});
    }
    p.day = day;
    p.precision = DatePrecision::day;
    p.first_day = p.last_day = days_from_civil(year, month, day);
    return true;
}

DatePrecision coarser(DatePrecision a, DatePrecision b) { return a > b ? a : b; }

std::string two_digits(int v) {
    return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10);
}

// Zero-padded to at least four digits, the width EDTF and ISO years share.
std::string four_digits(std::int64_t magnitude) {
    std::string s = std::to_string(magnitude);
    if (s.size() < 4) s.insert(0, 4 - s.size(), '0');
    return s;
}

std::string year_to_edtf(const DatePoint& p) {
    const int n = p.year_unspecified;
    if (n == 0 && (p.year > 9999 || p.year < -9999)) return "Y" + std::to_string(p.year);
    // p.year is the first year covered, so -019X holds -199: drop the unspecified digits.
    std::int64_t magnitude = p.year < 0 ? -p.year : p.year;
    std::int64_t unit = 1;
    for (int k = 0; k < n; ++k) unit *= 10;
    magnitude -= magnitude % unit;
    std::string digits = four_digits(magnitude);
    const auto x = static_cast<std::size_t>(n);
    digits.replace(digits.size() - x, x, x, 'X');
    return (p.year < 0 ? "-" : "") + digits;
}

}  // namespace

std::optional<EdtfDate> parse_edtf(std::string_view text, Message* why) {
    if (text.empty()) {
        fail(why, {"check.date.empty"});
        return std::nullopt;
    }
    EdtfDate d;
    d.text = std::string(text);
    const auto slash = text.find('/');
    if (slash == std::string_view::npos) {
        if (!parse_point(text, d.start, why)) return std::nullopt;
        d.end = d.start;
        d.uncertain = d.start.uncertain;
        d.approximate = d.start.approximate;
        d.earliest_day = d.start.first_day;
        d.latest_day = d.start.last_day;
        d.precision = d.start.precision;
        return d;
    }
    if (text.find('/', slash + 1) != std::string_view::npos) {
        fail(why, {"check.date.two_slashes"});
        return std::nullopt;
    }
    d.interval = true;
    const std::string_view a = text.substr(0, slash), b = text.substr(slash + 1);
    d.open_start = a == "..";
    d.unknown_start = a.empty();
    d.open_end = b == "..";
    d.unknown_end = b.empty();
    if (!d.has_start() && !d.has_end()) {
        fail(why, {"check.date.no_known_end"});
        return std::nullopt;
    }
    if (d.has_start() && !parse_point(a, d.start, why)) return std::nullopt;
    if (d.has_end() && !parse_point(b, d.end, why)) return std::nullopt;
    // A missing end borrows the other's span so earliest/latest stay meaningful.
    const DatePoint& ps = d.has_start() ? d.start : d.end;
    const DatePoint& pe = d.has_end() ? d.end : d.start;
    if (d.has_start() && d.has_end() && pe.last_day < ps.first_day) {
        fail(why, {"check.date.end_before_start"});
        return std::nullopt;
    }
    d.uncertain = d.start.uncertain || d.end.uncertain;
    d.approximate = d.start.approximate || d.end.approximate;
    d.earliest_day = ps.first_day;
    d.latest_day = pe.last_day;
    d.precision = coarser(ps.precision, pe.precision);
    return d;
}

std::string to_edtf(const DatePoint& p) {
    std::string s = year_to_edtf(p);
    if (p.month_unspecified) s += "-XX";
    else if (p.month > 0) s += "-" + two_digits(p.month);
    if (p.day_unspecified) s += "-XX";
    else if (p.day > 0) s += "-" + two_digits(p.day);
    if (p.uncertain && p.approximate) s += '%';
    else if (p.uncertain) s += '?';
    else if (p.approximate) s += '~';
    return s;
}

std::string to_edtf(const EdtfDate& d) {
    if (!d.interval) return to_edtf(d.start);
    const std::string a = d.has_start() ? to_edtf(d.start) : d.open_start ? ".." : "";
    const std::string b = d.has_end() ? to_edtf(d.end) : d.open_end ? ".." : "";
    return a + "/" + b;
}

const char* precision_name(DatePrecision precision) {
    switch (precision) {
        case DatePrecision::day: return "day";
        case DatePrecision::month: return "month";
        case DatePrecision::season: return "season";
        case DatePrecision::year: return "year";
        case DatePrecision::decade: return "decade";
        case DatePrecision::century: return "century";
        case DatePrecision::millennium: return "millennium";
    }
    return "unknown";  // only for a value cast from outside the enum
}

std::string format_iso_day(DayNumber day) {
    const Civil c = civil_from_days(day);
    const std::string sign = c.year < 0 ? "-" : c.year > 9999 ? "+" : "";
    return sign + four_digits(c.year < 0 ? -c.year : c.year) + "-" + two_digits(c.month) + "-" + two_digits(c.day);
}

std::optional<EdtfDate> parse_edtf(std::string_view text, std::string* why) {
    Message reason;
    auto d = parse_edtf(text, why ? &reason : nullptr);
    if (!d && why) *why = reason.in("en");
    return d;
}

}  // namespace lectern
