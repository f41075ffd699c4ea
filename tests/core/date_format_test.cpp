// The human date formatter: what a reader sees for a work with no printed date label.
#include <catch2/catch.hpp>

#include "core/dates/date_format.h"
#include "core/i18n/translate.h"

using namespace lectern;

namespace {

struct Case {
    const char* edtf;
    const char* human;
};

#define DASH "\xE2\x80\x93"  // EN DASH, U+2013

const Case kCases[] = {
    // single dates
    {"1908", "1908"},
    {"1908-06", "June 1908"},
    {"1936-08-10", "10 August 1936"},
    {"1936-08-01", "1 August 1936"},
    {"2000-02-29", "29 February 2000"},
    {"1936-XX", "1936"},
    {"1936-06-XX", "June 1936"},
    {"1936-XX-XX", "1936"},
    // every month and season name
    {"1908-01", "January 1908"},
    {"1908-02", "February 1908"},
    {"1908-03", "March 1908"},
    {"1908-04", "April 1908"},
    {"1908-05", "May 1908"},
    {"1908-07", "July 1908"},
    {"1908-08", "August 1908"},
    {"1908-09", "September 1908"},
    {"1908-10", "October 1908"},
    {"1908-11", "November 1908"},
    {"1908-12", "December 1908"},
    {"1926-21", "spring 1926"},
    {"1926-22", "summer 1926"},
    {"1926-23", "autumn 1926"},
    {"1926-24", "winter 1926"},
    // BCE and long years
    {"-0500", "501 BCE"},
    {"0000", "1 BCE"},
    {"0001", "1"},
    {"-0001", "2 BCE"},
    {"Y-12000", "12001 BCE"},
    {"Y17000", "17000"},
    {"-0500-03-15", "15 March 501 BCE"},
    {"-0001-24", "winter 2 BCE"},
    // unspecified digits
    {"194X", "1940s"},
    {"19XX", "1900s"},
    {"1XXX", "1000s"},
    {"001X", "10s"},
    {"190X", "1900" DASH "1909"},
    {"20XX", "2000" DASH "2099"},
    {"000X", "1 BCE" DASH "9"},
    {"-019X", "200" DASH "191 BCE"},
    {"-1XXX", "2000" DASH "1001 BCE"},
    // qualifiers
    {"1945~", "c. 1945"},
    {"1945?", "1945?"},
    {"1945%", "c. 1945?"},
    {"1908-06~", "c. June 1908"},
    {"1936-08-10?", "10 August 1936?"},
    {"194X~", "c. 1940s"},
    {"-0500?", "501 BCE?"},
    // intervals: closed dash between one-word ends, spaced otherwise
    {"1926/1929", "1926" DASH "1929"},
    {"1920/1921", "1920" DASH "1921"},
    {"194X/195X", "1940s" DASH "1950s"},
    {"1945?/1950", "1945?" DASH "1950"},
    {"1908/Y17000", "1908" DASH "17000"},
    {"1936-08/1937-02", "August 1936 " DASH " February 1937"},
    {"1936-08-10/1936-08-12", "10 August 1936 " DASH " 12 August 1936"},
    {"1926-21/1926-23", "spring 1926 " DASH " autumn 1926"},
    {"1945~/1950", "c. 1945 " DASH " 1950"},
    {"1945/1950%", "1945 " DASH " c. 1950?"},
    {"-0500/-0400", "501 BCE " DASH " 401 BCE"},
    {"Y-12000/-0500", "12001 BCE " DASH " 501 BCE"},
    {"190X/1910", "1900" DASH "1909 " DASH " 1910"},
    // open and unknown ends
    {"1940/..", "1940 onwards"},
    {"../1947", "until 1947"},
    {"1940/", "1940 " DASH " ?"},
    {"/1947", "? " DASH " 1947"},
    {"1940~/..", "c. 1940 onwards"},
    {"../1947-11", "until November 1947"},
    {"1936-06/", "June 1936 " DASH " ?"},
    {"/1947?", "? " DASH " 1947?"},
};

}  // namespace

TEST_CASE("date format: each EDTF form reads as a person would write it", "[date-format]") {
    for (const Case& c : kCases) {
        CAPTURE(c.edtf);
        std::string why;
        const auto d = parse_edtf(c.edtf, &why);
        CAPTURE(why);
        REQUIRE(d);
        CHECK(format_date_human(*d) == c.human);
    }
}

