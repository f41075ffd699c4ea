// Reads and writes a library's manifest, refusing anything a hostile or broken one could
// use against the reader: names outside the folder, parts past the size bound, tiles that
// skip or repeat numbers, counts that disagree.
#include "core/library/library_manifest.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/library/library_json.h"

namespace lectern {

using nlohmann::json;

int LibraryManifest::tile_of(std::uint32_t number) const {
    auto it = std::upper_bound(tiles.begin(), tiles.end(), number,
                               [](std::uint32_t n, const TileRef& t) { return n < t.first; });
    if (it == tiles.begin()) return -1;
    --it;
    return number - it->first < it->count ? static_cast<int>(it - tiles.begin()) : -1;
}

std::size_t LibraryManifest::density_bin(double start, std::size_t bins) const {
    if (!(last > first) || bins == 0) return 0;
    const double at = (start - first) * static_cast<double>(bins) / (last - first);
    return static_cast<std::size_t>(std::clamp(at, 0.0, static_cast<double>(bins) - 1.0));
}

int LibraryManifest::id_block_of(std::string_view id) const {
    auto it = std::upper_bound(ids.begin(), ids.end(), id,
                               [](std::string_view v, const IdBlockRef& b) { return v < b.first_id; });
    return it == ids.begin() ? -1 : static_cast<int>(it - ids.begin()) - 1;
}

int LibraryManifest::collection_index(std::string_view id) const {
    for (std::size_t i = 0; i < collections.size(); ++i)
        if (collections[i].id == id) return static_cast<int>(i);
    return -1;
}

namespace {

using library_json::Bad;
using library_json::count_at;
using library_json::number_at;
using library_json::ref_at;
using library_json::text_at;

// Every lane counts the same bins, and all of them together no more than the dated works:
// the timeline adds them up and draws them.
void check_density(const LibraryManifest& m) {
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < m.density.size(); ++i) {
        if (m.density[i].counts.size() != m.density.front().counts.size())
            throw Bad{"density[" + std::to_string(i) + "].counts", "a different number of bins from the first lane"};
        for (std::uint32_t c : m.density[i].counts) total += c;
    }
    if (total > m.dated)
        throw Bad{"density",
                  "counts " + std::to_string(total) + " works, more than the " + std::to_string(m.dated) + " dated"};
}

void check_tiles(const LibraryManifest& m) {
    std::uint32_t next = 0;
    for (std::size_t i = 0; i < m.tiles.size(); ++i) {
        const TileRef& t = m.tiles[i];
        const std::string where = "tiles[" + std::to_string(i) + "]";
        if (t.first != next) throw Bad{where + ".first", "expected " + std::to_string(next) + " (tiles follow on)"};
        if (t.count == 0) throw Bad{where + ".count", "a tile holds at least one work"};
        if (t.end < t.start) throw Bad{where + ".end", "before its start"};
        next += t.count;
    }
    if (next != m.works)
        throw Bad{"tiles", "cover " + std::to_string(next) + " works, the manifest says " + std::to_string(m.works)};
}

LibraryManifest read_manifest(const json& j) {
    LibraryManifest m;
    if (!j.is_object()) throw Bad{"", "expected an object"};
    m.title = text_at(j, "title");
    m.subtitle = text_at(j, "subtitle", false);
    m.language = text_at(j, "language", false);
    m.works = count_at(j, "works", kMaxLibraryWorks);
    m.dated = count_at(j, "dated", m.works);
    m.first = number_at(j, "first");
    m.last = number_at(j, "last");
    if (m.last < m.first) throw Bad{"last", "before first"};

    const json& density = library_json::array_at(j, "density", 64);
    for (std::size_t i = 0; i < density.size(); ++i) {
        const std::string where = "density[" + std::to_string(i) + "]";
        LaneDensity d;
        d.lane = text_at(density[i], "lane", true, where);
        const json& counts = library_json::array_at(density[i], "counts", kMaxDensityBins, where);
        for (const json& c : counts) {
            if (!c.is_number_unsigned() || c.get<std::uint64_t>() > m.dated)
                throw Bad{where + ".counts", "expected counts"};
            d.counts.push_back(c.get<std::uint32_t>());
        }
        m.density.push_back(std::move(d));
    }
    check_density(m);
    const json& collections = library_json::array_at(j, "collections", kMaxCollections);
    m.collections.reserve(collections.size());
    for (std::size_t i = 0; i < collections.size(); ++i) {
        const std::string where = "collections[" + std::to_string(i) + "]";
        CollectionRef c;
        c.id = text_at(collections[i], "id", true, where);
        c.title = text_at(collections[i], "title", true, where);
        c.works = count_at(collections[i], "works", m.works, where);
        c.front = ref_at(collections[i], "front", where);
        if (collections[i].contains("offline")) {
            const json& o = library_json::member(collections[i], "offline", where);
            const std::string at = where + ".offline";
            c.offline = ref_at(o, "list", at);
            const json& bytes = library_json::member(o, "bytes", at);
            if (!bytes.is_number_unsigned() || bytes.get<std::uint64_t>() < c.offline->bytes)
                throw Bad{at + ".bytes", "expected the stored bytes of every part listed, the list's own included"};
            c.offline_bytes = bytes.get<std::uint64_t>();
        }
        m.collections.push_back(std::move(c));
    }
    const json& tiles = library_json::array_at(j, "tiles", kMaxLibraryWorks);
    m.tiles.reserve(tiles.size());
    for (std::size_t i = 0; i < tiles.size(); ++i) {
        const std::string where = "tiles[" + std::to_string(i) + "]";
        TileRef t;
        t.first = count_at(tiles[i], "first", m.works, where);
        t.count = count_at(tiles[i], "count", m.works, where);
        t.start = number_at(tiles[i], "start", where);
        t.end = number_at(tiles[i], "end", where);
        t.shard = ref_at(tiles[i], "part", where);
        m.tiles.push_back(std::move(t));
    }
    check_tiles(m);
    const json& ids = library_json::array_at(j, "ids", kMaxLibraryWorks);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const std::string where = "ids[" + std::to_string(i) + "]";
        IdBlockRef b;
        b.first_id = text_at(ids[i], "first", true, where);
        if (i > 0 && !(m.ids.back().first_id < b.first_id)) throw Bad{where + ".first", "ids out of order"};
        b.shard = ref_at(ids[i], "part", where);
        m.ids.push_back(std::move(b));
    }
    // The search index (library_index.h), when the packer wrote one: its root's part.
    if (j.contains("search")) m.search = ref_at(library_json::member(j, "search", ""), "root", "search");
    return m;
}

}  // namespace

