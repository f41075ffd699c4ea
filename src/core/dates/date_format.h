// Dates for people: "June 1908", "c. 1945", "1926–1929", for works with no printed label.
//
//   format_date_human(*parse_edtf("1936-08/1937-02"))  // "August 1936 – February 1937"
//
// Rules, so every screen reads the same:
//   - a day is "10 August 1936", a month "June 1908", a season "spring 1926"; an
//     unspecified month or day drops out ("1936-XX" is "1936", "1936-06-XX" "June 1936");
//   - years up to 0 are BCE (astronomical numbering): "0000" is "1 BCE", "-0500" "501 BCE";
//     no thousands separators ("17000");
//   - unspecified digits: "194X" is "1940s", "19XX" "1900s", "1XXX" "1000s"; when that
//     would read like a bigger unit ("190X" is not the whole 1900s) or touches BCE, the
//     span is written out: "190X" is "1900–1909", "-019X" "200–191 BCE";
//   - "~" puts "c. " before the end it qualifies, "?" puts "?" after it, "%" both;
//   - an interval joins its ends with an EN DASH (U+2013): closed when both ends are one
//     word ("1926–1929", "1945?–1950"), spaced when either has a space or is itself a span
//     ("August 1936 – February 1937", "c. 1945 – 1950", "1900–1909 – 1910") so a
//     qualifier visibly belongs to one end;
//   - an open end reads "1940 onwards" / "until 1947"; an unknown end is a spaced "?":
//     "1940 – ?", "? – 1947" (spaced so it never reads as the "?" qualifier).
// The words come from the message catalogue (core/i18n/translate.h, the "date." keys) of the
// interface language: "10 августа 1936" (a month after a day takes its genitive form,
// "date.month_of"), "août 1936", "10. August 1936", "10 de agosto de 1936", "c." becomes
// "vers", "ca.", "ок."; decades "années 1940", "1940er", "década de 1940", "1940-е".
// In languages other than English a span of unspecified hundreds ("19XX") is written
// out ("1900–1999"): their decade words ("années 1900") would name the first decade.
#pragma once

#include <string>
#include <string_view>

#include "core/dates/date.h"

namespace lectern {

// In the interface's current language (core/i18n/translate.h).
std::string format_date_human(const EdtfDate& date);
std::string format_date_human(const EdtfDate& date, std::string_view language);

}  // namespace lectern
