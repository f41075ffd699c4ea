// The archive loader: the bundled archive loads whole; bad input names what is wrong and where.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <functional>

#include "core/archive/archive.h"
#include "../test_files.h"
#include "load_checks.h"

using namespace lectern;

namespace {

const char* kMinimal = R"({"lectern": 1, "title": "T", "works": [
  {"id": "a", "title": "A", "date": "1908-06"},
  {"id": "b", "title": "B", "date": null}
]})";

}  // namespace

TEST_CASE("archive: the bundled Serge archive loads with all its parts", "[archive]") {
    const LoadResult r = load_archive(bundled_archive());
    INFO(all_messages(r));
    REQUIRE(r.ok());
    CHECK(r.diagnostics.empty());
    const Archive& a = *r.archive;
    CHECK(a.title == "Victor Serge");
    CHECK(a.works.size() == 37);
    CHECK(a.people.size() == 2);
    CHECK(a.find_page("epigraph")->cite == "From Lenin to Stalin, 1937");
    const Work* appendix = a.find_work("1938-09-on-their-morals-and-ours");
    REQUIRE(appendix);
    CHECK(appendix->attribution == "disputed");
    CHECK(appendix->section == "appendix");
    const Work* flame = a.find_work("1920-flame-on-the-snow-prose");
    REQUIRE(flame);
    CHECK(flame->date_label == "1920/21");
    CHECK(flame->date->earliest_day == days_from_civil(1920, 1, 1));
    CHECK(flame->date->latest_day == days_from_civil(1921, 12, 31));
}

TEST_CASE("archive: every line of the seed page survives into the bundled archive", "[archive]") {
    const auto j = nlohmann::json::parse(bundled_archive());
    std::vector<std::string> strings;
    std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& v) {
        if (v.is_string()) strings.push_back(v.get<std::string>());
        if (v.is_structured())  // iterating a primitive would visit the value itself
            for (const auto& child : v) walk(child);
    };
    walk(j);
    const auto& serge = j["people"][0];
    const auto epigraph = j["pages"][0];
    // Lines the archive holds in structured form, and the expression that rebuilds them.
    const std::map<std::string, std::string> derived = {
        {"Marxist Writers: Victor Serge", j["subtitle"].get<std::string>() + ": " + j["title"].get<std::string>()},
        {"1890-1947", serge["born"].get<std::string>() + "-" + serge["died"].get<std::string>().substr(0, 4)},
        {"Works:", "Works:"},  // the section name "works" and the reader's "Works" heading
        {"Updated on 4.9.2007", "Updated on " + j["updated_label"].get<std::string>()},
        {epigraph["body"].get<std::string>() + " – From Lenin to Stalin, 1937.",
         epigraph["body"].get<std::string>() + " – " + epigraph["cite"].get<std::string>() + "."},
    };
    CHECK(j["works"][0]["section"] == "works");

    std::istringstream seed(read_file(LECTERN_SEED));
    std::string line;
    int checked = 0;
    while (std::getline(seed, line)) {
        // Trim ASCII and no-break spaces at both ends, as the page shows them.
        auto trim = [](std::string s) {
            const std::string nbsp = "\xC2\xA0";
            bool changed = true;
            while (changed) {
                changed = false;
                while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back(), changed = true;
                while (!s.empty() && s.front() == ' ') s.erase(0, 1), changed = true;
                if (s.size() >= 2 && s.compare(s.size() - 2, 2, nbsp) == 0) s.resize(s.size() - 2), changed = true;
                if (s.rfind(nbsp, 0) == 0) s.erase(0, 2), changed = true;
            }
            return s;
        };
        line = trim(line);
        if (line.empty()) continue;
        ++checked;
        CAPTURE(line);
        const auto d = derived.find(line);
        if (d != derived.end()) {
            CHECK(d->second == line);
            continue;
        }
        bool found = false;
        for (const auto& s : strings) found = found || s.find(line) != std::string::npos;
        CHECK(found);
    }
    CHECK(checked > 90);
}

TEST_CASE("archive: a syntax error gives line and column", "[archive]") {
    const LoadResult r = load_archive("{\n  \"lectern\": 1,\n  \"title\": oops\n}");
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 3);
    CHECK(r.diagnostics[0].column == 12);
    CHECK(r.first_error().rfind("line 3, column 12: syntax error", 0) == 0);

    const LoadResult bad = load_archive("{bad json");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.diagnostics[0].line == 1);
    CHECK(bad.diagnostics[0].column == 2);
}

