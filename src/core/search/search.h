// Full-text search over an archive: an inverted index built once per archive, queried as the user types.
//
//   SearchIndex index;
//   index.build(load_result.archive);                 // shared_ptr<const Archive>: the index keeps it alive
//   for (const SearchHit& hit : index.search("kronst"))
//       show(hit.ref, hit.field, hit.snippet, hit.snippet_highlights);
//
//   SearchFilter letters;                              // filters apply together with the query;
//   letters.kinds = {"letter"};                        // with an empty query they list the works
//   index.search("", letters);                         // that pass them, in time order
//
// What is searched: works (title, body as raw Markdown, notes, attribution_note,
// date_label, source, tags), pages (title, body, cite, link titles), events
// (title, body, place) and people (name, full_name, note). Matching ignores case,
// accents and punctuation variants (text_fold.h).
//
// Query syntax:
//   - words separated by spaces must all match, each anywhere in the same document;
//   - "double quoted words" match as a phrase: consecutive words in one field;
//   - a word with punctuation inside (trotsky's) is a phrase of its parts (trotsky s);
//   - so is text written without spaces: 字符 is the phrase 字 符, found wherever it occurs
//     (core/text/text_fold.h);
//   - the last bare word matches as a prefix (kronst finds Kronstadt) unless the
//     query ends with a space, or the word has punctuation inside;
//   - a query without words (empty, spaces, punctuation only) finds nothing, unless
//     a filter is active: then it lists every work that passes the filter.
//   At most kMaxQueryTerms terms of at most kMaxPhraseWords words each are used;
//   the rest of a longer query is ignored.
//
// Ranking: documents with more query terms in their title first (title_match), then
// more matches, then time order: works by date (undated last), then pages, events
// and people in archive order.
//
// Lifetime: build() keeps a shared_ptr to the archive, so hits and the index stay
// valid together; build the index again whenever the session replaces its archive.
// search() is const and keeps no state: concurrent searches are safe.
//
// Cost: the index holds folded words and compressed postings (document, count and
// word positions, delta and varint encoded): 35-70% of the text's size in
// bench/search_bench.cpp. Snippets are computed at query time for the returned hits
// only, by reading their fields again up to the first match and a snippet's length
// beyond it: a query's time grows with `limit`, not with the size of the texts hit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/archive/archive.h"
#include "core/search/match_ranges.h"

namespace lectern {

struct SearchFilter {
    std::vector<std::string> kinds;         // work kinds ("letter", "article"); empty: any
    std::optional<int> year_from, year_to;  // inclusive; a work passes when its date span overlaps
    std::string attribution;                // "author", "ascribed", "disputed"; empty: any
    // A library's collections by id; empty: any. The session applies it (passes() cannot
    // know a work's collection); an archive is one collection, and ignores it.
    std::vector<std::string> collections;

    // An active filter (any member set) limits results to works: pages, events and
    // people have no kind, date or attribution to pass. Undated works fail a year range.
    bool active() const;
    bool passes(const Work& work) const;
};

struct SearchHit {
    enum class Kind { work, page, event, person };
    Kind kind = Kind::work;
    int index = 0;             // into the archive's works, pages, events or people; -1: a library's work not loaded yet
    std::string ref;           // stable: "work:ID", "page:ID", "event:N" (N = index), "person:ID"; "" until loaded
    std::int64_t number = -1;  // a library's work number (library_search.h); -1 in an archive

    // The field of the first match in field order (title first): "title", "body",
    // "notes", "attribution_note", "date_label", "source", "tags", "cite", "links",
    // "place", "name", "full_name", "note". Empty for a filter-only listing.
    std::string field;
    // About kSnippetBytes of that field around the first match, cut at UTF-8
    // boundaries, with "…" where cut; line breaks shown as spaces.
    std::string snippet;
    // [begin, end) byte ranges of the matched words inside `snippet`. Every match in a
    // whole text (a body, as the reader shows it) comes from QueryMatcher (match_ranges.h).
    std::vector<std::pair<int, int>> snippet_highlights;

