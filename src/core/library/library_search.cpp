// A query over a library's index: planned into dictionary terms, answered from the postings as
// they arrive, ranked as an archive's search ranks, phrases checked against the texts.
#include "core/library/library_search.h"

#include <algorithm>

#include "core/search/search_documents.h"
#include "core/text/text_fold.h"

namespace lectern {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// AND of two lists sorted by number: counts and title terms add up.
std::vector<LibraryMatch> intersect(const std::vector<LibraryMatch>& a, const std::vector<LibraryMatch>& b) {
    std::vector<LibraryMatch> out;
    std::size_t j = 0;
    for (const LibraryMatch& m : a) {
        while (j < b.size() && b[j].number < m.number) ++j;
        if (j == b.size()) break;
        if (b[j].number == m.number) out.push_back({m.number, m.count + b[j].count, m.title_terms + b[j].title_terms});
    }
    return out;
}

std::vector<LibraryMatch> from_postings(const std::vector<Posting>& p) {
    std::vector<LibraryMatch> out;
    out.reserve(p.size());
    for (const Posting& x : p) out.push_back({x.number, x.count, x.title ? 1 : 0});
    return out;
}

// Keeps the matches whose number is in `allowed` (sorted); counts unchanged.
void keep_only(std::vector<LibraryMatch>& found, const std::vector<std::uint32_t>& allowed) {
    std::size_t kept = 0, j = 0;
    for (const LibraryMatch& m : found) {
        while (j < allowed.size() && allowed[j] < m.number) ++j;
        if (j == allowed.size()) break;
        if (allowed[j] == m.number) found[kept++] = m;
    }
    found.resize(kept);
}

// A phrase's matches in a work: consecutive words within one field, as an archive's index
// counts them from its positions.
LibraryMatch phrase_in(const Work& work, const std::vector<std::string>& words) {
    LibraryMatch m;
    std::vector<std::string> field_words;
    Token token;
    search_detail::for_each_work_field(work, [&](search_detail::Field field, std::string_view text) {
        field_words.clear();
        for (TokenReader reader(text); reader.next(token);) field_words.push_back(token.folded);
        for (std::size_t i = 0; i + words.size() <= field_words.size(); ++i)
            if (std::equal(words.begin(), words.end(), field_words.begin() + static_cast<std::ptrdiff_t>(i))) {
                ++m.count;
                if (search_detail::is_title(field)) m.title_terms = 1;
            }
    });
    return m;
}

std::string phrase_key(const std::vector<std::string>& words) {
    std::string key;
    for (const std::string& w : words) key += w + '\x1f';
    return key;
}

}  // namespace

LibrarySearch::LibrarySearch(ShardRef root, std::uint32_t works, std::vector<std::string> collection_ids)
    : root_part_(std::move(root)), works_(works), collection_ids_(std::move(collection_ids)) {}

void LibrarySearch::set_query(std::string_view query, const SearchFilter& filter) {
    matcher_ = QueryMatcher(query);
    filter_ = filter;
    plan();
    advance();
}

void LibrarySearch::plan() {
    plans_.clear();
    for (const QueryTerm& term : matcher_.terms()) {
        Plan p;
        const auto& w = term.words;
        if (w.size() == 1) {
            p.terms = {w[0]};
            p.prefix = term.prefix;
        } else {
            // Pairs where two characters follow each other, words elsewhere: the fewest, rarest lists.
            std::vector<bool> covered(w.size(), false);
            for (std::size_t i = 0; i + 1 < w.size(); ++i)
                if (character_word(w[i]) && character_word(w[i + 1])) {
                    p.terms.push_back(pair_term(w[i], w[i + 1]));
                    covered[i] = covered[i + 1] = true;
                }
            for (std::size_t i = 0; i < w.size(); ++i)
                if (!covered[i]) p.terms.push_back(w[i]);
            std::sort(p.terms.begin(), p.terms.end());
            p.terms.erase(std::unique(p.terms.begin(), p.terms.end()), p.terms.end());
            p.exact = w.size() == 2 && p.terms.size() == 1 && p.terms[0][0] == kPairMark;
            p.phrase = w;
        }
        plans_.push_back(std::move(p));
    }
}

