// The session: commands as the page's test hook sends them, and nothing lost on bad input.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/import/synth.h"
#include "core/session/session.h"
#include "core/session/protocol.h"
#include "../test_files.h"

using namespace lectern;
using nlohmann::json;

TEST_CASE("session: loading the bundled archive fits the view to it", "[session]") {
    Session s;
    REQUIRE(s.load(bundled_archive()).ok());
    const json st = json::parse(protocol::state_json(s));
    CHECK(st["archive"]["title"] == "Victor Serge");
    CHECK(st["archive"]["works"] == 37);
    CHECK(st["archive"]["events"] == s.archive().events.size());
    CHECK(st["archive"]["people"] == 2);
    CHECK(st["archive"]["pages"] == 4);
    CHECK(st["selected"].is_null());
    // Serge's life (1890) to his son's death (2005), with a margin.
    CHECK(st["view"]["start"].get<double>() < 1890.0);
    CHECK(st["view"]["end"].get<double>() > 2005.0);
    CHECK(st["view"]["end"].get<double>() < 2015.0);
    CHECK(st["theme"] == "light");
    CHECK(st["results"].is_array());
}

TEST_CASE("session: open, view and load commands", "[session]") {
    Session s;
    REQUIRE(s.load(bundled_archive()).ok());
    CHECK(protocol::command(s, R"({"open": "1936-08-10-letter-to-trotsky"})") == R"({"ok":true})");
    CHECK(json::parse(protocol::state_json(s))["selected"] == "1936-08-10-letter-to-trotsky");

    CHECK(protocol::command(s, R"({"view": {"start": 1919, "end": 1925}})") == R"({"ok":true})");
    CHECK(s.view().start == Approx(1919));
    CHECK(s.view().end == Approx(1925));

    const json bad = json::parse(protocol::command(s, R"({"open": "no-such-work"})"));
    CHECK(bad["ok"] == false);
    CHECK(bad["error"].get<std::string>().find("no-such-work") != std::string::npos);
    CHECK(json::parse(protocol::state_json(s))["selected"] == "1936-08-10-letter-to-trotsky");

    CHECK(json::parse(protocol::command(s, R"({"view": {"start": 1930, "end": 1920}})"))["ok"] == false);
    CHECK(json::parse(protocol::command(s, R"({"fly": 1})"))["ok"] == false);
    CHECK(json::parse(protocol::command(s, "not json"))["ok"] == false);
    CHECK(protocol::command(s, R"({"open": null})") == R"({"ok":true})");
    CHECK(s.selected() == -1);
}

TEST_CASE("session: a bad archive keeps the current archive, selection and view", "[session]") {
    Session s;
    REQUIRE(s.load(bundled_archive()).ok());
    REQUIRE(s.open("1938-04-28-once-more-kronstadt"));
    REQUIRE(s.set_view(1930, 1940));
    const std::string before = protocol::state_json(s);

    const json reply = json::parse(protocol::command(s, json{{"load", "{bad json"}}.dump()));
    CHECK(reply["ok"] == false);
    CHECK(reply["error"].get<std::string>().find("line 1, column 2") != std::string::npos);
    CHECK(protocol::state_json(s) == before);

    const json typed =
        json::parse(protocol::command(s, json{{"load", R"({"lectern":1,"title":5,"works":[]})"}}.dump()));
    CHECK(typed["error"] == "load: title: expected a string, found a number");
    CHECK(protocol::state_json(s) == before);
}