TEST_CASE("archive: a truncated file and invalid UTF-8 are syntax errors, not crashes", "[archive]") {
    const std::string whole = bundled_archive();
    for (std::size_t cut : {std::size_t(0), std::size_t(1), whole.size() / 3, whole.size() - 2}) {
        CAPTURE(cut);
        const LoadResult r = load_archive(whole.substr(0, cut));
        CHECK_FALSE(r.ok());
        CHECK(r.diagnostics.at(0).line >= 1);
    }
    const LoadResult utf = load_archive("{\"lectern\":1,\"title\":\"\xC3\x28\",\"works\":[]}");
    CHECK_FALSE(utf.ok());
}

TEST_CASE("archive: a wrong type names the member", "[archive]") {
    const LoadResult r = load_archive(R"({"lectern": 1, "title": "T", "works": [
      {"id": "a", "title": "A", "date": null}, {"id": "b", "title": "B", "date": null},
      {"id": "c", "title": "C", "date": null}, {"id": "d", "title": 42, "date": null}]})");
    REQUIRE_FALSE(r.ok());
    CHECK(has_error(r, "works[3].title", "expected a string, found a number"));
    CHECK(r.first_error() == "works[3].title: expected a string, found a number");
}

TEST_CASE("archive: missing required members are each reported", "[archive]") {
    const LoadResult r = load_archive(R"({"works": [{"title": "A"}], "pages": [{"id": "p"}]})");
    REQUIRE_FALSE(r.ok());
    CHECK(has_error(r, "lectern", "missing"));
    CHECK(has_error(r, "title", "missing"));
    CHECK(has_error(r, "works[0].id", "missing"));
    CHECK(has_error(r, "works[0].date", "missing"));
    CHECK(has_error(r, "pages[0].body", "missing"));
    CHECK(has_error(load_archive(R"({"lectern": 1, "title": "T"})"), "works", "missing"));
}

TEST_CASE("archive: ids, dates, references and versions are checked", "[archive]") {
    const LoadResult r = load_archive(R"({"lectern": 1, "title": "T",
      "people": [{"id": "p", "name": "P"}],
      "works": [
        {"id": "a", "title": "A", "date": "1936-13"},
        {"id": "a", "title": "A2", "date": "1929/1926"},
        {"id": "Bad Id", "title": "B", "date": null, "people": ["p", "nobody"]},
        {"id": "c", "title": "C", "date": "1937-02-30", "attribution": "maybe"}]})");
    REQUIRE_FALSE(r.ok());
    CHECK(has_error(r, "works[0].date", "month 13"));
    CHECK(has_error(r, "works[1].id", "duplicate work id 'a'"));
    CHECK(has_error(r, "works[1].date", "end before start"));
    CHECK(has_error(r, "works[2].id", "only a-z, 0-9 and '-'"));
    CHECK(has_error(r, "works[2].people[1]", "no person with id 'nobody'"));
    CHECK(has_error(r, "works[3].date", "30 February"));
    CHECK(has_error(r, "works[3].attribution", "not author, ascribed or disputed"));
    CHECK(
        has_error(load_archive(R"({"lectern": 2, "title": "T", "works": []})"), "lectern", "unknown format version 2"));
}

TEST_CASE("archive: unknown members are warnings, and the archive still loads", "[archive]") {
    const LoadResult r = load_archive(R"({"lectern": 1, "title": "T", "colour": "red", "works": [
      {"id": "a", "title": "A", "date": "1908", "rating": 5}]})");
    REQUIRE(r.ok());
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].severity == Diagnostic::Severity::warning);
    CHECK(r.diagnostics[0].path == "colour");
    CHECK(r.diagnostics[1].path == "works[0].rating");
}

TEST_CASE("archive: undated works and absent bodies load", "[archive]") {
    const LoadResult r = load_archive(kMinimal);
    REQUIRE(r.ok());
    CHECK(r.archive->works[0].date);
    CHECK_FALSE(r.archive->works[1].date);
    CHECK_FALSE(r.archive->works[1].body);
}

TEST_CASE("archive: 100,000 levels of nesting are an error, not a stack overflow", "[archive]") {
    std::string deep = R"({"lectern": 1, "title": "T", "works": [], "x": )";
    deep += std::string(100000, '[') + std::string(100000, ']') + "}";
    const LoadResult r = load_archive(deep);
    CHECK(r.ok());  // the unknown member is only a warning
    CHECK(r.diagnostics.size() == 1);
}

