// The human date formatter: EDTF ends as words, joined by the rules in date_format.h.
#include "core/date_format.h"

namespace lectern {

namespace {

// Every word the formatter writes, in one place so a message catalogue can replace it.
struct DateWords {
    const char* months[12];
    const char* seasons[4];  // EDTF 21-24
    const char* bce;         // after a year: "501 BCE"
    const char* circa;       // before an approximate end: "c. 1945"
    const char* uncertain;   // after an uncertain end: "1945?"
    const char* onwards;     // after the start of an interval open at the end
    const char* until;       // before the end of an interval open at the start
    const char* unknown;     // stands for an unknown end: "1940 – ?"
    const char* dash;        // joins two ends: EN DASH
};

const DateWords kEnglish = {
    {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"},
    {"spring", "summer", "autumn", "winter"},
    " BCE",
    "c. ",
    "?",
    " onwards",
    "until ",
    "?",
    "\xE2\x80\x93",
};

const DateWords& words() { return kEnglish; }

std::string year_words(std::int64_t year) {
    if (year > 0) return std::to_string(year);
    return std::to_string(1 - year) + words().bce;
}

// A span of whole years from unspecified digits: 194X covers 1940..1949.
std::string year_span_words(std::int64_t first, int unspecified) {
    std::int64_t size = 1;
    for (int k = 0; k < unspecified; ++k) size *= 10;
    const std::int64_t last = first + size - 1;
    // "1900s" already means 19XX, so 190X and 20XX spell their span out instead.
    const bool reads_as_larger = first % (size * 10) == 0;
    if (first > 0 && !reads_as_larger) return std::to_string(first) + "s";
    const std::string dash = words().dash;
    if (last <= 0) return std::to_string(1 - first) + dash + std::to_string(1 - last) + words().bce;
    return year_words(first) + dash + year_words(last);
}

std::string point_words(const DatePoint& p) {
    std::string s;
    if (p.year_unspecified > 0) {
        s = year_span_words(p.year, p.year_unspecified);
    } else if (p.month >= 21 && p.month <= 24) {
        s = std::string(words().seasons[p.month - 21]) + " " + year_words(p.year);
    } else if (p.month >= 1 && p.month <= 12) {
        s = std::string(words().months[p.month - 1]) + " " + year_words(p.year);
        if (p.day > 0) s = std::to_string(p.day) + " " + s;
    } else {
        s = year_words(p.year);
    }
    if (p.approximate) s = words().circa + s;
    if (p.uncertain) s += words().uncertain;
    return s;
}

}  // namespace

std::string format_date_human(const EdtfDate& d) {
    if (!d.interval) return point_words(d.start);
    if (d.open_end) return point_words(d.start) + words().onwards;
    if (d.open_start) return words().until + point_words(d.end);
    const std::string a = d.has_start() ? point_words(d.start) : words().unknown;
    const std::string b = d.has_end() ? point_words(d.end) : words().unknown;
    auto one_word = [](const std::string& s) {
        return s.find(' ') == std::string::npos && s.find(words().dash) == std::string::npos;
    };
    const bool one_word_each = d.has_start() && d.has_end() && one_word(a) && one_word(b);
    if (one_word_each) return a + words().dash + b;
    return a + " " + words().dash + " " + b;
}

}  // namespace lectern
