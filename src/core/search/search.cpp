// The search index: folded words -> compressed postings, and the query side that ranks and describes hits.
#include "core/search/search.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <unordered_map>

#include "core/search/match_ranges.h"
#include "core/search/search_documents.h"
#include "core/text/text_fold.h"
#include "core/text/utf8.h"

namespace lectern {

using namespace search_detail;

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// A document's matches for one term, or for all terms so far.
struct DocMatch {
    std::uint32_t doc = 0;
    std::uint64_t count = 0;
    int title_terms = 0;
};

// Cuts about kSnippetBytes of `text` around the first of `ranges`, at word or UTF-8 boundaries,
// and moves the ranges inside the cut into the hit's highlights.
void make_snippet(std::string_view text, const std::vector<TextRange>& ranges, SearchHit& hit) {
    const std::size_t size = text.size();
    const std::size_t begin = ranges.front().begin;
    std::size_t from = 0, to = size;
    if (size > kSnippetBytes) {
        const std::size_t lead = kSnippetBytes / 3;
        from = begin > lead ? begin - lead : 0;
        to = std::min(size, from + kSnippetBytes);
        if (to == size) from = size - kSnippetBytes;
        // Prefer to start and end between words when a space is near.
        if (from > 0) {
            const std::size_t space = text.find(' ', from);
            if (space != std::string_view::npos && space < begin && space < from + 20) from = space + 1;
        }
        if (to < size) {
            const std::size_t space = text.rfind(' ', to);
            if (space != std::string_view::npos && space >= ranges.front().end && space + 20 > to) to = space;
        }
        if (from > 0) from = utf8_next_char_start(text, from);
        to = utf8_char_start(text, to, from);
    }
    static constexpr std::string_view kEllipsis = "…";
    std::string& s = hit.snippet;
    if (from > 0) s += kEllipsis;
    const std::size_t shift = s.size();
    for (std::size_t i = from; i < to; ++i) {
        const char c = text[i];
        s.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);  // same length: ranges stay put
    }
    if (to < size) s += kEllipsis;
    for (const auto& [b, e] : ranges) {
        if (e <= from || b >= to) continue;
        const std::size_t cb = std::max(b, from), ce = std::min(e, to);
        hit.snippet_highlights.emplace_back(static_cast<int>(cb - from + shift), static_cast<int>(ce - from + shift));
    }
}

}  // namespace

// ---- filter -----------------------------------------------------------------------

bool SearchFilter::active() const {
    return !kinds.empty() || year_from || year_to || !attribution.empty() || !collections.empty();
}

bool SearchFilter::passes(const Work& work) const {
    if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), work.kind) == kinds.end()) return false;
    if (!attribution.empty() && work.attribution != attribution) return false;
    if (year_from || year_to) {
        if (!work.date) return false;
        if (year_from && work.date->latest_day < days_from_civil(*year_from, 1, 1)) return false;
        if (year_to && work.date->earliest_day > days_from_civil(*year_to, 12, 31)) return false;
    }
    return true;
}

std::size_t SearchIndex::memory_bytes() const {
    return sizeof(*this) + vocabulary_.capacity() + terms_.capacity() * sizeof(TermInfo) + doc_postings_.capacity() +
           position_postings_.capacity() + (title_end_.capacity() + rank_.capacity()) * sizeof(std::uint32_t);
}

// ---- query ------------------------------------------------------------------------

class SearchRunner {
public:
    explicit SearchRunner(const SearchIndex& index) : ix_(index) {}

    std::vector<SearchHit> run(std::string_view query, const SearchFilter& filter, std::size_t limit,
                               std::size_t described) const;

private:
    std::string_view word(std::size_t term) const {
        const std::uint32_t at = ix_.terms_[term].chars_at;
        return std::string_view(ix_.vocabulary_).substr(at, ix_.terms_[term + 1].chars_at - at);
    }

    // The vocabulary entries [first, last) equal to `w`, or starting with it.
    std::pair<std::size_t, std::size_t> lookup(std::string_view w, bool prefix) const {
        const std::size_t n = ix_.words();
        std::size_t lo = 0, hi = n;
        while (lo < hi) {  // lower_bound
            const std::size_t mid = lo + (hi - lo) / 2;
            if (word(mid) < w) lo = mid + 1;
            else hi = mid;
        }
        if (!prefix) return (lo < n && word(lo) == w) ? std::make_pair(lo, lo + 1) : std::make_pair(lo, lo);
        std::size_t end = lo;
        hi = n;
        while (end < hi) {  // partition point of "starts with w"
            const std::size_t mid = end + (hi - end) / 2;
            if (starts_with(word(mid), w)) end = mid + 1;
            else hi = mid;
        }
        return {lo, end};
    }

