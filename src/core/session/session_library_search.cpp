// Session: searching a library. The query goes to a LibrarySearch, which names the index parts
// it needs; the session fetches them through the library's loader, then the tiles and texts of
// the results the reader sees (their titles and snippets), and of the works a phrase must be
// checked in. Results are the matches, best first; those not loaded yet are rows without a
// title until their tile comes.
#include <algorithm>
#include <limits>

#include "core/i18n/message.h"
#include "core/session/session.h"

namespace lectern {

namespace {

// Tiles and texts fetched at once for phrase checks: enough to keep a line busy, few enough
// that a new query is not stuck behind them.
constexpr std::size_t kChecksInFlight = 12;
// A result's text is fetched for its snippet up to this size, compressed (about 150 KB of text).
constexpr std::uint64_t kSnippetTextBytes = 48 << 10;

}  // namespace

bool Session::searching() const {
    if (!search_active()) return false;
    if (library_) {
        if (!library_search_) return false;
        const auto status = library_search_->status();
        return status == LibrarySearch::Status::waiting || status == LibrarySearch::Status::checking;
    }
    return !index_built_;
}

void Session::run_library_search() {
    described_.clear();
    results_seen_ = {0, kLeadingResults};
    if (library_search_) {
        library_search_->set_query(query_, filter_);
        // What the last query asked for and this one does not want now (its blocks and postings,
        // its results' texts) stops: a query typed letter by letter never waits behind the letters
        // it replaced. The root, directories and year table are small and serve every query.
        const std::vector<LibrarySearchPart> wanted = library_search_->wanted();
        library_->cancel_if([&](const LibraryRequest& r) {
            if (r.kind == LibraryRequest::Kind::body) return r.alone;
            const bool part = r.kind == LibraryRequest::Kind::index_block || r.kind == LibraryRequest::Kind::postings;
            if (!part) return false;
            const auto kind = r.kind == LibraryRequest::Kind::index_block ? LibrarySearchPart::Kind::block
                                                                          : LibrarySearchPart::Kind::postings;
            return std::none_of(wanted.begin(), wanted.end(),
                                [&](const LibrarySearchPart& p) { return p.kind == kind && p.key == r.index; });
        });
    }
    settle_library_results(true);
}

void Session::show_results(std::size_t first, std::size_t last) {
    if (std::make_pair(first, last) == results_seen_) return;
    results_seen_ = {first, last};
    ++revision_;
}

void Session::settle_library_results(bool force) {
    if (library_search_ && search_active() && !force && library_search_->revision() == settled_revision_) return;
    results_.clear();
    library_matching_.clear();
    match_density_.clear();
    settled_revision_ = library_search_ ? library_search_->revision() : 0;
    if (!library_search_ || !search_active()) return;
    const auto status = library_search_->status();
    if (status == LibrarySearch::Status::idle || status == LibrarySearch::Status::waiting) return;
    library_matching_.assign(library_->manifest().works, 0);
    const bool described = !library_search_->matcher().empty();
    results_.reserve(library_search_->matches().size());
    for (const LibraryMatch& m : library_search_->matches()) {
        library_matching_[m.number] = 1;
        SearchHit h;
        h.kind = SearchHit::Kind::work;
        h.number = m.number;
        h.index = -1;
        h.score = static_cast<int>(std::min<std::uint64_t>(m.count, std::numeric_limits<int>::max()));
        h.title_terms = m.title_terms;
        h.title_match = m.title_terms > 0;
        auto loaded = number_to_work_.find(m.number);
        if (loaded != number_to_work_.end()) {
            h.index = loaded->second;
            h.ref = "work:" + archive_->works[static_cast<std::size_t>(loaded->second)].id;
        }
        if (described) {
            auto d = described_.find(m.number);
            if (d != described_.end()) {
                h.field = d->second.field;
                h.snippet = d->second.snippet;
                h.snippet_highlights = d->second.snippet_highlights;
            }
        }
        results_.push_back(std::move(h));
    }
    // Works are numbered by their start, and the manifest counts them per bin by it: the n-th
    // dated work is in the bin where the running count passes n.
    const LibraryManifest& manifest = library_->manifest();
    if (manifest.density.empty()) return;
    std::vector<std::uint64_t> running(manifest.density.front().counts.size() + 1, 0);
    for (const LaneDensity& d : manifest.density)
        for (std::size_t b = 0; b < d.counts.size() && b + 1 < running.size(); ++b) running[b + 1] += d.counts[b];
    for (std::size_t b = 1; b < running.size(); ++b) running[b] += running[b - 1];
    match_density_.assign(running.size() - 1, 0);
    for (const LibraryMatch& m : library_search_->matches()) {
        if (m.number >= manifest.dated) continue;
        const auto bin = std::upper_bound(running.begin(), running.end(), m.number) - running.begin() - 1;
        if (bin >= 0 && static_cast<std::size_t>(bin) < match_density_.size())
            ++match_density_[static_cast<std::size_t>(bin)];
    }
}

std::size_t Session::results_ready() const {
    // Phrases still being checked may yet put other works first.
    if (library_search_ && library_search_->status() == LibrarySearch::Status::checking) return 0;
    std::size_t ready = 0;
    const bool described = library_search_ && !library_search_->matcher().empty();
    for (const SearchHit& h : results_) {
        if (ready == kLeadingResults) break;
        if (h.index < 0) break;
        if (library_ && described && !described_.count(static_cast<std::uint32_t>(h.number))) break;
        ++ready;
    }
    return ready;
}

void Session::plan_library_search() {
    if (!library_search_ || !search_active()) return;
    for (const LibrarySearchPart& p : library_search_->wanted()) {
        const auto kind = p.kind == LibrarySearchPart::Kind::root        ? LibraryRequest::Kind::index_root
                          : p.kind == LibrarySearchPart::Kind::directory ? LibraryRequest::Kind::index_directory
                          : p.kind == LibrarySearchPart::Kind::years     ? LibraryRequest::Kind::index_years
                          : p.kind == LibrarySearchPart::Kind::block     ? LibraryRequest::Kind::index_block
                                                                         : LibraryRequest::Kind::postings;
        library_->want_search(kind, p.key, p.part, p.member_offset, p.member_bytes);
    }
    const LibraryManifest& m = library_->manifest();
    // A work's tile, then (when the title does not answer) its text, for a snippet or a check.
    // True when the work is here as far as `query` needs it.
    const auto want_work = [&](std::uint32_t number, const QueryMatcher* query) {
        auto it = number_to_work_.find(number);
        if (it == number_to_work_.end()) {
            const int t = m.tile_of(number);
            if (t >= 0) library_->want_tile(static_cast<std::uint32_t>(t));
            return false;
        }
        const auto index = static_cast<std::size_t>(it->second);
        const Work& w = archive_->works[index];
        const LibraryWork& lw = library_works_[index];
        if (w.body || !lw.body) return true;
        if (query && !query->find(w.title, kSnippetBytes).empty()) return true;  // the snippet is the title's
        library_->want_body(number, lw.body->first, lw.body->second, true);
        return false;
    };
    // Phrases: the candidates' texts, a few at a time, best first.
    std::size_t in_flight = 0;
    std::vector<std::pair<std::uint32_t, int>> ready_checks;
    std::vector<std::pair<std::uint32_t, std::string>> lost;  // candidates whose tile or text failed
    for (const std::uint32_t number : library_search_->to_check()) {
        if (in_flight == kChecksInFlight) break;
        const int t = m.tile_of(number);
        if (t >= 0 && library_->tile_failed(static_cast<std::uint32_t>(t))) {
            lost.emplace_back(number, m.tiles[static_cast<std::size_t>(t)].shard.name);
            continue;
        }
        if (library_->body_failed(number)) {
            lost.emplace_back(number,
                              library_works_[static_cast<std::size_t>(number_to_work_.at(number))].body->first.name);
            continue;
        }
        if (want_work(number, nullptr)) {
            ready_checks.emplace_back(number, number_to_work_.at(number));
            continue;
        }
        ++in_flight;
    }
    for (const auto& [number, part] : lost) library_search_->unreadable(number, part);
    for (const auto& [number, work] : ready_checks)
        library_search_->checked(number, archive_->works[static_cast<std::size_t>(work)]);
    if (!ready_checks.empty() || !lost.empty()) settle_library_results();

    // The results the reader sees, and the first ones: titles, and snippets.
    const QueryMatcher& query = library_search_->matcher();
    const std::size_t first = std::min(results_seen_.first, results_.size());
    const std::size_t last = std::min(std::max(results_seen_.second, kLeadingResults), results_.size());
    for (std::size_t i = 0; i < last; ++i) {
        if (i >= kLeadingResults && i < first) continue;
        SearchHit& h = results_[i];
        const auto number = static_cast<std::uint32_t>(h.number);
        if (query.empty() || described_.count(number)) continue;
        if (library_->body_failed(number)) {  // its text could not be read: the row goes without a snippet
            described_[number] = SearchHit{};
            continue;
        }
        // A long text is not fetched for a snippet (a reader opens it to see its matches): the
        // first results of a common word are often the longest works.
        if (auto loaded = number_to_work_.find(number); loaded != number_to_work_.end()) {
            const auto index = static_cast<std::size_t>(loaded->second);
            const Work& w = archive_->works[index];
            const LibraryWork& lw = library_works_[index];
            if (!w.body && lw.body && lw.body->second.bytes > kSnippetTextBytes &&
                query.find(w.title, kSnippetBytes).empty()) {
                described_[number] = SearchHit{};
                continue;
            }
        }
        if (!want_work(number, &query)) continue;
        SearchHit d;
        describe_work(query, archive_->works[static_cast<std::size_t>(number_to_work_.at(number))], d);
        h.field = d.field;
        h.snippet = d.snippet;
        h.snippet_highlights = d.snippet_highlights;
        described_[number] = std::move(d);
        ++revision_;
    }
}

void Session::patch_library_results(std::uint32_t first, std::uint32_t count) {
    for (SearchHit& h : results_) {
        if (h.index >= 0 || h.number < first || h.number >= std::int64_t{first} + count) continue;
        auto loaded = number_to_work_.find(static_cast<std::uint32_t>(h.number));
        if (loaded == number_to_work_.end()) continue;
        h.index = loaded->second;
        h.ref = "work:" + archive_->works[static_cast<std::size_t>(loaded->second)].id;
    }
}

void Session::library_search_part(const LibraryArrival& a) {
    if (!library_search_) return;
    const auto kind = a.request.kind == LibraryRequest::Kind::index_root        ? LibrarySearchPart::Kind::root
                      : a.request.kind == LibraryRequest::Kind::index_directory ? LibrarySearchPart::Kind::directory
                      : a.request.kind == LibraryRequest::Kind::index_years     ? LibrarySearchPart::Kind::years
                      : a.request.kind == LibraryRequest::Kind::index_block     ? LibrarySearchPart::Kind::block
                                                                                : LibrarySearchPart::Kind::postings;
    const LibrarySearchPart part{kind, a.request.index, a.request.part, a.request.member_offset,
                                 a.request.member_bytes};
    if (!a.ok) {
        library_search_->failed(part, a.error);
    } else if (const std::string error = library_search_->arrived(part, a.text); !error.empty()) {
        library_->arrived_but_unreadable(a.request);
        set_notice(Message{"library.damaged", {{"part", a.request.part.name}, {"detail", error}}}.in(language_));
    }
    settle_library_results();
}

}  // namespace lectern
