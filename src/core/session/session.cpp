// Session: loading keeps what it had on failure; the view, the search and the preferences.
#include "core/session/session.h"

#include <algorithm>
#include <cmath>

#include "core/archive/archive_json.h"
#include "core/session/deep_link.h"
#include "core/export/export.h"
#include "core/i18n/translate.h"
#include "core/session/stopwatch.h"
#include <nlohmann/json.hpp>
#include "core/text/utf8.h"

namespace lectern {

namespace {
// The widest and narrowest windows the viewer shows: 10,000 years around the
// archive, down to about one day.
constexpr double kMaxSpanYears = 20000.0;
constexpr double kMinSpanYears = 1.0 / 366.0;
constexpr double kMaxAbsYear = 1e9;
}  // namespace

bool valid_theme(std::string_view t, bool allow_empty) {
    return t == "light" || t == "dark" || (allow_empty && t.empty());
}
bool valid_scale(double x) { return std::isfinite(x) && x >= 0.7 - 1e-9 && x <= 2.0 + 1e-9; }
bool valid_language(std::string_view l) { return l.empty() || match_language(l) == l; }

Session::Session()
    : archive_(std::make_shared<Archive>()),
      images_({[this](const std::string& src) {
                   send({Outgoing::Kind::load_image, "", "", src});
               },
               [this](std::string text) { set_notice(std::move(text)); }, [this] { ++revision_; }}) {
    settle_language();
}

LoadResult Session::load(std::string_view json_text) {
    ++revision_;
    const auto start = SteadyClock::now();
    LoadResult r = load_archive(json_text);
    if (!r.ok()) return r;
    const double parse_ms = ms_since(start);
    // Everything that can run out of memory happens before the first member changes,
    // so a failed allocation leaves the session as it was.
    const auto index_start = SteadyClock::now();
    TimelineItems items = build_timeline_items(*r.archive);
    TimelineModel timeline = grouped_model(*r.archive, false);
    show_lanes(timeline);
    std::vector<EraSpan> spans = lectern::era_spans(*r.archive);
    timings_.parse = parse_ms;
    timings_.index = ms_since(index_start);
    reset_library();
    archive_ = r.archive;
    ++archive_generation_;
    items_ = std::move(items);
    timeline_ = std::move(timeline);
    era_spans_ = std::move(spans);
    selected_ = -1;
    {  // the old archive and its postings go now (swapped out: an assigned string keeps its buffer)
        SearchIndex old;
        std::swap(index_, old);
    }
    index_built_ = false;  // built again on the next search, or from now on in the background
    builder_.reset();
    if (background_indexing_) builder_ = std::make_unique<SearchIndexBuilder>(archive_);
    query_.clear();
    filter_ = {};
    results_.clear();
    matching_.clear();
    images_.forget();  // relative paths belong to the old archive's folder
    fit_view();
    settle_language();  // the archive's own language may choose the interface's
    return r;
}

bool Session::open(std::string_view work_id) {
    const int i = archive_->work_index(work_id);
    if (i >= 0) {
        selected_ = i;
        opening_id_.clear();
        opening_number_.reset();
        return true;
    }
    if (!library_) return false;
    // Not loaded yet: its id block says its number, its tile brings it (library_ids_arrived).
    const int block = library_->manifest().id_block_of(work_id);
    if (block < 0) return false;
    opening_id_ = std::string(work_id);
    opening_number_.reset();
    auto here = id_blocks_.find(static_cast<std::uint32_t>(block));
    if (here != id_blocks_.end()) {  // its block came for an earlier link
        open_from_ids(here->second);
        return true;
    }
    library_->want_ids(static_cast<std::uint32_t>(block));
    return true;
}

void Session::select(int work_index) {
    opening_id_.clear();  // a link or step still waiting for its tile gives way to this choice
    opening_number_.reset();
    selected_ = (work_index >= 0 && work_index < static_cast<int>(archive_->works.size())) ? work_index : -1;
}

bool Session::set_view(double start, double end) {
    if (!std::isfinite(start) || !std::isfinite(end) || !(start < end)) return false;
    if (std::fabs(start) > kMaxAbsYear || std::fabs(end) > kMaxAbsYear) return false;
    double span = end - start;
    const double mid = start + span / 2.0;
    span = std::min(std::max(span, kMinSpanYears), kMaxSpanYears);
    view_ = {mid - span / 2.0, mid + span / 2.0};
    return true;
}

void Session::fit_view() {
    const TimeWindow w = fitted_view();
    set_view(w.start, w.end);
}

TimeWindow Session::fitted_view() const {
    if (items_.empty()) return {1900.0, 2000.0};
    const double span = std::max(items_.last - items_.first, 1.0);
    return {items_.first - span * 0.04, items_.last + span * 0.04};
}

void Session::search(std::string_view query) {
    query_ = std::string(query);
    if (library_) return run_library_search();
    run_search();
}

void Session::finish_index() {
    if (builder_) {
        while (!builder_->step(SIZE_MAX)) {}
        index_ = builder_->take();
        builder_.reset();
    } else {
        index_.build(archive_);
    }
    index_built_ = true;
}

bool Session::index_some(double ms) {
    if (!builder_) return false;
    const auto start = SteadyClock::now();
    // Slices of 64 KB of text (a few milliseconds) until the time is spent.
    while (!builder_->step(64 * 1024))
        if (ms_since(start) >= ms) return true;
    finish_index();
    ++revision_;  // the page draws again: the results, or the end of the progress
    if (search_active()) run_search();
    return false;
}

double Session::index_progress() const { return builder_ ? builder_->progress() : 1.0; }

void Session::set_filter(SearchFilter filter) {
    filter_ = std::move(filter);
    if (library_) {
        ++revision_;
        return run_library_search();
    }
    run_search();
}

void Session::run_search() {
    results_.clear();
    matching_.assign(archive_->works.size(), 0);
    if (!search_active()) return;
    if (!index_built_) {
        // A large archive's index is still being built between frames: the query waits for it.
        if (builder_ && builder_->text_bytes() > kIndexAtOnceBytes) return;
        finish_index();
    }
    // The timeline marks every matching work, so ask for all of them; snippets, which
    // read the text, only for the first rows a reader looks at.
    results_ = index_.search(
        query_, filter_,
        archive_->works.size() + archive_->pages.size() + archive_->events.size() + archive_->people.size(),
        kDescribedResults);
    for (const SearchHit& h : results_)
        if (h.kind == SearchHit::Kind::work) matching_[static_cast<std::size_t>(h.index)] = 1;
}

namespace {
// A file name from the archive's title: "Victor Serge" -> "victor-serge".
std::string file_stem(const std::string& title) {
    std::string stem;
    for (const char c : title) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum) stem += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        else if (!stem.empty() && stem.back() != '-') stem += '-';
    }
    while (!stem.empty() && stem.back() == '-') stem.pop_back();
    return stem.empty() ? "archive" : stem;
}
}  // namespace

