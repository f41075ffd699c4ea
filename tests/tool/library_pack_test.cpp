// lectern-tool pack, read back with core/library: every work, text and front matter of the
// archives comes out of the library as it went in, in both layouts, in time order, and a
// damaged or hostile library is refused with the member named.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "../test_files.h"
#include "core/archive/archive_json.h"
#include "core/import/synth.h"
#include "core/library/library_manifest.h"
#include "core/library/library_tile.h"
#include "platform/gzip.h"
#include "library_pack.h"

namespace {

namespace fs = std::filesystem;
using namespace lectern;
using lectern::platform::gunzip;

// A packed library, read through its folder layout or its container.
struct Packed {
    fs::path dir;
    tool::PackReport report;
    LibraryManifest manifest;

    std::string folder_part(const ShardRef& ref) const { return read_file((dir / "lib" / ref.name).string()); }
    std::string container_part(const ShardRef& ref) const {
        const std::string all = read_file((dir / "library.lectern").string());
        const auto manifest_bytes = *container_manifest_bytes(all);
        return all.substr(kContainerHeaderBytes + manifest_bytes + ref.offset, ref.bytes);
    }
    std::string text(const ShardRef& ref) const {
        const std::string stored = folder_part(ref);
        REQUIRE(shard_matches(ref.name, stored));
        REQUIRE(stored == container_part(ref));
        return *gunzip(stored);
    }
    LibraryTile tile(std::size_t i) const {
        TileResult r = parse_tile(text(manifest.tiles[i].shard), manifest.tiles[i], manifest.collections.size());
        INFO(r.error);
        REQUIRE(r.tile);
        return *r.tile;
    }
};

Packed pack(const std::vector<std::string>& archives, const std::string& name) {
    Packed p;
    p.dir = fs::temp_directory_path() / ("lectern-pack-" + name);
    fs::remove_all(p.dir);
    fs::create_directories(p.dir);
    tool::PackOptions o;
    o.folder = (p.dir / "lib").string();
    o.container = (p.dir / "library.lectern").string();
    o.tile_works = 64;
    o.pack_bytes = 16 << 10;
    std::string error;
    INFO(error);
    REQUIRE(tool::pack_library(archives, o, p.report, error));
    const std::string folder_manifest = read_file((p.dir / "lib" / "library.json").string());
    const std::string container = read_file(o.container);
    REQUIRE(*gunzip(container.substr(kContainerHeaderBytes, *container_manifest_bytes(container))) == folder_manifest);
    ManifestResult m = parse_manifest(folder_manifest);
    INFO(m.error);
    REQUIRE(m.manifest);
    p.manifest = *m.manifest;
    return p;
}

std::string write_temp(const std::string& name, const std::string& text) {
    const fs::path path = fs::temp_directory_path() / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
}

}  // namespace

TEST_CASE("pack: the bundled archive comes back whole from both layouts", "[library][tool]") {
    const std::string source = std::string(LECTERN_SOURCE_DIR) + "/data/serge.json";
    const Packed p = pack({source}, "serge");
    const LoadResult original = load_archive(bundled_archive());
    REQUIRE(original.ok());
    const Archive& a = *original.archive;
    CHECK(p.manifest.title == a.title);
    CHECK(p.manifest.works == a.works.size());
    REQUIRE(p.manifest.collections.size() == 1);

    // Front matter: the archive without its works, member for member.
    Archive front = a;
    front.works.clear();
    CHECK(p.text(p.manifest.collections[0].front) == archive_to_json(front));

    // Every work, as the archive has it, in time order; every id finds its number.
    std::map<std::string, std::string> packed;
    double last_start = -1e9;
    for (std::size_t t = 0; t < p.manifest.tiles.size(); ++t) {
        const LibraryTile tile = p.tile(t);
        for (const Work& w : tile.works) {
            packed[w.id] = work_to_json(w);
            if (w.date) {
                CHECK(day_to_year(w.date->earliest_day) >= last_start);
                last_start = day_to_year(w.date->earliest_day);
            }
        }
    }
    REQUIRE(packed.size() == a.works.size());
    for (const Work& w : a.works) CHECK(packed[w.id] == work_to_json(w));

    std::size_t ids = 0;
    for (const IdBlockRef& b : p.manifest.ids) {
        IdBlockResult r = parse_id_block(p.text(b.shard), p.manifest.works);
        REQUIRE(r.block);
        for (const auto& [id, number] : *r.block) {
            ++ids;
            const LibraryTile tile = p.tile(static_cast<std::size_t>(p.manifest.tile_of(number)));
            CHECK(
                tile.works[number - p.manifest.tiles[static_cast<std::size_t>(p.manifest.tile_of(number))].first].id ==
                id);
            CHECK(p.manifest.id_block_of(id) == static_cast<int>(&b - p.manifest.ids.data()));
        }
    }
    CHECK(ids == a.works.size());
}