ManifestResult parse_manifest(std::string_view text) {
    ManifestResult r;
    if (text.size() > kMaxManifestBytes) {
        r.error = "the manifest is " + std::to_string(text.size()) + " bytes, more than a manifest may be";
        return r;
    }
    const json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) {
        r.error = "not JSON";
        return r;
    }
    if (!j.is_object() || !j.contains("lectern-library")) {
        r.error = "not a Lectern library (no \"lectern-library\" member)";
        return r;
    }
    const json& v = j["lectern-library"];
    if (!v.is_number_integer() || v.get<long long>() < 1) {
        r.error = "lectern-library: expected a format version";
        return r;
    }
    if (v.get<long long>() > kLibraryFormatVersion) {
        r.error = std::to_string(v.get<long long>());
        r.newer = true;
        return r;
    }
    try {
        r.manifest = read_manifest(j);
    } catch (const Bad& bad) { r.error = bad.text(); }
    return r;
}

std::string manifest_to_json(const LibraryManifest& m) {
    nlohmann::ordered_json j;
    j["lectern-library"] = m.version;
    j["title"] = m.title;
    if (!m.subtitle.empty()) j["subtitle"] = m.subtitle;
    if (!m.language.empty()) j["language"] = m.language;
    j["works"] = m.works;
    j["dated"] = m.dated;
    j["first"] = m.first;
    j["last"] = m.last;
    j["density"] = nlohmann::ordered_json::array();
    for (const LaneDensity& d : m.density) j["density"].push_back({{"lane", d.lane}, {"counts", d.counts}});
    j["collections"] = nlohmann::ordered_json::array();
    for (const CollectionRef& c : m.collections) {
        nlohmann::ordered_json entry = {
            {"id", c.id}, {"title", c.title}, {"works", c.works}, {"front", library_json::ref_json(c.front)}};
        if (c.offline) entry["offline"] = {{"bytes", c.offline_bytes}, {"list", library_json::ref_json(*c.offline)}};
        j["collections"].push_back(std::move(entry));
    }
    j["tiles"] = nlohmann::ordered_json::array();
    for (const TileRef& t : m.tiles)
        j["tiles"].push_back({{"first", t.first},
                              {"count", t.count},
                              {"start", t.start},
                              {"end", t.end},
                              {"part", library_json::ref_json(t.shard)}});
    j["ids"] = nlohmann::ordered_json::array();
    for (const IdBlockRef& b : m.ids)
        j["ids"].push_back({{"first", b.first_id}, {"part", library_json::ref_json(b.shard)}});
    if (m.search) j["search"] = {{"root", library_json::ref_json(*m.search)}};
    return j.dump() + "\n";
}

OfflineListResult parse_offline_list(std::string_view text) {
    OfflineListResult r;
    const json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) {
        r.error = "not JSON";
        return r;
    }
    try {
        const json& parts = library_json::array_at(j, "parts", kMaxOfflineParts);
        std::vector<ShardRef> out;
        out.reserve(parts.size());
        for (std::size_t i = 0; i < parts.size(); ++i)
            out.push_back(library_json::ref_from(parts[i], "parts[" + std::to_string(i) + "]"));
        r.parts = std::move(out);
    } catch (const Bad& bad) { r.error = bad.text(); }
    return r;
}

std::string offline_list_to_json(const std::vector<ShardRef>& parts) {
    nlohmann::ordered_json j;
    j["parts"] = nlohmann::ordered_json::array();
    for (const ShardRef& p : parts) j["parts"].push_back(library_json::ref_json(p));
    return j.dump();
}

}  // namespace lectern
