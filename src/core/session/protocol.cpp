// The automation protocol: one table of commands, the load reply and the state, as JSON.
#include "core/session/protocol.h"

#include <algorithm>
#include <cstdlib>
#include <new>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/dates/date_format.h"
#include "core/i18n/translate.h"
#include "core/text/utf8.h"

namespace lectern::protocol {

using nlohmann::json;

namespace {

// Replies are written with invalid UTF-8 replaced (U+FFFD), never thrown over: a reply
// that cannot be written would stop the viewer. Text is checked where it enters; this
// is the net under that.
std::string dump_reply(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string error_reply(const std::string& message) { return dump_reply(json{{"ok", false}, {"error", message}}); }

const std::string kOk = R"({"ok":true})";

// ---- commands: each takes the command's one argument ----------------------------------

std::string open_work(Session& s, const json& arg) {
    if (arg.is_null()) {
        s.close();
        return kOk;
    }
    if (!arg.is_string()) return error_reply("open: expected a work id");
    if (!s.open(arg.get<std::string>()))
        return error_reply("open: no work with id '" + utf8_shortened(arg.get<std::string>(), 80) + "'");
    return kOk;
}

std::string set_view(Session& s, const json& arg) {
    if (!arg.is_object() || !arg.contains("start") || !arg.contains("end") || !arg["start"].is_number() ||
        !arg["end"].is_number())
        return error_reply("view: expected {start, end} in years");
    if (!s.set_view(arg["start"].get<double>(), arg["end"].get<double>()))
        return error_reply("view: start must be before end");
    return kOk;
}

std::string fit_view(Session& s, const json&) {
    s.fit_view();
    return kOk;
}

std::string search(Session& s, const json& arg) {
    if (!arg.is_string()) return error_reply("search: expected the query as a string");
    s.search(arg.get_ref<const std::string&>());
    return kOk;
}

std::string filter(Session& s, const json& arg) {
    if (!arg.is_object()) return error_reply("filter: expected {kinds, years, attribution, collections}");
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
    if (arg.contains("collections")) {  // a library's, by id
        if (!arg["collections"].is_array()) return error_reply("filter: collections must be an array of ids");
        for (const auto& c : arg["collections"]) {
            if (!c.is_string()) return error_reply("filter: collections must be an array of ids");
            f.collections.push_back(c.get<std::string>());
        }
    }
    if (arg.contains("attribution")) {
        if (!arg["attribution"].is_string()) return error_reply("filter: attribution must be a string");
        f.attribution = arg["attribution"].get<std::string>();
    }
    s.set_filter(std::move(f));
    return kOk;
}

std::string group(Session& s, const json& arg) {
    const std::optional<LaneGrouping> g = arg.is_string() ? grouping_named(arg.get<std::string>()) : std::nullopt;
    if (!g) return error_reply("group: expected \"kind\", \"section\", \"person\" or \"collection\"");
    s.set_grouping(*g);
    return kOk;
}

std::string retry(Session& s, const json&) {
    s.retry_library();
    return kOk;
}

// Keeps (or forgets) a library's collection offline, by id, as its button does.
std::optional<std::uint32_t> collection_named(const Session& s, const json& arg) {
    if (!s.library() || !arg.is_string()) return std::nullopt;
    const int c = s.library()->manifest().collection_index(arg.get_ref<const std::string&>());
    return c < 0 ? std::nullopt : std::optional<std::uint32_t>(static_cast<std::uint32_t>(c));
}

std::string keep_offline(Session& s, const json& arg) {
    const std::optional<std::uint32_t> c = collection_named(s, arg);
    if (!c) return error_reply("keep_offline: expected the id of one of the library's collections");
    if (!s.keep_offline(*c))
        return error_reply("keep_offline: cannot keep it (" +
                           (s.offline().available() ? std::string("no offline list, or being kept")
                                                    : "unavailable: " + s.offline().unavailable()) +
                           ")");
    return kOk;
}

std::string forget_offline(Session& s, const json& arg) {
    const std::optional<std::uint32_t> c = collection_named(s, arg);
    if (!c) return error_reply("forget_offline: expected the id of one of the library's collections");
    s.forget_offline(*c);
    return kOk;
}

std::string follow_link(Session& s, const json& arg) {
    if (!arg.is_string()) return error_reply("link: expected the fragment as a string");
    const std::string notice = s.apply_fragment(arg.get_ref<const std::string&>());
    if (!notice.empty()) return error_reply("link: " + notice);
    return kOk;
}

std::string export_as(Session& s, const json& arg) {
    if (!arg.is_string() || !s.export_as(arg.get<std::string>()))
        return error_reply("export: expected \"csv\" or \"json\"");
    return kOk;
}

std::string copy(Session& s, const json& arg) {
    if (arg == "link") {
        s.send({Outgoing::Kind::copy_link, "", "", s.fragment(true, false)});
        return kOk;
    }
    if (arg != "citation") return error_reply("copy: expected \"citation\" or \"link\"");
    if (!s.copy_citation()) return error_reply("copy: no work is open");
    return kOk;
}

// Stored choices and the system's theme, checked member by member: a stale or
// hand-edited store must not leave the viewer in a state it cannot show.
std::string prefs(Session& s, const json& arg) {
    if (!arg.is_object()) return error_reply("prefs: expected an object");
    Preferences next = s.prefs();
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
                 std::all_of(value.begin(), value.end(), [](const json& l) {
                     return l.is_string() && l.get_ref<const std::string&>().size() <= 64;
                 }))
            next.browser_languages = value.get<std::vector<std::string>>();
        else return error_reply("prefs: bad value for '" + utf8_shortened(key, 40) + "'");
    }
    s.restore_prefs(std::move(next));
    return kOk;
}

std::string language(Session& s, const json& arg) {
    if (!arg.is_string() || !s.choose_language(arg.get<std::string>()))
        return error_reply(
            "language: expected one of en, fr, de, es, ru, or \"\" to choose from the archive and the browser");
    return kOk;
}

std::string load(Session& s, const json& arg) {
    if (!arg.is_string()) return error_reply("load: expected the archive's JSON text as a string");
    return load_reply(s, arg.get_ref<const std::string&>());
}

struct Command {
    const char* name;
    std::string (*run)(Session&, const json& arg);
};

const Command kCommands[] = {
    {"open", open_work},
    {"view", set_view},
    {"fit", fit_view},
    {"search", search},
    {"filter", filter},
    {"link", follow_link},
    {"export", export_as},
    {"copy", copy},
    {"prefs", prefs},
    {"language", language},
    {"load", load},
    {"retry", retry},
    {"group", group},
    {"keep_offline", keep_offline},
    {"forget_offline", forget_offline},
};

// ---- state ---------------------------------------------------------------------------------

json eras_json(const Session& s, const FrameReport& drawn) {
    json out = json::array();
    for (const EraBand& b : drawn.eras) {
        const Era& e = s.archive().eras[static_cast<std::size_t>(b.era)];
        out.push_back({{"title", e.title},
                       {"date", e.date ? e.date->text : ""},
                       {"when", e.date ? format_date_human(*e.date) : ""},
                       {"x0", b.x0},
                       {"x1", b.x1},
                       {"y0", drawn.eras_y0},
                       {"y1", drawn.eras_y1},
                       {"labelled", b.labelled},
                       {"truncated", b.truncated}});
    }
    return out;
}

json results_json(const Session& s) {
    json out = json::array();
    // A library's result not loaded yet has no id to give: null, until its tile comes.
    for (const SearchHit& h : s.results()) out.push_back(h.ref.empty() ? json(nullptr) : json(h.ref));
    return out;
}

// An image's src as state() shows it: a data: URI can be megabytes; 200 bytes name it,
// cut between characters.
std::string shown_src(const std::string& src) { return src.substr(0, utf8_boundary(src, 200)); }

json images_json(const ImageCache& images) {
    json out = json::array();
    for (const auto& [src, slot] : images.slots()) {
        static const char* kState[] = {"pending", "ready", "failed"};
        out.push_back({{"src", shown_src(src)},
                       {"state", kState[static_cast<int>(slot.state)]},
                       {"width", slot.width},
                       {"height", slot.height},
                       {"pixels", {slot.pixel_width, slot.pixel_height}},
                       {"problem", slot.problem.in(current_language())}});
    }
    return out;
}

json figures_json(const FrameReport& drawn) {
    json out = json::array();
    for (const FigureNote& f : drawn.figures)
        out.push_back(
            {{"src", shown_src(f.src)}, {"look", f.look}, {"x0", f.x0}, {"y0", f.y0}, {"x1", f.x1}, {"y1", f.y1}});
    return out;
}

json lanes_json(const Session& s) {
    json keys = json::array();
    for (const Lane& lane : s.timeline().lanes) keys.push_back(lane.key);
    return keys;
}

json lane_titles_json(const Session& s) {
    json titles = json::array();
    for (const Lane& lane : s.timeline().lanes) titles.push_back(lane_title(lane));
    return titles;
}

// The platform's runs of text in the last frame, where they were drawn (state().glyphs.runs).
json runs_json(const FrameReport& drawn) {
    json out = json::array();
    for (const FigureNote& r : drawn.glyph_runs)
        out.push_back({{"text", r.src}, {"x0", r.x0}, {"y0", r.y0}, {"x1", r.x1}, {"y1", r.y1}});
    return out;
}

}  // namespace