TEST_CASE("pack: texts of several collections come back byte for byte, shared ids made unique", "[library][tool]") {
    SynthSettings s;
    s.works = 300;
    s.body_bytes = 3000;
    s.seed = 7;
    const std::string one = write_temp("lectern-pack-one.json", synth_archive_json(s));
    s.seed = 8;
    s.first_year = 1900;
    const std::string two = write_temp("lectern-pack-two.json", synth_archive_json(s));
    const Packed p = pack({one, two}, "synth");
    REQUIRE(p.manifest.collections.size() == 2);
    CHECK(p.manifest.collections[1].id == "lectern-pack-two");
    CHECK(p.manifest.works == 600);
    CHECK(p.manifest.tiles.size() >= 10);  // 64 works a tile

    std::map<std::string, std::string> bodies;  // "collection:original id" -> text
    std::map<std::string, int> seen;
    for (std::size_t t = 0; t < p.manifest.tiles.size(); ++t) {
        const LibraryTile tile = p.tile(t);
        std::map<std::string, std::string> packs;
        for (std::size_t i = 0; i < tile.works.size(); ++i) {
            const Work& w = tile.works[i];
            ++seen[w.id];
            const TileWork& ref = tile.refs[i];
            REQUIRE(ref.body);
            const ShardRef& pack = tile.packs[ref.body->pack];
            const std::string stored = p.folder_part(pack);
            REQUIRE(shard_matches(pack.name, stored));
            // One gzip member: a range request reads it alone.
            const auto text = gunzip(std::string_view(stored).substr(ref.body->offset, ref.body->bytes));
            REQUIRE(text);
            const std::string& collection = p.manifest.collections[ref.collection].id;
            const std::string prefix = collection + "-";
            const std::string id = w.id.rfind(prefix, 0) == 0 ? w.id.substr(prefix.size()) : w.id;
            bodies[collection + ":" + id] = *text;
        }
    }
    for (const auto& [id, n] : seen) CHECK(n == 1);
    int checked = 0;
    for (const auto& [path, collection] : {std::pair{one, "lectern-pack-one"}, std::pair{two, "lectern-pack-two"}}) {
        const LoadResult a = load_archive(read_file(path));
        REQUIRE(a.ok());
        for (const Work& w : a.archive->works) {
            CHECK(bodies[std::string(collection) + ":" + w.id] == *w.body);
            ++checked;
        }
    }
    CHECK(checked == 600);
    CHECK(p.report.largest_part < (64u << 10));
}

