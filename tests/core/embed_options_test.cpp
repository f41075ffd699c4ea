// Embed options in the fragment (embed=, lanes=, theme=): parsed with the deep link,
// written back with it, junk named and ignored; the session shows only the lanes
// named and colours the frame without keeping the theme as the reader's choice.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/session/deep_link.h"
#include "core/session/session.h"
#include "core/session/protocol.h"
#include "core/text/utf8.h"
#include "../test_files.h"

using namespace lectern;

namespace {
std::vector<std::string> lane_keys(const Session& s) {
    std::vector<std::string> keys;
    for (const Lane& l : s.timeline().lanes) keys.push_back(l.key);
    return keys;
}
}  // namespace

TEST_CASE("embed: the options are read with the deep link and written back first", "[embed]") {
    const ParsedLink p =
        parse_fragment("#work=1932-conquered-city-novel&embed=1&lanes=works,Events&theme=dark&view=1919/1925");
    CHECK(p.problems.empty());
    CHECK(p.link.embed.compact);
    CHECK(p.link.embed.lanes == std::vector<std::string>{"works", "events"});
    REQUIRE(p.link.embed.theme);
    CHECK(*p.link.embed.theme == "dark");
    CHECK(*p.link.work == "1932-conquered-city-novel");
    CHECK(make_fragment(p.link) ==
          "#embed=1&lanes=works,events&theme=dark&work=1932-conquered-city-novel&view=1919/1925");
    // Parsed again, the written fragment gives the same link.
    CHECK(make_fragment(parse_fragment(make_fragment(p.link)).link) == make_fragment(p.link));
    CHECK(embed_fragment_parts(EmbedOptions{}).empty());
}

TEST_CASE("embed: junk values are named and leave the option as it was", "[embed]") {
    struct Case {
        std::string fragment, problem;
    };
    const Case cases[] = {
        {"#embed=yes", "embed needs 1 or 0"},
        {"#embed=", "embed needs 1 or 0"},
        {"#theme=purple", "theme needs light or dark"},
        {"#theme=system", "theme needs light or dark"},
        {"#lanes=", "lanes needs lane names"},
        {"#lanes=,,,", "lanes needs lane names"},
        {"#lanes=works,%3Cscript%3E", "lanes: '<script>' is not a lane name"},
        {"#lanes=works,caf%C3%A9", "is not a lane name"},
        {"#lanes=works," + std::string(60, 'x'), "is not a lane name"},
        {"#lanes=works," + std::string(39, 'x') + "%C3%A9", "is not a lane name"},  // (fuzz_regressions_test)
        {"#lanes=a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r", "more than 16 names"},
        {"#theme=%ff", "'theme' is not UTF-8 text"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.fragment);
        EmbedOptions before;
        before.compact = true;
        before.theme = "light";
        const ParsedLink p = parse_fragment(c.fragment, before);
        REQUIRE(p.problems.size() == 1);
        CHECK(p.problems[0].find(c.problem) != std::string::npos);
        CHECK(is_valid_utf8(p.problems[0]));
        CHECK(p.link.embed.compact);
        CHECK(*p.link.embed.theme == "light");
    }
    // A good name beside a bad one is kept.
    CHECK(parse_fragment("#lanes=works,%3Cscript%3E").link.embed.lanes == std::vector<std::string>{"works"});
}

TEST_CASE("embed: a link that does not name an option keeps it and one that does changes it", "[embed]") {
    EmbedOptions framed;
    framed.compact = true;
    framed.lanes = {"works"};
    framed.theme = "dark";
    CHECK(parse_fragment("#work=x", framed).link.embed == framed);
    CHECK(parse_fragment("", framed).link.embed == framed);
    const ParsedLink off = parse_fragment("#embed=0&theme=light", framed);
    CHECK_FALSE(off.link.embed.compact);
    CHECK(*off.link.embed.theme == "light");
    CHECK(off.link.embed.lanes == framed.lanes);
}

