// Query parsing and matching in text: the words of the text read as the index reads them, the query's terms compared.
#include "core/search/match_ranges.h"

#include <algorithm>

#include "core/search/search.h"
#include "core/text/text_fold.h"
#include "core/text/utf8.h"

namespace lectern {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

std::vector<QueryTerm> parse_query(std::string_view query) {
    // Folding first turns “ ” „ « » into '"', and no-break spaces into spaces.
    const std::string folded = fold_for_search(query);
    struct Chunk {
        std::string_view text;
        bool quoted;
    };
    std::vector<Chunk> chunks;
    const std::string_view q(folded);
    bool quoted = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= q.size(); ++i) {
        const bool end = i == q.size();
        if (end || q[i] == '"' || (!quoted && is_space(q[i]))) {
            if (i > start) chunks.push_back({q.substr(start, i - start), quoted});
            if (!end && q[i] == '"') quoted = !quoted;
            start = i + 1;
        }
    }
    std::vector<QueryTerm> terms;
    for (std::size_t c = 0; c < chunks.size() && terms.size() < kMaxQueryTerms; ++c) {
        QueryTerm term;
        term.words = search_words(chunks[c].text);
        if (term.words.empty()) continue;
        if (term.words.size() > kMaxPhraseWords) term.words.resize(kMaxPhraseWords);
        const bool at_end = chunks[c].text.data() + chunks[c].text.size() == q.data() + q.size();
        term.prefix = !chunks[c].quoted && at_end && term.words.size() == 1;
        if (std::find(terms.begin(), terms.end(), term) == terms.end()) terms.push_back(std::move(term));
    }
    return terms;
}

std::vector<TextRange> QueryMatcher::find(std::string_view text, std::size_t window) const {
    return find_in_pieces(text, {TextRange{0, text.size()}}, window);
}

std::vector<TextRange> QueryMatcher::find_in_pieces(std::string_view text, const std::vector<TextRange>& pieces,
                                                    std::size_t window) const {
    std::vector<TextRange> ranges;
    if (terms_.empty()) return ranges;
    std::size_t longest = 1;
    for (const QueryTerm& t : terms_) longest = std::max(longest, t.words.size());
    std::vector<Token> recent(longest);  // the last words read, for phrases
    std::size_t first = npos;            // where the earliest match so far begins
    std::size_t n = 0;                   // words read
    // Reads one piece; false once no match still to come can begin inside the window.
    const auto read = [&](const TextRange& piece) {
        const std::size_t end = std::min(piece.end, text.size());
        if (piece.begin >= end) return true;
        TokenReader reader(text.substr(piece.begin, end - piece.begin));
        for (; reader.next(recent[n % longest]); ++n) {
            Token& token = recent[n % longest];
            token.begin += piece.begin;
            token.end += piece.begin;
            // A match still to come begins at one of the last `longest` words at the earliest.
            if (window != npos && first != npos) {
                const std::size_t earliest = recent[(n + 1 >= longest ? n + 1 - longest : 0) % longest].begin;
                if (earliest >= first && earliest - first >= window) return false;
            }
            for (const QueryTerm& term : terms_) {
                const std::size_t k = term.words.size();
                TextRange found{npos, npos};
                if (k == 1) {
                    if (term.prefix ? starts_with(token.folded, term.words[0]) : token.folded == term.words[0])
                        found = {token.begin, token.end};
                } else if (n + 1 >= k) {
                    bool all = true;
                    for (std::size_t i = 0; i < k && all; ++i)
                        all = recent[(n + 1 - k + i) % longest].folded == term.words[i];
                    if (all) found = {recent[(n + 1 - k) % longest].begin, token.end};
                }
                if (found.begin == npos) continue;
                ranges.push_back(found);
                first = std::min(first, found.begin);
            }
        }
        return true;
    };
    for (const TextRange& piece : pieces)
        if (!read(piece)) break;
    if (window != npos && first != npos)
        ranges.erase(
            std::remove_if(ranges.begin(), ranges.end(), [&](const TextRange& r) { return r.begin - first >= window; }),
            ranges.end());
    if (ranges.empty()) return ranges;
    // Sorted and merged, so overlapping terms ("kron" and "kronstadt") mark once.
    std::sort(ranges.begin(), ranges.end(), [](const TextRange& x, const TextRange& y) {
        return x.begin != y.begin ? x.begin < y.begin : x.end < y.end;
    });
    std::size_t kept = 0;
    for (std::size_t i = 1; i < ranges.size(); ++i) {
        if (ranges[i].begin <= ranges[kept].end) ranges[kept].end = std::max(ranges[kept].end, ranges[i].end);
        else ranges[++kept] = ranges[i];
    }
    ranges.resize(kept + 1);
    return ranges;
}

std::vector<TextRange> document_matches(const QueryMatcher& query, const md::Document& doc) {
    if (query.empty()) return {};
    std::vector<TextRange> blocks;
    blocks.reserve(doc.blocks.size());
    for (const md::Block& b : doc.blocks)
        if (b.span_end > b.span_begin) blocks.push_back({doc.spans[b.span_begin].begin, doc.spans[b.span_end - 1].end});
    return query.find_in_pieces(doc.text, blocks);
}

TextRange word_at(std::string_view text, std::size_t at) {
    at = std::min(at, text.size());
    // Out to the nearest spaces (no word holds one), within reach: a megabyte without
    // a space costs no more than a short word.
    constexpr std::size_t kReach = 256;
    std::size_t from = at, to = at;
    while (from > 0 && at - from < kReach && !is_space(text[from - 1])) --from;
    while (to < text.size() && to - at < kReach && !is_space(text[to])) ++to;
    while (from < at && is_utf8_continuation(text[from])) ++from;
    to = utf8_char_start(text, to, at);
    TextRange before{at, at};
    TokenReader reader(text.substr(from, to - from));
    for (Token t; reader.next(t);) {
        const TextRange word{from + t.begin, from + t.end};
        if (word.begin <= at && at < word.end) return word;
        if (word.end == at) before = word;
        if (word.begin > at) break;
    }
    return before;
}

}  // namespace lectern
