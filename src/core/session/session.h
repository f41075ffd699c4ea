// What the viewer is showing: the loaded archive, the selection, the visible time
// window, the search and the reader's preferences. The UI draws a Session and changes
// it only through its methods; the page's test hook (window.lectern) talks to it
// through core/session/protocol.h, and its images live in an ImageCache (image_cache.h).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/archive/archive.h"
#include "core/session/embed_options.h"
#include "core/timeline/era_bands.h"
#include "core/session/image_cache.h"
#include "core/session/library_loader.h"
#include "core/session/offline_shelf.h"
#include "core/library/library_search.h"
#include "core/search/search.h"
#include "core/timeline/timeline_items.h"
#include "core/timeline/timeline_layout.h"

namespace lectern {

struct TimeWindow {
    double start = 1900.0, end = 1950.0;  // fractional years
};

// Something for the platform to do outside the viewer: copy text to the
// clipboard, save a file, open a link in a new tab, ask the reader for a file.
struct Outgoing {
    enum class Kind {
        copy,
        copy_link,
        download,
        open_url,
        open_file,
        save_prefs,
        open_full_view,
        load_image
    } kind = Kind::copy;
    std::string name, mime;  // download: file name and type
    // the text, the file's content, the URL, (copy_link, open_full_view) the fragment, (save_prefs) JSON,
    // (load_image) the image's src: answer the image cache (images(): bytes, then pixels or failed)
    std::string text;
};

// What the reader chose and the page keeps between visits (localStorage on the web).
struct Preferences {
    std::string theme;                           // "light", "dark", or "" to follow the system
    std::string system_theme = "light";          // what the system asks for (prefers-color-scheme)
    double reading_scale = 1.0;                  // the reader's text size, 0.7-2.0
    std::string language;                        // an interface language ("en", "ru", ...), or "" to choose one
    std::vector<std::string> browser_languages;  // what the browser asks for (navigator.languages), first preferred
    const std::string& effective_theme() const { return theme.empty() ? system_theme : theme; }
};

// Results past this rank carry no snippet: reading every hit's text made a query over
// 100 MB take 38 ms natively and 200 ms in the browser.
constexpr std::size_t kDescribedResults = 200;

// How long the start-up phases took, in ms, for state().timings: what the page's first
// frame waits for besides the browser. load() writes its own two; the shell the rest.
struct StartupTimings {
    double parse = 0.0;         // the last load: JSON text to the archive model
    double index = 0.0;         // the last load: timeline items and model (the search index waits for a search)
    double font_atlas = 0.0;    // the last font atlas build
    int font_atlases = 0;       // font atlases built so far (the first frame's should be the first)
    double first_layout = 0.0;  // the first frame with an archive: the views (timeline layout, ImGui)
    double first_draw = 0.0;    // the same frame: GL calls and swap
};

// The values a reader's preferences may take (a theme of "" follows the system; a
// language of "" chooses one).
bool valid_theme(std::string_view theme, bool allow_empty);
bool valid_scale(double reading_scale);
bool valid_language(std::string_view language);

class Session {
public:
    Session();
    // The image cache tells the session (its outbox, notice and revision) through hooks
    // bound to this object: a session stays where it was made.
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Replaces the archive only when the text is a valid archive; otherwise the
    // current archive, selection and view stay and the diagnostics say why.
    LoadResult load(std::string_view json_text);

    const Archive& archive() const { return *archive_; }
    // Changes with each archive loaded: "is this the archive drawn before?" asks this, not the
    // archive's address, which a later archive may take once the old one is freed.
    std::uint64_t archive_generation() const { return archive_generation_; }
    // A library's tiles arriving between two frames cost one rebuild, when the timeline is next read.
    const TimelineItems& items() const { return settled_timeline(), items_; }
    const TimelineModel& timeline() const { return settled_timeline(), timeline_; }
    const std::vector<EraSpan>& era_spans() const { return settled_timeline(), era_spans_; }

