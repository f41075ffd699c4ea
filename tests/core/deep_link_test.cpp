// Deep links: the fragment round-trips, bad parts are named and ignored.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/session/deep_link.h"
#include "core/session/session.h"
#include "core/session/protocol.h"
#include "../test_files.h"

using namespace lectern;

TEST_CASE("link: fragments are written and read back", "[link]") {
    DeepLink l;
    l.work = "1936-08-10-letter-to-trotsky";
    l.view_start = 1919;
    l.view_end = 1925.5;
    l.query = "andré gide & co";
    const std::string f = make_fragment(l);
    CHECK(f == "#work=1936-08-10-letter-to-trotsky&view=1919/1925.5&q=andr%C3%A9%20gide%20%26%20co");
    const ParsedLink p = parse_fragment(f);
    CHECK(p.problems.empty());
    CHECK(*p.link.work == *l.work);
    CHECK(*p.link.view_start == 1919);
    CHECK(*p.link.view_end == 1925.5);
    CHECK(*p.link.query == *l.query);
    CHECK(make_fragment(DeepLink{}) == "");
}

TEST_CASE("link: garbage is reported part by part", "[link]") {
    struct Case {
        std::string fragment, problem;
    };
    const Case cases[] = {
        {"#view=1925/1919", "view needs START/END"},
        {"#view=abc", "view needs START/END"},
        {"#view=1/1e999", "view needs START/END"},
        {"#colour=red", "unknown part 'colour'"},
        {"#q=%zz", "broken %-escape"},
        {"#work=", "work needs an id"},
        {"#" + std::string(100000, 'x'), "the link is too long"},
        {"#\xff\xfe=\x01", "unknown part"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.fragment.substr(0, 40));
        const ParsedLink p = parse_fragment(c.fragment);
        REQUIRE_FALSE(p.problems.empty());
        CHECK_THAT(p.problems[0], Catch::Contains(c.problem));
    }
    // Good parts survive beside bad ones.
    const ParsedLink mixed = parse_fragment("work=a&bogus=1&q=x");
    CHECK(*mixed.link.work == "a");
    CHECK(*mixed.link.query == "x");
    CHECK(mixed.problems.size() == 1);
}

TEST_CASE("link: the session applies a link and names what it ignored", "[link][session]") {
    Session s;
    REQUIRE(s.load(bundled_archive()).ok());
    CHECK(s.apply_fragment("#work=1932-conquered-city-novel&view=1919/1925&q=kronstadt").empty());
    CHECK(s.archive().works[static_cast<std::size_t>(s.selected())].id == "1932-conquered-city-novel");
    CHECK(s.view().start == Approx(1919));
    CHECK(s.query() == "kronstadt");
    CHECK(s.fragment() == "#work=1932-conquered-city-novel&view=1919/1925&q=kronstadt");
    CHECK(s.fragment(false) == "#work=1932-conquered-city-novel&q=kronstadt");

    // Nothing changes but the notice, which says what was ignored.
    auto without_notice = [&] {
        auto st = nlohmann::json::parse(protocol::state_json(s));
        st.erase("notice");
        return st;
    };
    const auto before = without_notice();
    const auto reply = nlohmann::json::parse(protocol::command(s, R"({"link": "#work=no-such-work"})"));
    CHECK(reply["ok"] == false);
    CHECK_THAT(reply["error"].get<std::string>(), Catch::Contains("no work 'no-such-work'"));
    CHECK(without_notice() == before);
    CHECK_THAT(s.notice(), Catch::Contains("Ignored part of the link"));
    CHECK(nlohmann::json::parse(
              protocol::command(s, nlohmann::json{{"link", std::string(100000, 'z')}}.dump()))["ok"] == false);
    CHECK(without_notice() == before);
    // A link with only a view goes back to the front matter (the browser's Back from a work).
    CHECK(s.apply_fragment("#view=1900/1950&q=kronstadt").empty());
    CHECK(s.selected() == -1);
}

TEST_CASE("link: a long unknown work id is shortened in the notice at a character, not inside one", "[link][session]") {
    Session s;
    REQUIRE(s.load(bundled_archive()).ok());
    std::string id = "a";
    for (int i = 0; i < 40; ++i) id += "\xC3\xA9";  // é: the 40th byte falls inside one
    const auto reply = nlohmann::json::parse(protocol::command(s, nlohmann::json{{"link", "#work=" + id}}.dump()));
    CHECK(reply["ok"] == false);
    const std::string error = reply["error"].get<std::string>();
    CHECK_THAT(error, Catch::Contains("no work 'a\xC3\xA9"));
    CHECK_THAT(error, Catch::Contains("\xE2\x80\xA6'"));            // …
    CHECK_NOTHROW(nlohmann::json::parse(protocol::state_json(s)));  // the notice is valid UTF-8
}