    int score = 0;             // matches in the document, all terms together
    int title_terms = 0;       // query terms found in the title (name for people)
    bool title_match = false;  // title_terms > 0
};

constexpr std::size_t kSnippetBytes = 160;
constexpr std::size_t kMaxQueryTerms = 32;
constexpr std::size_t kMaxPhraseWords = 32;

class SearchIndex {
public:
    // Indexes the archive (null: an empty index). Linear in the text's size.
    void build(std::shared_ptr<const Archive> archive);

    // The best `limit` hits, best first (limit applies to filter-only listings too); only
    // the first `described` get their field and snippet, which cost a read of the text.
    // Any input is safe: invalid UTF-8 reads as U+FFFD, long queries are cut.
    std::vector<SearchHit> search(std::string_view query, const SearchFilter& filter = {}, std::size_t limit = 200,
                                  std::size_t described = SIZE_MAX) const;

    std::size_t memory_bytes() const;  // everything the index allocates, not the archive
    std::size_t documents() const { return title_end_.size(); }
    std::size_t words() const { return terms_.empty() ? 0 : terms_.size() - 1; }  // distinct words
    const Archive* archive() const { return archive_.get(); }

private:
    struct TermInfo {
        std::uint32_t chars_at = 0;      // into vocabulary_
        std::uint32_t docs_at = 0;       // into doc_postings_: (doc delta, count << 1 | in title)...
        std::uint32_t positions_at = 0;  // into position_postings_: per doc, `count` position deltas
        std::uint32_t doc_count = 0;
    };

    std::shared_ptr<const Archive> archive_;
    std::string vocabulary_;       // the distinct folded words, sorted, end to end
    std::vector<TermInfo> terms_;  // one per word, plus an end entry
    std::vector<std::uint8_t> doc_postings_, position_postings_;
    std::vector<std::uint32_t> title_end_;  // per document: its title's words are positions [0, title_end)
    std::vector<std::uint32_t> rank_;       // per document: its place in time order

    friend class SearchRunner;        // the query side, in search.cpp
    friend class SearchIndexBuilder;  // the build, in index_builder.cpp
};

// Builds a SearchIndex a slice at a time, so a viewer can build the index of a large archive
// between frames and keep answering its reader (SearchIndex::build runs it to the end at once).
//
//   SearchIndexBuilder b(archive);
//   while (!b.step(256 * 1024)) show(b.progress());   // each step reads about 256 KB of text
//   SearchIndex index = b.take();
//
// The steps: reading each document's words into postings (the budget counts bytes of text),
// then ordering the words (it counts words) and laying the postings end to end (bytes).
class SearchIndexBuilder {
public:
    explicit SearchIndexBuilder(std::shared_ptr<const Archive> archive);
    ~SearchIndexBuilder();
    SearchIndexBuilder(const SearchIndexBuilder&) = delete;
    SearchIndexBuilder& operator=(const SearchIndexBuilder&) = delete;

    // About `budget` units of work; true once the index is complete.
    bool step(std::size_t budget);
    bool done() const;
    double progress() const;  // 0 to 1
    // The text it reads in all (the sum of the searched fields' sizes), for callers that size their steps.
    std::size_t text_bytes() const;
    SearchIndex take();  // the index, once done()

private:
    struct State;
    std::unique_ptr<State> s_;
};

// Finds the query again in a work's fields, up to the first that matches, for its snippet
// (hit.field, snippet, snippet_highlights): what search() does for the hits it describes.
void describe_work(const QueryMatcher& query, const Work& work, SearchHit& hit);

inline SearchIndex build_search_index(std::shared_ptr<const Archive> archive) {
    SearchIndex index;
    index.build(std::move(archive));
    return index;
}

}  // namespace lectern
