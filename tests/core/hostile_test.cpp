// Hostile input: every case either loads or fails with a message naming where, and nothing
// crashes, hangs or silently drops data. The corpus and its expected outcomes: tests/hostile/README.md.
//
// [SECTION] helpers
// [SECTION] syntax: truncation, UTF-8, surrogates, NUL, BOM
// [SECTION] members: wrong types everywhere, ids, references
// [SECTION] size and depth: nesting, big strings, a million works, undated archives
// [SECTION] dates at the limits
// [SECTION] Markdown bombs, as documents and as work bodies; search over them
// [SECTION] session commands with garbage
// [SECTION] bounded resources: a 5 MB body of one word
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <set>

#include "core/archive/archive.h"
#include "core/text/markdown.h"
#include "core/import/mia_import.h"
#include "core/search/search.h"
#include "core/session/session.h"
#include "core/session/protocol.h"
#include "core/timeline/timeline_items.h"
#include "core/timeline/timeline_layout.h"
#include "../test_files.h"
#include "load_checks.h"
#include "../hostile/markdown_bombs.h"

using namespace lectern;
using nlohmann::json;

// ---- [SECTION] helpers ------------------------------------------------------------------

namespace {

std::size_t error_count(const LoadResult& r) {
    std::size_t n = 0;
    for (const auto& d : r.diagnostics) n += d.severity == Diagnostic::Severity::error;
    return n;
}

// Every message must be short and valid UTF-8: the page and the test hook send them as JSON.
void check_messages_printable(const LoadResult& r) {
    for (const auto& d : r.diagnostics) {
        const std::string s = d.to_string();
        CAPTURE(s.substr(0, 200));
        CHECK_NOTHROW(json(s).dump());
        CHECK(s.size() < 600);
        CHECK(s.find('\n') == std::string::npos);
    }
}

// A syntax error: no member path, a line and column, one diagnostic, printable.
void check_syntax_error(const LoadResult& r, int line, int column, const std::string& fragment) {
    INFO(all_messages(r));
    CHECK_FALSE(r.ok());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].path.empty());
    CHECK(r.diagnostics[0].line == line);
    CHECK(r.diagnostics[0].column == column);
    CHECK(r.diagnostics[0].message().find(fragment) != std::string::npos);
    check_messages_printable(r);
}

std::string with_title(const std::string& raw_title) {
    return R"({"lectern": 1, "title": ")" + raw_title + R"(", "works": []})";
}

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

// An archive with one of everything the format has, every member set: the base of the wrong-type table.
json full_archive() {
    return json::parse(R"({
      "lectern": 1, "title": "T", "subtitle": "S", "publisher": "P", "language": "en",
      "updated": "2007-09-04", "updated_label": "4.9.2007",
      "people": [{"id": "p", "name": "P", "full_name": "F", "born": "1890", "died": "1947-11",
                  "born_place": "B", "died_place": "M", "note": "N"}],
      "pages": [{"id": "pg", "title": "T", "kind": "text", "body": "B", "cite": "C",
                 "links": [{"title": "L", "href": "https://example.org"}]}],
      "events": [{"date": "1917", "title": "E", "people": ["p"], "place": "Pl", "body": "B"}],
      "works": [{"id": "w", "title": "W", "date": "1936-08-10", "date_label": "10 Aug", "kind": "letter",
                 "people": ["p"], "attribution": "author", "attribution_note": "n", "section": "works",
                 "body": "b", "source": "s", "notes": "n", "tags": ["t"]}],
      "eras": [{"title": "E", "date": "1919/1936", "note": "n"}]})");
}

// "/works/0/tags/1" -> "works[0].tags[1]", the loader's member path.
std::string member_path(const json::json_pointer& ptr) {
    std::string path;
    const std::string s = ptr.to_string();
    std::size_t i = 1;
    while (i <= s.size() && !s.empty()) {
        const std::size_t next = s.find('/', i);
        const std::string part = s.substr(i, next == std::string::npos ? std::string::npos : next - i);
        const bool index = !part.empty() && part.find_first_not_of("0123456789") == std::string::npos;
        if (index) path += "[" + part + "]";
        else path += (path.empty() ? "" : ".") + part;
        if (next == std::string::npos) break;
        i = next + 1;
    }
    return path;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Timings go to the report only when asked: LECTERN_HOSTILE_TIMES=1 ./core_tests "[hostile]"
void report_time(const std::string& what, double seconds) {
    if (std::getenv("LECTERN_HOSTILE_TIMES")) std::printf("  %-48s %8.3f s\n", what.c_str(), seconds);
}

// The least of a few runs: the figure least disturbed by a busy machine.
double best_time(int runs, const std::function<void()>& fn) {
    double best = 1e9;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        fn();
        best = std::min(best, seconds_since(t0));
    }
    return best;
}

std::shared_ptr<const Archive> archive_with_body(const std::string& body) {
    auto a = std::make_shared<Archive>();
    Work w;
    w.id = "w";
    w.title = "Bomb";
    w.body = body;
    a->works.push_back(std::move(w));
    return a;
}

}  // namespace