    // Appends the term's documents; with `positions`, also every position, and
    // `starts` gets each document's first index into `positions`.
    void decode(std::size_t term, std::vector<DocMatch>& out, std::vector<std::uint32_t>* positions = nullptr,
                std::vector<std::size_t>* starts = nullptr) const {
        const SearchIndex::TermInfo& info = ix_.terms_[term];
        const std::uint8_t* d = ix_.doc_postings_.data() + info.docs_at;
        const std::uint8_t* p = ix_.position_postings_.data() + info.positions_at;
        std::uint32_t next_doc = 0;
        for (std::uint32_t i = 0; i < info.doc_count; ++i) {
            next_doc += static_cast<std::uint32_t>(get_varint(d));
            const std::uint64_t v = get_varint(d);
            out.push_back({next_doc - 1, v >> 1, static_cast<int>(v & 1)});
            if (!positions || !starts) continue;
            starts->push_back(positions->size());
            std::uint32_t at = 0;
            for (std::uint64_t k = 0; k < (v >> 1); ++k) {
                at += static_cast<std::uint32_t>(get_varint(p));
                positions->push_back(at);
            }
        }
    }

    std::vector<DocMatch> match_word(const QueryTerm& term) const {
        const auto [first, last] = lookup(term.words[0], term.prefix);
        std::vector<DocMatch> out;
        if (last - first == 1) {
            decode(first, out);
            return out;
        }
        // Many words share the prefix: add them up per document.
        const std::size_t docs = ix_.documents();
        std::vector<std::uint64_t> count(docs, 0);
        std::vector<int> title(docs, 0);
        std::vector<std::uint32_t> touched;
        std::vector<DocMatch> one;
        for (std::size_t t = first; t < last; ++t) {
            one.clear();
            decode(t, one);
            for (const DocMatch& m : one) {
                if (count[m.doc] == 0) touched.push_back(m.doc);
                count[m.doc] += m.count;
                title[m.doc] |= m.title_terms;
            }
        }
        std::sort(touched.begin(), touched.end());
        out.reserve(touched.size());
        for (const std::uint32_t doc : touched) out.push_back({doc, count[doc], title[doc]});
        return out;
    }

    std::vector<DocMatch> match_phrase(const QueryTerm& term) const {
        struct List {
            std::vector<DocMatch> docs;
            std::vector<std::uint32_t> positions;
            std::vector<std::size_t> starts;
            std::size_t at = 0;  // merge cursor
        };
        const std::size_t k = term.words.size();
        std::vector<List> lists(k);
        for (std::size_t i = 0; i < k; ++i) {
            const auto [first, last] = lookup(term.words[i], false);
            if (first == last) return {};
            decode(first, lists[i].docs, &lists[i].positions, &lists[i].starts);
        }
        std::vector<DocMatch> out;
        for (std::size_t i0 = 0; i0 < lists[0].docs.size(); ++i0) {
            const std::uint32_t doc = lists[0].docs[i0].doc;
            bool everywhere = true;
            for (std::size_t i = 1; i < k && everywhere; ++i) {
                List& l = lists[i];
                while (l.at < l.docs.size() && l.docs[l.at].doc < doc) ++l.at;
                everywhere = l.at < l.docs.size() && l.docs[l.at].doc == doc;
            }
            if (!everywhere) continue;
            const auto span = [&](const List& l, std::size_t at) {
                const std::uint32_t* b = l.positions.data() + l.starts[at];
                return std::make_pair(b, b + l.docs[at].count);
            };
            DocMatch m{doc, 0, 0};
            const auto [b0, e0] = span(lists[0], i0);
            for (const std::uint32_t* p = b0; p != e0; ++p) {
                bool found = true;
                for (std::size_t i = 1; i < k && found; ++i) {
                    const auto [b, e] = span(lists[i], lists[i].at);
                    found = std::binary_search(b, e, *p + static_cast<std::uint32_t>(i));
                }
                if (!found) continue;
                ++m.count;
                if (*p < ix_.title_end_[doc]) m.title_terms = 1;
            }
            if (m.count > 0) out.push_back(m);
        }
        return out;
    }