std::string command(Session& s, std::string_view json_text) {
    s.count_command();
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
    for (const Command& c : kCommands)
        if (name == c.name) return c.run(s, first.value());
    return error_reply("unknown command '" + utf8_shortened(name, 40) + "'");
}

std::string load_reply(Session& s, std::string_view json_text) {
    try {
        const LoadResult r = s.load(json_text);
        if (r.ok()) return kOk;
        // Every problem, for the page's dialog (capped: a broken generator can make millions).
        json problems = json::array();
        // In the interface's language: the page shows these to the reader.
        for (const Diagnostic& d : r.diagnostics) {
            if (problems.size() == 200) break;
            problems.push_back(d.to_string(current_language()));
        }
        return json{{"ok", false}, {"error", "load: " + r.first_error(current_language())}, {"problems", problems}}
            .dump();
    } catch (const std::bad_alloc&) {
        // The browser caps the page's memory: a huge archive ends here, with what was open kept.
        // The page says the same when it cannot even copy the bytes in, hence a "page." key.
        const std::string why =
            tr("page.too_much_memory", {{"size", std::to_string(json_text.size() / 1000000) + " MB"}});
        return json{{"ok", false}, {"error", "load: " + why}, {"problems", json::array({why})}, {"memory", true}}
            .dump();
    }
}