// ---- [SECTION] syntax: truncation, UTF-8, surrogates, NUL, BOM -----------------------------

TEST_CASE("hostile: the bundled archive cut at every byte is a syntax error at the cut", "[hostile]") {
    const std::string whole = bundled_archive();
    const std::size_t end = whole.rfind('}');  // only the final newline follows: cuts after it are whole
    for (std::size_t cut = 0; cut <= end; ++cut) {
        const std::string part = whole.substr(0, cut);
        const LoadResult r = load_archive(part);
        if (r.ok() || r.diagnostics.size() != 1 || !r.diagnostics[0].path.empty()) {
            CAPTURE(cut, part.substr(part.size() > 60 ? part.size() - 60 : 0));
            INFO(all_messages(r));
            FAIL("a truncated archive must give exactly one syntax error");
        }
        // Reported where the text stops (or inside the last token, for a cut number or
        // UTF-8 sequence): the last line, never an earlier place that is fine.
        int last_line = 1;
        for (const char c : part) last_line += c == '\n';
        const Diagnostic& d = r.diagnostics[0];
        if (d.line != last_line || d.column < 1) {
            CAPTURE(cut, d.line, d.column, last_line, d.to_string());
            FAIL("the error is not at the cut");
        }
    }
    SUCCEED("every cut of " << end + 1 << " bytes gave one syntax error at its end");
}