    // The selected work's index into archive().works, or -1 (front matter).
    int selected() const { return selected_; }
    // False when there is no such work. In a library a work not loaded yet is looked up (its
    // id block, then its tile) and opened when it arrives: true, and opening() says which.
    bool open(std::string_view work_id);
    const std::string& opening() const { return opening_id_; }
    // Previous (step < 0) or next from the selection in time order (core/timeline's
    // step_in_time for an archive; by work number in a library, where the neighbour may not
    // be loaded yet: step() then fetches its tile and opens it on arrival). nullopt: nowhere to go.
    std::optional<int> neighbour(int step) const;
    bool can_step(int step) const;
    void step(int step);
    void select(int work_index);  // -1 clears
    void close() { select(-1); }

    const TimeWindow& view() const { return view_; }
    // Sets the window, clamped to sane limits. False when start/end make no window.
    bool set_view(double start, double end);
    void fit_view();  // the whole archive with a margin
    TimeWindow fitted_view() const;

    const std::string& query() const { return query_; }
    // Searches the archive (the index is built on the first search) and keeps the
    // ranked results; an empty query with no filter clears them.
    void search(std::string_view query);
    void set_filter(SearchFilter filter);
    const SearchFilter& filter() const { return filter_; }
    const std::vector<SearchHit>& results() const { return results_; }
    // What the search index holds in memory (SearchIndex::memory_bytes; an empty one's size until a search).
    std::size_t search_index_bytes() const { return index_.memory_bytes(); }
    // The viewer builds the index in the background: from each load on, a slice per frame
    // (index_some), so a large archive never freezes the page; a query typed meanwhile waits
    // (searching()) and is answered when the index is ready. Off (tests, tools): the index is
    // built at once on the first search. An archive with less text than kIndexAtOnceBytes is
    // indexed at once either way: a search on it never waits.
    static constexpr std::size_t kIndexAtOnceBytes = 2u << 20;
    void set_background_indexing(bool on) { background_indexing_ = on; }
    // Builds the index for about `ms` milliseconds; true while there is more to do.
    bool index_some(double ms);
    bool indexing() const { return builder_ != nullptr; }
    double index_progress() const;  // 0 to 1; 1 once built (or when nothing is being built)
    // A query waits: for the index (an archive's, built in the background), or for a library's
    // index parts, or for the texts its phrases are checked against.
    bool searching() const;
    // While a query or filter is active: which works match (indexed like archive().works).
    bool search_active() const { return !query_.empty() || filter_.active(); }
    // While a query waits for the index (searching()), every work counts as matching: none is dimmed yet.
    bool work_matches(int work) const {
        if (library_) return library_work_matches(work);
        return !search_active() || searching() ||
               (work >= 0 && static_cast<std::size_t>(work) < matching_.size() &&
                matching_[static_cast<std::size_t>(work)]);
    }
    // The frame's theme (embed option) when a host page set one, else the reader's or the system's.
    const std::string& theme() const { return embed_.theme ? *embed_.theme : prefs_.effective_theme(); }
    const Preferences& prefs() const { return prefs_; }
    // The reader's own choices: applied, and sent to the platform to keep (Outgoing::save_prefs).
    // A theme of "" follows the system again. False (and nothing changes) for a bad value.
    bool choose_theme(std::string_view theme);
    bool choose_reading_scale(double scale);
    // The interface's language: "" chooses again from the archive's `language`, then the
    // browser's languages, then English; false (nothing changes) for an unshipped one.
    bool choose_language(std::string_view language);
    // Preferences from storage or the system (each member valid): applied, not saved again.
    void restore_prefs(Preferences prefs);
    // The language the interface speaks now: the reader's choice, else the archive's
    // language, else the browser's first shipped one, else "en". Also what core/i18n/translate.h
    // uses (the session sets it whenever this may change).
    const std::string& language() const { return language_; }