// "ready", "loading", "failed" or "none" (no work open, or one without a text).
const char* body_json(const Session& s) {
    switch (s.body_state(s.selected())) {
        case Session::BodyState::ready: return "ready";
        case Session::BodyState::loading: return "loading";
        case Session::BodyState::failed: return "failed";
        case Session::BodyState::none: break;
    }
    return "none";
}

json controls_json(const FrameReport& drawn) {
    json out = json::array();
    for (const DrawnControl& c : drawn.controls)
        out.push_back({{"name", c.name}, {"x0", c.x0}, {"y0", c.y0}, {"x1", c.x1}, {"y1", c.y1}});
    return out;
}

// null for an archive; for a library what it holds and what was fetched (compressed bytes).
// The search over the library's index: where it is, how many works match, how many of the
// first results have their title and snippet (ready), and what it could not do (problem).
json library_search_json(const Session& s) {
    const LibrarySearch* ls = s.library_search();
    if (!ls) return nullptr;
    static const char* const kStatus[] = {"idle", "waiting", "checking", "done", "failed"};
    return {{"status", kStatus[static_cast<int>(ls->status())]},
            {"matches", ls->matches().size()},
            {"to_check", ls->to_check().size()},
            {"ready", s.results_ready()},
            {"problem", ls->problem()},
            {"subject", ls->problem_subject()}};
}