TEST_CASE("hostile: invalid UTF-8, overlong forms and lone surrogates are syntax errors with a position", "[hostile]") {
    struct Case {
        const char* name;
        std::string title;  // raw bytes inside the title's quotes, which start at column 26
        int column;
        const char* fragment;
    };
    const Case cases[] = {
        {"overlong '/' C0 AF", "\xC0\xAF", 26, "ill-formed UTF-8 byte; last read: '\"\\xC0'"},
        {"overlong '/' E0 80 AF", "\xE0\x80\xAF", 27, "ill-formed UTF-8"},
        {"overlong NUL C0 80", "\xC0\x80", 26, "ill-formed UTF-8"},
        {"five-byte F8 88 80 80 80", "\xF8\x88\x80\x80\x80", 26, "ill-formed UTF-8"},
        {"beyond U+10FFFF F4 90 80 80", "\xF4\x90\x80\x80", 27, "ill-formed UTF-8"},
        {"UTF-8 encoded surrogate ED A0 80", "\xED\xA0\x80", 27, "ill-formed UTF-8"},
        {"lone continuation 80", "\x80", 26, "ill-formed UTF-8"},
        {"lone continuation after text", "ab\xBF", 28, "ill-formed UTF-8"},
        {"lead byte then quote", "\xC3", 27, "ill-formed UTF-8"},
        {"lone high surrogate \\ud800", "\\ud800", 32, "surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF"},
        {"lone low surrogate \\udc00", "\\udc00", 31, "surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF"},
        {"high surrogate then text", "\\ud800abc", 32, "surrogate"},
        {"high then high", "\\ud800\\ud800", 37, "surrogate"},
        {"raw control character", "a\x01", 27, "control character U+0001"},
        {"bad escape", "\\q", 27, "invalid string"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        check_syntax_error(load_archive(with_title(c.title)), 1, c.column, c.fragment);
    }
    // A valid pair and the largest code point load.
    const LoadResult pair = load_archive(with_title("\\ud83d\\ude00\xF4\x8F\xBF\xBF"));
    REQUIRE(pair.ok());
    CHECK(pair.archive->title == "\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF");
}

TEST_CASE("hostile: raw NUL bytes are errors wherever they are, the escaped NUL loads whole", "[hostile]") {
    const std::string valid = with_title("T");
    struct Case {
        const char* name;
        std::string text;
        int line, column;
    };
    const Case cases[] = {
        {"inside a string", with_title(std::string("a\0b", 3)), 1, 27},
        {"between members", std::string("{\"lectern\": 1,\n\0 \"title\": \"T\", \"works\": []}", 43), 2, 1},
        // nlohmann takes a NUL for the end of input: without the loader's check this loaded
        // and silently dropped whatever followed.
        {"after the document", valid + std::string("\0{\"more\": 1}", 12), 1, static_cast<int>(valid.size()) + 1},
        {"alone", std::string(1, '\0'), 1, 1},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        check_syntax_error(load_archive(c.text), c.line, c.column, "NUL byte");
    }
    // Escaped, a NUL is an ordinary character: the title keeps all its bytes.
    const LoadResult r = load_archive(with_title("a\\u0000b\\u0000"));
    REQUIRE(r.ok());
    CHECK(r.archive->title.size() == 4);
    CHECK(r.archive->title == std::string("a\0b\0", 4));
    // ...and as a body, Markdown shows it as U+FFFD and search reads past it.
    const LoadResult body = load_archive(
        R"({"lectern": 1, "title": "T", "works": [{"id": "a", "title": "A", "date": null, "body": "x\u0000kronstadt"}]})");
    REQUIRE(body.ok());
    CHECK(body.archive->works[0].body->size() == 11);
    CHECK(md::parse(*body.archive->works[0].body).text == "x\xEF\xBF\xBDkronstadt");
    CHECK(build_search_index(body.archive).search("kronstadt").size() == 1);
}

TEST_CASE("hostile: a UTF-8 byte order mark is accepted at the very start only", "[hostile]") {
    // Decision (RFC 8259 §8.1 lets parsers ignore it; editors on Windows write it): accept.
    const LoadResult bom = load_archive("\xEF\xBB\xBF" + with_title("T"));
    INFO(all_messages(bom));
    REQUIRE(bom.ok());
    CHECK(bom.archive->title == "T");
    CHECK(bom.diagnostics.empty());
    // Anywhere else it is a stray character, reported with its place.
    check_syntax_error(load_archive(" \xEF\xBB\xBF" + with_title("T")), 1, 2, "invalid literal");
    check_syntax_error(load_archive("\xEF\xBB\xBF\xEF\xBB\xBF" + with_title("T")), 1, 2, "invalid literal");
    // UTF-16 is not UTF-8: its BOM is the first thing reported.
    check_syntax_error(load_archive("\xFF\xFE{\0}\0"), 1, 1, "invalid literal");
    check_syntax_error(load_archive(""), 1, 1, "unexpected end of input");
    check_syntax_error(load_archive("  \n\t "), 2, 3, "unexpected end of input");
}

// ---- [SECTION] members: wrong types everywhere, ids, references ------------------------------

TEST_CASE("hostile: a wrong-typed value anywhere names exactly that member", "[hostile]") {
    const json base = full_archive();
    {
        const LoadResult r = load_archive(base.dump());
        INFO(all_messages(r));
        REQUIRE(r.ok());
        REQUIRE(r.diagnostics.empty());
    }
    const json candidates[] = {json(42),      json(-1.5),     json(true),   json("str"),
                               json::array(), json::object(), json(nullptr)};
    // Strings with rules of their own: any other string there is wrong too, named at the same path.
    const std::set<std::string> constrained = {
        "updated",       "people[0].born",       "people[0].died",     "events[0].date",     "eras[0].date",
        "works[0].date", "works[0].attribution", "works[0].people[0]", "events[0].people[0]"};
    // What each member accepts, so the table knows which candidates are wrong.
    const auto accepts = [&](const std::string& path, const json& was, const json& v) {
        if (v.is_null()) return path == "works[0].body" || path == "works[0].date";
        if (v.is_string()) return was.is_string() && !constrained.count(path);
        return v.type() == was.type();  // the same type: not a wrong type (the version's value: its own test)
    };
    std::size_t cases = 0;
    const json flat = base.flatten();
    std::set<std::string> pointers;
    for (auto it = flat.begin(); it != flat.end(); ++it) {
        // Every member and element on the way to each leaf: "/works", "/works/0", "/works/0/tags", ...
        const std::string leaf = it.key();
        for (std::size_t slash = 1; slash != std::string::npos; slash = leaf.find('/', slash + 1))
            pointers.insert(leaf.substr(
                0, leaf.find('/', slash + 1) == std::string::npos ? leaf.size() : leaf.find('/', slash + 1)));
    }
    for (const std::string& pointer : pointers) {
        const json::json_pointer ptr(pointer);
        const std::string path = member_path(ptr);
        for (const json& v : candidates) {
            if (accepts(path, base.at(ptr), v)) continue;
            json mutated = base;
            mutated[ptr] = v;
            const LoadResult r = load_archive(mutated.dump());
            CAPTURE(path, v.dump());
            INFO(all_messages(r));
            ++cases;
            CHECK_FALSE(r.ok());
            CHECK(has_error(r, path));
            // Only that member is wrong. A person's id that is not a string also leaves the
            // references to "p" unresolved, which is reported where they are.
            for (const auto& d : r.diagnostics) {
                if (d.severity != Diagnostic::Severity::error || d.path == path) continue;
                const bool reference = path == "people[0].id" || path == "people[0]" || path == "people";
                CHECK(
                    (reference && d.path.find("people[0]") != std::string::npos && d.message().find("no person") == 0));
            }
            check_messages_printable(r);
        }
    }
    CHECK(cases > 200);
}

TEST_CASE("hostile: the format version must be exactly the integer 1", "[hostile]") {
    struct Case {
        const char* value;
        const char* message;
    };
    const Case cases[] = {
        {"1.0", "expected the integer 1, found a number"},
        {"2", "unknown format version 2 "},
        {"-1", "unknown format version -1 "},
        // Larger than any signed integer: the message must not wrap it around to -1.
        {"18446744073709551615", "unknown format version 18446744073709551615 "},
        {"1e400", "number overflow"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.value);
        const LoadResult r = load_archive(std::string(R"({"title": "T", "works": [], "lectern": )") + c.value + "}");
        INFO(all_messages(r));
        CHECK_FALSE(r.ok());
        CHECK(all_messages(r).find(c.message) != std::string::npos);
    }
}

TEST_CASE("hostile: duplicate and colliding ids, missing people, a person naming itself", "[hostile]") {
    const LoadResult dup = load_archive(R"({"lectern": 1, "title": "T",
      "people": [{"id": "p", "name": "P"}, {"id": "p", "name": "P again"}],
      "pages": [{"id": "x", "body": ""}, {"id": "x", "body": ""}],
      "works": [{"id": "a", "title": "A", "date": null}, {"id": "a", "title": "A", "date": null},
                {"id": "A", "title": "Upper", "date": null}]})");
    INFO(all_messages(dup));
    CHECK_FALSE(dup.ok());
    CHECK(has_error(dup, "people[1].id", "duplicate person id 'p'"));
    CHECK(has_error(dup, "pages[1].id", "duplicate page id 'x'"));
    CHECK(has_error(dup, "works[1].id", "duplicate work id 'a'"));
    // "A" and "a" never collide: upper case is not an id at all.
    CHECK(has_error(dup, "works[2].id", "'A' may use only a-z, 0-9 and '-'"));
    CHECK(error_count(dup) == 4);

    // Works, pages and people have separate id spaces: the same id in each is fine.
    const LoadResult shared = load_archive(R"({"lectern": 1, "title": "T", "people": [{"id": "a", "name": "P"}],
      "pages": [{"id": "a", "body": ""}], "works": [{"id": "a", "title": "A", "date": null, "people": ["a"]}]})");
    INFO(all_messages(shared));
    CHECK(shared.ok());

    // People do not reference people; a note may name its own person, and lists may name nobody.
    const LoadResult refs = load_archive(R"({"lectern": 1, "title": "T",
      "people": [{"id": "p", "name": "P", "note": "See p; see [p](#p); p p p."}],
      "events": [{"date": "1917", "title": "E", "people": ["p", "ghost", "", "p"]}],
      "works": [{"id": "a", "title": "A", "date": null, "people": ["ghost", "P"]}]})");
    INFO(all_messages(refs));
    CHECK_FALSE(refs.ok());
    CHECK(has_error(refs, "events[0].people[1]", "no person with id 'ghost'"));
    CHECK(has_error(refs, "events[0].people[2]", "no person with id ''"));
    CHECK(has_error(refs, "works[0].people[0]", "no person with id 'ghost'"));
    CHECK(has_error(refs, "works[0].people[1]", "no person with id 'P'"));
    CHECK(error_count(refs) == 4);
    const LoadResult self = load_archive(R"({"lectern": 1, "title": "T",
      "people": [{"id": "p", "name": "P", "note": "p"}], "events": [{"date": "1917", "title": "E", "people": ["p", "p"]}],
      "works": [{"id": "a", "title": "A", "date": null, "people": ["p", "p"]}]})");
    REQUIRE(self.ok());
    Session s;
    REQUIRE(s.load(R"({"lectern": 1, "title": "T",
      "people": [{"id": "p", "name": "P", "note": "p"}], "events": [{"date": "1917", "title": "E", "people": ["p", "p"]}],
      "works": [{"id": "a", "title": "A", "date": null, "people": ["p", "p"]}]})")
                .ok());
    s.search("p");
    REQUIRE(s.results().size() == 1);  // names and notes are searched, references are not
    CHECK(s.results()[0].ref == "person:p");
}

