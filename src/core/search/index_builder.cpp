// The search index's build, in slices: documents read into postings, words ordered by
// bucket (their first two bytes) so no single step sorts them all, postings laid end to end.
#include <algorithm>
#include <array>
#include <limits>
#include <unordered_map>

#include "core/search/search.h"
#include "core/search/search_documents.h"
#include "core/text/text_fold.h"

namespace lectern {

using namespace search_detail;

namespace {

// Postings grow per word while documents are read, then are laid end to end in word order.
struct Postings {
    std::vector<std::uint8_t> docs, positions;
    std::uint32_t next_doc = 0;  // the last document written, plus one
    std::uint32_t doc_count = 0;
};

// Words are ordered by their first two bytes first (a counting sort, one pass), then each
// bucket on its own: the buckets are small, and in byte order the whole is sorted.
std::size_t bucket_of(const std::string& w) {
    const auto b0 = w.empty() ? 0u : static_cast<unsigned char>(w[0]) + 1u;
    const auto b1 = w.size() < 2 ? 0u : static_cast<unsigned char>(w[1]) + 1u;
    return b0 * 257 + b1;
}
constexpr std::size_t kBuckets = 257 * 257;

}  // namespace

struct SearchIndexBuilder::State {
    enum class Phase { read, bucket, sort, lay_out, rank, done } phase = Phase::read;
    SearchIndex index;
    std::size_t docs = 0, doc = 0;  // documents in all, and the next to read
    std::size_t text_bytes = 0, read_bytes = 0;
    std::unordered_map<std::string, std::uint32_t> ids;
    std::vector<std::string> words;
    std::vector<Postings> postings;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> seen;  // (word, position) in one document
    Token token;
    std::vector<std::uint32_t> order;          // word ids, bucket by bucket, then sorted
    std::vector<std::uint32_t> bucket_starts;  // into order; kBuckets + 1 entries
    std::size_t bucket = 0, laid = 0;          // the next bucket to sort, the next word to lay out
    std::size_t postings_bytes = 0, laid_bytes = 0;

