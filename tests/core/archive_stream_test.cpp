// The loader reads the archive as a stream (core/archive/member_stream.h): each element on its
// own, yet every problem as a reader of the whole tree reports it. The expected lists were
// written by the loader that built the whole tree first.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/archive/archive.h"
#include "core/archive/array_size_hint.h"

using namespace lectern;

namespace {

std::vector<std::string> problems(const std::string& text) {
    std::vector<std::string> out;
    for (const Diagnostic& d : load_archive(text).diagnostics) out.push_back(d.to_string());
    return out;
}

}  // namespace

TEST_CASE("archive stream: unknown members are named once, whatever they hold", "[archive]") {
    // Known names inside an unknown member ("works", "id") are not read as the archive's.
    const std::string text = R"({"zeta": {"works": [{"id": 5}]}, "lectern": 1, "title": "T",
        "works": [{"id": "a", "title": "A", "date": null,
                   "extra": {"people": ["nobody"], "works": [1, {"id": 2}]}}],
        "alpha": [[{"title": 3}]]})";
    CHECK(problems(text) == std::vector<std::string>{
                                "alpha: warning: unknown member (ignored)",  // the archive's own, in name order
                                "zeta: warning: unknown member (ignored)",
                                "works[0].extra: warning: unknown member (ignored)",
                            });
    CHECK(load_archive(text).ok());
}

TEST_CASE("archive stream: problems inside works, and the works after them", "[archive]") {
    // The people come after the works that name them; each work's problems stay together.
    const LoadResult r = load_archive(R"({"lectern": 1, "title": "T", "works": [
        {"id": "a", "title": 5, "date": "1936-13"},
        {"id": "b", "title": "B", "date": null},
        "x",
        {"id": "a", "title": "C", "date": null, "people": ["p", "q"]}],
      "people": [{"id": "p", "name": "P"}]})");
    std::vector<std::string> said;
    for (const Diagnostic& d : r.diagnostics) said.push_back(d.to_string());
    CHECK(said == std::vector<std::string>{
                      "works[0].title: expected a string, found a number",
                      "works[0].date: invalid date '1936-13': month 13",
                      "works[2]: expected an object, found a string",
                      "works[3].id: duplicate work id 'a'",
                      "works[3].people[1]: no person with id 'q'",
                  });
    CHECK_FALSE(r.ok());
}

TEST_CASE("archive stream: a syntax error mid-array is the only problem, with its line and column", "[archive]") {
    // works[0]'s wrong title was read before the error; it is not reported.
    const LoadResult r = load_archive(
        "{\"lectern\": 1, \"title\": \"T\",\n \"works\": [\n"
        "  {\"id\": \"a\", \"title\": 5, \"date\": null},\n"
        "  {\"id\": \"b\" \"title\": \"B\"}\n ]}");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 4);
    CHECK(r.diagnostics[0].column == 20);
    CHECK(r.diagnostics[0].to_string() ==
          "line 4, column 20: syntax error while parsing object - unexpected string literal; expected '}'");
    CHECK_FALSE(r.ok());
}

TEST_CASE("archive stream: a member written twice counts as its last value", "[archive]") {
    // As nlohmann's tree keeps it: the second "people" replaces the first, whose "p" is gone.
    CHECK(problems(R"({"works": "x", "title": 1, "people": [{"id": "p"}], "people": [{"id": "q", "name": "Q"}],
        "works": [{"id": "b", "title": "B", "date": null, "people": ["p", "q"]}],
        "lectern": 1, "title": "T", "eras": [], "eras": 4})") == std::vector<std::string>{
                                                                     "eras: expected an array, found a number",
                                                                     "works[0].people[0]: no person with id 'p'",
                                                                 });
    CHECK(problems(R"({"lectern": 1, "title": "T", "works": [{"id": 1}], "works": []})").empty());
}

TEST_CASE("archive stream: a document that is not an object says what it is", "[archive]") {
    CHECK(problems(R"([{"lectern": 1}])") ==
          std::vector<std::string>{"(top level): expected an object, found an array"});
    CHECK(problems("7") == std::vector<std::string>{"(top level): expected an object, found a number"});
}

TEST_CASE("archive stream: works read without a tree and works that need one give the same problems", "[archive]") {
    // Works in the usual shape are read straight from the parser (core/archive/work_events.h);
    // a tag that is not a string, a member written twice or a person given as an object sends
    // the work through the tree, half-way through an array.
    const LoadResult r = load_archive(R"({"lectern": 1, "title": "T", "people": [{"id": "p", "name": "P"}], "works": [
        {"id": "a", "title": "A", "date": null, "tags": ["x", 5, ["y"], "z"], "people": ["p", "q"]},
        {"id": "b", "title": "B", "date": "1936-13", "title": 7, "attribution": "bad", "body": null},
        {"id": "c", "title": "C", "date": "1936", "people": ["p"], "tags": [], "body": "text", "date": null},
        {"id": "d", "title": "D", "date": "1936", "people": [{"id": "p"}]}]})");
    std::vector<std::string> said;
    for (const Diagnostic& d : r.diagnostics) said.push_back(d.to_string());
    CHECK(said == std::vector<std::string>{
                      "works[0].tags[1]: expected a string, found a number",
                      "works[0].tags[2]: expected a string, found an array",
                      "works[0].people[1]: no person with id 'q'",
                      "works[1].title: expected a string, found a number",
                      "works[1].date: invalid date '1936-13': month 13",
                      "works[1].attribution: 'bad' is not author, ascribed or disputed",
                      "works[3].people[0]: expected a string, found an object",
                  });

    const LoadResult ok = load_archive(R"({"lectern": 1, "title": "T", "people": [{"id": "p", "name": "P"}], "works": [
        {"id": "c", "title": "C", "date": "1936", "people": ["p"], "tags": ["t", "u"], "body": "text", "date": null,
         "kind": "poem", "attribution": "disputed", "section": "S", "source": "src", "notes": "n"}]})");
    REQUIRE(ok.ok());
    const Work& w = ok.archive->works.at(0);
    CHECK(w.id == "c");
    CHECK_FALSE(w.date.has_value());  // the last "date" counts
    CHECK(w.body == std::optional<std::string>("text"));
    CHECK(w.tags == std::vector<std::string>{"t", "u"});
    CHECK(w.people == std::vector<std::string>{"p"});
    CHECK(w.attribution == "disputed");
    CHECK(w.kind + w.section + w.source + w.notes == "poemSsrcn");
}

TEST_CASE("archive stream: the quick count of the works, for reserving them, counts elements only", "[archive]") {
    CHECK(top_level_array_size(R"({"works": [{"id": "a"}, 5, "x,]", [1, [2]], {"title": "\"]}"}]})", "works") == 5);
    CHECK(top_level_array_size(R"({"works": [], "x": {"works": [1, 2]}})", "works") == 0);
    CHECK(top_level_array_size(R"({"works": [1], "works": [1, 2, 3]})", "works") == 3);  // the last counts
    CHECK(top_level_array_size(R"({"works": "[1, 2]", "title": "works"})", "works") == 0);
    CHECK(top_level_array_size(R"({"a\\": 1, "works": [ 1 , 2 ]})", "works") == 2);
    CHECK(top_level_array_size("", "works") == 0);
}