    // Finds the query again in the hit's fields, up to the first that matches: its snippet.
    void describe(const QueryMatcher& query, std::uint32_t doc, SearchHit& hit) const;

    const SearchIndex& ix_;
};

namespace {
// The first field `fields` visits that matches: its name and snippet in the hit.
template <class Fields>
void describe_fields(const QueryMatcher& query, SearchHit& hit, Fields&& fields) {
    fields([&](Field field, std::string_view text) {
        if (!hit.field.empty()) return;
        // Only the matches a snippet can show: a long body is read no further than that.
        const std::vector<TextRange> ranges = query.find(text, kSnippetBytes);
        if (ranges.empty()) return;
        hit.field = field_name(field);
        make_snippet(text, ranges, hit);
    });
}
}  // namespace

void SearchRunner::describe(const QueryMatcher& query, std::uint32_t doc, SearchHit& hit) const {
    const Archive& a = *ix_.archive_;
    describe_fields(query, hit, [&](auto&& visit) { for_each_field(a, doc_ref(a, doc), visit); });
}

void describe_work(const QueryMatcher& query, const Work& work, SearchHit& hit) {
    describe_fields(query, hit, [&](auto&& visit) { for_each_work_field(work, visit); });
}

std::vector<SearchHit> SearchRunner::run(std::string_view query, const SearchFilter& filter, std::size_t limit,
                                         std::size_t described) const {
    std::vector<SearchHit> hits;
    if (!ix_.archive_ || limit == 0) return hits;
    const Archive& a = *ix_.archive_;
    const bool filtering = filter.active();
    const auto passes = [&](std::uint32_t doc) {
        return !filtering || (doc < a.works.size() && filter.passes(a.works[doc]));
    };

    const QueryMatcher matcher(query);
    const std::vector<QueryTerm>& terms = matcher.terms();
    std::vector<DocMatch> found;
    if (terms.empty()) {
        if (!filtering) return hits;
        for (std::uint32_t doc = 0; doc < a.works.size(); ++doc)
            if (passes(doc)) found.push_back({doc, 0, 0});
    } else {
        std::vector<std::vector<DocMatch>> lists;
        for (const QueryTerm& term : terms) {
            lists.push_back(term.words.size() == 1 ? match_word(term) : match_phrase(term));
            if (lists.back().empty()) return hits;
        }
        // Intersect, smallest list first.
        std::sort(lists.begin(), lists.end(), [](const auto& x, const auto& y) { return x.size() < y.size(); });
        for (const DocMatch& m : lists[0])
            if (passes(m.doc)) found.push_back(m);
        for (std::size_t l = 1; l < lists.size() && !found.empty(); ++l) {
            std::size_t kept = 0, j = 0;
            const auto& list = lists[l];
            for (const DocMatch& m : found) {
                while (j < list.size() && list[j].doc < m.doc) ++j;
                if (j == list.size()) break;
                if (list[j].doc != m.doc) continue;
                found[kept++] = {m.doc, m.count + list[j].count, m.title_terms + list[j].title_terms};
            }
            found.resize(kept);
        }
    }

    const auto better = [&](const DocMatch& x, const DocMatch& y) {
        if (x.title_terms != y.title_terms) return x.title_terms > y.title_terms;
        if (x.count != y.count) return x.count > y.count;
        return ix_.rank_[x.doc] < ix_.rank_[y.doc];
    };
    const std::size_t n = std::min(limit, found.size());
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(n), found.end(), better);
    hits.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const DocMatch& m = found[i];
        const DocRef ref = doc_ref(a, m.doc);
        SearchHit hit;
        hit.kind = ref.kind;
        hit.index = ref.index;
        hit.ref = ref_string(a, ref);
        hit.score = static_cast<int>(std::min<std::uint64_t>(m.count, std::numeric_limits<int>::max()));
        hit.title_terms = m.title_terms;
        hit.title_match = m.title_terms > 0;
        if (!terms.empty() && i < described) describe(matcher, m.doc, hit);
        hits.push_back(std::move(hit));
    }
    return hits;
}

std::vector<SearchHit> SearchIndex::search(std::string_view query, const SearchFilter& filter, std::size_t limit,
                                           std::size_t described) const {
    return SearchRunner(*this).run(query, filter, limit, described);
}

}  // namespace lectern