    void read_document();
    void bucket_words();
    std::size_t sort_buckets(std::size_t budget);
    std::size_t lay_out(std::size_t budget);
    void rank();
};

SearchIndexBuilder::SearchIndexBuilder(std::shared_ptr<const Archive> archive) : s_(std::make_unique<State>()) {
    State& s = *s_;
    s.index.archive_ = std::move(archive);
    if (!s.index.archive_) {
        s.phase = State::Phase::done;
        return;
    }
    const Archive& a = *s.index.archive_;
    s.docs = document_count(a);
    checked_u32(s.docs);
    s.index.title_end_.reserve(s.docs);
    for (std::size_t d = 0; d < s.docs; ++d)
        for_each_field(a, doc_ref(a, d), [&](Field, std::string_view text) { s.text_bytes += text.size(); });
}

SearchIndexBuilder::~SearchIndexBuilder() = default;

bool SearchIndexBuilder::done() const { return s_->phase == State::Phase::done; }

std::size_t SearchIndexBuilder::text_bytes() const { return s_->text_bytes; }

double SearchIndexBuilder::progress() const {
    const State& s = *s_;
    // Reading is most of the work; ordering and laying out the rest.
    switch (s.phase) {
        case State::Phase::read:
            return 0.85 * (s.text_bytes ? static_cast<double>(s.read_bytes) / static_cast<double>(s.text_bytes) : 1.0);
        case State::Phase::bucket: return 0.85;
        case State::Phase::sort: return 0.85 + 0.05 * static_cast<double>(s.bucket) / static_cast<double>(kBuckets);
        case State::Phase::lay_out:
            return 0.9 + 0.09 * (s.postings_bytes
                                     ? static_cast<double>(s.laid_bytes) / static_cast<double>(s.postings_bytes)
                                     : 1.0);
        case State::Phase::rank: return 0.99;
        case State::Phase::done: break;
    }
    return 1.0;
}

bool SearchIndexBuilder::step(std::size_t budget) {
    State& s = *s_;
    std::size_t spent = 0;
    while (spent < budget && s.phase != State::Phase::done) {
        switch (s.phase) {
            case State::Phase::read: {
                if (s.doc == s.docs) {
                    s.phase = State::Phase::bucket;
                    break;
                }
                const std::size_t before = s.read_bytes;
                s.read_document();
                spent += s.read_bytes - before + 1;
                break;
            }
            case State::Phase::bucket:
                s.bucket_words();
                spent += s.words.size();
                s.phase = State::Phase::sort;
                break;
            case State::Phase::sort:
                spent += s.sort_buckets(budget - spent);
                if (s.bucket == kBuckets) s.phase = State::Phase::lay_out;
                break;
            case State::Phase::lay_out:
                spent += s.lay_out(budget - spent);
                if (s.laid == s.order.size()) s.phase = State::Phase::rank;
                break;
            case State::Phase::rank:
                s.rank();
                spent += s.docs;
                s.phase = State::Phase::done;
                break;
            case State::Phase::done: break;
        }
    }
    return s.phase == State::Phase::done;
}

SearchIndex SearchIndexBuilder::take() { return std::move(s_->index); }

void SearchIndexBuilder::State::read_document() {
    const Archive& a = *index.archive_;
    seen.clear();
    std::uint32_t position = 0, title_end = 0;
    for_each_field(a, doc_ref(a, doc), [&](Field field, std::string_view text) {
        read_bytes += text.size();
        for (TokenReader reader(text); reader.next(token);) {
            const auto [it, inserted] = ids.try_emplace(token.folded, checked_u32(words.size()));
            if (inserted) {
                words.push_back(token.folded);
                postings.emplace_back();
            }
            seen.emplace_back(it->second, position++);
        }
        if (is_title(field)) title_end = position;
        ++position;  // a gap, so no phrase runs from one field into the next
    });
    index.title_end_.push_back(title_end);
    // One entry per word and document, counts rather than one entry per occurrence.
    std::sort(seen.begin(), seen.end());
    for (std::size_t i = 0; i < seen.size();) {
        std::size_t j = i;
        while (j < seen.size() && seen[j].first == seen[i].first) ++j;
        Postings& p = postings[seen[i].first];
        const auto d = static_cast<std::uint32_t>(doc);
        put_varint(p.docs, d + 1 - p.next_doc);
        p.next_doc = d + 1;
        ++p.doc_count;
        const bool in_title = seen[i].second < title_end;
        put_varint(p.docs, (static_cast<std::uint64_t>(j - i) << 1) | (in_title ? 1 : 0));
        std::uint32_t previous = 0;
        for (std::size_t k = i; k < j; ++k) {
            put_varint(p.positions, seen[k].second - previous);
            previous = seen[k].second;
        }
        i = j;
    }
    ++doc;
}

void SearchIndexBuilder::State::bucket_words() {
    decltype(ids)().swap(ids);  // no longer needed: words has them in id order
    bucket_starts.assign(kBuckets + 1, 0);
    for (const std::string& w : words) ++bucket_starts[bucket_of(w) + 1];
    for (std::size_t b = 0; b < kBuckets; ++b) bucket_starts[b + 1] += bucket_starts[b];
    order.resize(words.size());
    std::vector<std::uint32_t> fill(bucket_starts.begin(), bucket_starts.end() - 1);
    for (std::size_t id = 0; id < words.size(); ++id)
        order[fill[bucket_of(words[id])]++] = static_cast<std::uint32_t>(id);
    // The laid-out arrays at their final size now: growing them in the steps would copy them
    // whole at each doubling (tens of MB in one step for a large archive).
    std::size_t doc_bytes = 0, position_bytes = 0, vocabulary_bytes = 0;
    for (const Postings& p : postings) doc_bytes += p.docs.size(), position_bytes += p.positions.size();
    for (const std::string& w : words) vocabulary_bytes += w.size();
    postings_bytes = doc_bytes + position_bytes;
    index.terms_.reserve(words.size() + 1);
    index.doc_postings_.reserve(doc_bytes);
    index.position_postings_.reserve(position_bytes);
    index.vocabulary_.reserve(vocabulary_bytes);
}

std::size_t SearchIndexBuilder::State::sort_buckets(std::size_t budget) {
    std::size_t spent = 0;
    for (; bucket < kBuckets && spent < budget; ++bucket) {
        const auto first = order.begin() + bucket_starts[bucket], last = order.begin() + bucket_starts[bucket + 1];
        std::sort(first, last, [&](std::uint32_t x, std::uint32_t y) { return words[x] < words[y]; });
        spent += 1 + static_cast<std::size_t>(last - first) * 8;  // a sort costs more than a copy
    }
    return spent;
}

std::size_t SearchIndexBuilder::State::lay_out(std::size_t budget) {
    std::size_t spent = 0;
    for (; laid < order.size() && spent < budget; ++laid) {
        Postings& p = postings[order[laid]];
        std::string& w = words[order[laid]];
        index.terms_.push_back({checked_u32(index.vocabulary_.size()), checked_u32(index.doc_postings_.size()),
                                checked_u32(index.position_postings_.size()), p.doc_count});
        index.vocabulary_ += w;
        index.doc_postings_.insert(index.doc_postings_.end(), p.docs.begin(), p.docs.end());
        index.position_postings_.insert(index.position_postings_.end(), p.positions.begin(), p.positions.end());
        const std::size_t bytes = p.docs.size() + p.positions.size();
        laid_bytes += bytes;
        spent += bytes + w.size() + 1;
        Postings().docs.swap(p.docs);  // free as we go: the peak stays near the final size
        Postings().positions.swap(p.positions);
        std::string().swap(w);
    }
    return spent;
}

void SearchIndexBuilder::State::rank() {
    index.terms_.push_back({checked_u32(index.vocabulary_.size()), checked_u32(index.doc_postings_.size()),
                            checked_u32(index.position_postings_.size()), 0});
    decltype(postings)().swap(postings);
    decltype(words)().swap(words);
    decltype(order)().swap(order);
    // Time order: works by date (undated last), then pages, events and people as the archive has them.
    const Archive& a = *index.archive_;
    std::vector<std::uint32_t> by_time(docs);
    for (std::size_t i = 0; i < docs; ++i) by_time[i] = static_cast<std::uint32_t>(i);
    const auto key = [&](std::uint32_t d) {
        if (d >= a.works.size()) return std::numeric_limits<DayNumber>::max();
        const auto& date = a.works[d].date;
        return date ? date->earliest_day : std::numeric_limits<DayNumber>::max() - 1;
    };
    std::stable_sort(by_time.begin(), by_time.end(), [&](std::uint32_t x, std::uint32_t y) { return key(x) < key(y); });
    index.rank_.resize(docs);
    for (std::size_t i = 0; i < docs; ++i) index.rank_[by_time[i]] = static_cast<std::uint32_t>(i);
    index.vocabulary_.shrink_to_fit();
    index.doc_postings_.shrink_to_fit();
    index.position_postings_.shrink_to_fit();
}

void SearchIndex::build(std::shared_ptr<const Archive> archive) {
    SearchIndexBuilder builder(std::move(archive));
    while (!builder.step(std::numeric_limits<std::size_t>::max())) {}
    *this = builder.take();
}

}  // namespace lectern
