// Reads and writes tiles and id blocks; a tile's works go through the archive loader.
#include "core/library/library_tile.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/library/library_json.h"

namespace lectern {

using library_json::Bad;
using nlohmann::json;

namespace {

LibraryTile read_tile(const json& j, const TileRef& expected, std::size_t collections) {
    LibraryTile t;
    if (library_json::count_at(j, "first", kMaxLibraryWorks) != expected.first)
        throw Bad{"first", "expected " + std::to_string(expected.first)};
    const json& packs = library_json::array_at(j, "packs", expected.count);
    for (std::size_t i = 0; i < packs.size(); ++i)
        t.packs.push_back(library_json::ref_from(packs[i], "packs[" + std::to_string(i) + "]"));
    const json& refs = library_json::array_at(j, "refs", expected.count);
    if (refs.size() != expected.count) throw Bad{"refs", "expected " + std::to_string(expected.count) + " works"};
    for (std::size_t i = 0; i < refs.size(); ++i) {
        const json& r = refs[i];
        const std::string where = "refs[" + std::to_string(i) + "]";
        if (!r.is_array() || (r.size() != 1 && r.size() != 4) || !r[0].is_number_unsigned() ||
            r[0].get<std::uint64_t>() >= collections)
            throw Bad{where, "expected [collection] or [collection, pack, offset, bytes]"};
        TileWork w;
        w.collection = r[0].get<std::uint32_t>();
        if (r.size() == 4) {
            if (!r[1].is_number_unsigned() || r[1].get<std::uint64_t>() >= t.packs.size() ||
                !r[2].is_number_unsigned() || !r[3].is_number_unsigned())
                throw Bad{where, "expected a pack of this tile, an offset and a length"};
            BodyRef b{r[1].get<std::uint32_t>(), r[2].get<std::uint64_t>(), r[3].get<std::uint64_t>()};
            const ShardRef& pack = t.packs[b.pack];
            if (b.offset > pack.bytes || b.bytes > pack.bytes - b.offset) throw Bad{where, "outside its pack"};
            w.body = b;
        }
        t.refs.push_back(w);
    }
    const json& archive = library_json::member(j, "archive", "");
    LoadResult loaded = load_archive(archive.dump());
    if (!loaded.ok()) throw Bad{"archive", loaded.first_error()};
    if (loaded.archive->works.size() != expected.count)
        throw Bad{"archive.works", "expected " + std::to_string(expected.count) + " works"};
    t.works = loaded.archive->works;
    t.people = loaded.archive->people;
    return t;
}

}  // namespace

TileResult parse_tile(std::string_view text, const TileRef& expected, std::size_t collections) {
    TileResult r;
    const json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        r.error = "not a tile (expected a JSON object)";
        return r;
    }
    try {
        r.tile = read_tile(j, expected, collections);
    } catch (const Bad& bad) { r.error = bad.text(); }
    return r;
}

std::string tile_to_json(const LibraryTile& t, std::uint32_t first, std::string_view archive_json) {
    nlohmann::ordered_json j;
    j["first"] = first;
    j["packs"] = nlohmann::ordered_json::array();
    for (const ShardRef& p : t.packs) j["packs"].push_back(library_json::ref_json(p));
    j["refs"] = nlohmann::ordered_json::array();
    for (const TileWork& w : t.refs) {
        if (w.body) j["refs"].push_back({w.collection, w.body->pack, w.body->offset, w.body->bytes});
        else j["refs"].push_back({w.collection});
    }
    // The archive goes in as it was written, members in the format's order.
    j["archive"] = nlohmann::ordered_json::parse(archive_json);
    return j.dump();
}

IdBlockResult parse_id_block(std::string_view text, std::uint32_t works) {
    IdBlockResult r;
    const json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("ids") || !j["ids"].is_array()) {
        r.error = "not an id block (expected {\"ids\": [...]})";
        return r;
    }
    IdBlock block;
    for (const json& e : j["ids"]) {
        if (!e.is_array() || e.size() != 2 || !e[0].is_string() || !e[1].is_number_unsigned() ||
            e[1].get<std::uint64_t>() >= works) {
            r.error = "ids[" + std::to_string(block.size()) + "]: expected [id, number of a work]";
            return r;
        }
        block.emplace_back(e[0].get<std::string>(), e[1].get<std::uint32_t>());
        if (block.size() > 1 && !(block[block.size() - 2].first < block.back().first)) {
            r.error = "ids[" + std::to_string(block.size() - 1) + "]: ids out of order";
            return r;
        }
    }
    r.block = std::move(block);
    return r;
}

std::string id_block_to_json(const IdBlock& block) {
    nlohmann::ordered_json j;
    j["ids"] = nlohmann::ordered_json::array();
    for (const auto& [id, number] : block) j["ids"].push_back({id, number});
    return j.dump();
}

}  // namespace lectern
