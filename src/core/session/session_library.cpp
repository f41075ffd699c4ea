// Session: showing a library. The manifest gives the front page and the timeline's counts at
// once; tiles for what is in view, id blocks for links, and texts for the open work are
// asked for as needed and merged as they arrive. Works are appended (their indices never
// change), so the selection, the reader and the timeline's hover stay valid across arrivals.
#include <algorithm>
#include <cmath>

#include "core/i18n/message.h"
#include "core/session/session.h"
#include "core/text/utf8.h"

namespace lectern {

namespace {

// More tiles than this in view and the timeline draws counts: a wide view never fetches
// thousands of works it could not show one by one anyway.
constexpr std::size_t kTilesInView = 8;
// Collections whose front matter (people, events, eras, pages) is fetched at once: a
// library of a few authors reads like one archive; a big one starts from its own front page.
constexpr std::size_t kFrontsAtOnce = 4;

}  // namespace

void Session::reset_library() {
    library_.reset();
    library_archive_.reset();
    library_works_.clear();
    number_to_work_.clear();
    id_blocks_.clear();
    opening_id_.clear();
    opening_number_.reset();
    library_search_.reset();
    offline_ = OfflineShelf{};
    timeline_stale_ = false;
    library_matching_.clear();
    described_.clear();
    results_seen_ = {0, kLeadingResults};
}

bool Session::open_library(std::string_view manifest_json, std::string& error) {
    ManifestResult r = parse_manifest(manifest_json);
    if (!r.manifest) {
        error = r.newer ? Message{"library.newer", {{"version", r.error}}}.in(language_)
                        : Message{"library.damaged", {{"part", "library.json"}, {"detail", r.error}}}.in(language_);
        return false;
    }
    auto archive = std::make_shared<Archive>();
    archive->title = r.manifest->title;
    archive->subtitle = r.manifest->subtitle;
    archive->language = r.manifest->language;
    auto loader = std::make_unique<LibraryLoader>(std::move(*r.manifest));
    // Nothing can fail from here on: the old archive goes.
    ++revision_;
    reset_library();
    library_ = std::move(loader);
    if (const std::optional<ShardRef>& root = library_->manifest().search) {
        std::vector<std::string> collections;
        for (const CollectionRef& c : library_->manifest().collections) collections.push_back(c.id);
        library_search_ = std::make_unique<LibrarySearch>(*root, library_->manifest().works, std::move(collections));
    }
    library_archive_ = archive;
    archive_ = archive;
    ++archive_generation_;
    selected_ = -1;
    {
        SearchIndex old;
        std::swap(index_, old);
    }
    builder_.reset();
    index_built_ = false;
    query_.clear();
    filter_ = {};
    results_.clear();
    matching_.clear();
    images_.forget();
    rebuild_library_timeline();
    fit_view();
    settle_language();
    return true;
}

bool Session::library_work_matches(int work) const {
    if (!search_active()) return true;
    if (library_search_) {  // the search says, once it has its answer; until then nothing is dimmed
        if (library_matching_.empty()) return true;
        if (work < 0 || static_cast<std::size_t>(work) >= library_works_.size()) return false;
        return library_matching_[library_works_[static_cast<std::size_t>(work)].number] != 0;
    }
    // A library packed without an index: the filters, on the works loaded.
    if (!filter_.active()) return true;
    if (work < 0 || static_cast<std::size_t>(work) >= archive_->works.size()) return false;
    if (!filter_.passes(archive_->works[static_cast<std::size_t>(work)])) return false;
    if (filter_.collections.empty()) return true;
    const std::string& id = library_->manifest().collections[collection_of(work)].id;
    return std::find(filter_.collections.begin(), filter_.collections.end(), id) != filter_.collections.end();
}

std::uint32_t Session::collection_of(int work) const {
    if (!library_ || work < 0 || static_cast<std::size_t>(work) >= library_works_.size()) return 0;
    return library_works_[static_cast<std::size_t>(work)].collection;
}

Session::BodyState Session::body_state(int work) const {
    if (work < 0 || static_cast<std::size_t>(work) >= archive_->works.size()) return BodyState::none;
    if (archive_->works[static_cast<std::size_t>(work)].body) return BodyState::ready;
    if (!library_ || !library_works_[static_cast<std::size_t>(work)].body) return BodyState::none;
    const std::uint32_t number = library_works_[static_cast<std::size_t>(work)].number;
    return library_->body_failed(number) ? BodyState::failed : BodyState::loading;
}

void Session::plan_library() {
    const LibraryManifest& m = library_->manifest();
    if (m.collections.size() <= kFrontsAtOnce)  // asked each time: one that failed is asked again after Retry
        for (std::uint32_t c = 0; c < m.collections.size(); ++c) library_->want_front(c);
    // A tile is in view when the starts of its works are: they run from its start to the
    // next tile's (works are numbered by start). Its end, the end of its longest work, would
    // put every tile before a decade-long interval in view at every zoom.
    std::vector<std::uint32_t> in_view;
    for (std::uint32_t t = 0; t < m.tiles.size(); ++t) {
        const TileRef& tile = m.tiles[t];
        if (tile.first >= m.dated) break;  // the undated tiles come only when a link asks
        const bool last = t + 1 == m.tiles.size() || m.tiles[t + 1].first >= m.dated;
        const double last_start = last ? m.last : m.tiles[t + 1].start;
        if (last_start >= view_.start && tile.start <= view_.end) in_view.push_back(t);
        if (in_view.size() > kTilesInView) break;
    }
    if (in_view.size() <= kTilesInView)
        for (std::uint32_t t : in_view) library_->want_tile(t);
    if (selected_ >= 0) {
        const LibraryWork& w = library_works_[static_cast<std::size_t>(selected_)];
        if (w.body && !archive_->works[static_cast<std::size_t>(selected_)].body)
            library_->want_body(w.number, w.body->first, w.body->second);
    }
    plan_library_search();
}

std::vector<LibraryRequest> Session::take_library_requests() {
    if (!library_) return {};
    plan_library();
    return library_->take_requests();
}

void Session::retry_library() {
    if (!library_) return;
    library_->retry();
    if (library_search_) library_search_->retry();
    ++revision_;
}

void Session::library_answer(std::uint64_t request, bool ok, std::string text, std::uint64_t bytes, std::string error) {
    if (!library_) return;
    std::optional<LibraryArrival> a = library_->answer(request, ok, std::move(text), bytes, std::move(error));
    if (!a) return;  // an answer for a library no longer shown
    ++revision_;
    const bool for_search = a->request.kind == LibraryRequest::Kind::index_root ||
                            a->request.kind == LibraryRequest::Kind::index_directory ||
                            a->request.kind == LibraryRequest::Kind::index_years ||
                            a->request.kind == LibraryRequest::Kind::index_block ||
                            a->request.kind == LibraryRequest::Kind::postings;
    if (for_search) library_search_part(*a);
    if (a->request.kind == LibraryRequest::Kind::offline_list) {
        offline_list_arrived(static_cast<std::uint32_t>(a->request.index), *a);
        return;
    }
    if (!a->ok) {
        set_notice(Message{"library.failed", {{"part", a->request.part.name}, {"detail", a->error}}}.in(language_));
        if (a->request.kind == LibraryRequest::Kind::ids || a->request.kind == LibraryRequest::Kind::tile) {
            opening_id_.clear();  // the link or step waiting for it will not be answered
            opening_number_.reset();
        }
        return;
    }
    switch (a->request.kind) {
        case LibraryRequest::Kind::front:
            library_front_arrived(static_cast<std::uint32_t>(a->request.index), a->text);
            break;
        case LibraryRequest::Kind::tile:
            library_tile_arrived(static_cast<std::uint32_t>(a->request.index), a->text);
            break;
        case LibraryRequest::Kind::ids:
            library_ids_arrived(static_cast<std::uint32_t>(a->request.index), a->text);
            break;
        case LibraryRequest::Kind::body: {
            auto it = number_to_work_.find(static_cast<std::uint32_t>(a->request.index));
            if (it != number_to_work_.end())
                library_archive_->works[static_cast<std::size_t>(it->second)].body = a->text;
            break;
        }
        case LibraryRequest::Kind::index_root:
        case LibraryRequest::Kind::index_directory:
        case LibraryRequest::Kind::index_years:
        case LibraryRequest::Kind::index_block:
        case LibraryRequest::Kind::postings:
        case LibraryRequest::Kind::offline_list: break;  // above
    }
}

bool Session::keep_offline(std::uint32_t c) {
    if (!library_ || c >= library_->manifest().collections.size() || !offline_.available()) return false;
    const CollectionRef& ref = library_->manifest().collections[c];
    if (!ref.offline || offline_.busy(ref.id)) return false;
    ++revision_;
    offline_.listing(ref.id, ref.offline_bytes);
    library_->want_offline_list(c);
    return true;
}

void Session::forget_offline(std::uint32_t c) {
    if (!library_ || c >= library_->manifest().collections.size()) return;
    ++revision_;
    offline_.forget(library_->manifest().collections[c].id);
}

void Session::offline_list_arrived(std::uint32_t c, const LibraryArrival& a) {
    const CollectionRef& ref = library_->manifest().collections[c];
    if (!a.ok) {
        offline_.finished(ref.id, false, a.error);
        return;
    }
    OfflineListResult list = parse_offline_list(a.text);
    if (!list.parts) {
        offline_.finished(
            ref.id, false,
            Message{"library.damaged", {{"part", ref.offline->name}, {"detail", list.error}}}.in(language_));
        return;
    }
    std::vector<ShardRef> parts{*ref.offline};
    parts.insert(parts.end(), list.parts->begin(), list.parts->end());
    offline_.keep(ref.id, std::move(parts), ref.offline_bytes);
}

void Session::offline_recorded(std::string_view collection, std::string_view list, std::uint64_t bytes) {
    const int i = library_ ? library_->manifest().collection_index(collection) : -1;
    if (i < 0) return;
    const CollectionRef& c = library_->manifest().collections[static_cast<std::size_t>(i)];
    ++revision_;
    offline_.recorded(c.id, std::string(list), c.offline ? c.offline->name : std::string(), bytes);
}

void Session::library_tile_arrived(std::uint32_t t, const std::string& text) {
    const LibraryManifest& m = library_->manifest();
    TileResult r = parse_tile(text, m.tiles[t], m.collections.size());
    if (!r.tile) {
        library_->arrived_but_unreadable({LibraryRequest::Kind::tile, 0, t, m.tiles[t].shard, 0, 0});
        set_notice(Message{"library.damaged", {{"part", m.tiles[t].shard.name}, {"detail", r.error}}}.in(language_));
        return;
    }
    LibraryTile& tile = *r.tile;
    // The people its works name (a library of many collections fetches no front matter):
    // their names for tooltips, the reader and lanes by person.
    for (Person& p : tile.people)
        if (!library_archive_->find_person(p.id)) library_archive_->people.push_back(std::move(p));
    for (std::size_t i = 0; i < tile.works.size(); ++i) {
        const std::uint32_t number = m.tiles[t].first + static_cast<std::uint32_t>(i);
        if (number_to_work_.count(number)) continue;
        LibraryWork lw;
        lw.number = number;
        lw.collection = tile.refs[i].collection;
        if (tile.refs[i].body) lw.body = std::make_pair(tile.packs[tile.refs[i].body->pack], *tile.refs[i].body);
        number_to_work_[number] = static_cast<int>(library_archive_->works.size());
        library_archive_->works.push_back(std::move(tile.works[i]));
        library_works_.push_back(std::move(lw));
    }
    timeline_stale_ = true;  // rebuilt when next read: once for all the tiles a frame brings
    patch_library_results(m.tiles[t].first, m.tiles[t].count);  // results in this tile get their titles
    if (opening_number_ && *opening_number_ >= m.tiles[t].first &&
        *opening_number_ - m.tiles[t].first < m.tiles[t].count)
        open_number(*opening_number_);
}

void Session::library_front_arrived(std::uint32_t c, const std::string& text) {
    LoadResult r = load_archive(text);
    if (!r.ok()) {
        const ShardRef& part = library_->manifest().collections[c].front;
        library_->arrived_but_unreadable({LibraryRequest::Kind::front, 0, c, part, 0, 0});
        set_notice(Message{"library.damaged", {{"part", part.name}, {"detail", r.first_error()}}}.in(language_));
        return;
    }
    const Archive& front = *r.archive;
    Archive& a = *library_archive_;
    if (library_->manifest().collections.size() == 1) {  // the library is this archive: its front page too
        a.publisher = front.publisher;
        a.updated = front.updated;
        a.updated_label = front.updated_label;
    }
    for (const Person& p : front.people)
        if (!a.find_person(p.id)) a.people.push_back(p);
    for (const Page& p : front.pages)
        if (!a.find_page(p.id)) a.pages.push_back(p);
    a.events.insert(a.events.end(), front.events.begin(), front.events.end());
    a.eras.insert(a.eras.end(), front.eras.begin(), front.eras.end());
    timeline_stale_ = true;  // rebuilt when next read: once for all the tiles a frame brings
}

void Session::library_ids_arrived(std::uint32_t block, const std::string& text) {
    const LibraryManifest& m = library_->manifest();
    IdBlockResult r = parse_id_block(text, m.works);
    if (!r.block) {
        library_->arrived_but_unreadable({LibraryRequest::Kind::ids, 0, block, m.ids[block].shard, 0, 0});
        set_notice(Message{"library.damaged", {{"part", m.ids[block].shard.name}, {"detail", r.error}}}.in(language_));
        opening_id_.clear();
        return;
    }
    const IdBlock& kept = id_blocks_[block] = std::move(*r.block);
    if (!opening_id_.empty() && m.id_block_of(opening_id_) == static_cast<int>(block)) open_from_ids(kept);
}

void Session::open_from_ids(const IdBlock& block) {
    auto it = std::lower_bound(block.begin(), block.end(), opening_id_,
                               [](const auto& entry, const std::string& id) { return entry.first < id; });
    if (it == block.end() || it->first != opening_id_) {
        set_notice(Message{"library.no_work", {{"id", utf8_shortened(opening_id_, 80)}}}.in(language_));
        opening_id_.clear();
        return;
    }
    open_number(it->second);
}

void Session::open_number(std::uint32_t number) {
    auto it = number_to_work_.find(number);
    if (it != number_to_work_.end()) {
        selected_ = it->second;
        opening_id_.clear();
        opening_number_.reset();
        ++revision_;
        return;
    }
    opening_number_ = number;
    const int t = library_->manifest().tile_of(number);
    if (t < 0) return;
    if (library_->tile_failed(static_cast<std::uint32_t>(t)))  // asked before and lost: say so, Retry asks again
        set_notice(
            Message{"library.failed",
                    {{"part", library_->manifest().tiles[static_cast<std::size_t>(t)].shard.name}, {"detail", "-"}}}
                .in(language_));
    library_->want_tile(static_cast<std::uint32_t>(t));
}

void Session::rebuild_library_timeline() {
    timeline_stale_ = false;
    const LibraryManifest& m = library_->manifest();
    TimelineItems items = build_timeline_items(*library_archive_);
    TimelineModel model = grouped_model(*library_archive_, true);
    std::vector<Lane> lanes;
    for (Lane& lane : model.lanes)
        if (lane.kind != Lane::Kind::works || grouping_ != LaneGrouping::kind) lanes.push_back(std::move(lane));
    if (grouping_ != LaneGrouping::kind) {
        // Grouped by something the manifest does not count: the works not loaded yet stand in
        // one lane of their own, as counts, until their tiles come.
        Lane rest{Lane::Kind::works, "unloaded", {}, {}, {}, {}, -1};
        for (const LaneDensity& d : m.density) {
            rest.unloaded.resize(std::max(rest.unloaded.size(), d.counts.size()));
            for (std::size_t b = 0; b < d.counts.size(); ++b) rest.unloaded[b] += d.counts[b];
        }
        for (const Lane& lane : lanes)
            for (const LaneItem& it : lane.items) {
                if (lane.kind != Lane::Kind::works || rest.unloaded.empty()) continue;
                std::uint32_t& n = rest.unloaded[m.density_bin(it.start, rest.unloaded.size())];
                if (n > 0) --n;
            }
        lanes.push_back(std::move(rest));
    }
    // By kind: every lane the library has, loaded or not, in the manifest's (the timeline's) order.
    for (const LaneDensity& d : grouping_ == LaneGrouping::kind ? m.density : std::vector<LaneDensity>{}) {
        Lane lane{Lane::Kind::works, d.lane, {}, {}, d.counts, {}, -1};
        for (Lane& loaded : model.lanes)
            if (loaded.kind == Lane::Kind::works && loaded.key == d.lane) {
                lane.items = std::move(loaded.items);
                lane.running_end = std::move(loaded.running_end);
            }
        for (const LaneItem& it : lane.items) {
            std::uint32_t& n = lane.unloaded[m.density_bin(it.start, lane.unloaded.size())];
            if (n > 0) --n;
        }
        lanes.push_back(std::move(lane));
    }
    model.lanes = std::move(lanes);
    model.count_first = m.first;
    model.count_last = m.last;
    if (m.dated > 0) {
        model.first = items.empty() ? m.first : std::min(model.first, m.first);
        model.last = items.empty() ? m.last : std::max(model.last, m.last);
        items.first = std::min(items.first == items.last ? m.first : items.first, m.first);
        items.last = std::max(items.last, m.last);
        // The overview strip: the whole library's density, whatever is loaded.
        model.density.assign(m.density.empty() ? 0 : m.density.front().counts.size(), 0);
        for (const LaneDensity& d : m.density)
            for (std::size_t b = 0; b < d.counts.size() && b < model.density.size(); ++b)
                model.density[b] += d.counts[b];
    }
    show_lanes(model);
    items_ = std::move(items);
    timeline_ = std::move(model);
    era_spans_ = lectern::era_spans(*library_archive_);
}

std::optional<int> Session::neighbour(int step) const {
    if (!library_) return step_in_time(items_, selected_, step);
    if (selected_ < 0) {  // from the front page, next is the first work
        auto first = number_to_work_.find(0);
        return step > 0 && first != number_to_work_.end() ? std::optional<int>(first->second) : std::nullopt;
    }
    const std::uint32_t n = library_works_[static_cast<std::size_t>(selected_)].number;
    if (n >= library_->manifest().dated) return std::nullopt;  // undated: not in the time order
    if (step < 0 && n == 0) return -1;                         // the front page before the first work
    const std::uint32_t to = step < 0 ? n - 1 : n + 1;
    if (to >= library_->manifest().dated) return std::nullopt;
    auto it = number_to_work_.find(to);
    return it == number_to_work_.end() ? std::nullopt : std::optional<int>(it->second);
}

bool Session::can_step(int step) const {
    if (neighbour(step)) return true;
    if (!library_) return false;
    if (selected_ < 0) return step > 0 && library_->manifest().dated > 0;
    const std::uint32_t n = library_works_[static_cast<std::size_t>(selected_)].number;
    return n < library_->manifest().dated && (step < 0 ? n > 0 : n + 1 < library_->manifest().dated);
}

void Session::step(int step) {
    if (const std::optional<int> to = neighbour(step)) {
        select(*to);
        return;
    }
    if (!can_step(step)) return;
    if (selected_ < 0) return open_number(0);
    const std::uint32_t n = library_works_[static_cast<std::size_t>(selected_)].number;
    open_number(step < 0 ? n - 1 : n + 1);
}

}  // namespace lectern