void LibrarySearch::fail(const std::string& problem, const std::string& subject) {
    problem_ = problem;
    problem_subject_ = subject;
}

void LibrarySearch::need(LibrarySearchPart::Kind kind, std::uint64_t key, const ShardRef& part,
                         std::uint64_t member_offset, std::uint64_t member_bytes) {
    for (const LibrarySearchPart& p : wanted_)
        if (p.kind == kind && p.key == key) return;
    if (failed_.count({static_cast<int>(kind), key})) {
        fail("search.part_failed", part.name);
        return;
    }
    wanted_.push_back({kind, key, part, member_offset, member_bytes});
}

const IndexBlockRef* LibrarySearch::block_ref(std::uint64_t block, bool& waiting) {
    const std::uint64_t d = block / kBlocksPerDirectory;
    if (d >= root_->directories.size()) return nullptr;
    auto it = directories_.find(d);
    if (it == directories_.end()) {
        need(LibrarySearchPart::Kind::directory, d, root_->directories[d].shard);
        waiting = true;
        return nullptr;
    }
    const std::uint64_t i = block % kBlocksPerDirectory;
    return i < it->second.blocks.size() ? &it->second.blocks[i] : nullptr;
}

std::optional<std::uint64_t> LibrarySearch::block_for(const std::string& term, bool& waiting) {
    const int d = root_->directory_of(term);
    if (d < 0) return std::nullopt;
    auto it = directories_.find(static_cast<std::uint64_t>(d));
    if (it == directories_.end()) {
        need(LibrarySearchPart::Kind::directory, static_cast<std::uint64_t>(d),
             root_->directories[static_cast<std::size_t>(d)].shard);
        waiting = true;
        return std::nullopt;
    }
    const int b = it->second.block_of(term);
    if (b < 0) return std::nullopt;
    return static_cast<std::uint64_t>(d) * kBlocksPerDirectory + static_cast<std::uint64_t>(b);
}

const IndexBlock* LibrarySearch::block_here(std::uint64_t block, bool& waiting) {
    auto it = blocks_.find(block);
    if (it != blocks_.end()) return &it->second;
    if (const IndexBlockRef* ref = block_ref(block, waiting)) {
        need(LibrarySearchPart::Kind::block, block, ref->shard);
        waiting = true;
    }
    return nullptr;
}

std::optional<std::vector<Posting>> LibrarySearch::postings_of(const std::string& term, bool& waiting) {
    const std::optional<std::uint64_t> block = block_for(term, waiting);
    if (!block) return waiting ? std::nullopt : std::optional<std::vector<Posting>>(std::vector<Posting>{});
    const IndexBlock* b = block_here(*block, waiting);
    if (!b) return std::nullopt;
    auto t = std::lower_bound(b->terms.begin(), b->terms.end(), term,
                              [](const IndexTerm& x, const std::string& y) { return x.term < y; });
    if (t == b->terms.end() || t->term != term) return std::vector<Posting>{};
    const auto index = static_cast<std::uint64_t>(t - b->terms.begin());
    if (!t->in_pack()) {
        PostingsResult r = decode_postings(t->postings, works_, t->docs);
        if (!r.postings) {
            bool unused = false;
            const IndexBlockRef* ref = block_ref(*block, unused);
            fail("search.part_damaged", ref ? ref->shard.name : std::string());
            return std::vector<Posting>{};
        }
        return std::move(*r.postings);
    }
    const std::uint64_t key = *block << 16 | index;
    auto p = postings_.find(key);
    if (p == postings_.end()) {
        need(LibrarySearchPart::Kind::postings, key, b->packs[t->pack], t->member_offset, t->member_bytes);
        waiting = true;
        return std::nullopt;
    }
    return p->second;
}