TEST_CASE("date format: the interval dash is U+2013 in UTF-8, not a hyphen", "[date-format]") {
    const auto d = parse_edtf("1926/1929");
    REQUIRE(d);
    const std::string s = format_date_human(*d);
    CHECK(s.size() == 4 + 3 + 4);
    CHECK(s.find('-') == std::string::npos);
    CHECK(s.substr(4, 3) == "\xE2\x80\x93");
}

TEST_CASE("date format: the formatter reads the structured ends, not the text", "[date-format]") {
    auto d = parse_edtf("1908-06");
    REQUIRE(d);
    d->text = "something else";
    CHECK(format_date_human(*d) == "June 1908");
    d->start.month = 7;
    d->end = d->start;
    CHECK(format_date_human(*d) == "July 1908");
}

namespace {

struct LanguageCase {
    const char* language;
    const char* edtf;
    const char* human;
};

// Each language's own forms: month after a day (Russian genitive, German "10.", Spanish
// "de"), month and year alone (Russian nominative), seasons, "c.", BCE, open ends, decades.
const LanguageCase kLanguageCases[] = {
    {"fr", "1936-08-10", "10 août 1936"},
    {"fr", "1936-08-01", "1er août 1936"},
    {"fr", "1936-08", "août 1936"},
    {"fr", "1926-21", "printemps 1926"},
    {"fr", "1945~", "vers 1945"},
    {"fr", "-0500", "501 av. J.-C."},
    {"fr", "194X", "années 1940"},
    {"fr", "19XX", "1900" DASH "1999"},
    {"fr", "1940/..", "dès 1940"},
    {"fr", "../1947", "jusqu'à 1947"},
    {"fr", "1936-08/1937-02", "août 1936 " DASH " février 1937"},
    {"de", "1936-08-10", "10. August 1936"},
    {"de", "1936-08", "August 1936"},
    {"de", "1926-23", "Herbst 1926"},
    {"de", "1945~", "ca. 1945"},
    {"de", "-0500-03-15", "15. März 501 v. Chr."},
    {"de", "194X", "1940er"},
    {"de", "194X/195X", "1940er" DASH "1950er"},
    {"de", "1940/..", "ab 1940"},
    {"de", "../1947-11", "bis November 1947"},
    {"es", "1936-08-10", "10 de agosto de 1936"},
    {"es", "1936-08", "agosto de 1936"},
    {"es", "1926-24", "invierno de 1926"},
    {"es", "1945%", "c. 1945?"},
    {"es", "0000", "1 a. C."},
    {"es", "194X", "década de 1940"},
    {"es", "1940/..", "desde 1940"},
    {"es", "../1947", "hasta 1947"},
    {"ru", "1936-08-10", "10 августа 1936"},
    {"ru", "1936-08", "август 1936"},
    {"ru", "1919-02/1936-04", "февраль 1919 " DASH " апрель 1936"},
    {"ru", "1926-22", "лето 1926"},
    {"ru", "1945~", "ок. 1945"},
    {"ru", "-0500", "501 до н. э."},
    {"ru", "-019X", "200" DASH "191 до н. э."},
    {"ru", "194X", "1940-е"},
    {"ru", "1940/..", "1940 и позже"},
    {"ru", "../1947", "1947 и ранее"},
    {"ru", "1926/1929", "1926" DASH "1929"},
    {"en", "1936-08-10", "10 August 1936"},
};

}  // namespace

TEST_CASE("date format: each interface language writes dates its own way", "[date-format][i18n]") {
    for (const LanguageCase& c : kLanguageCases) {
        CAPTURE(c.language, c.edtf);
        const auto d = parse_edtf(c.edtf);
        REQUIRE(d);
        CHECK(format_date_human(*d, c.language) == c.human);
    }
}

TEST_CASE("date format: without a language it follows the interface's", "[date-format][i18n]") {
    const auto d = parse_edtf("1936-08-10");
    REQUIRE(d);
    use_language("ru");
    const std::string ru = format_date_human(*d);
    use_language("en");
    CHECK(ru == "10 августа 1936");
    CHECK(format_date_human(*d) == "10 August 1936");
}
