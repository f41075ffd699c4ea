// A library's search index (docs/library-format.md, "Search"): static parts that a query reads
// only in part, written by `lectern-tool pack` beside the library.
//
//   root      one small part the page fetches when the search box is used: the first term of
//             each directory, and where the year table is.
//   years     what the year filter needs (which numbers start each year, and the works whose
//             dates run into a later year), fetched when a year range is set.
//   directory the first term of each of kBlocksPerDirectory dictionary blocks, and where they
//             are: a library of millions of terms keeps a root of a few KB.
//   block     the dictionary, sorted and cut into blocks of about kIndexBlockBytes: each term
//             with its document count and its postings, inline when small, else where they are
//             in a postings pack (one gzip member each, so a reader fetches only that member).
//   postings  the term's works by number (the library's time order) with, for each, how often
//             the term occurs and whether in the title: all the ranking needs. A term in more
//             than one work in 8 of them is a bitmap of the library's works instead of a list.
//
// Terms are the words search reads (core/text/text_fold.h), plus two kinds no word can be:
// a pair of characters of a script written without spaces that follow each other
// (kPairMark + both: a Chinese query of two characters reads one short list, not the long
// lists of each character), and a work's kind, attribution and collection (kFilterMark), so
// filters narrow by postings too.
//
//   IndexRootResult r = parse_index_root(json, manifest.works);
//   IndexDirectoryResult d = parse_index_directory(json);
//   IndexBlockResult b = parse_index_block(bytes, manifest.works);
//   PostingsResult p = decode_postings(bytes, manifest.works, term.docs);
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/library/shard.h"

namespace lectern {

inline constexpr int kLibraryIndexVersion = 1;
inline constexpr char kFilterMark = '\x01';  // "\x01k" + kind, "\x01a" + attribution, "\x01c" + collection id
inline constexpr char kPairMark = '\x02';    // two characters in a row (written_without_spaces)
inline constexpr std::size_t kIndexBlockBytes = 32 << 10;  // a dictionary block is closed past this
inline constexpr std::size_t kInlinePostingsBytes = 1024;  // larger postings go to a postings pack
inline constexpr std::size_t kMaxBlockTerms = 65536;       // so (block, term) fits a key: block << 16 | term
inline constexpr std::size_t kBlocksPerDirectory = 64;

// A filter's term: its mark and the value's first kMaxFilterValueBytes (whole characters), so any
// kind an archive may hold stays a term a dictionary block can carry.
inline constexpr std::size_t kMaxFilterValueBytes = 256;
inline std::string filter_term(char what, std::string_view value) {
    std::size_t n = std::min(value.size(), kMaxFilterValueBytes);
    while (n < value.size() && n > 0 && (static_cast<unsigned char>(value[n]) & 0xC0) == 0x80) --n;
    return std::string{kFilterMark, what} + std::string(value.substr(0, n));
}
// A word of a script written without spaces (one character; a Korean syllable in jamo): two in a
// row are also indexed as their pair, so the writer and the search agree on which words pair.
bool character_word(std::string_view folded);
inline std::string pair_term(std::string_view first, std::string_view second) {
    return kPairMark + std::string(first) + std::string(second);
}

inline std::string kind_term(std::string_view kind) { return filter_term('k', kind); }
inline std::string attribution_term(std::string_view a) { return filter_term('a', a); }
inline std::string collection_term(std::string_view id) { return filter_term('c', id); }

struct IndexBlockRef {
    std::string first_term;
    ShardRef shard;
};

struct LibraryIndexRoot {
    int version = kLibraryIndexVersion;
    std::uint32_t works = 0, terms = 0;
    std::vector<IndexBlockRef> directories;  // sorted by first_term (their first block's)
    ShardRef years;  // the year filter's table (IndexYears), fetched only when a year range is set

    // The directory that would hold `term` (the last whose first term is not after it), or -1.
    int directory_of(std::string_view term) const;
};

// What the year filter needs, a part of its own: most queries never set a year range, and a
// library of dated ranges lists many works that run into a later year.
struct IndexYears {
    // Works are numbered by their earliest day, the first `dated` of them dated. year_starts:
    // (year, the first work whose earliest day is in it), for each year in which one starts.
    std::uint32_t dated = 0;
    std::vector<std::pair<std::int64_t, std::uint32_t>> year_starts;
    // Works whose latest day is in a later year than their earliest: (number, latest year), by number.
    std::vector<std::pair<std::uint32_t, std::int64_t>> spanning;

    // The works that pass a year range (from and to inclusive, either open): sorted numbers.
    std::vector<std::uint32_t> works_in_years(std::optional<int> from, std::optional<int> to) const;
};

struct IndexYearsResult {
    std::optional<IndexYears> years;
    std::string error;
};
IndexYearsResult parse_index_years(std::string_view json_text, std::uint32_t works);
std::string index_years_to_json(const IndexYears& years);

struct IndexRootResult {
    std::optional<LibraryIndexRoot> root;
    std::string error;
};
IndexRootResult parse_index_root(std::string_view json_text, std::uint32_t works);
std::string index_root_to_json(const LibraryIndexRoot& root);

// Up to kBlocksPerDirectory dictionary blocks, by their first terms.
struct IndexDirectory {
    std::vector<IndexBlockRef> blocks;          // sorted by first_term
    int block_of(std::string_view term) const;  // as LibraryIndexRoot::directory_of
};

struct IndexDirectoryResult {
    std::optional<IndexDirectory> directory;
    std::string error;
};
IndexDirectoryResult parse_index_directory(std::string_view json_text);
std::string index_directory_to_json(const IndexDirectory& directory);

// One dictionary entry. Postings are inline (`postings`) or one gzip member of `member_bytes`
// at `member_offset` in the block's pack `pack`.
struct IndexTerm {
    std::string term;
    std::uint32_t docs = 0;
    std::string postings;  // inline postings; empty when in a pack
    std::uint32_t pack = 0;
    std::uint64_t member_offset = 0, member_bytes = 0;
    bool in_pack() const { return postings.empty(); }
};

struct IndexBlock {
    std::vector<ShardRef> packs;
    std::vector<IndexTerm> terms;  // sorted
};

struct IndexBlockResult {
    std::optional<IndexBlock> block;
    std::string error;
};
IndexBlockResult parse_index_block(std::string_view bytes, std::uint32_t works);
std::string index_block_bytes(const IndexBlock& block);

struct Posting {
    std::uint32_t number = 0;  // the work
    std::uint32_t count = 0;   // occurrences in its searched fields
    bool title = false;        // one of them in its title
};

struct PostingsResult {
    std::optional<std::vector<Posting>> postings;
    std::string error;
};
// `docs`: the count the dictionary gives; the postings must hold exactly that many.
PostingsResult decode_postings(std::string_view bytes, std::uint32_t works, std::uint32_t docs);
// The smaller of a list and a bitmap; `postings` sorted by number, counts above zero.
std::string encode_postings(const std::vector<Posting>& postings, std::uint32_t works);

}  // namespace lectern
