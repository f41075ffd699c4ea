// A session showing a packed library, answered by a stand-in for the page's fetches (the
// folder layout, read from disk): counts before tiles, tiles for what is in view, a link to
// a work not loaded, texts on demand, previous/next across tiles, and faults that lose nothing.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "../test_files.h"
#include "core/import/synth.h"
#include "core/session/protocol.h"
#include "core/session/session.h"
#include "platform/gzip.h"
#include "library_pack.h"

namespace {

namespace fs = std::filesystem;
using namespace lectern;

// What the page does for each request: fetch the part, check it against its name, take the
// member asked for and inflate it. `broken` parts answer as a host that lost them would.
struct Host {
    fs::path folder;
    std::set<std::string> missing, corrupt;
    int answered = 0;

    void serve(Session& s) {
        for (int round = 0; round < 8; ++round) {
            std::vector<LibraryRequest> requests = s.take_library_requests();
            if (requests.empty()) return;
            for (const LibraryRequest& r : requests) answer(s, r);
        }
    }
    void answer(Session& s, const LibraryRequest& r) {
        ++answered;
        if (missing.count(r.part.name)) return s.library_answer(r.id, false, "", 0, "HTTP 404");
        std::string stored = read_file((folder / r.part.name).string());
        if (corrupt.count(r.part.name)) stored[stored.size() / 2] ^= 0x55;
        if (!shard_matches(r.part.name, stored))
            return s.library_answer(r.id, false, "", stored.size(), "its content does not match its name");
        const std::string_view slice = r.member_bytes ? std::string_view(stored).substr(r.member_offset, r.member_bytes)
                                                      : std::string_view(stored);
        const auto text = platform::gunzip(slice);
        REQUIRE(text);
        s.library_answer(r.id, true, *text, slice.size(), "");
    }
};

fs::path pack_synth(std::size_t works, const std::string& name) {
    SynthSettings st;
    st.works = works;
    st.body_bytes = 600;
    st.seed = 3;
    const fs::path dir = fs::temp_directory_path() / ("lectern-libsession-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream(dir / "synth.json") << synth_archive_json(st);
    tool::PackOptions o;
    o.folder = (dir / "lib").string();
    o.tile_works = 64;
    tool::PackReport report;
    std::string error;
    REQUIRE(tool::pack_library({(dir / "synth.json").string()}, o, report, error));
    return dir;
}

// Two synthetic collections, "london" and "paris", of `works` works each, packed into
// <tmp>/lectern-libsession-<name>/lib.
fs::path pack_two_cities(const std::string& name, std::size_t works) {
    const fs::path dir = fs::temp_directory_path() / ("lectern-libsession-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    SynthSettings st;
    st.works = works;
    for (const char* city : {"london", "paris"}) {
        st.seed += 1;
        std::ofstream(dir / (std::string(city) + ".json")) << synth_archive_json(st);
    }
    tool::PackOptions o;
    o.folder = (dir / "lib").string();
    tool::PackReport report;
    std::string error;
    INFO(error);
    REQUIRE(tool::pack_library({(dir / "london.json").string(), (dir / "paris.json").string()}, o, report, error));
    return dir;
}

std::uint64_t unloaded(const Session& s) {
    std::uint64_t n = 0;
    for (const Lane& lane : s.timeline().lanes)
        for (std::uint32_t c : lane.unloaded) n += c;
    return n;
}

}  // namespace

TEST_CASE("library session: the bundled archive as a library reads like the archive", "[library][session]") {
    const fs::path dir = fs::temp_directory_path() / "lectern-libsession-serge";
    fs::remove_all(dir);
    tool::PackOptions o;
    o.folder = (dir / "lib").string();
    tool::PackReport report;
    std::string error;
    REQUIRE(tool::pack_library({std::string(LECTERN_SOURCE_DIR) + "/data/serge.json"}, o, report, error));

    Session s;
    REQUIRE(s.open_library(read_file((dir / "lib" / "library.json").string()), error));
    CHECK(s.is_library());
    CHECK(s.archive().title == "Victor Serge");
    CHECK(s.archive().works.empty());
    CHECK(unloaded(s) == 37);  // the first frame draws every work as a count
    CHECK(s.view().start < 1908.5);
    CHECK(s.view().end > 1946);

    Host host{dir / "lib", {}, {}, 0};
    host.serve(s);
    const LoadResult original = load_archive(bundled_archive());
    CHECK(s.archive().works.size() == 37);
    CHECK(unloaded(s) == 0);
    CHECK(s.archive().pages.size() == original.archive->pages.size());
    CHECK(s.archive().events.size() == original.archive->events.size());
    CHECK(s.archive().eras.size() == original.archive->eras.size());
    CHECK(s.era_spans().size() == original.archive->eras.size());
    const std::string id = original.archive->works[20].id;
    REQUIRE(s.open(id));
    CHECK(s.archive().works[static_cast<std::size_t>(s.selected())].id == id);

    const auto st = nlohmann::json::parse(protocol::state_json(s, {}));
    CHECK(st["library"]["works"] == 37);
    CHECK(st["library"]["loaded"] == 37);
    CHECK(st["library"]["collections"] == 1);
    CHECK(st["library"]["pending"] == 0);
    CHECK(st["library"]["requests"] == host.answered);

    // A plain archive again: no library left behind.
    REQUIRE(s.load(bundled_archive()).ok());
    CHECK_FALSE(s.is_library());
    CHECK(protocol::state_json(s, {}).find(R"("library":null)") != std::string::npos);
}

TEST_CASE("library session: tiles come for the view, links and texts on demand", "[library][session]") {
    const fs::path dir = pack_synth(3000, "big");
    Session s;
    std::string error;
    REQUIRE(s.open_library(read_file((dir / "lib" / "library.json").string()), error));
    Host host{dir / "lib", {}, {}, 0};

    // The whole span: dozens of tiles in view, so counts only: nothing fetched but the
    // collection's front matter.
    const LibraryManifest m = *parse_manifest(read_file((dir / "lib" / "library.json").string())).manifest;
    for (const LibraryRequest& r : s.take_library_requests()) {
        CHECK(r.kind == LibraryRequest::Kind::front);
        host.answer(s, r);
    }
    CHECK(unloaded(s) == m.dated);

    // Zoomed in: only the tiles under the view.
    const double mid = (s.view().start + s.view().end) / 2;
    REQUIRE(s.set_view(mid - 1, mid + 1));
    const std::vector<LibraryRequest> asked = s.take_library_requests();
    CHECK(!asked.empty());
    CHECK(asked.size() <= 8);
    for (const LibraryRequest& r : asked) host.answer(s, r);
    const std::size_t loaded = s.archive().works.size();
    CHECK(loaded >= 64);
    CHECK(unloaded(s) == m.dated - loaded);

    // A link to a work far away: its id block, then its tile, then it is open.
    const LoadResult source = load_archive(read_file((dir / "synth.json").string()));
    REQUIRE(source.ok());
    const Work& far = source.archive->works.front();
    CHECK(s.open(far.id));
    CHECK(s.opening() == far.id);
    for (int round = 0; round < 2; ++round)  // the id block, then the tile
        for (const LibraryRequest& r : s.take_library_requests()) host.answer(s, r);
    REQUIRE(s.selected() >= 0);
    CHECK(s.archive().works[static_cast<std::size_t>(s.selected())].id == far.id);
    CHECK(s.opening().empty());
    // Its text: asked for once open, one member of one pack.
    CHECK(s.body_state(s.selected()) == Session::BodyState::loading);
    const std::vector<LibraryRequest> body = s.take_library_requests();
    REQUIRE(body.size() == 1);
    CHECK(body[0].member_bytes > 0);
    host.answer(s, body[0]);
    CHECK(s.body_state(s.selected()) == Session::BodyState::ready);
    CHECK(*s.archive().works[static_cast<std::size_t>(s.selected())].body == *far.body);

    // A second link into the same id block: answered from the block already here.
    const Work& second = source.archive->works[1];
    REQUIRE(s.open(second.id));
    for (const LibraryRequest& r : s.take_library_requests()) {
        CHECK(r.kind != LibraryRequest::Kind::ids);
        host.answer(s, r);
    }
    REQUIRE(s.selected() >= 0);
    CHECK(s.archive().works[static_cast<std::size_t>(s.selected())].id == second.id);
    // A link still on its way gives way to a work chosen meanwhile.
    const int chosen = s.selected();
    REQUIRE(s.open(source.archive->works[2000].id));
    s.select(chosen);
    host.serve(s);
    CHECK(s.selected() == chosen);
    REQUIRE(s.open(far.id));

    // Next, walked through a whole tile and into the next one (fetched on the way).
    std::string last = far.id;
    for (int i = 0; i < 70; ++i) {
        REQUIRE(s.can_step(1));
        s.step(1);
        host.serve(s);
        const std::string now = s.archive().works[static_cast<std::size_t>(s.selected())].id;
        CHECK(now != last);
        last = now;
    }
    CHECK_FALSE(s.open("no-such-work-anywhere"));

    // Lanes by collection: the loaded works in their collection's lane, the rest counted in
    // a lane of their own until they arrive; by kind again, the manifest's lanes.
    s.set_grouping(LaneGrouping::collection);
    std::uint64_t in_lanes = 0;
    const Lane* rest = nullptr;
    for (const Lane& lane : s.timeline().lanes) {
        if (lane.kind == Lane::Kind::works) in_lanes += lane.items.size();
        if (lane.key == "unloaded") rest = &lane;
    }
    REQUIRE(rest);
    CHECK(in_lanes == s.items().works.size());
    CHECK(unloaded(s) == m.dated - s.items().works.size());
    s.set_grouping(LaneGrouping::kind);
    CHECK(unloaded(s) == m.dated - s.items().works.size());
}

TEST_CASE("library session: a missing or corrupt part is named, the rest stays, retry reads it", "[library][session]") {
    const fs::path dir = pack_synth(400, "faults");
    Session s;
    std::string error;
    const std::string manifest = read_file((dir / "lib" / "library.json").string());
    REQUIRE(s.open_library(manifest, error));
    const LibraryManifest m = *parse_manifest(manifest).manifest;
    REQUIRE(m.tiles.size() >= 3);
    Host host{dir / "lib", {}, {}, 0};
    host.missing.insert(m.tiles[0].shard.name);
    host.corrupt.insert(m.tiles[1].shard.name);
    host.serve(s);  // the whole span: every dated tile (fewer than eight)
    CHECK(s.archive().works.size() == m.dated - m.tiles[0].count - m.tiles[1].count);
    CHECK(s.notice().find(m.tiles[1].shard.name) != std::string::npos);
    CHECK(protocol::state_json(s, {}).find(R"("failed":true)") != std::string::npos);

    // The host serves them again; Retry asks once more and everything is there.
    host.missing.clear();
    host.corrupt.clear();
    host.serve(s);
    CHECK(s.archive().works.size() < m.dated);  // failed parts are not asked again by themselves
    s.retry_library();
    host.serve(s);
    CHECK(s.archive().works.size() == m.dated);

    // A newer format, or a manifest that is not one, leaves the library shown as it was.
    CHECK_FALSE(s.open_library(R"({"lectern-library": 9})", error));
    CHECK(error.find("newer") != std::string::npos);
    CHECK_FALSE(s.open_library("{}", error));
    CHECK(s.archive().works.size() == m.dated);
}

TEST_CASE("library session: a collection filter dims the other collections' works", "[library][session]") {
    const fs::path dir = pack_two_cities("filter", 200);
    std::string error;
    Session s;
    REQUIRE(s.open_library(read_file((dir / "lib" / "library.json").string()), error));
    Host host{dir / "lib", {}, {}, 0};
    host.serve(s);
    REQUIRE(s.archive().works.size() > 300);

    s.set_filter({{}, std::nullopt, std::nullopt, "", {"paris"}});
    host.serve(s);  // the filter reads the collection's postings from the search index
    int paris = 0, london = 0;
    for (int w = 0; w < static_cast<int>(s.archive().works.size()); ++w) {
        const bool in_paris = s.library()->manifest().collections[s.collection_of(w)].id == "paris";
        CHECK(s.work_matches(w) == in_paris);
        (in_paris ? paris : london) += 1;
    }
    CHECK(paris > 100);
    CHECK(london > 100);
    // The other filters apply too; none at all shows everything.
    s.set_filter({{"letter"}, std::nullopt, std::nullopt, "", {"paris"}});
    host.serve(s);
    int letters = 0;
    for (int w = 0; w < static_cast<int>(s.archive().works.size()); ++w) letters += s.work_matches(w) ? 1 : 0;
    CHECK(letters > 0);
    for (int w = 0; w < static_cast<int>(s.archive().works.size()); ++w)
        if (s.work_matches(w)) CHECK(s.archive().works[static_cast<std::size_t>(w)].kind == "letter");
    s.set_filter({});
    CHECK(s.work_matches(0));
}

TEST_CASE("library session: past four collections no front matter is fetched, and tiles bring their people",
          "[library][session]") {
    const fs::path dir = fs::temp_directory_path() / "lectern-libsession-many";
    fs::remove_all(dir);
    fs::create_directories(dir);
    SynthSettings st;
    st.works = 40;
    std::vector<std::string> archives;
    for (int i = 0; i < 5; ++i) {
        st.seed = 20 + static_cast<std::uint64_t>(i);
        archives.push_back((dir / ("c" + std::to_string(i) + ".json")).string());
        std::ofstream(archives.back()) << synth_archive_json(st);
    }
    tool::PackOptions o;
    o.folder = (dir / "lib").string();
    tool::PackReport report;
    std::string error;
    REQUIRE(tool::pack_library(archives, o, report, error));
    Session s;
    REQUIRE(s.open_library(read_file((dir / "lib" / "library.json").string()), error));
    Host host{dir / "lib", {}, {}, 0};
    for (const LibraryRequest& r : s.take_library_requests()) {
        CHECK(r.kind != LibraryRequest::Kind::front);
        host.answer(s, r);
    }
    host.serve(s);
    REQUIRE(!s.archive().works.empty());
    CHECK(s.archive().people.size() == 5);  // each collection's author, told apart
    for (const Work& w : s.archive().works)
        for (const std::string& p : w.people) CHECK(s.archive().find_person(p) != nullptr);
}

TEST_CASE("library session: keep a collection offline, as its button does, and forget it", "[library][session]") {
    const fs::path dir = pack_two_cities("offline", 150);
    std::string error;
    Session s;
    REQUIRE(s.open_library(read_file((dir / "lib" / "library.json").string()), error));
    Host host{dir / "lib", {}, {}, 0};
    host.serve(s);
    const CollectionRef paris = s.library()->manifest().collections[1];
    REQUIRE(paris.id == "paris");

    // Until the platform says it can keep parts, nothing is asked (the desktop viewer never does).
    CHECK_FALSE(s.offline().available());
    CHECK_FALSE(s.keep_offline(1));
    CHECK(nlohmann::json::parse(protocol::command(s, R"({"keep_offline": "paris"})"))["error"] ==
          "keep_offline: cannot keep it (unavailable: native)");
    s.offline().set_available("");

    // The reader asks: the list is fetched, then the platform is asked for every part in it.
    CHECK(protocol::command(s, R"({"keep_offline": "paris"})") == R"({"ok":true})");
    CHECK(s.offline().entry("paris").state == OfflineShelf::State::listing);
    CHECK_FALSE(s.keep_offline(1));  // once at a time
    CHECK(s.take_offline_asks().empty());
    host.serve(s);
    std::vector<OfflineAsk> asks = s.take_offline_asks();
    REQUIRE(asks.size() == 1);
    CHECK(asks[0].kind == OfflineAsk::Kind::keep);
    CHECK(asks[0].collection == "paris");
    CHECK(asks[0].bytes == paris.offline_bytes);
    REQUIRE(asks[0].parts.size() > 3);
    CHECK(asks[0].parts[0].name == paris.offline->name);
    CHECK(asks[0].parts[1].name == paris.front.name);
    std::uint64_t sum = 0;
    for (const ShardRef& p : asks[0].parts) {
        CHECK(fs::file_size(dir / "lib" / p.name) == p.bytes);
        sum += p.bytes;
    }
    CHECK(sum == paris.offline_bytes);

    // The platform reports progress, then the end; state() says so.
    s.offline().progress("paris", sum / 2, sum);
    auto state = nlohmann::json::parse(protocol::state_json(s, {}));
    CHECK(state["library"]["offline"]["collections"]["paris"]["state"] == "keeping");
    CHECK(state["library"]["offline"]["collections"]["paris"]["done"] == sum / 2);
    s.offline().finished("paris", true, "");
    CHECK(s.offline().entry("paris").state == OfflineShelf::State::kept);
    CHECK(s.offline().entry("paris").done == sum);

    // Forgotten: the platform is asked to drop its parts.
    CHECK(protocol::command(s, R"({"forget_offline": "paris"})") == R"({"ok":true})");
    CHECK(s.offline().entry("paris").state == OfflineShelf::State::none);
    asks = s.take_offline_asks();
    REQUIRE(asks.size() == 1);
    CHECK(asks[0].kind == OfflineAsk::Kind::forget);
    // A late report of the forgotten keep changes nothing.
    s.offline().finished("paris", true, "");
    CHECK(s.offline().entry("paris").state == OfflineShelf::State::none);

    // A list the host lost: the collection says why, and the reader may try again.
    host.missing.insert(paris.offline->name);
    REQUIRE(s.keep_offline(1));
    host.serve(s);
    CHECK(s.offline().entry("paris").state == OfflineShelf::State::failed);
    CHECK(s.offline().entry("paris").error == "HTTP 404");
    host.missing.clear();
    REQUIRE(s.keep_offline(1));
    host.serve(s);
    CHECK(s.take_offline_asks().size() == 1);

    // Kept on an earlier visit: by this build's list it is kept; by another, stale.
    s.offline().recorded("london", s.library()->manifest().collections[0].offline->name,
                         s.library()->manifest().collections[0].offline->name, 1000);
    CHECK(s.offline().entry("london").state == OfflineShelf::State::kept);
    s.offline_recorded("london", "o-0123456789abcdef.gz", 1000);
    CHECK(s.offline().entry("london").state == OfflineShelf::State::stale);
    s.offline_recorded("nowhere", "o-0123456789abcdef.gz", 1000);
    CHECK(s.offline().entries().count("nowhere") == 0);

    // Another library: nothing of this one's shelf is left.
    REQUIRE(s.open_library(read_file((dir / "lib" / "library.json").string()), error));
    CHECK(s.offline().entries().empty());
}