std::optional<std::vector<Posting>> LibrarySearch::prefix_postings(const std::string& prefix, bool& waiting) {
    // The blocks that may hold words starting with it: from the one the prefix falls in, on
    // while the next block's first term still starts with it.
    std::optional<std::uint64_t> first = block_for(prefix, waiting);
    if (!first && waiting) return std::nullopt;
    std::vector<std::uint64_t> blocks = {first.value_or(0)};
    for (;;) {
        // The next block: in the same directory, or the first of the next (a directory may hold fewer).
        std::uint64_t after = blocks.back() + 1;
        if (block_ref(after, waiting) == nullptr && !waiting)
            after = (blocks.back() / kBlocksPerDirectory + 1) * kBlocksPerDirectory;
        const IndexBlockRef* next = block_ref(after, waiting);
        if (!next || !starts_with(next->first_term, prefix)) break;
        if (blocks.size() == kMaxPrefixBlocks) {  // the words of the first blocks only: said, not hidden
            fail("search.prefix_partial", prefix);
            break;
        }
        blocks.push_back(after);
    }
    if (waiting) return std::nullopt;
    std::vector<const IndexTerm*> inline_words, packed_words;
    for (const std::uint64_t block : blocks) {
        const IndexBlock* b = block_here(block, waiting);
        if (!b) continue;
        auto t = std::lower_bound(b->terms.begin(), b->terms.end(), prefix,
                                  [](const IndexTerm& x, const std::string& y) { return x.term < y; });
        for (; t != b->terms.end() && starts_with(t->term, prefix); ++t)
            (t->in_pack() ? packed_words : inline_words).push_back(&*t);
    }
    if (waiting) return std::nullopt;
    // Every word of few works is inline, so free; of the words with long lists, the word as typed
    // and the most common others, up to kMaxPrefixPostings: typing "bab" does not fetch the
    // lists of every word that starts with it, and the reader is told the rest wait for a letter.
    if (packed_words.size() > kMaxPrefixPostings) {
        std::stable_sort(packed_words.begin(), packed_words.end(), [&](const IndexTerm* x, const IndexTerm* y) {
            if ((x->term == prefix) != (y->term == prefix)) return x->term == prefix;
            return x->docs > y->docs;
        });
        packed_words.resize(kMaxPrefixPostings);
        fail("search.prefix_partial", prefix);
    }
    std::vector<std::string> words;
    for (const IndexTerm* t : inline_words) words.push_back(t->term);
    for (const IndexTerm* t : packed_words) words.push_back(t->term);
    // Every word's list asked for at once; added up only once all are here.
    std::vector<std::vector<Posting>> lists;
    for (const std::string& word : words)
        if (std::optional<std::vector<Posting>> p = postings_of(word, waiting)) lists.push_back(std::move(*p));
    if (waiting) return std::nullopt;
    if (lists.size() == 1) return std::move(lists.front());
    // Many words share the prefix: their matches add up per work, as in an archive's search.
    std::map<std::uint32_t, std::pair<std::uint64_t, bool>> sum;
    for (const auto& list : lists)
        for (const Posting& x : list) {
            auto& [count, title] = sum[x.number];
            count += x.count;
            title = title || x.title;
        }
    std::vector<Posting> out;
    out.reserve(sum.size());
    for (const auto& [n, v] : sum)
        out.push_back({n, static_cast<std::uint32_t>(std::min<std::uint64_t>(v.first, 0xFFFFFFFFu)), v.second});
    return out;
}

void LibrarySearch::rank(std::vector<LibraryMatch>& found) const {
    std::sort(found.begin(), found.end(), [](const LibraryMatch& x, const LibraryMatch& y) {
        if (x.title_terms != y.title_terms) return x.title_terms > y.title_terms;
        if (x.count != y.count) return x.count > y.count;
        return x.number < y.number;
    });
}

