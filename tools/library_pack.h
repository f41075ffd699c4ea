// lectern-tool pack's work: archives in, a library out (docs/library-format.md), in one
// pass over the archives, one archive in memory at a time. Each archive's texts are
// compressed as it is read; what stays for the end is a short record per work (its date,
// its collection, its JSON without the text), from which the tiles, the id blocks and the
// manifest are written in time order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lectern::tool {

struct PackOptions {
    std::string folder;     // the folder layout (library.json and its parts); "" for none
    std::string container;  // the container file (library.lectern); "" for none
    std::string title;      // the library's title; "" takes the only collection's, else "Library"
    std::uint32_t tile_works = 512;
    std::size_t pack_bytes = 256 << 10;  // a body pack is closed once it holds this much
    // The search index's postings held in memory before a sorted run is written to disk.
    std::size_t index_memory = 256 << 20;
    std::size_t index_directory_blocks = 64;  // dictionary blocks per directory (fewer: tests only)
};

struct PackReport {
    std::uint64_t works = 0, collections = 0, text_bytes = 0;
    std::uint64_t parts = 0, part_bytes = 0, largest_part = 0;
    std::uint64_t manifest_bytes = 0, container_bytes = 0;
    std::uint64_t index_terms = 0, index_runs = 0;  // the search index's terms, and runs spilled to disk
};

// False, with `error` naming the archive and its first problem, when an archive cannot be
// read or is not valid, or an output cannot be written. Outputs are replaced atomically:
// the manifest last, so a reader never sees a library with parts missing.
bool pack_library(const std::vector<std::string>& archives, const PackOptions& options, PackReport& report,
                  std::string& error);

}  // namespace lectern::tool