TEST_CASE("hostile: quoted input in messages is cut short and made printable", "[hostile]") {
    const std::string huge_id(100'000, 'x');
    const LoadResult r = load_archive(R"({"lectern": 1, "title": "T", "people": [{"id": ")" + huge_id +
                                      R"(", "name": "P"}, {"id": ")" + huge_id + R"(", "name": "P"}],
      "works": [{"id": "ID)" + huge_id +
                                      R"(", "title": "A", "date": ")" + huge_id + R"(",
                 "people": ["y)" + huge_id +
                                      R"("], "attribution": ")" + huge_id + R"("}],
      "bad\nkey\u0000)" + huge_id + R"(": 1})");
    INFO(all_messages(r).substr(0, 2000));
    CHECK_FALSE(r.ok());
    CHECK(has_error(r, "people[1].id", "duplicate person id 'xxxx"));
    CHECK(has_error(r, "works[0].id", "may use only"));
    CHECK(has_error(r, "works[0].date", "invalid date 'xxx"));
    CHECK(has_error(r, "works[0].people[0]", "no person"));
    CHECK(has_error(r, "works[0].attribution", "is not author"));
    REQUIRE(r.diagnostics.front().severity == Diagnostic::Severity::warning);  // the top level's members come first
    CHECK(r.diagnostics.front().path.rfind("bad\\u000Akey\\u0000xxx", 0) == 0);
    check_messages_printable(r);
    // A date's reason may quote one byte of a multi-byte character: still valid UTF-8.
    const LoadResult accent =
        load_archive(R"({"lectern": 1, "title": "T", "works": [{"id": "a", "title": "A", "date": "1936é"}]})");
    CHECK(has_error(accent, "works[0].date", "unexpected '\\xC3' after the year"));
    check_messages_printable(accent);
    // An unterminated 10 MB string: the parser's excerpt is cut.
    const LoadResult open = load_archive(R"({"lectern": 1, "title": ")" + std::string(10'000'000, 'y'));
    CHECK_FALSE(open.ok());
    check_messages_printable(open);
}