void LibrarySearch::advance() {
    wanted_.clear();
    if (!matches_.empty()) ++revision_;
    matches_.clear();
    to_check_.clear();
    phrase_plans_.clear();
    problem_.clear();
    problem_subject_.clear();
    const bool filtering = filter_.active();
    if (plans_.empty() && !filtering) {
        status_ = Status::idle;
        return;
    }
    if (!root_) {
        if (failed_.count({static_cast<int>(LibrarySearchPart::Kind::root), 0})) {
            fail("search.part_failed", root_part_.name);
            status_ = Status::failed;
            return;
        }
        wanted_.push_back({LibrarySearchPart::Kind::root, 0, root_part_, 0, 0});
        status_ = Status::waiting;
        return;
    }

    bool waiting = false;
    // Each query term's matches, sorted by number; nullopt while parts are missing.
    std::vector<std::vector<LibraryMatch>> lists;
    for (std::size_t i = 0; i < plans_.size(); ++i) {
        const Plan& p = plans_[i];
        std::optional<std::vector<LibraryMatch>> all;
        bool term_waiting = false;  // each term asks for its own parts, whatever the others wait for
        for (const std::string& term : p.terms) {
            bool this_waiting = false;
            std::optional<std::vector<Posting>> got =
                p.prefix ? prefix_postings(term, this_waiting) : postings_of(term, this_waiting);
            term_waiting = term_waiting || this_waiting;
            if (!got) continue;
            std::vector<LibraryMatch> m = from_postings(*got);
            if (!all) all = std::move(m);
            else all = intersect(*all, m);
        }
        waiting = waiting || term_waiting;
        if (term_waiting || !all) continue;
        if (!p.exact) {
            // Candidates only: counts come from the texts.
            for (LibraryMatch& m : *all) m.count = 0, m.title_terms = 0;
            phrase_plans_.push_back(i);
        }
        lists.push_back(std::move(*all));
    }
    // Filters, as postings too: a work passes when it is of one of the kinds, ...
    const auto any_of = [&](const std::vector<std::string>& terms) -> std::optional<std::vector<std::uint32_t>> {
        std::vector<std::uint32_t> numbers;
        bool filter_waiting = false;
        for (const std::string& term : terms) {
            std::optional<std::vector<Posting>> got = postings_of(term, filter_waiting);
            if (got)
                for (const Posting& x : *got) numbers.push_back(x.number);
        }
        waiting = waiting || filter_waiting;
        if (filter_waiting) return std::nullopt;
        std::sort(numbers.begin(), numbers.end());
        numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
        return numbers;
    };
    std::vector<std::vector<std::uint32_t>> passes;
    if (!filter_.kinds.empty()) {
        std::vector<std::string> terms;
        for (const std::string& k : filter_.kinds) terms.push_back(kind_term(k));
        if (auto n = any_of(terms)) passes.push_back(std::move(*n));
    }
    if (!filter_.attribution.empty())
        if (auto n = any_of({attribution_term(filter_.attribution)})) passes.push_back(std::move(*n));
    if (!filter_.collections.empty()) {
        std::vector<std::string> terms;
        for (const std::string& c : filter_.collections) terms.push_back(collection_term(c));
        if (auto n = any_of(terms)) passes.push_back(std::move(*n));
    }
    if (filter_.year_from || filter_.year_to) {
        if (years_) {
            passes.push_back(years_->works_in_years(filter_.year_from, filter_.year_to));
        } else {
            need(LibrarySearchPart::Kind::years, 0, root_->years);
            waiting = true;
        }
    }

    if (waiting) {
        // A part that could not be read fails the query; a prefix read in part does not.
        status_ = problem_.empty() || problem_ == "search.prefix_partial" ? Status::waiting : Status::failed;
        return;
    }
    if (!problem_.empty() && problem_ != "search.prefix_partial") {
        status_ = Status::failed;
        return;
    }

    std::vector<LibraryMatch> found;
    if (plans_.empty()) {  // filters alone: every work that passes them, in time order
        if (passes.empty()) return;
        for (const std::uint32_t n : passes.front()) found.push_back({n, 0, 0});
    } else {
        std::sort(lists.begin(), lists.end(), [](const auto& x, const auto& y) { return x.size() < y.size(); });
        found = lists.empty() ? std::vector<LibraryMatch>{} : lists.front();
        for (std::size_t l = 1; l < lists.size() && !found.empty(); ++l) found = intersect(found, lists[l]);
    }
    for (const auto& allowed : passes) keep_only(found, allowed);

    if (!phrase_plans_.empty() && found.size() > kMaxPhraseChecks) {
        // Too many to read: the works holding all the phrase's words stand for it.
        fail("search.phrase_unchecked", std::to_string(found.size()));
        phrase_plans_.clear();
    }
    if (phrase_plans_.empty()) {
        rank(found);
        matches_ = std::move(found);
        ++revision_;
        status_ = Status::done;
        return;
    }
    // Checked in the order the other terms rank them, so the best come first; a work checked
    // before (the same phrase, an earlier query) is not read again.
    rank(found);
    for (const LibraryMatch& candidate : found) {
        LibraryMatch m = candidate;
        bool known = true, holds = true;
        for (const std::size_t i : phrase_plans_) {
            auto c = phrase_counts_.find({phrase_key(plans_[i].phrase), m.number});
            if (c == phrase_counts_.end()) {
                known = false;
                break;
            }
            holds = holds && c->second.count > 0;
            m.count += c->second.count;
            m.title_terms += c->second.title_terms;
        }
        if (known) {
            if (holds) matches_.push_back(m);
        } else if (auto lost = unreadable_.find(m.number); lost != unreadable_.end()) {
            fail("search.part_failed", lost->second);  // its text could not be read: not counted, and said
        } else {
            to_check_.push_back(m.number);
        }
    }
    rank(matches_);
    ++revision_;
    status_ = to_check_.empty() ? Status::done : Status::checking;
}

