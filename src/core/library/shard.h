// The parts of a library (docs/library-format.md) are immutable files named by their
// content: `t-0123456789abcdef.gz` is a tile whose stored bytes hash to 0123456789abcdef.
// A rebuilt library gets new names, so a reader can never mix an old part with a new one,
// and a part that arrives damaged (or stale, under a name it no longer matches) is caught
// before it is read.
//
//   std::string name = shard_name('t', gz_bytes);           // the pack tool
//   if (!shard_matches(name, fetched)) report_corrupt(name);   // the viewer
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lectern {

// FNV-1a, 64 bits: a name, not a signature. It catches a damaged or stale part; it does not
// stop a host that wants to lie (nothing a static file can carry would).
std::uint64_t content_hash(std::string_view bytes);

// "<kind>-<16 lowercase hex digits>.gz".
std::string shard_name(char kind, std::string_view stored_bytes);

// True when `name` has the form shard_name gives (so it cannot point outside the library's
// folder: no slash, no dot-dot) and, for shard_matches, the bytes hash to it.
bool valid_shard_name(std::string_view name);
bool shard_matches(std::string_view name, std::string_view stored_bytes);

// Where a part is: its file name in the folder layout; its place in the container's data
// section (the bytes after the header and the manifest) in the container layout.
struct ShardRef {
    std::string name;
    std::uint64_t offset = 0, bytes = 0;
};

// The container (`library.lectern`): a 32-byte header, the manifest, then the data section.
// The header is the magic line and the manifest's length in 16 hex digits, so a reader
// learns everything it needs from the first request.
inline constexpr std::string_view kContainerMagic = "LECTERN-LIBRARY\n";
inline constexpr std::size_t kContainerHeaderBytes = 32;
std::string container_header(std::uint64_t manifest_bytes);
// The manifest's length, or nullopt when `head` (at least the first 32 bytes) is no container.
std::optional<std::uint64_t> container_manifest_bytes(std::string_view head);

}  // namespace lectern