    // The fragment for what is shown: "#embed=1&lanes=...&work=ID&view=A/B&q=..." (view only
    // when `with_view`, the embed options only when `with_embed`: a link to share or to open
    // in the full viewer leaves them out).
    std::string fragment(bool with_view = true, bool with_embed = true) const;
    // What a host page asked for in the fragment (core/session/embed_options.h). The timeline model
    // holds only the lanes it names (all of them when it names none, or none that exist).
    const EmbedOptions& embed() const { return embed_; }
    // Applies a fragment: the parts that make sense are applied, the rest are named in
    // the returned notice (empty when everything applied). Also kept as notice().
    // Embed options the fragment names replace the ones set before; the others stay.
    std::string apply_fragment(std::string_view fragment);
    // A short message for the reader ("Ignored part of the link: ..."); notice_serial()
    // changes with each new one so the UI can show it for a while.
    const std::string& notice() const { return notice_; }
    std::uint64_t notice_serial() const { return notice_serial_; }
    void set_notice(std::string text) { notice_ = std::move(text), ++notice_serial_; }
    // Counts commands and loads: the shell draws again when it changes.
    std::uint64_t revision() const { return revision_; }
    void count_command() { ++revision_; }

    // The reader's images, by src. The reader asks (want); the platform is sent load_image,
    // fetches the bytes and answers the cache (bytes, then pixels or failed). Another
    // archive forgets them all (images().generation() changes).
    ImageCache& images() { return images_; }
    const ImageCache& images() const { return images_; }

    // The platform drains these after each frame.
    void send(Outgoing o) { outbox_.push_back(std::move(o)); }
    std::vector<Outgoing> take_outgoing() { return std::exchange(outbox_, {}); }
    // Queues the bibliography as "csv" or the archive as "json" for download; false for another format.
    bool export_as(std::string_view format);
    // Queues the selected work's citation for the clipboard; false when nothing is selected.
    bool copy_citation();

    // How works gather into lanes (core/timeline/timeline_layout.h); kept across loads.
    // Collection grouping is a library's: on an archive it gives one lane.
    LaneGrouping grouping() const { return grouping_; }
    void set_grouping(LaneGrouping grouping);

    // ---- a library (docs/library-format.md) -------------------------------------------------
    // Shows the library this manifest describes in place of the archive: its front matter and
    // counts at once, works as their tiles arrive. False (nothing changes) with `error` set.
    bool open_library(std::string_view manifest_json, std::string& error);
    bool is_library() const { return library_ != nullptr; }
    const LibraryLoader* library() const { return library_.get(); }
    // What the view and the reader need that is not here: the platform starts these fetches
    // (after each frame) and answers each with library_answer, the part inflated.
    std::vector<LibraryRequest> take_library_requests();
    // Requests no longer wanted (LibraryLoader::cancel_if): the platform stops fetching them.
    std::vector<std::uint64_t> take_library_cancels() {
        return library_ ? library_->take_cancels() : std::vector<std::uint64_t>{};
    }
    void library_answer(std::uint64_t request, bool ok, std::string text, std::uint64_t bytes, std::string error);
    void retry_library();  // asks again for what failed
    enum class BodyState { none, loading, ready, failed };
    BodyState body_state(int work) const;  // the text of work `work` (archive().works index)
    // The search over a library's index (core/search/library_search.h); null for an archive or a
    // library packed without one.
    const LibrarySearch* library_search() const { return library_search_.get(); }
    // The results the reader sees (rows first..last of results()): their works and snippets are
    // fetched first. The results list says so each frame; until then, the first rows.
    void show_results(std::size_t first, std::size_t last);
    // How many of the first results (at most kLeadingResults) are ready to read: title and snippet.
    std::size_t results_ready() const;
    static constexpr std::size_t kLeadingResults = 10;
    // A library's matching works per bin of the overview (the manifest's density bins), loaded or
    // not; empty when no library search has answered.
    const std::vector<std::uint32_t>& match_density() const { return match_density_; }
    std::uint32_t collection_of(int work) const;  // a library's collection index (0 for an archive)
    // The library's collections kept offline (core/session/offline_shelf.h). keep_offline
    // fetches the collection's offline list and then asks the platform to keep its parts
    // (take_offline_asks); false when the library has no list for it, the platform keeps
    // nothing, or it is being kept already. The platform reports back through offline().
    const OfflineShelf& offline() const { return offline_; }
    OfflineShelf& offline() { return offline_; }
    bool keep_offline(std::uint32_t collection);
    void forget_offline(std::uint32_t collection);
    std::vector<OfflineAsk> take_offline_asks() { return offline_.take_asks(); }
    // A collection the platform kept on an earlier visit, by the offline list `list`.
    void offline_recorded(std::string_view collection, std::string_view list, std::uint64_t bytes);

