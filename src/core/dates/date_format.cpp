// The human date formatter: EDTF ends as words, joined by the rules in date_format.h,
// with the words and word orders of the language's message catalogue.
#include "core/dates/date_format.h"

#include "core/i18n/translate.h"

namespace lectern {

namespace {

const char* kDash = "\xE2\x80\x93";  // EN DASH, joins two ends in every language
const char* kUncertain = "?";        // after an uncertain end: "1945?"
const char* kUnknown = "?";          // stands for an unknown end: "1940 – ?"

// One language's words, looked up once per call.
struct Words {
    std::string_view language;
    const char* get(const std::string& key) const { return message(language, key); }
    std::string fill(const char* key, MessageArgs args) const { return fill_message(message(language, key), args); }
};

std::string year_words(const Words& w, std::int64_t year) {
    if (year > 0) return std::to_string(year);
    return w.fill("date.bce", {{"year", std::to_string(1 - year)}});
}

// A span of whole years from unspecified digits: 194X covers 1940..1949.
std::string year_span_words(const Words& w, std::int64_t first, int unspecified) {
    std::int64_t size = 1;
    for (int k = 0; k < unspecified; ++k) size *= 10;
    const std::int64_t last = first + size - 1;
    // "1900s" already means 19XX, so 190X and 20XX spell their span out instead.
    const bool reads_as_larger = first % (size * 10) == 0;
    const bool has_word = unspecified == 1 || w.language == "en";  // see date_format.h
    if (first > 0 && !reads_as_larger && has_word) return w.fill("date.decade", {{"year", std::to_string(first)}});
    if (last <= 0) return w.fill("date.bce", {{"year", std::to_string(1 - first) + kDash + std::to_string(1 - last)}});
    return year_words(w, first) + kDash + year_words(w, last);
}

std::string point_words(const Words& w, const DatePoint& p) {
    std::string s;
    if (p.year_unspecified > 0) {
        s = year_span_words(w, p.year, p.year_unspecified);
    } else if (p.month >= 21 && p.month <= 24) {
        s = w.fill("date.season_year",
                   {{"season", w.get("date.season." + std::to_string(p.month))}, {"year", year_words(w, p.year)}});
    } else if (p.month >= 1 && p.month <= 12) {
        const std::string m = std::to_string(p.month);
        if (p.day > 0)
            s = w.fill("date.day_month_year", {{"day", p.day == 1 ? w.get("date.first_day") : std::to_string(p.day)},
                                               {"month", w.get("date.month_of." + m)},
                                               {"year", year_words(w, p.year)}});
        else s = w.fill("date.month_year", {{"month", w.get("date.month." + m)}, {"year", year_words(w, p.year)}});
    } else {
        s = year_words(w, p.year);
    }
    if (p.approximate) s = w.fill("date.circa", {{"date", s}});
    if (p.uncertain) s += kUncertain;
    return s;
}

}  // namespace

std::string format_date_human(const EdtfDate& d) { return format_date_human(d, current_language()); }

std::string format_date_human(const EdtfDate& d, std::string_view language) {
    const Words w{language};
    if (!d.interval) return point_words(w, d.start);
    if (d.open_end) return w.fill("date.onwards", {{"date", point_words(w, d.start)}});
    if (d.open_start) return w.fill("date.until", {{"date", point_words(w, d.end)}});
    const std::string a = d.has_start() ? point_words(w, d.start) : kUnknown;
    const std::string b = d.has_end() ? point_words(w, d.end) : kUnknown;
    auto one_word = [](const std::string& s) {
        return s.find(' ') == std::string::npos && s.find(kDash) == std::string::npos;
    };
    const bool one_word_each = d.has_start() && d.has_end() && one_word(a) && one_word(b);
    if (one_word_each) return a + kDash + b;
    return a + " " + kDash + " " + b;
}

}  // namespace lectern