TEST_CASE("session: a valid load replaces the archive and clears the selection", "[session]") {
    Session s;
    REQUIRE(s.load(bundled_archive()).ok());
    REQUIRE(s.open("1932-conquered-city-novel"));
    const json reply = json::parse(protocol::command(s, json{{"load", R"({"lectern":1,"title":"Other","works":[
        {"id":"x","title":"X","date":"-0500"}]})"}}.dump()));
    CHECK(reply["ok"] == true);
    const json st = json::parse(protocol::state_json(s));
    CHECK(st["archive"]["title"] == "Other");
    CHECK(st["archive"]["works"] == 1);
    CHECK(st["selected"].is_null());
    CHECK(s.view().start < -500.0);
    CHECK(s.view().end > -499.0);
}

TEST_CASE("session: the view is clamped to a day and to 20,000 years", "[session]") {
    Session s;
    REQUIRE(s.set_view(1936.5, 1936.5 + 1e-9));
    CHECK(s.view().end - s.view().start == Approx(1.0 / 366.0));
    REQUIRE(s.set_view(-1e6, 1e6));
    CHECK(s.view().end - s.view().start == Approx(20000.0));
    CHECK_FALSE(s.set_view(std::nan(""), 2000));
}

TEST_CASE("session: search and filter commands fill state().results in ranked order", "[session][search]") {
    Session s;
    REQUIRE(s.load(bundled_archive()).ok());
    CHECK(protocol::command(s, R"({"search": "trotsky"})") == R"({"ok":true})");
    json st = json::parse(protocol::state_json(s));
    CHECK(st["query"] == "trotsky");
    std::vector<std::string> refs = st["results"];
    REQUIRE(refs.size() >= 5);
    auto has = [&](const std::string& r) { return std::find(refs.begin(), refs.end(), r) != refs.end(); };
    CHECK(has("work:1936-08-10-letter-to-trotsky"));
    CHECK(has("work:1936-08-14-letter-to-trotsky"));
    CHECK(has("work:1938-10-kronstadt-trotskys-defense-response-to-trotsky"));
    CHECK(has("work:1938-09-on-their-morals-and-ours"));
    CHECK(has("page:biography"));
    CHECK(s.work_matches(s.archive().work_index("1936-08-10-letter-to-trotsky")));
    CHECK_FALSE(s.work_matches(s.archive().work_index("1908-06-the-illegals")));

    CHECK(protocol::command(s, R"({"filter": {"kinds": ["letter"], "years": [1936, 1936]}})") == R"({"ok":true})");
    st = json::parse(protocol::state_json(s));
    refs = st["results"].get<std::vector<std::string>>();
    CHECK(refs.size() == 2);  // the two letters to Trotsky of August 1936
    CHECK(json::parse(protocol::command(s, R"({"filter": {"years": [1940, 1930]}})"))["ok"] == false);

    CHECK(protocol::command(s, R"({"filter": {}})") == R"({"ok":true})");
    CHECK(protocol::command(s, R"({"search": ""})") == R"({"ok":true})");
    CHECK(json::parse(protocol::state_json(s))["results"].empty());
    CHECK(s.work_matches(0));  // no search: everything counts as matching
    CHECK(json::parse(protocol::command(s, R"({"search": 5})"))["ok"] == false);
}

TEST_CASE("session: export and copy commands hand the platform a file or a citation", "[session][export]") {
    Session s;
    REQUIRE(s.load(bundled_archive()).ok());
    CHECK(protocol::command(s, R"({"export": "csv"})") == R"({"ok":true})");
    CHECK(protocol::command(s, R"({"export": "json"})") == R"({"ok":true})");
    CHECK(json::parse(protocol::command(s, R"({"export": "pdf"})"))["ok"] == false);
    CHECK(json::parse(protocol::command(s, R"({"copy": "citation"})"))["error"] == "copy: no work is open");
    REQUIRE(s.open("1932-conquered-city-novel"));
    CHECK(protocol::command(s, R"({"copy": "citation"})") == R"({"ok":true})");
    const std::vector<Outgoing> out = s.take_outgoing();
    REQUIRE(out.size() == 3);
    CHECK(out[0].kind == Outgoing::Kind::download);
    CHECK(out[0].name == "victor-serge-bibliography.csv");
    CHECK(out[0].text.rfind("date,edtf,title,kind,people,attribution,section,id,source\r\n", 0) == 0);
    CHECK(std::count(out[0].text.begin(), out[0].text.end(), '\n') == 38);  // header and 37 works
    CHECK(out[1].name == "victor-serge.json");
    CHECK(out[1].text == read_file(std::string(LECTERN_SOURCE_DIR) + "/data/serge.json"));
    CHECK(out[2].kind == Outgoing::Kind::copy);
    CHECK(out[2].text.find("\u201CConquered City (novel)\u201D") != std::string::npos);
    CHECK(s.take_outgoing().empty());
}

TEST_CASE("session: preferences come from storage and the system, and the reader's choices are sent to be kept",
          "[session][prefs]") {
    Session s;
    REQUIRE(s.load(bundled_archive()).ok());
    CHECK(s.theme() == "light");
    // The system asks for dark; nothing is sent to storage for it.
    CHECK(json::parse(protocol::command(s, R"({"prefs": {"system_theme": "dark"}})"))["ok"] == true);
    CHECK(s.theme() == "dark");
    CHECK(s.take_outgoing().empty());
    // Kept choices win over the system's.
    CHECK(json::parse(protocol::command(s, R"({"prefs": {"theme": "light", "reading_scale": 1.3}})"))["ok"] == true);
    CHECK(s.theme() == "light");
    CHECK(s.prefs().reading_scale == Approx(1.3));
    // A bad store changes nothing at all, not even its good members.
    for (const char* bad : {R"({"prefs": {"theme": "neon"}})", R"({"prefs": {"reading_scale": 99}})",
                            R"({"prefs": {"reading_scale": 1.1, "extra": 1}})", R"({"prefs": [1]})",
                            R"({"prefs": {"system_theme": ""}})"}) {
        CAPTURE(bad);
        CHECK(json::parse(protocol::command(s, bad))["ok"] == false);
        CHECK(s.prefs().reading_scale == Approx(1.3));
        CHECK(s.theme() == "light");
    }
    // The reader's own choice is applied and handed to the platform as JSON to keep.
    CHECK(s.choose_theme(""));
    CHECK(s.theme() == "dark");  // following the system again
    CHECK(s.choose_reading_scale(1.5));
    CHECK_FALSE(s.choose_reading_scale(5));
    const auto out = s.take_outgoing();
    REQUIRE(out.size() == 2);
    CHECK(out[1].kind == Outgoing::Kind::save_prefs);
    CHECK(json::parse(out[1].text) == json{{"theme", ""}, {"reading_scale", 1.5}, {"language", ""}});
    const json st = json::parse(protocol::state_json(s));
    CHECK(st["prefs"]["reading_scale"] == 1.5);
    CHECK(st["theme"] == "dark");
}

TEST_CASE("session: every matching work is marked, and the first rows carry snippets", "[session][search]") {
    json works = json::array();
    for (int i = 0; i < 250; ++i)
        works.push_back({{"id", "w" + std::to_string(i)},
                         {"title", "Work " + std::to_string(i)},
                         {"date", "1936"},
                         {"body", "Something about Kronstadt."}});
    Session s;
    REQUIRE(s.load(json{{"lectern", 1}, {"title", "T"}, {"works", works}}.dump()).ok());
    s.search("kronstadt");
    REQUIRE(s.results().size() == 250);
    for (int i = 0; i < 250; ++i) CHECK(s.work_matches(i));
    CHECK(s.results()[kDescribedResults - 1].snippet.find("Kronstadt") != std::string::npos);
    CHECK(s.results()[kDescribedResults].snippet.empty());
}

TEST_CASE("session: state().eras holds the bands the timeline drew, and a new archive clears them", "[session][eras]") {
    Session s;
    REQUIRE(s.load(bundled_archive()).ok());
    REQUIRE(s.era_spans().size() == 4);
    json st = json::parse(protocol::state_json(s));
    CHECK(st["eras"] == json::array());  // nothing drawn yet
    CHECK(st["hovered_era"].is_null());

    EraBand band;
    band.era = 2;
    band.x0 = 300, band.x1 = 420;
    band.labelled = true;
    FrameReport drawn;  // as the UI reports a frame that drew it
    drawn.archive_generation = s.archive_generation();
    drawn.eras = {band};
    drawn.eras_y0 = 10, drawn.eras_y1 = 500, drawn.hovered_era = 2;
    st = json::parse(protocol::state_json(s, drawn));
    REQUIRE(st["eras"].size() == 1);
    CHECK(st["eras"][0] == json{{"title", "In the West"},
                                {"date", "1936-04/1940"},
                                {"when", "April 1936 \xE2\x80\x93 1940"},
                                {"x0", 300.0},
                                {"x1", 420.0},
                                {"y0", 10.0},
                                {"y1", 500.0},
                                {"labelled", true},
                                {"truncated", false}});
    CHECK(st["hovered_era"] == "In the West");

    REQUIRE(s.load(R"({"lectern": 1, "title": "T", "works": []})").ok());
    st = json::parse(protocol::state_json(s, drawn));
    CHECK(st["eras"] == json::array());
    CHECK(st["hovered_era"].is_null());
}

TEST_CASE("session: loading another archive lets go of the old one's search index", "[session][search]") {
    Session s;
    REQUIRE(s.load(bundled_archive()).ok());
    const std::size_t empty = SearchIndex().memory_bytes();
    CHECK(s.search_index_bytes() == empty);  // built on the first search
    s.search("trotsky");
    CHECK(s.search_index_bytes() > empty);
    // The index holds the old archive and its postings: a load drops them at once, not at the next search.
    REQUIRE(s.load(R"({"lectern": 1, "title": "T", "works": []})").ok());
    CHECK(s.search_index_bytes() == empty);
    s.search("trotsky");
    CHECK(s.results().empty());
}

TEST_CASE("session: in the background a large archive's index builds a slice at a time and a query waits for it",
          "[session][slices]") {
    SynthSettings big;
    big.works = 3000;
    big.body_bytes = 2000;  // 6 MB of text: more than the index is built at once for
    Session s;
    s.set_background_indexing(true);
    REQUIRE(s.load(synth_archive_json(big)).ok());
    CHECK(s.indexing());
    CHECK(s.index_progress() == 0.0);
    s.search("journey");
    CHECK(s.searching());  // the query waits, and nothing froze to answer it
    CHECK(s.results().empty());
    json st = json::parse(protocol::state_json(s));
    CHECK(st["searching"] == true);
    CHECK(st["index"]["building"] == true);
    int frames = 0;
    double last = 0;
    while (s.index_some(1.0)) {  // a millisecond a frame
        CHECK(s.index_progress() >= last);
        last = s.index_progress();
        ++frames;
    }
    CHECK(frames > 3);
    CHECK_FALSE(s.indexing());
    CHECK_FALSE(s.searching());
    CHECK(s.index_progress() == 1.0);
    // The answer is the one an index built at once gives.
    Session now;
    REQUIRE(now.load(synth_archive_json(big)).ok());
    now.search("journey");
    REQUIRE_FALSE(now.results().empty());
    REQUIRE(s.results().size() == now.results().size());
    for (std::size_t i = 0; i < s.results().size(); ++i) CHECK(s.results()[i].ref == now.results()[i].ref);
    st = json::parse(protocol::state_json(s));
    CHECK(st["searching"] == false);
    CHECK(st["index"]["progress"] == 1.0);
}

TEST_CASE("session: a small archive is searched at once even while indexing in the background", "[session][slices]") {
    Session s;
    s.set_background_indexing(true);
    REQUIRE(s.load(bundled_archive()).ok());
    s.search("trotsky");
    CHECK_FALSE(s.searching());
    CHECK_FALSE(s.results().empty());
    CHECK_FALSE(s.indexing());
}

TEST_CASE("session: lanes grouped by section or person, and back by kind", "[session][timeline]") {
    Session s;
    REQUIRE(s.load(bundled_archive()).ok());
    const std::size_t by_kind = s.timeline().lanes.size();
    s.set_grouping(LaneGrouping::section);
    std::vector<std::string> titles;
    std::size_t works = 0;
    for (const Lane& lane : s.timeline().lanes) {
        titles.push_back(lane_title(lane));
        if (lane.kind == Lane::Kind::works) works += lane.items.size();
    }
    CHECK(std::find(titles.begin(), titles.end(), "works") != titles.end());  // the archive's own section names
    CHECK(std::find(titles.begin(), titles.end(), "Lives") != titles.end());  // lives and events stay
    CHECK(works == s.items().works.size());                                   // every dated work in one lane
    s.set_grouping(LaneGrouping::person);
    bool serge = false;
    for (const Lane& lane : s.timeline().lanes) serge = serge || lane_title(lane) == "Victor Serge";
    CHECK(serge);
    // Kept across loads; by kind again gives the lanes it gave.
    REQUIRE(s.load(bundled_archive()).ok());
    CHECK(s.grouping() == LaneGrouping::person);
    s.set_grouping(LaneGrouping::kind);
    CHECK(s.timeline().lanes.size() == by_kind);
    CHECK(grouping_named("collection") == LaneGrouping::collection);
    CHECK_FALSE(grouping_named("colour"));
}