    StartupTimings& timings() { return timings_; }
    const StartupTimings& timings() const { return timings_; }

    // Frames the shell drew (state().frames).
    std::uint64_t frames() const { return frames_; }
    void count_frame() { ++frames_; }

private:
    std::shared_ptr<const Archive> archive_;
    // A library's state: the archive it grows (works appended as tiles arrive, so indices
    // stay), the loader, and for each loaded work its number, collection and text's place.
    struct LibraryWork {
        std::uint32_t number = 0, collection = 0;
        std::optional<std::pair<ShardRef, BodyRef>> body;
    };
    LaneGrouping grouping_ = LaneGrouping::kind;
    // The timeline's lanes as grouping_ asks; `in_library`: the archive is the library's (its
    // works' collections known), not one being loaded in its place.
    TimelineModel grouped_model(const Archive& archive, bool in_library) const;
    std::unique_ptr<LibraryLoader> library_;
    OfflineShelf offline_;
    void offline_list_arrived(std::uint32_t collection, const LibraryArrival& a);
    std::shared_ptr<Archive> library_archive_;
    std::vector<LibraryWork> library_works_;       // by archive().works index
    std::map<std::uint32_t, int> number_to_work_;  // loaded works by number
    std::map<std::uint32_t, IdBlock> id_blocks_;   // id blocks arrived, by index
    std::string opening_id_;                       // a work asked for, not loaded yet
    std::optional<std::uint32_t> opening_number_;
    void plan_library();                        // wants what the view and the reader need
    bool library_work_matches(int work) const;  // the filters, collections included
    void library_tile_arrived(std::uint32_t tile, const std::string& text);
    void library_front_arrived(std::uint32_t collection, const std::string& text);
    void library_ids_arrived(std::uint32_t block, const std::string& text);
    void open_from_ids(const IdBlock& block);  // the work a link asked for, now its number is known
    void rebuild_library_timeline();
    bool timeline_stale_ = false;  // works arrived since the library's timeline was built
    void settled_timeline() const {
        if (timeline_stale_ && library_) const_cast<Session*>(this)->rebuild_library_timeline();
    }
    void open_number(std::uint32_t number);
    void reset_library();
    // A library's search (session_library_search.cpp).
    std::unique_ptr<LibrarySearch> library_search_;
    std::vector<char> library_matching_;  // by work number, while a query or filter is active
    std::vector<std::uint32_t> match_density_;
    std::map<std::uint32_t, SearchHit> described_;  // this query's snippets, by work number
    std::pair<std::size_t, std::size_t> results_seen_{0, kLeadingResults};
    void run_library_search();  // the query and filters handed to library_search_
    // results() and the matching works from its matches, when they changed (or `force`).
    void settle_library_results(bool force = false);
    void patch_library_results(std::uint32_t first, std::uint32_t count);  // rows whose tile came
    std::uint64_t settled_revision_ = 0;
    void plan_library_search();  // the parts, tiles and texts it needs
    void library_search_part(const LibraryArrival& a);
    TimelineItems items_;
    TimelineModel timeline_;
    EmbedOptions embed_;
    void show_lanes(TimelineModel& model) const;  // drops the lanes embed_.lanes leaves out
    int selected_ = -1;
    TimeWindow view_;
    void run_search();

    std::string query_;
    SearchFilter filter_;
    SearchIndex index_;
    bool index_built_ = false;
    bool background_indexing_ = false;
    std::unique_ptr<SearchIndexBuilder> builder_;  // while the index is built in the background
    void finish_index();                           // the builder's (or a new) index in place, at once
    std::vector<SearchHit> results_;
    std::vector<char> matching_;
    Preferences prefs_;
    void save_prefs();
    std::string language_ = "en";
    void settle_language();
    std::uint64_t frames_ = 0;
    StartupTimings timings_;
    std::vector<EraSpan> era_spans_;
    std::vector<Outgoing> outbox_;
    ImageCache images_;
    std::uint64_t archive_generation_ = 0;
    std::string notice_;
    std::uint64_t notice_serial_ = 0, revision_ = 0;
};

}  // namespace lectern