// ---- [SECTION] size and depth: nesting, big strings, a million works, undated archives --------

TEST_CASE("hostile: 100,000 levels of nesting load with a warning, also inside a work", "[hostile]") {
    const std::size_t depth = 100'000;
    const std::string arrays = std::string(depth, '[') + std::string(depth, ']');
    const std::string objects = repeat("{\"a\":", depth) + "null" + std::string(depth, '}');
    const std::string mixed = repeat("[{\"a\":", depth / 2) + "1" + repeat("}]", depth / 2);
    for (const std::string* deep : {&arrays, &objects, &mixed}) {
        CAPTURE(deep->substr(0, 10));
        const LoadResult top = load_archive(R"({"lectern": 1, "title": "T", "works": [], "x": )" + *deep + "}");
        INFO(all_messages(top));
        CHECK(top.ok());
        REQUIRE(top.diagnostics.size() == 1);
        CHECK(top.diagnostics[0].path == "x");
        const LoadResult in_work = load_archive(
            R"({"lectern": 1, "title": "T", "works": [{"id": "a", "title": "A", "date": null, "x": )" + *deep + "}]}");
        CHECK(in_work.ok());
        CHECK(in_work.diagnostics.size() == 1);
        // In a known member it is the wrong type, named as such.
        const LoadResult as_title = load_archive(R"({"lectern": 1, "title": )" + *deep + R"(, "works": []})");
        CHECK(has_error(as_title, "title", "expected a string"));
        const LoadResult as_tags =
            load_archive(R"({"lectern": 1, "title": "T", "works": [{"id": "a", "title": "A", "date": null, "tags": )" +
                         *deep + "}]}");
        CHECK_FALSE(as_tags.ok());
        // Unclosed: a syntax error at the end, not a stack overflow.
        const std::string open =
            R"({"lectern": 1, "title": "T", "works": [], "x": )" + deep->substr(0, deep->size() / 2);
        const LoadResult unclosed = load_archive(open);
        CHECK_FALSE(unclosed.ok());
        CHECK(unclosed.diagnostics.at(0).line == 1);
        // And as a session command.
        Session s;
        CHECK(json::parse(protocol::command(s, R"({"open": )" + *deep + "}"))["ok"] == false);
        CHECK(json::parse(protocol::command(s, *deep))["ok"] == false);
    }
}

TEST_CASE("hostile: all works undated load, and the timeline has no works", "[hostile]") {
    std::string text = R"({"lectern": 1, "title": "Undated", "works": [)";
    for (int i = 0; i < 1000; ++i)
        text += std::string(i ? "," : "") + R"({"id": "w)" + std::to_string(i) + R"(", "title": "W", "date": null})";
    text += "]}";
    Session s;
    const LoadResult r = s.load(text);
    REQUIRE(r.ok());
    CHECK(s.items().works.empty());
    CHECK(s.items().undated == 1000);
    CHECK(s.items().empty());
    std::size_t work_items = 0;
    for (const Lane& lane : s.timeline().lanes)
        if (lane.kind == Lane::Kind::works) work_items += lane.items.size();
    CHECK(work_items == 0);
    CHECK(std::isfinite(s.view().start));
    CHECK(s.view().start < s.view().end);
    TimelineFrame frame;
    layout_timeline(
        s.timeline(), {s.view().start, s.view().end, 0, 1000}, {}, [](int, int) { return 10.f; }, frame);
    CHECK(frame.visible_items() == 0);
    s.set_filter([] {
        SearchFilter f;
        f.year_from = 1900;
        return f;
    }());
    CHECK(s.results().empty());
    s.search("w");
    CHECK(s.results().empty());  // "w" is the title; undated works fail the year filter
}