TEST_CASE("pack: each collection's offline list holds every part its works need, and its size", "[library][tool]") {
    SynthSettings s;
    s.works = 200;
    s.body_bytes = 2000;
    s.seed = 3;
    const std::string one = write_temp("lectern-offline-one.json", synth_archive_json(s));
    s.seed = 4;
    s.works = 40;
    s.first_year = 1930;
    const std::string two = write_temp("lectern-offline-two.json", synth_archive_json(s));
    const Packed p = pack({one, two}, "offline");
    REQUIRE(p.manifest.collections.size() == 2);

    // What reading each collection needs, found by walking every tile and id block.
    std::vector<std::set<std::string>> needed(2);
    for (std::uint32_t c = 0; c < 2; ++c) needed[c].insert(p.manifest.collections[c].front.name);
    for (std::size_t t = 0; t < p.manifest.tiles.size(); ++t) {
        const LibraryTile tile = p.tile(t);
        for (const TileWork& ref : tile.refs) {
            needed[ref.collection].insert(p.manifest.tiles[t].shard.name);
            if (ref.body) needed[ref.collection].insert(tile.packs[ref.body->pack].name);
        }
    }
    for (const IdBlockRef& b : p.manifest.ids) {
        const IdBlockResult r = parse_id_block(p.text(b.shard), p.manifest.works);
        REQUIRE(r.block);
        for (const auto& [id, number] : *r.block) {
            const int t = p.manifest.tile_of(number);
            const LibraryTile tile = p.tile(static_cast<std::size_t>(t));
            needed[tile.refs[number - p.manifest.tiles[static_cast<std::size_t>(t)].first].collection].insert(
                b.shard.name);
        }
    }

    for (std::uint32_t c = 0; c < 2; ++c) {
        const CollectionRef& ref = p.manifest.collections[c];
        INFO(ref.id);
        REQUIRE(ref.offline);
        const OfflineListResult list = parse_offline_list(p.text(*ref.offline));
        INFO(list.error);
        REQUIRE(list.parts);
        std::set<std::string> names;
        std::uint64_t bytes = ref.offline->bytes;
        for (const ShardRef& part : *list.parts) {
            CHECK(names.insert(part.name).second);  // each once
            CHECK(p.folder_part(part) == p.container_part(part));
            bytes += part.bytes;
        }
        CHECK(names == needed[c]);
        CHECK(ref.offline_bytes == bytes);
    }
    // The small collection needs less than the large one: it is not the whole library.
    CHECK(p.manifest.collections[1].offline_bytes < p.manifest.collections[0].offline_bytes / 2);

    // A manifest read back keeps the lists; a wrong size or list is refused with the member named.
    CHECK(parse_manifest(manifest_to_json(p.manifest)).manifest->collections[1].offline_bytes ==
          p.manifest.collections[1].offline_bytes);
    std::string text = manifest_to_json(p.manifest);
    nlohmann::json j = nlohmann::json::parse(text);
    j["collections"][1]["offline"]["bytes"] = 1;
    CHECK(parse_manifest(j.dump()).error ==
          "collections[1].offline.bytes: expected the stored bytes of every part "
          "listed, the list's own included");
    j["collections"][1]["offline"] = {{"bytes", 10}, {"list", {"../x", 0, 1}}};
    CHECK(parse_manifest(j.dump()).error == "collections[1].offline.list: '../x' is not the name of a library part");
    CHECK(parse_offline_list(R"({"parts": [["t-0123456789abcdef.gz", 0, 5], 3]})").error ==
          "parts[1]: expected [name, offset, bytes]");
    CHECK(parse_offline_list("{").error == "not JSON");
}

TEST_CASE("pack: a bad archive names itself and writes no manifest", "[library][tool]") {
    const std::string bad = write_temp("lectern-pack-bad.json", R"({"lectern": 1, "title": 5, "works": []})");
    const fs::path out = fs::temp_directory_path() / "lectern-pack-bad-out";
    fs::remove_all(out);
    tool::PackOptions o;
    o.folder = out.string();
    tool::PackReport r;
    std::string error;
    CHECK_FALSE(tool::pack_library({bad}, o, r, error));
    CHECK(error.find("lectern-pack-bad.json") != std::string::npos);
    CHECK_FALSE(fs::exists(out / "library.json"));
}

TEST_CASE("library: hostile manifests are refused with the member named", "[library]") {
    const std::string source = std::string(LECTERN_SOURCE_DIR) + "/data/serge.json";
    const Packed p = pack({source}, "hostile");
    const std::string good = read_file((p.dir / "lib" / "library.json").string());
    auto nj = nlohmann::json::parse(good);
    auto refused = [](const nlohmann::json& j, const std::string& where) {
        ManifestResult r = parse_manifest(j.dump());
        CHECK_FALSE(r.manifest);
        CHECK(r.error.find(where) != std::string::npos);
        return r;
    };
    {
        auto j = nj;
        j["tiles"][0]["part"][0] = "../../etc/passwd";
        refused(j, "tiles[0].part");
    }
    {
        auto j = nj;
        j["tiles"][0]["part"][2] = 10737418240ull;  // a 10 GB part
        refused(j, "more than a part may hold");
    }
    {
        auto j = nj;
        j["works"] = 4000000000ull;
        refused(j, "works");
    }
    {
        auto j = nj;
        j["tiles"][0]["first"] = 5;
        refused(j, "tiles[0].first");
    }
    {
        auto j = nj;
        j["lectern-library"] = 2;
        CHECK(refused(j, "2").newer);
    }
    CHECK_FALSE(parse_manifest("{").manifest);
    CHECK(parse_manifest(good).manifest);

    // A tile whose text reference runs past its pack, or that names no such collection.
    const TileRef& ref = p.manifest.tiles[0];
    auto tile = nlohmann::json::parse(p.text(ref.shard));
    tile["refs"][0] = {5};
    CHECK(parse_tile(tile.dump(), ref, 1).error.find("refs[0]") != std::string::npos);
    tile["refs"][0] = {0};
    tile["first"] = 3;
    CHECK(parse_tile(tile.dump(), ref, 1).error.find("first") != std::string::npos);
    CHECK_FALSE(shard_matches(ref.shard.name, p.folder_part(ref.shard) + "x"));
    CHECK_FALSE(valid_shard_name("t-0123456789abcdef.gz/.."));
}
