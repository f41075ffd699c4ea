// Where a search query matches inside a text, by the rules SearchIndex::search uses (search.h):
// the search's snippets and the reader's highlights both come from here.
//
//   const QueryMatcher query("kronst");                       // parsed once
//   for (const TextRange& r : query.find(work.title)) mark(r); // bytes of the title
//   const md::Document doc = md::parse(*work.body);
//   for (const TextRange& r : document_matches(query, doc)) mark(r);  // bytes of doc.text, as shown
//
// Matching folds case, accents and punctuation variants (text_fold.h) and reads words the
// way the index does, so a text matches here exactly where the index says it does. A
// match is a whole word, even for a prefix ("kronst" marks all of "Kronstadt"), or a
// phrase from its first word's first byte to its last word's last.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/markdown.h"

namespace lectern {

struct TextRange {
    std::size_t begin = 0, end = 0;  // [begin, end) bytes
    bool operator==(const TextRange& o) const { return begin == o.begin && end == o.end; }
};

// One query term: a word, a prefix, or a phrase (two or more words).
struct QueryTerm {
    std::vector<std::string> words;  // folded
    bool prefix = false;
    bool operator==(const QueryTerm& o) const { return prefix == o.prefix && words == o.words; }
};

// The distinct terms of a query (syntax and limits in search.h), in query order.
std::vector<QueryTerm> parse_query(std::string_view query);

class QueryMatcher {
public:
    explicit QueryMatcher(std::string_view query) : terms_(parse_query(query)) {}

    const std::vector<QueryTerm>& terms() const { return terms_; }
    bool empty() const { return terms_.empty(); }

    // Every match in `text`, sorted, overlapping ones merged. With `window`, only the
    // first match and those beginning less than `window` bytes after it: reading stops
    // there (a snippet's worth of a long text).
    std::vector<TextRange> find(std::string_view text, std::size_t window = npos) const;

    // The same over `pieces` of `text` (sorted, not overlapping): words never cross from one
    // piece into the next, phrases do, as they cross paragraphs in the Markdown source.
    std::vector<TextRange> find_in_pieces(std::string_view text, const std::vector<TextRange>& pieces,
                                          std::size_t window = npos) const;

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

private:
    std::vector<QueryTerm> terms_;
};

// The matches in a parsed Markdown document, as bytes of doc.text (what the reader draws):
// each block is a piece, so "end.Next" across two paragraphs is still two words.
std::vector<TextRange> document_matches(const QueryMatcher& query, const md::Document& doc);

// The word (as search reads words) at or just before byte `at` of `text`: what a
// double-click selects. Empty at `at` when there is no word there.
TextRange word_at(std::string_view text, std::size_t at);

}  // namespace lectern
