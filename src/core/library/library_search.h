// A search over a library's static index (core/library/library_index.h), with the rules of an
// archive's search (search.h): the same query syntax, fold, prefix, phrases and filters, and the
// same ranking (terms in the title, then matches, then time order), so a library finds the same
// works its archives would find loaded whole.
//
// It fetches nothing itself: it says which parts the query needs (the root, the dictionary
// blocks its terms fall in, the postings too large to be inline), the caller fetches them and
// hands them over, and it answers as soon as it has what it needs. Parts stay here for the
// next query (a query typed letter by letter reads the same blocks again).
//
//   LibrarySearch s(*manifest.search, manifest.works, collection_ids);
//   s.set_query("kronst", filter);
//   for (const LibrarySearchPart& p : s.wanted()) fetch(p);        // then s.arrived(p, bytes)
//   if (s.status() == LibrarySearch::Status::done) show(s.matches());
//
// Phrases: the index holds no word positions. A phrase of two characters of a script written
// without spaces is read exactly from its pair (library_index.h); any other phrase narrows to the
// works holding all its words (or pairs), whose texts are then checked (to_check(), checked()).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/archive/archive.h"
#include "core/library/library_index.h"
#include "core/search/match_ranges.h"
#include "core/search/search.h"

namespace lectern {

struct LibrarySearchPart {
    enum class Kind { root, directory, block, postings, years } kind = Kind::root;
    // directory: its index; block: directory * kBlocksPerDirectory + its place in it;
    // postings: block << 16 | the term's place in the block
    std::uint64_t key = 0;
    ShardRef part;
    std::uint64_t member_offset = 0, member_bytes = 0;  // postings: one gzip member of the pack
};

struct LibraryMatch {
    std::uint32_t number = 0;  // the work
    std::uint64_t count = 0;   // matches, all terms together
    int title_terms = 0;       // query terms found in the title
};

// Past this many candidates a phrase is not checked work by work: its works are those holding
// all its words, and problem() says so.
constexpr std::size_t kMaxPhraseChecks = 400;
// A prefix reads the words of at most this many dictionary blocks, and the long posting lists of
// at most kMaxPrefixPostings of its words (the word as typed, then the most common): past these,
// its results are those of the words read, and problem() says more letters find the rest.
constexpr std::size_t kMaxPrefixBlocks = 16;
constexpr std::size_t kMaxPrefixPostings = 8;

class LibrarySearch {
public:
    LibrarySearch(ShardRef root, std::uint32_t works, std::vector<std::string> collection_ids);

    // Starts a query (an empty one with no active filter finds nothing). Parts already here are kept.
    void set_query(std::string_view query, const SearchFilter& filter);

    enum class Status {
        idle,      // no query
        waiting,   // for parts (wanted())
        checking,  // phrases checked against texts (to_check())
        done,
        failed  // a part could not be read: problem() names it; Retry (retry()) asks again
    };
    Status status() const { return status_; }
    // Why the results are not all there is: a part that could not be read, a prefix too short,
    // a phrase too common to check. Empty otherwise.
    const std::string& problem() const { return problem_; }
    // The parameter of problem()'s message: the part's name, the prefix, the phrase.
    const std::string& problem_subject() const { return problem_subject_; }

    // The parts the query needs that are not here and have not failed.
    std::vector<LibrarySearchPart> wanted() const;
    // A part, inflated. When it is not what it should be it counts as failed, and the reason
    // is returned ("" when it was read).
    std::string arrived(const LibrarySearchPart& part, std::string_view bytes);
    void failed(const LibrarySearchPart& part, const std::string& error);
    void retry();  // parts that failed may be asked for again

    // The matching works, best first (those whose phrases are still being checked are not yet
    // among them).
    const std::vector<LibraryMatch>& matches() const { return matches_; }
    // Works whose text must be read to check a phrase, best first; checked() with the work,
    // its text loaded.
    const std::vector<std::uint32_t>& to_check() const { return to_check_; }
    void checked(std::uint32_t number, const Work& work);
    // A candidate whose text (or tile) could not be read: left out, and problem() names `part`.
    void unreadable(std::uint32_t number, const std::string& part);
    // Changes whenever matches() may have: the caller rebuilds what it shows from them only then.
    std::uint64_t revision() const { return revision_; }

    const QueryMatcher& matcher() const { return matcher_; }
    // Parts held (blocks and postings), for the caller's memory accounting.
    std::size_t held_bytes() const { return held_bytes_; }

private:
    // What one query term reads: the terms of the dictionary it stands for, or its prefix.
    struct Plan {
        std::vector<std::string> terms;  // all must match (a phrase's words or pairs), or one word
        bool prefix = false;
        bool exact = true;                // false: a phrase to check against the texts
        std::vector<std::string> phrase;  // the phrase's words, to check
    };
    void plan();
    void advance();
    // The postings of a dictionary term, nullopt while not all here; *missing set when the
    // term is in no work.
    std::optional<std::vector<Posting>> postings_of(const std::string& term, bool& waiting);
    std::optional<std::vector<Posting>> prefix_postings(const std::string& prefix, bool& waiting);
    // Block `block`'s reference (from its directory), null past the last block or while its
    // directory is on its way (then `waiting`).
    const IndexBlockRef* block_ref(std::uint64_t block, bool& waiting);
    // The block that would hold `term`; nullopt when none would, or while waiting.
    std::optional<std::uint64_t> block_for(const std::string& term, bool& waiting);
    const IndexBlock* block_here(std::uint64_t block, bool& waiting);  // null while on its way
    void need(LibrarySearchPart::Kind kind, std::uint64_t key, const ShardRef& part, std::uint64_t member_offset = 0,
              std::uint64_t member_bytes = 0);
    void fail(const std::string& problem, const std::string& subject);
    void rank(std::vector<LibraryMatch>& found) const;

    ShardRef root_part_;
    std::uint32_t works_ = 0;
    std::vector<std::string> collection_ids_;
    std::optional<LibraryIndexRoot> root_;
    std::optional<IndexYears> years_;
    std::map<std::uint64_t, IndexDirectory> directories_;
    std::map<std::uint64_t, IndexBlock> blocks_;
    std::map<std::uint64_t, std::vector<Posting>> postings_;
    std::set<std::pair<int, std::uint64_t>> failed_;  // (kind, key)
    std::size_t held_bytes_ = 0;

    QueryMatcher matcher_{""};
    SearchFilter filter_;
    std::vector<Plan> plans_;
    Status status_ = Status::idle;
    std::string problem_, problem_subject_;
    std::vector<LibrarySearchPart> wanted_;
    std::vector<LibraryMatch> matches_;
    std::vector<std::uint32_t> to_check_;
    // A phrase's matches in works already checked, by (phrase, work): kept across queries.
    std::map<std::pair<std::string, std::uint32_t>, LibraryMatch> phrase_counts_;
    std::map<std::uint32_t, std::string> unreadable_;  // candidates whose text failed: the part
    std::uint64_t revision_ = 0;
    std::vector<std::size_t> phrase_plans_;  // plans_ checked against texts
};

}  // namespace lectern