TEST_CASE("archive: a work without a printed label shows Lectern's wording", "[archive]") {
    const LoadResult r = load_archive(R"({"lectern": 1, "title": "T", "works": [
      {"id": "a", "title": "A", "date": "1908-06"}, {"id": "b", "title": "B", "date": "1945~", "date_label": "about 1945"},
      {"id": "c", "title": "C", "date": null}]})");
    REQUIRE(r.ok());
    CHECK(shown_date(r.archive->works[0]) == "June 1908");
    CHECK(shown_date(r.archive->works[1]) == "about 1945");
    CHECK(shown_date(r.archive->works[2]) == "undated");
}

TEST_CASE("archive: a 50 MB title and a million works load", "[archive][large]") {
    std::string big = R"({"lectern": 1, "title": ")" + std::string(50'000'000, 'x') + R"(", "works": []})";
    const LoadResult title = load_archive(big);
    REQUIRE(title.ok());
    CHECK(title.archive->title.size() == 50'000'000);
    big.clear();
    big.shrink_to_fit();

    std::string many = R"({"lectern": 1, "title": "Many", "works": [)";
    many.reserve(70'000'000);
    for (int i = 0; i < 1'000'000; ++i) {
        if (i) many += ',';
        many += R"({"id": "w)" + std::to_string(i) + R"(", "title": "Work", "date": "1936-08-10"})";
    }
    many += "]}";
    const LoadResult works = load_archive(many);
    REQUIRE(works.ok());
    CHECK(works.archive->works.size() == 1'000'000);
    CHECK(works.archive->works.back().id == "w999999");
}