TimelineModel Session::grouped_model(const Archive& a, bool in_library) const {
    if (grouping_ == LaneGrouping::kind) return build_timeline_model(a);
    std::vector<std::uint32_t> collections;
    std::vector<std::string> titles;
    if (library_ && in_library) {
        for (const LibraryWork& w : library_works_) collections.push_back(w.collection);
        for (const CollectionRef& c : library_->manifest().collections) titles.push_back(c.title);
    }
    const WorkGroups groups = group_works(a, grouping_, collections, titles);
    return build_timeline_model(a, 512, &groups);
}

void Session::set_grouping(LaneGrouping grouping) {
    if (grouping == grouping_) return;
    grouping_ = grouping;
    ++revision_;
    if (library_) return rebuild_library_timeline();
    TimelineModel m = grouped_model(*archive_, false);
    show_lanes(m);
    timeline_ = std::move(m);
}

void Session::show_lanes(TimelineModel& m) const {
    if (embed_.lanes.empty()) return;
    std::vector<Lane> kept;
    for (Lane& lane : m.lanes) {
        for (const std::string& name : embed_.lanes) {
            if (!lane_named(lane, name)) continue;
            kept.push_back(std::move(lane));
            break;
        }
    }
    // Names that pick nothing here leave every lane: a frame is never empty.
    if (!kept.empty()) m.lanes = std::move(kept);
}