void LibrarySearch::unreadable(std::uint32_t number, const std::string& part) {
    if (std::find(to_check_.begin(), to_check_.end(), number) == to_check_.end()) return;
    unreadable_[number] = part;
    advance();
}

void LibrarySearch::checked(std::uint32_t number, const Work& work) {
    if (std::find(to_check_.begin(), to_check_.end(), number) == to_check_.end()) return;
    for (const std::size_t i : phrase_plans_)
        phrase_counts_[{phrase_key(plans_[i].phrase), number}] = phrase_in(work, plans_[i].phrase);
    advance();
}

std::vector<LibrarySearchPart> LibrarySearch::wanted() const { return wanted_; }

std::string LibrarySearch::arrived(const LibrarySearchPart& part, std::string_view bytes) {
    std::string error;
    switch (part.kind) {
        case LibrarySearchPart::Kind::root: {
            IndexRootResult r = parse_index_root(bytes, works_);
            if (r.root) root_ = std::move(*r.root);
            else error = r.error;
            break;
        }
        case LibrarySearchPart::Kind::years: {
            if (!root_) return "not asked for";
            IndexYearsResult r = parse_index_years(bytes, works_);
            if (r.years) years_ = std::move(*r.years);
            else error = r.error;
            break;
        }
        case LibrarySearchPart::Kind::directory: {
            if (!root_ || part.key >= root_->directories.size()) return "not asked for";
            IndexDirectoryResult r = parse_index_directory(bytes);
            if (!r.directory) error = r.error;
            else if (r.directory->blocks.front().first_term != root_->directories[part.key].first_term)
                error = "not the directory the root names";
            else directories_[part.key] = std::move(*r.directory);
            break;
        }
        case LibrarySearchPart::Kind::block: {
            bool waiting = false;
            const IndexBlockRef* ref = root_ ? block_ref(part.key, waiting) : nullptr;
            if (!ref) return "not asked for";
            IndexBlockResult r = parse_index_block(bytes, works_);
            if (!r.block) error = r.error;
            else if (r.block->terms.empty() || r.block->terms.front().term != ref->first_term)
                error = "not the dictionary block its directory names";
            else {
                held_bytes_ += bytes.size();
                blocks_[part.key] = std::move(*r.block);
            }
            break;
        }
        case LibrarySearchPart::Kind::postings: {
            auto b = blocks_.find(part.key >> 16);
            if (b == blocks_.end() || (part.key & 0xFFFF) >= b->second.terms.size()) return "not asked for";
            PostingsResult r = decode_postings(bytes, works_, b->second.terms[part.key & 0xFFFF].docs);
            if (r.postings) {
                held_bytes_ += r.postings->size() * sizeof(Posting);
                postings_[part.key] = std::move(*r.postings);
            } else {
                error = r.error;
            }
            break;
        }
    }
    if (!error.empty()) failed_.insert({static_cast<int>(part.kind), part.key});
    advance();
    return error;
}

void LibrarySearch::failed(const LibrarySearchPart& part, const std::string&) {
    failed_.insert({static_cast<int>(part.kind), part.key});
    advance();
}

void LibrarySearch::retry() {
    failed_.clear();
    unreadable_.clear();
    advance();
}

}  // namespace lectern