TEST_CASE("hostile: a 50 MB title and a million works at the same instant", "[hostile][large]") {
    {
        const std::string big = R"({"lectern": 1, "title": ")" + std::string(50'000'000, 'x') + R"(", "works": []})";
        const auto t0 = std::chrono::steady_clock::now();
        const LoadResult r = load_archive(big);
        report_time("load a 50 MB title", seconds_since(t0));
        REQUIRE(r.ok());
        CHECK(r.archive->title.size() == 50'000'000);
    }
    std::string many = R"({"lectern": 1, "title": "Many", "works": [)";
    many.reserve(70'000'000);
    for (int i = 0; i < 1'000'000; ++i) {
        if (i) many += ',';
        many += R"({"id": "w)" + std::to_string(i) + R"(", "title": "Work", "kind": "letter", "date": "1936-08-10"})";
    }
    many += "]}";
    auto t0 = std::chrono::steady_clock::now();
    const LoadResult r = load_archive(many);
    report_time("load 1,000,000 works, one date", seconds_since(t0));
    REQUIRE(r.ok());
    std::string().swap(many);
    CHECK(r.archive->works.size() == 1'000'000);
    t0 = std::chrono::steady_clock::now();
    const TimelineItems items = build_timeline_items(*r.archive);
    const TimelineModel model = build_timeline_model(*r.archive);
    report_time("timeline items and model, 1,000,000 works", seconds_since(t0));
    CHECK(items.works.size() == 1'000'000);
    // Every work in one pixel: one cluster (per lane), not a million marks.
    t0 = std::chrono::steady_clock::now();
    TimelineFrame frame;
    const double day = day_to_year(days_from_civil(1936, 8, 10));
    layout_timeline(
        model, {day - 10, day + 10, 0, 1200}, {}, [](int, int) { return 40.f; }, frame);
    report_time("lay out one frame, 1,000,000 works in a pixel", seconds_since(t0));
    CHECK(frame.visible_items() == 1'000'000);
    CHECK(frame.marks.size() < 100);
    // Zoomed in to the day itself: still bounded.
    layout_timeline(
        model, {day, day + 1.0 / 365.0, 0, 1200}, {}, [](int, int) { return 40.f; }, frame);
    CHECK(frame.marks.size() < 100);
    t0 = std::chrono::steady_clock::now();
    const SearchIndex index = build_search_index(r.archive);
    const auto hits = index.search("work", {}, 50);
    report_time("index and search 1,000,000 works", seconds_since(t0));
    CHECK(hits.size() == 50);
}

// ---- [SECTION] dates at the limits ------------------------------------------------------------

TEST_CASE("hostile: dates at the limits load or fail with a clear reason", "[hostile]") {
    struct Case {
        const char* edtf;
        const char* error;  // nullptr: valid
        const char* first_day;
    };
    const Case cases[] = {
        {"Y-100000", nullptr, "-100000-01-01"},
        {"Y100000", nullptr, "+100000-01-01"},
        {"0000", nullptr, "0000-01-01"},  // 1 BCE
        // -1 is 2 BCE. Proleptic Gregorian with year 0: leap years are divisible by 4, so
        // -1 is common (no 29 February) and -4 (5 BCE) is leap.
        {"-0001-02-29", "29 February", nullptr},
        {"-0004-02-29", nullptr, "-0004-02-29"},
        {"-0100-02-29", "29 February", nullptr},  // divisible by 100, not by 400
        {"-0400-02-29", nullptr, "-0400-02-29"},
        {"Y999999999", nullptr, "+999999999-01-01"},
        {"Y-999999999", nullptr, "-999999999-01-01"},
        {"Y-999999999/Y999999999", nullptr, "-999999999-01-01"},
        {"Y9999999999", "year too large", nullptr},
        {"Y-9999999999", "year too large", nullptr},
        {"Y99999999999999999999999999", "year too large", nullptr},
        {"-0000", "'-0000' is not a year", nullptr},
        {"-0000/0000", "'-0000' is not a year", nullptr},
    };
    for (const Case& c : cases) {
        CAPTURE(c.edtf);
        const LoadResult r =
            load_archive(std::string(R"({"lectern": 1, "title": "T", "works": [{"id": "a", "title": "A", "date": ")") +
                         c.edtf + R"("}], "people": [{"id": "p", "name": "P", "born": ")" + c.edtf + R"("}]})");
        INFO(all_messages(r));
        if (c.error) {
            CHECK(has_error(r, "works[0].date", std::string("invalid date '") + c.edtf + "': " + c.error));
            CHECK(has_error(r, "people[0].born", c.error));
            continue;
        }
        REQUIRE(r.ok());
        CHECK(format_iso_day(r.archive->works[0].date->earliest_day) == c.first_day);
        CHECK_FALSE(shown_date(r.archive->works[0]).empty());
        // The viewer copes: a session fits a view (its window is clamped), and a frame lays out.
        Session s;
        REQUIRE(s.load(std::string(R"({"lectern": 1, "title": "T", "works": [{"id": "a", "title": "A", "date": ")") +
                       c.edtf + R"("}, {"id": "b", "title": "B", "date": "1936"}]})")
                    .ok());
        CHECK(std::isfinite(s.view().start));
        CHECK(s.view().start < s.view().end);
        CHECK_NOTHROW(json::parse(protocol::state_json(s)));
        const double at = day_to_year(r.archive->works[0].date->earliest_day);
        for (const double width : {1.0, 1e4, 1e9}) {
            TimelineFrame frame;
            CHECK_NOTHROW(layout_timeline(
                s.timeline(), {at - width, at + width, 0, 1000}, {}, [](int, int) { return 10.f; }, frame));
            std::vector<AxisTick> ticks;
            axis_ticks(
                {at - width, at + width, 0, 1000},
                [](std::string_view t) { return 8.f * static_cast<float>(t.size()); }, 8.f, ticks);
            CHECK(ticks.size() < 200);
        }
    }
}

// ---- [SECTION] Markdown bombs, as documents and as work bodies; search over them -----------------