TEST_CASE("archive: the checker, one case per rule", "[archive][checker]") {
    struct Case {
        const char* rule;
        const char* json;
        const char* path;
        const char* message;
    };
    const Case cases[] = {
        {"top level must be an object", R"([1, 2])", "(top level)", "expected an object, found an array"},
        {"lectern is required", R"({"title": "T", "works": []})", "lectern", "missing (required)"},
        {"lectern is an integer", R"({"lectern": "1", "title": "T", "works": []})", "lectern",
         "expected the integer 1"},
        {"lectern is 1", R"({"lectern": 3, "title": "T", "works": []})", "lectern", "unknown format version 3"},
        {"title is required", R"({"lectern": 1, "works": []})", "title", "missing (required)"},
        {"works is required", R"({"lectern": 1, "title": "T"})", "works", "missing (required"},
        {"works is an array", R"({"lectern": 1, "title": "T", "works": {}})", "works",
         "expected an array, found an object"},
        {"a work is an object", R"({"lectern": 1, "title": "T", "works": [3]})", "works[0]",
         "expected an object, found a number"},
        {"work id is required", R"({"lectern": 1, "title": "T", "works": [{"title": "A", "date": null}]})",
         "works[0].id", "missing"},
        {"work id charset", R"({"lectern": 1, "title": "T", "works": [{"id": "A_1", "title": "A", "date": null}]})",
         "works[0].id", "only a-z, 0-9 and '-'"},
        {"work id unique",
         R"({"lectern": 1, "title": "T", "works": [{"id": "a", "title": "A", "date": null}, {"id": "a", "title": "B", "date": null}]})",
         "works[1].id", "duplicate work id 'a'"},
        {"work date is required", R"({"lectern": 1, "title": "T", "works": [{"id": "a", "title": "A"}]})",
         "works[0].date", "null when undated"},
        {"work date is EDTF",
         R"({"lectern": 1, "title": "T", "works": [{"id": "a", "title": "A", "date": "June 1908"}]})", "works[0].date",
         "invalid date 'June 1908'"},
        {"work date is a string", R"({"lectern": 1, "title": "T", "works": [{"id": "a", "title": "A", "date": 1908}]})",
         "works[0].date", "expected an EDTF date string, found a number"},
        {"work body is a string or null",
         R"({"lectern": 1, "title": "T", "works": [{"id": "a", "title": "A", "date": null, "body": 1}]})",
         "works[0].body", "expected a string or null"},
        {"tags are strings",
         R"({"lectern": 1, "title": "T", "works": [{"id": "a", "title": "A", "date": null, "tags": ["x", 2]}]})",
         "works[0].tags[1]", "expected a string, found a number"},
        {"attribution values",
         R"({"lectern": 1, "title": "T", "works": [{"id": "a", "title": "A", "date": null, "attribution": "me"}]})",
         "works[0].attribution", "not author, ascribed or disputed"},
        {"people name persons",
         R"({"lectern": 1, "title": "T", "works": [{"id": "a", "title": "A", "date": null, "people": ["ghost"]}]})",
         "works[0].people[0]", "no person with id 'ghost'"},
        {"person id unique",
         R"({"lectern": 1, "title": "T", "works": [], "people": [{"id": "p", "name": "P"}, {"id": "p", "name": "Q"}]})",
         "people[1].id", "duplicate person id 'p'"},
        {"person name required", R"({"lectern": 1, "title": "T", "works": [], "people": [{"id": "p"}]})",
         "people[0].name", "missing"},
        {"person dates",
         R"({"lectern": 1, "title": "T", "works": [], "people": [{"id": "p", "name": "P", "born": "1890-00"}]})",
         "people[0].born", "month 0"},
        {"page id unique",
         R"({"lectern": 1, "title": "T", "works": [], "pages": [{"id": "x", "body": ""}, {"id": "x", "body": ""}]})",
         "pages[1].id", "duplicate page id 'x'"},
        {"page body required", R"({"lectern": 1, "title": "T", "works": [], "pages": [{"id": "x"}]})", "pages[0].body",
         "missing"},
        {"link title required",
         R"({"lectern": 1, "title": "T", "works": [], "pages": [{"id": "x", "body": "", "links": [{"href": "https://x"}]}]})",
         "pages[0].links[0].title", "missing"},
        {"event date required", R"({"lectern": 1, "title": "T", "works": [], "events": [{"title": "E"}]})",
         "events[0].date", "missing"},
        {"event people",
         R"({"lectern": 1, "title": "T", "works": [], "events": [{"date": "1900", "title": "E", "people": ["nobody"]}]})",
         "events[0].people[0]", "no person"},
        {"era is an interval", R"({"lectern": 1, "title": "T", "works": [], "eras": [{"title": "E", "date": "1919"}]})",
         "eras[0].date", "must be an interval"},
        {"era title required", R"({"lectern": 1, "title": "T", "works": [], "eras": [{"date": "1919/1936"}]})",
         "eras[0].title", "missing"},
        {"era title not blank",
         R"({"lectern": 1, "title": "T", "works": [], "eras": [{"title": "  ", "date": "1919/1936"}]})",
         "eras[0].title", "title is empty"},
        {"era date required", R"({"lectern": 1, "title": "T", "works": [], "eras": [{"title": "E"}]})", "eras[0].date",
         "missing (required) (era 'E')"},
        {"era date parses",
         R"({"lectern": 1, "title": "T", "works": [], "eras": [{"title": "E", "date": "1919/1936-13"}]})",
         "eras[0].date", "invalid date '1919/1936-13': month 13 (era 'E')"},
        {"era starts before it ends",
         R"({"lectern": 1, "title": "T", "works": [], "eras": [{"title": "E", "date": "1936/1919"}]})", "eras[0].date",
         "end before start"},
        {"era has a known end",
         R"({"lectern": 1, "title": "T", "works": [], "eras": [{"title": "E", "date": "../.."}]})", "eras[0].date",
         "at least one known end"},
        {"era note is text",
         R"({"lectern": 1, "title": "T", "works": [], "eras": [{"title": "E", "date": "1919/1936", "note": 3}]})",
         "eras[0].note", "expected a string, found a number (era 'E')"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.rule, c.json);
        const LoadResult r = load_archive(c.json);
        CHECK_FALSE(r.ok());
        INFO(all_messages(r));
        CHECK(has_error(r, c.path, c.message));
    }
}

TEST_CASE("archive: eras with open or unknown ends load, a second era of the same title is a warning",
          "[archive][eras]") {
    const LoadResult r = load_archive(R"({"lectern": 1, "title": "T", "works": [], "eras": [
      {"title": "Exile", "date": "1936-04/..", "note": "n"},
      {"title": "Youth", "date": "/1919"},
      {"title": "Exile", "date": "1941/1947"}]})");
    INFO(all_messages(r));
    REQUIRE(r.ok());
    REQUIRE(r.archive->eras.size() == 3);
    CHECK(r.archive->eras[0].date->open_end);
    CHECK(r.archive->eras[1].date->unknown_start);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == Diagnostic::Severity::warning);
    CHECK(r.diagnostics[0].path == "eras[2].title");
    CHECK(r.diagnostics[0].message() ==
          "another era has this title: readers cannot tell their bands apart (era 'Exile')");
}
