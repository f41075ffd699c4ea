// A library's tiles and id blocks (docs/library-format.md). A tile holds a run of works in
// time order: an archive of those works without their texts (read by the archive loader,
// so a tile is checked like any archive) and, for each, its collection and where its text
// is. An id block maps work ids to numbers, so a link to `#work=ID` finds its tile.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/archive/archive.h"
#include "core/library/library_manifest.h"

namespace lectern {

// Where a work's text is: one gzip member of `length` bytes at `offset` in body pack `pack`
// (an index into the tile's packs).
struct BodyRef {
    std::uint32_t pack = 0;
    std::uint64_t offset = 0, bytes = 0;
};

struct TileWork {
    std::uint32_t collection = 0;  // index into the manifest's collections
    std::optional<BodyRef> body;   // nullopt: the work has no text
};

struct LibraryTile {
    std::vector<ShardRef> packs;
    std::vector<TileWork> refs;  // one per work, in number order
    std::vector<Work> works;     // bodies empty; numbered tile.first + i
    std::vector<Person> people;  // the people these works name
};

struct TileResult {
    std::optional<LibraryTile> tile;
    std::string error;
};

// `expected` is the manifest's entry for the tile: the tile must hold exactly its works.
TileResult parse_tile(std::string_view json_text, const TileRef& expected, std::size_t collections);
std::string tile_to_json(const LibraryTile& tile, std::uint32_t first, std::string_view archive_json);

using IdBlock = std::vector<std::pair<std::string, std::uint32_t>>;  // sorted by id

struct IdBlockResult {
    std::optional<IdBlock> block;
    std::string error;
};

IdBlockResult parse_id_block(std::string_view json_text, std::uint32_t works);
std::string id_block_to_json(const IdBlock& block);

}  // namespace lectern