TEST_CASE("hostile: Markdown bombs parse flat and bounded, load as bodies, and search finishes", "[hostile]") {
    for (const MarkdownBomb& c : markdown_bombs()) {
        CAPTURE(c.name, c.text.size());
        auto t0 = std::chrono::steady_clock::now();
        const md::Document d = md::parse(c.text);
        const double parse_s = seconds_since(t0);
        // The model never holds much more than the source.
        CHECK(d.text.size() <= c.text.size() * 2 + 16);
        CHECK(d.spans.size() <= c.text.size() + 1);
        CHECK(d.blocks.size() <= c.text.size() + 1);
        for (const md::Block& b : d.blocks) {
            CHECK(b.quote_depth <= md::kMaxDepth);
            CHECK(b.list_depth <= md::kMaxDepth);
            CHECK(b.span_begin <= b.span_end);
            CHECK(b.span_end <= d.spans.size());
        }
        for (const md::Span& s : d.spans) CHECK(s.end <= d.text.size());

        // The same text as a work body, through the loader, the index and a few queries.
        const json archive = {{"lectern", 1},
                              {"title", "T"},
                              {"works", {{{"id", "bomb"}, {"title", "Bomb"}, {"date", "1936"}, {"body", c.text}}}}};
        t0 = std::chrono::steady_clock::now();
        const LoadResult r = load_archive(archive.dump());
        const double load_s = seconds_since(t0);
        REQUIRE(r.ok());
        CHECK(r.archive->works[0].body->size() == c.text.size());
        t0 = std::chrono::steady_clock::now();
        const SearchIndex index = build_search_index(r.archive);
        const double build_s = seconds_since(t0);
        t0 = std::chrono::steady_clock::now();
        for (const char* q : {"a", "deep", "w", "\"a a a\"", "bomb", "*", "[", "x y z"}) {
            const auto hits = index.search(q);
            CHECK(hits.size() <= 1);
            for (const auto& h : hits)
                for (const auto& [b, e] : h.snippet_highlights) CHECK(b <= e);
        }
        report_time(std::string(c.name) + ": parse / load / index / 8 queries", parse_s);
        report_time("", load_s);
        report_time("", build_s);
        report_time("", seconds_since(t0));
    }
}