// The collections kept offline: why nothing can be (unavailable, "" when it can), and each
// collection the reader kept or asked to keep, with its progress in stored bytes.
json offline_json(const Session& s) {
    static const char* const kState[] = {"none", "listing", "keeping", "kept", "stale", "failed"};
    json collections = json::object();
    for (const auto& [id, e] : s.offline().entries())
        collections[id] = {
            {"state", kState[static_cast<int>(e.state)]}, {"done", e.done}, {"total", e.total}, {"error", e.error}};
    return {{"unavailable", s.offline().unavailable()}, {"collections", collections}};
}

json library_json(const Session& s) {
    const LibraryLoader* l = s.library();
    if (!l) return nullptr;
    return {{"works", l->manifest().works},
            {"loaded", s.archive().works.size()},
            {"collections", l->manifest().collections.size()},
            {"requests", l->requests()},
            {"bytes", l->bytes()},
            {"pending", l->pending()},
            {"failed", l->any_failed()},
            {"opening", s.opening()},
            {"search", library_search_json(s)},
            {"offline", offline_json(s)}};
}

std::string state_json(const Session& s, const FrameReport& drawn) {
    const Archive& a = s.archive();
    // Bands and figures drawn for another archive (a load since the last frame) are not shown.
    static const FrameReport kNothingDrawn;
    const FrameReport& now = drawn.archive_generation == s.archive_generation() ? drawn : kNothingDrawn;
    const Preferences& p = s.prefs();
    const EmbedOptions& embed = s.embed();
    const StartupTimings& t = s.timings();
    json st = {
        {"archive",
         {{"title", a.title},
          {"works", a.works.size()},
          {"events", a.events.size()},
          {"people", a.people.size()},
          {"pages", a.pages.size()}}},
        {"selected", s.selected() >= 0 ? json(a.works[static_cast<std::size_t>(s.selected())].id) : json(nullptr)},
        {"view", {{"start", s.view().start}, {"end", s.view().end}}},
        {"visible", {{"items", drawn.visible_items}, {"clusters", drawn.visible_clusters}}},
        {"reader", {{"scroll", drawn.reader_scroll}, {"body", body_json(s)}}},
        {"library", library_json(s)},
        {"grouping", grouping_name(s.grouping())},
        {"eras", eras_json(s, now)},
        {"hovered_era",
         now.hovered_era >= 0 ? json(a.eras[static_cast<std::size_t>(now.hovered_era)].title) : json(nullptr)},
        {"query", s.query()},
        {"searching", s.searching()},
        {"index", {{"building", s.indexing()}, {"progress", s.index_progress()}}},
        {"results", results_json(s)},
        {"frames", s.frames()},
        {"theme", s.theme()},
        {"language", s.language()},
        {"languages", interface_languages()},
        {"bar", drawn.bar},
        {"notice", s.notice()},
        {"prefs",
         {{"theme", p.theme},
          {"system_theme", p.system_theme},
          {"reading_scale", p.reading_scale},
          {"language", p.language},
          {"browser_languages", p.browser_languages}}},
        {"embed",
         {{"compact", embed.compact},
          {"lanes", embed.lanes},
          {"theme", embed.theme ? json(*embed.theme) : json(nullptr)},
          // What Full viewer opens: the view's fragment without the embed options.
          {"full_view", embed.compact ? json(s.fragment(true, false)) : json(nullptr)}}},
        {"lanes", lanes_json(s)},
        {"lane_titles", lane_titles_json(s)},
        {"timings",
         {{"parse", t.parse},
          {"index", t.index},
          {"fontAtlas", t.font_atlas},
          {"fontAtlases", t.font_atlases},
          {"firstLayout", t.first_layout},
          {"firstDraw", t.first_draw}}},
        {"images", images_json(s.images())},
        {"figures", figures_json(now)},
        {"controls", controls_json(drawn)},
        {"glyphs", {{"missing", now.glyphs_missing}, {"shaped", now.glyphs_shaped}, {"runs", runs_json(now)}}},
        {"fonts", {{"rest", drawn.fonts_rest}, {"error", drawn.fonts_error}}},  // not the archive's: kept across loads
    };
    return dump_reply(st);
}

}  // namespace lectern::protocol