TEST_CASE("embed: lane names pick lanes of the bundled archive", "[embed]") {
    Session s;
    REQUIRE(s.load(bundled_archive()).ok());
    const auto all = lane_keys(s);
    REQUIRE(all.size() >= 4);
    CHECK(all[0] == "people");
    CHECK(all[1] == "events");
    struct Case {
        std::string lanes;
        std::vector<std::string> shown;
    };
    const Case cases[] = {
        {"works", std::vector<std::string>(all.begin() + 2, all.end())},
        {"events", {"events"}},
        {"lives,letter", {"people", "letter"}},
        {"letters,people", {"people", "letter"}},
        {"novel", {"book"}},
        {"events,works", all.size() > 2 ? std::vector<std::string>(all.begin() + 1, all.end()) : all},
    };
    for (const Case& c : cases) {
        CAPTURE(c.lanes);
        Session t;
        REQUIRE(t.load(bundled_archive()).ok());
        CHECK(t.apply_fragment("#lanes=" + c.lanes).empty());
        CHECK(lane_keys(t) == c.shown);
        CHECK(nlohmann::json::parse(protocol::state_json(t))["lanes"].get<std::vector<std::string>>() == c.shown);
    }
}

TEST_CASE("embed: unknown lanes are a notice and if none is known every lane stays", "[embed]") {
    Session s;
    REQUIRE(s.load(bundled_archive()).ok());
    const auto all = lane_keys(s);
    const std::string notice = s.apply_fragment("#lanes=events,ghosts&work=1932-conquered-city-novel");
    CHECK(notice == "no lane 'ghosts' in this archive");
    CHECK(s.notice().find("Ignored part of the link") != std::string::npos);
    CHECK(lane_keys(s) == std::vector<std::string>{"events"});
    CHECK(s.selected() == s.archive().work_index("1932-conquered-city-novel"));
    CHECK(s.apply_fragment("#lanes=ghosts").find("no lane 'ghosts'") != std::string::npos);
    CHECK(lane_keys(s) == all);
    // A new archive keeps the frame's lanes.
    REQUIRE(s.apply_fragment("#lanes=letter").empty());
    REQUIRE(s.load(bundled_archive()).ok());
    CHECK(lane_keys(s) == std::vector<std::string>{"letter"});
}

TEST_CASE("embed: the frame's theme shows but is not kept and links out leave the options behind", "[embed]") {
    Session s;
    REQUIRE(s.load(bundled_archive()).ok());
    REQUIRE(protocol::command(s, R"({"prefs": {"theme": "light"}})") == R"({"ok":true})");
    REQUIRE(s.apply_fragment("#embed=1&theme=dark&lanes=works&work=1932-conquered-city-novel").empty());
    CHECK(s.theme() == "dark");
    CHECK(s.prefs().theme == "light");
    for (const Outgoing& o : s.take_outgoing()) CHECK(o.kind != Outgoing::Kind::save_prefs);
    const auto st = nlohmann::json::parse(protocol::state_json(s));
    CHECK(st["theme"] == "dark");
    CHECK(st["prefs"]["theme"] == "light");
    CHECK(st["embed"]["compact"] == true);
    CHECK(st["embed"]["theme"] == "dark");
    CHECK(st["embed"]["lanes"] == nlohmann::json::array({"works"}));
    // The frame's own fragment keeps the options; a link to share does not.
    CHECK(s.fragment(false) == "#embed=1&lanes=works&theme=dark&work=1932-conquered-city-novel");
    CHECK(s.fragment(false, false) == "#work=1932-conquered-city-novel");
    REQUIRE(protocol::command(s, R"({"copy": "link"})") == R"({"ok":true})");
    const auto out = s.take_outgoing();
    REQUIRE(out.size() == 1);
    CHECK(out[0].text.find("embed") == std::string::npos);
    // Back to the page's start (a plain "#work=" link) stays in the frame's layout.
    CHECK(s.apply_fragment("#work=1936-08-10-letter-to-trotsky").empty());
    CHECK(s.embed().compact);
    CHECK(s.theme() == "dark");
    const auto st2 = nlohmann::json::parse(protocol::state_json(Session()));
    CHECK(st2["embed"]["compact"] == false);
    CHECK(st2["embed"]["theme"].is_null());
}