std::string Session::fragment(bool with_view, bool with_embed) const {
    DeepLink l;
    if (with_embed) l.embed = embed_;
    if (selected_ >= 0) l.work = archive_->works[static_cast<std::size_t>(selected_)].id;
    if (with_view) {
        l.view_start = view_.start;
        l.view_end = view_.end;
    }
    if (!query_.empty()) l.query = query_;
    return make_fragment(l);
}

std::string Session::apply_fragment(std::string_view text) {
    ParsedLink p = parse_fragment(text, embed_);
    const DeepLink& l = p.link;
    std::vector<std::string> lane_problems;  // named after the link's own, which decide what else applies
    if (!(l.embed == embed_)) {
        const bool lanes_changed = l.embed.lanes != embed_.lanes;
        embed_ = l.embed;
        if (lanes_changed) {
            TimelineModel all = build_timeline_model(*archive_);
            for (const std::string& name : embed_.lanes) {
                bool found = false;
                for (const Lane& lane : all.lanes) found = found || lane_named(lane, name);
                if (!found) lane_problems.push_back(tr("notice.no_lane", {{"name", name}}));
            }
            show_lanes(all);
            timeline_ = std::move(all);
        }
    }
    if (l.query && *l.query != query_) search(*l.query);
    if (l.work) {
        if (!open(*l.work)) p.problems.push_back(tr("notice.no_work", {{"id", utf8_shortened(*l.work, 40)}}));
    } else if (!text.empty() && p.problems.empty()) {
        close();  // a link without a work is the front matter (Back from a work)
    }
    if (!l.query && !text.empty() && p.problems.empty() && !query_.empty()) search("");
    if (l.view_start && !set_view(*l.view_start, *l.view_end)) p.problems.push_back(tr("notice.view_out_of_range"));
    p.problems.insert(p.problems.end(), lane_problems.begin(), lane_problems.end());
    std::string notice;
    for (const std::string& problem : p.problems) notice += (notice.empty() ? "" : tr("notice.separator")) + problem;
    if (!notice.empty()) set_notice(tr("notice.ignored_link", {{"problems", notice}}));
    return notice;
}

bool Session::export_as(std::string_view format) {
    if (format == "csv")
        send({Outgoing::Kind::download, file_stem(archive_->title) + "-bibliography.csv", "text/csv;charset=utf-8",
              bibliography_csv(*archive_, items_)});
    else if (format == "json")
        send({Outgoing::Kind::download, file_stem(archive_->title) + ".json", "application/json",
              archive_to_json(*archive_)});
    else return false;
    return true;
}

bool Session::copy_citation() {
    if (selected_ < 0) return false;
    send(
        {Outgoing::Kind::copy, "", "", work_citation(*archive_, archive_->works[static_cast<std::size_t>(selected_)])});
    return true;
}

void Session::save_prefs() {
    const nlohmann::json kept = {
        {"theme", prefs_.theme}, {"reading_scale", prefs_.reading_scale}, {"language", prefs_.language}};
    send({Outgoing::Kind::save_prefs, "", "", kept.dump()});
}

void Session::settle_language() {
    std::string chosen = prefs_.language;
    if (chosen.empty()) chosen = match_language(archive_->language);
    for (const std::string& b : prefs_.browser_languages)
        if (chosen.empty()) chosen = match_language(b);
    language_ = chosen.empty() ? "en" : chosen;
    use_language(language_);
}

bool Session::choose_language(std::string_view language) {
    if (!valid_language(language)) return false;
    if (prefs_.language != language) {
        prefs_.language = std::string(language);
        save_prefs();
    }
    settle_language();
    return true;
}

void Session::restore_prefs(Preferences prefs) {
    prefs_ = std::move(prefs);
    settle_language();
}

bool Session::choose_theme(std::string_view theme) {
    if (!valid_theme(theme, true)) return false;
    if (prefs_.theme != theme) {
        prefs_.theme = std::string(theme);
        save_prefs();
    }
    return true;
}

bool Session::choose_reading_scale(double scale) {
    if (!valid_scale(scale)) return false;
    scale = std::round(scale * 100.0) / 100.0;  // steps of 0.1 kept as 1.1, not 1.100000023841858
    if (prefs_.reading_scale != scale) {
        prefs_.reading_scale = scale;
        save_prefs();
    }
    return true;
}

}  // namespace lectern