TEST_CASE("hostile: the MIA importer refuses hostile pages with a line, never crashes", "[hostile]") {
    const std::string pages[] = {
        "",
        std::string("\0\0\0", 3),
        "\xC0\xAF\xFF\xFE\n\n\n",
        std::string(1'000'000, 'x'),
        repeat("Works:\n\n", 10'000),
        "Marxist Writers: X\n\nMIA\n\nX, 1890-1947\n\nWorks:\n\n" + repeat("Y9999999999\n\nTitle\n\n", 1000),
    };
    for (const std::string& page : pages) {
        CAPTURE(page.substr(0, 40), page.size());
        const ImportResult r = import_mia_index(page, "[[[[");
        CHECK_FALSE(r.archive);
        CHECK_FALSE(r.problems.empty());
    }
    for (const char* label : {"", "Y9999999999", "32 February 1936", "1936-1935", "99999999999999999999", "June -1"}) {
        CAPTURE(label);
        std::string why;
        CHECK_NOTHROW(mia_date_to_edtf(label, &why));
    }
}

// ---- [SECTION] session commands with garbage --------------------------------------------------

TEST_CASE("hostile: garbage commands are refused and change nothing", "[hostile]") {
    Session s;
    REQUIRE(s.load(bundled_archive()).ok());
    REQUIRE(s.open("1938-04-28-once-more-kronstadt"));
    REQUIRE(s.set_view(1930, 1940));
    const std::string before = protocol::state_json(s);
    const std::string huge_id(100'000, 'x');
    const std::string commands[] = {
        "",
        "not json",
        "{",
        "\xC0\xAF",
        std::string("{\"open\": \"a\0\"}", 14),
        "[]",
        "[{\"open\": \"1936-08-10-letter-to-trotsky\"}]",
        "\"open\"",
        "42",
        "null",
        "{}",
        R"({"open": "1936-08-10-letter-to-trotsky", "fit": true})",
        R"({"fly": 1})",
        json{{"open", huge_id}}.dump(),
        json{{huge_id, 1}}.dump(),
        R"({"open": 5})",
        R"({"open": ["1936-08-10-letter-to-trotsky"]})",
        R"({"open": "\u0000"})",
        R"({"view": {"start": 1e308, "end": -1e308}})",
        R"({"view": {"start": -1e308, "end": 1e308}})",
        R"({"view": {"start": 1936, "end": 1936}})",
        R"({"view": {"start": "1930", "end": "1940"}})",
        R"({"view": {"start": 1930}})",
        R"({"view": [1930, 1940]})",
        R"({"view": {"start": 18446744073709551615, "end": -9223372036854775808}})",
        R"({"load": 5})",
        R"({"load": null})",
        R"({"load": "{bad json"})",
        R"({"load": "[]"})",
        R"({"load": "{\"lectern\": 1, \"title\": \"T\", \"works\": []}\u0000garbage"})",
        R"({"load": "{\"lectern\": 1, \"title\": \"T\", \"works\": [{\"id\": \"a\", \"title\": 5, \"date\": null}]}"})",
        R"({"filter": 5})",
        R"({"filter": {"kinds": "letter"}})",
        R"({"filter": {"kinds": [5]}})",
        R"({"filter": {"years": [1930]}})",
        R"({"filter": {"years": [1940, 1930]}})",
        R"({"filter": {"years": [1e300, 1e301]}})",
        R"({"filter": {"attribution": 5}})",
        R"({"search": 5})",
        R"({"search": null})",
        R"({"export": "pdf"})",
        R"({"export": 5})",
        R"({"copy": "everything"})",
        R"({"link": 5})",
    };
    for (const std::string& c : commands) {
        CAPTURE(c.substr(0, 120));
        const std::string reply = protocol::command(s, c);
        json parsed;
        REQUIRE_NOTHROW(parsed = json::parse(reply));
        CHECK(parsed["ok"] == false);
        CHECK(parsed["error"].is_string());
        CHECK(protocol::state_json(s) == before);
        CHECK(s.take_outgoing().empty());
    }
}

// protocol::command catches json::parse_error only; a number too large for a double is thrown
// by nlohmann as out_of_range (406), which escapes command() and would end the program.
TEST_CASE("hostile: a command with a number too large for a double is refused", "[hostile]") {
    Session s;
    REQUIRE(s.load(bundled_archive()).ok());
    const std::string before = protocol::state_json(s);
    for (const char* c : {R"({"view": {"start": 1e400, "end": 2e400}})", R"({"open": -1e999})", "1e400"}) {
        CAPTURE(c);
        std::string reply;
        REQUIRE_NOTHROW(reply = protocol::command(s, c));
        CHECK(json::parse(reply)["ok"] == false);
        CHECK(protocol::state_json(s) == before);
    }
}

TEST_CASE("hostile: a filter year beyond int range is refused, not wrapped around", "[hostile]") {
    Session s;
    REQUIRE(s.load(bundled_archive()).ok());
    const std::string before = protocol::state_json(s);
    // 4294969232 is 1936 + 2^32: cast to int it would read as the year 1936.
    const json reply = json::parse(protocol::command(s, R"({"filter": {"years": [4294969232, 4294969232]}})"));
    CHECK((reply["ok"] == false || s.results().empty()));
    if (reply["ok"] == false) CHECK(protocol::state_json(s) == before);
}

// ---- [SECTION] bounded resources: a 5 MB body of one word ----------------------------------------

TEST_CASE("hostile: 5 MB of one repeated word costs about what 5 MB of varied text does", "[hostile][large]") {
    const std::size_t size = 5'000'000;
    std::string same = repeat("kronstadt ", size / 10);
    std::string varied;
    varied.reserve(size);
    std::uint32_t x = 12345;
    while (varied.size() < size) {  // words of 2..11 letters from a small generator: many distinct words
        x = x * 1103515245u + 12345u;
        const std::size_t len = 2 + (x >> 16) % 10;
        for (std::size_t i = 0; i < len; ++i) {
            x = x * 1103515245u + 12345u;
            varied += static_cast<char>('a' + (x >> 16) % 26);
        }
        varied += (x >> 8) % 13 == 0 ? "\n\n" : " ";
    }
    same.resize(size);
    varied.resize(size);
    const auto same_archive = archive_with_body(same), varied_archive = archive_with_body(varied);
    const auto small_archive = archive_with_body(same.substr(0, size / 10));

    const double index_same = best_time(3, [&] { CHECK(build_search_index(same_archive).words() >= 1); });
    const double index_varied = best_time(3, [&] { CHECK(build_search_index(varied_archive).words() > 1000); });
    const double index_small = best_time(3, [&] { CHECK(build_search_index(small_archive).words() >= 1); });
    const double md_same = best_time(3, [&] { CHECK(md::parse(same).text.size() >= size - 16); });
    const double md_varied = best_time(3, [&] { CHECK(md::parse(varied).text.size() > size / 2); });
    const double md_small = best_time(3, [&] { CHECK(md::parse(same.substr(0, size / 10)).text.size() > 0); });
    const double query_same =
        best_time(3, [&] { CHECK(build_search_index(same_archive).search("kronstadt").size() == 1); });
    report_time("index 5 MB of one word", index_same);
    report_time("index 5 MB of varied words", index_varied);
    report_time("index 0.5 MB of one word", index_small);
    report_time("markdown 5 MB of one word", md_same);
    report_time("markdown 5 MB of varied words", md_varied);
    report_time("markdown 0.5 MB of one word", md_small);
    report_time("index + query 'kronstadt' over 5 MB of it", query_same);
    CAPTURE(index_same, index_varied, index_small, md_same, md_varied, md_small);
    // Generous bounds with a floor for timer noise: these catch quadratic behaviour, not slowness.
    CHECK(index_same <= 5 * index_varied + 0.05);
    CHECK(md_same <= 5 * md_varied + 0.05);
    CHECK(index_same <= 40 * index_small + 0.05);
    CHECK(md_same <= 40 * md_small + 0.05);
}
