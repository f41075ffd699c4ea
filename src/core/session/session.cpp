// Session: loading keeps what it had on failure; commands are the automation surface.
#include "core/session/session.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <new>

#include "core/archive/archive_json.h"
#include "core/dates/date_format.h"
#include "core/session/deep_link.h"
#include "core/export/export.h"
#include "core/archive/media_source.h"
#include "core/i18n/translate.h"
#include "core/session/stopwatch.h"
#include <nlohmann/json.hpp>
#include "core/text/utf8.h"

namespace lectern {

using nlohmann::json;

namespace {
// The widest and narrowest windows the viewer shows: 10,000 years around the
// archive, down to about one day.
constexpr double kMaxSpanYears = 20000.0;
constexpr double kMinSpanYears = 1.0 / 366.0;
constexpr double kMaxAbsYear = 1e9;

// Replies are written with invalid UTF-8 replaced (U+FFFD), never thrown over: a reply
// that cannot be written would stop the viewer. Text is checked where it enters; this
// is the net under that.
std::string dump_reply(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string error_reply(const std::string& message) { return dump_reply(json{{"ok", false}, {"error", message}}); }

}  // namespace

Session::Session() : archive_(std::make_shared<Archive>()) { settle_language(); }

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
    TimelineModel timeline = build_timeline_model(*r.archive);
    show_lanes(timeline);
    std::vector<EraSpan> spans = lectern::era_spans(*r.archive);
    timings_.parse = parse_ms;
    timings_.index = ms_since(index_start);
    archive_ = r.archive;
    ++archive_generation_;
    items_ = std::move(items);
    timeline_ = std::move(timeline);
    era_spans_ = std::move(spans);
    drawn_eras_.clear();  // indices into the old archive's eras
    hovered_era_ = -1;
    selected_ = -1;
    {  // the old archive and its postings go now (swapped out: an assigned string keeps its buffer)
        SearchIndex old;
        std::swap(index_, old);
    }
    index_built_ = false;  // built again on the next search
    query_.clear();
    filter_ = {};
    results_.clear();
    matching_.clear();
    forget_images();  // relative paths belong to the old archive's folder
    figures_.clear();
    fit_view();
    settle_language();  // the archive's own language may choose the interface's
    return r;
}

void Session::want_image(const std::string& src, const Message& where) {
    if (images_.count(src)) return;
    ImageSlot& slot = images_[src];
    slot.where = where;
    ++revision_;
    // The checker refuses such a src in cover and media; a body's ![alt](src) is only seen
    // here, so no platform is ever asked to fetch javascript:, http:, /etc/... or ../...
    if (media_source(src) == MediaSource::refused) {
        image_failed(src, {"image.refused_source"});
        return;
    }
    send({Outgoing::Kind::load_image, "", "", src});
}

ImageHeader Session::image_bytes(const std::string& src, std::string_view bytes) {
    ImageHeader h = read_image_header(bytes);
    const auto it = images_.find(src);
    if (it == images_.end()) return h;
    if (!h.ok()) image_failed(src, h.problem);
    else it->second.width = h.width, it->second.height = h.height;
    return h;
}

void Session::image_pixels(const std::string& src, std::uint32_t width, std::uint32_t height, std::vector<std::uint8_t> rgba) {
    const auto it = images_.find(src);
    if (it == images_.end() || it->second.state != ImageSlot::State::pending) return;
    if (width == 0 || height == 0 || width > kMaxShownSide || height > kMaxShownSide ||
        rgba.size() != std::size_t(width) * height * 4) {
        image_failed(src, {"image.wrong_size"});
        return;
    }
    ImageSlot& slot = it->second;
    slot.state = ImageSlot::State::ready;
    slot.pixel_width = width, slot.pixel_height = height;
    if (slot.width == 0) slot.width = width, slot.height = height;
    slot.rgba = std::move(rgba);
    ++revision_;
}

void Session::image_failed(const std::string& src, const Message& problem) {
    const auto it = images_.find(src);
    if (it == images_.end() || it->second.state == ImageSlot::State::failed) return;
    ImageSlot& slot = it->second;
    slot.state = ImageSlot::State::failed;
    slot.problem = problem;
    slot.rgba = {};
    ++revision_;
    // "works[3].cover: photo.png is not an image"; a data: URI is too long to name.
    const std::string name = src.rfind("data:", 0) == 0 ? std::string(tr("image.embedded_name")) : utf8_shortened(src, 80);
    set_notice(tr("image.notice", {{"where", slot.where.in(current_language())}, {"name", name}, {"reason", problem.in(current_language())}}));
}

const ImageSlot* Session::image(const std::string& src) const {
    const auto it = images_.find(src);
    return it == images_.end() ? nullptr : &it->second;
}

json Session::figures_json() const {
    json out = json::array();
    for (const FigureNote& f : figures_)
        out.push_back({{"src", f.src.size() > 200 ? f.src.substr(0, 200) : f.src}, {"look", f.look}, {"x0", f.x0}, {"y0", f.y0}, {"x1", f.x1}, {"y1", f.y1}});
    return out;
}

json Session::images_json() const {
    json out = json::array();
    for (const auto& [src, slot] : images_) {
        static const char* kState[] = {"pending", "ready", "failed"};
        out.push_back({{"src", src.size() > 200 ? src.substr(0, 200) : src},
                       {"state", kState[static_cast<int>(slot.state)]},
                       {"width", slot.width},
                       {"height", slot.height},
                       {"pixels", {slot.pixel_width, slot.pixel_height}},
                       {"problem", slot.problem.in(current_language())}});
    }
    return out;
}

bool Session::open(std::string_view work_id) {
    const int i = archive_->work_index(work_id);
    if (i < 0) return false;
    selected_ = i;
    return true;
}

void Session::select(int work_index) {
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
    run_search();
}

void Session::set_filter(SearchFilter filter) {
    filter_ = std::move(filter);
    run_search();
}

void Session::run_search() {
    results_.clear();
    matching_.assign(archive_->works.size(), 0);
    if (!search_active()) return;
    if (!index_built_) {
        index_.build(archive_);
        index_built_ = true;
    }
    // The timeline marks every matching work, so ask for all of them; snippets, which
    // read the text, only for the first rows a reader looks at.
    results_ = index_.search(query_, filter_,
                             archive_->works.size() + archive_->pages.size() + archive_->events.size() +
                                 archive_->people.size(),
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
    else
        return false;
    return true;
}

bool Session::copy_citation() {
    if (selected_ < 0) return false;
    send({Outgoing::Kind::copy, "", "", work_citation(*archive_, archive_->works[static_cast<std::size_t>(selected_)])});
    return true;
}

std::string Session::state_json() const {
    const Archive& a = *archive_;
    json s = {
        {"archive",
         {{"title", a.title},
          {"works", a.works.size()},
          {"events", a.events.size()},
          {"people", a.people.size()},
          {"pages", a.pages.size()}}},
        {"selected", selected_ >= 0 ? json(a.works[static_cast<std::size_t>(selected_)].id) : json(nullptr)},
        {"view", {{"start", view_.start}, {"end", view_.end}}},
        {"visible", {{"items", visible_items_}, {"clusters", visible_clusters_}}},
        {"reader", {{"scroll", reader_scroll_}}},
        {"eras", eras_json()},
        {"hovered_era", hovered_era_ >= 0 ? json(a.eras[static_cast<std::size_t>(hovered_era_)].title) : json(nullptr)},
        {"query", query_},
        {"results", results_json()},
        {"frames", frames_},
        {"theme", theme()},
        {"language", language_},
        {"languages", interface_languages()},
        {"bar", bar_labels_},
        {"prefs",
         {{"theme", prefs_.theme},
          {"system_theme", prefs_.system_theme},
          {"reading_scale", prefs_.reading_scale},
          {"language", prefs_.language},
          {"browser_languages", prefs_.browser_languages}}},
        {"embed", {{"compact", embed_.compact}, {"lanes", embed_.lanes}, {"theme", embed_.theme ? json(*embed_.theme) : json(nullptr)}}},
        {"lanes", [&] {
             json keys = json::array();
             for (const Lane& lane : timeline_.lanes) keys.push_back(lane.key);
             return keys;
         }()},
        {"timings",
         {{"parse", timings_.parse},
          {"index", timings_.index},
          {"fontAtlas", timings_.font_atlas},
          {"fontAtlases", timings_.font_atlases},
          {"firstLayout", timings_.first_layout},
          {"firstDraw", timings_.first_draw}}},
        {"images", images_json()},
        {"figures", figures_json()},
    };
    return dump_reply(s);
}

json Session::eras_json() const {
    json out = json::array();
    for (const EraBand& b : drawn_eras_) {
        const Era& e = archive_->eras[static_cast<std::size_t>(b.era)];
        out.push_back({{"title", e.title}, {"date", e.date ? e.date->text : ""},
                       {"when", e.date ? format_date_human(*e.date) : ""}, {"x0", b.x0}, {"x1", b.x1},
                       {"y0", eras_y0_}, {"y1", eras_y1_}, {"labelled", b.labelled}, {"truncated", b.truncated}});
    }
    return out;
}

json Session::results_json() const {
    json out = json::array();
    for (const SearchHit& h : results_) out.push_back(h.ref);
    return out;
}

namespace {
bool valid_theme(std::string_view t, bool allow_empty) { return t == "light" || t == "dark" || (allow_empty && t.empty()); }
bool valid_scale(double x) { return std::isfinite(x) && x >= 0.7 - 1e-9 && x <= 2.0 + 1e-9; }
}  // namespace

void Session::save_prefs() {
    const json kept = {{"theme", prefs_.theme}, {"reading_scale", prefs_.reading_scale}, {"language", prefs_.language}};
    send({Outgoing::Kind::save_prefs, "", "", kept.dump()});
}

namespace {
bool valid_language(std::string_view l) { return l.empty() || match_language(l) == l; }
}  // namespace

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

std::string Session::command(std::string_view json_text) {
    ++revision_;
    json cmd;
    try {
        cmd = json::parse(json_text.begin(), json_text.end());
    } catch (const json::exception&) {  // syntax, and numbers beyond a double (out_of_range)
        return error_reply("the command is not valid JSON");
    }
    if (!cmd.is_object() || cmd.size() != 1) return error_reply("a command is an object with one member");
    // Copy the key: items() yields a temporary proxy that must not be bound by reference.
    const auto first = cmd.begin();
    const std::string name = first.key();
    const json& arg = first.value();

    if (name == "open") {
        if (arg.is_null()) {
            close();
            return R"({"ok":true})";
        }
        if (!arg.is_string()) return error_reply("open: expected a work id");
        if (!open(arg.get<std::string>())) {
            return error_reply("open: no work with id '" + utf8_shortened(arg.get<std::string>(), 80) + "'");
        }
        return R"({"ok":true})";
    }
    if (name == "view") {
        if (!arg.is_object() || !arg.contains("start") || !arg.contains("end") || !arg["start"].is_number() ||
            !arg["end"].is_number())
            return error_reply("view: expected {start, end} in years");
        if (!set_view(arg["start"].get<double>(), arg["end"].get<double>()))
            return error_reply("view: start must be before end");
        return R"({"ok":true})";
    }
    if (name == "fit") {
        fit_view();
        return R"({"ok":true})";
    }
    if (name == "search") {
        if (!arg.is_string()) return error_reply("search: expected the query as a string");
        search(arg.get_ref<const std::string&>());
        return R"({"ok":true})";
    }
    if (name == "filter") {
        if (!arg.is_object()) return error_reply("filter: expected {kinds, years, attribution}");
        SearchFilter f;
        if (arg.contains("kinds")) {
            if (!arg["kinds"].is_array()) return error_reply("filter: kinds must be an array of strings");
            for (const auto& k : arg["kinds"]) {
                if (!k.is_string()) return error_reply("filter: kinds must be an array of strings");
                f.kinds.push_back(k.get<std::string>());
            }
        }
        if (arg.contains("years")) {
            const auto& y = arg["years"];
            // Years as plain integers within ±1,000,000 (a bigger one would wrap around in an int).
            auto year_ok = [](const json& v) {
                return v.is_number_integer() && (v.is_number_unsigned() ? v.get<std::uint64_t>() <= 1000000
                                                                        : std::llabs(v.get<std::int64_t>()) <= 1000000);
            };
            if (!y.is_array() || y.size() != 2 || !year_ok(y[0]) || !year_ok(y[1]))
                return error_reply("filter: years must be [from, to], whole years within ±1,000,000");
            f.year_from = y[0].get<int>();
            f.year_to = y[1].get<int>();
            if (*f.year_to < *f.year_from) return error_reply("filter: years end before they start");
        }
        if (arg.contains("attribution")) {
            if (!arg["attribution"].is_string()) return error_reply("filter: attribution must be a string");
            f.attribution = arg["attribution"].get<std::string>();
        }
        set_filter(std::move(f));
        return R"({"ok":true})";
    }
    if (name == "link") {
        if (!arg.is_string()) return error_reply("link: expected the fragment as a string");
        const std::string notice = apply_fragment(arg.get_ref<const std::string&>());
        if (!notice.empty()) return error_reply("link: " + notice);
        return R"({"ok":true})";
    }
    if (name == "export") {
        if (!arg.is_string() || !export_as(arg.get<std::string>())) return error_reply("export: expected \"csv\" or \"json\"");
        return R"({"ok":true})";
    }
    if (name == "copy") {
        if (arg == "link") {
            send({Outgoing::Kind::copy_link, "", "", fragment(true, false)});
            return R"({"ok":true})";
        }
        if (arg != "citation") return error_reply("copy: expected \"citation\" or \"link\"");
        if (!copy_citation()) return error_reply("copy: no work is open");
        return R"({"ok":true})";
    }
    if (name == "prefs") {
        // Stored choices and the system's theme, checked member by member: a stale or
        // hand-edited store must not leave the viewer in a state it cannot show.
        if (!arg.is_object()) return error_reply("prefs: expected an object");
        Preferences next = prefs_;
        for (auto it = arg.begin(); it != arg.end(); ++it) {
            const std::string& key = it.key();
            const json& value = it.value();
            if (key == "theme" && value.is_string() && valid_theme(value.get_ref<const std::string&>(), true))
                next.theme = value.get<std::string>();
            else if (key == "system_theme" && value.is_string() && valid_theme(value.get_ref<const std::string&>(), false))
                next.system_theme = value.get<std::string>();
            else if (key == "reading_scale" && value.is_number() && valid_scale(value.get<double>()))
                next.reading_scale = value.get<double>();
            else if (key == "language" && value.is_string() && valid_language(value.get_ref<const std::string&>()))
                next.language = value.get<std::string>();
            else if (key == "browser_languages" && value.is_array() && value.size() <= 64 &&
                     std::all_of(value.begin(), value.end(), [](const json& l) { return l.is_string() && l.get_ref<const std::string&>().size() <= 64; }))
                next.browser_languages = value.get<std::vector<std::string>>();
            else
                return error_reply("prefs: bad value for '" + utf8_shortened(key, 40) + "'");
        }
        prefs_ = next;
        settle_language();
        return R"({"ok":true})";
    }
    if (name == "language") {
        if (!arg.is_string() || !choose_language(arg.get<std::string>()))
            return error_reply("language: expected one of en, fr, de, es, ru, or \"\" to choose from the archive and the browser");
        return R"({"ok":true})";
    }
    if (name == "load") {
        if (!arg.is_string()) return error_reply("load: expected the archive's JSON text as a string");
        return load_reply(arg.get_ref<const std::string&>());
    }
    return error_reply("unknown command '" + utf8_shortened(name, 40) + "'");
}

std::string Session::load_reply(std::string_view json_text) {
    try {
        const LoadResult r = load(json_text);
        if (r.ok()) return R"({"ok":true})";
        // Every problem, for the page's dialog (capped: a broken generator can make millions).
        json problems = json::array();
        // In the interface's language: the page shows these to the reader.
        for (const Diagnostic& d : r.diagnostics) {
            if (problems.size() == 200) break;
            problems.push_back(d.to_string(current_language()));
        }
        return json{{"ok", false}, {"error", "load: " + r.first_error(current_language())}, {"problems", problems}}.dump();
    } catch (const std::bad_alloc&) {
        // The browser caps the page's memory: a huge archive ends here, with what was open kept.
        // The page says the same when it cannot even copy the bytes in, hence a "page." key.
        const std::string why = tr("page.too_much_memory", {{"size", std::to_string(json_text.size() / 1000000) + " MB"}});
        return json{{"ok", false}, {"error", "load: " + why}, {"problems", json::array({why})}, {"memory", true}}.dump();
    }
}

}  // namespace lectern
