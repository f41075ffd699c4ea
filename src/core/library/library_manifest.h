// A library's manifest (docs/library-format.md): the one small file a reader fetches
// first. It says what the library holds (counts, span, lanes, collections), draws the
// whole timeline as counts before any tile arrives (density), and points at every tile and
// id block by content name. Everything else is fetched as the reader needs it.
//
//   ManifestResult r = parse_manifest(text);
//   if (!r.manifest) show(r.error);           // names the member and what is wrong with it
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/library/shard.h"

namespace lectern {

inline constexpr int kLibraryFormatVersion = 1;
// Hostile-input bounds: a manifest or part declaring more than these is refused before any
// memory is set aside for it. Real libraries stay far below (a part is at most 25 MB by
// the format's host limits; 10 million works is 50 times the Marxists Internet Archive).
inline constexpr std::uint64_t kMaxPartBytes = 64ull << 20;
inline constexpr std::uint64_t kMaxManifestBytes = 16ull << 20;
inline constexpr std::uint32_t kMaxLibraryWorks = 10'000'000;
inline constexpr std::size_t kMaxDensityBins = 4096;
// A part inflates to at most this: readers stop there (a small gzip can stand for gigabytes).
inline constexpr std::uint64_t kMaxInflatedBytes = 256ull << 20;
inline constexpr std::size_t kMaxCollections = 100'000;

// Works numbered in time order (0 first), `count` of them from `first`, dated from `start`
// to `end` (fractional years; a tile of undated works has start == end == 0).
struct TileRef {
    std::uint32_t first = 0, count = 0;
    double start = 0, end = 0;
    ShardRef shard;
};

// The id-to-number map, sorted by id and cut into blocks: `first_id` is each block's first.
struct IdBlockRef {
    std::string first_id;
    ShardRef shard;
};

// One archive of the library (an author, a journal), with its front matter in `front`.
// `offline` lists every part a reader needs to read the collection without a network
// (parse_offline_list), `offline_bytes` stored bytes in all, that list included: the size
// "keep this collection offline" will take. Libraries packed before it have none.
struct CollectionRef {
    std::string id, title;
    std::uint32_t works = 0;
    ShardRef front;
    std::optional<ShardRef> offline;
    std::uint64_t offline_bytes = 0;
};

// Dated works of one lane per bin across [first, last].
struct LaneDensity {
    std::string lane;
    std::vector<std::uint32_t> counts;
};

struct LibraryManifest {
    int version = kLibraryFormatVersion;
    std::string title, subtitle, language;
    std::uint32_t works = 0, dated = 0;  // works numbered < dated have dates; the rest are undated
    double first = 0, last = 0;          // extent of the dated works
    std::vector<LaneDensity> density;
    std::vector<CollectionRef> collections;
    std::vector<TileRef> tiles;  // in number order, together covering 0 .. works
    std::vector<IdBlockRef> ids;
    std::optional<ShardRef> search;  // the search index's root (library_index.h); none: not searchable

    // The tile holding work `number`, or -1.
    int tile_of(std::uint32_t number) const;
    // The bin of `bins` across [first, last] that counts a work starting at `start`: the
    // packer counts with it and the viewer subtracts loaded works with it, so the two agree.
    std::size_t density_bin(double start, std::size_t bins) const;
    // The id block that would hold `id`, or -1 (before the first block).
    int id_block_of(std::string_view id) const;
    // The collection with this id, or -1.
    int collection_index(std::string_view id) const;
};

struct ManifestResult {
    std::optional<LibraryManifest> manifest;
    std::string error;   // "tiles[3].shard: ..." when manifest is empty
    bool newer = false;  // the error is a format version this reader does not know
};

ManifestResult parse_manifest(std::string_view json_text);
std::string manifest_to_json(const LibraryManifest& manifest);

// A collection's offline list (`o-<hash>.gz`): {"parts": [[name, offset, bytes], …]}, the
// collection's front matter, the tiles and text packs holding its works and the id blocks
// holding their ids. `error` names the entry that is wrong when `parts` is empty.
struct OfflineListResult {
    std::optional<std::vector<ShardRef>> parts;
    std::string error;
};
inline constexpr std::size_t kMaxOfflineParts = 1'000'000;
OfflineListResult parse_offline_list(std::string_view json_text);
std::string offline_list_to_json(const std::vector<ShardRef>& parts);

}  // namespace lectern
