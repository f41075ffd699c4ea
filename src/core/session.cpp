// Session: loading keeps what it had on failure; commands are the automation surface.
#include "core/session.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace lectern {

using nlohmann::json;

namespace {
// The widest and narrowest windows the viewer shows: 10,000 years around the
// archive, down to about one day.
constexpr double kMaxSpanYears = 20000.0;
constexpr double kMinSpanYears = 1.0 / 366.0;
constexpr double kMaxAbsYear = 1e9;

std::string error_reply(const std::string& message) { return json{{"ok", false}, {"error", message}}.dump(); }
}  // namespace

Session::Session() : archive_(std::make_shared<Archive>()) {}

LoadResult Session::load(std::string_view json_text) {
    LoadResult r = load_archive(json_text);
    if (!r.ok()) return r;
    archive_ = r.archive;
    items_ = build_timeline_items(*archive_);
    timeline_ = build_timeline_model(*archive_);
    selected_ = -1;
    fit_view();
    return r;
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
        {"query", query_},
        {"results", json::array()},
        {"frames", frames_},
        {"theme", theme_},
    };
    return s.dump();
}

std::string Session::command(std::string_view json_text) {
    json cmd;
    try {
        cmd = json::parse(json_text.begin(), json_text.end());
    } catch (const json::parse_error&) {
        return error_reply("the command is not valid JSON");
    }
    if (!cmd.is_object() || cmd.size() != 1) return error_reply("a command is an object with one member");
    const auto& [name, arg] = *cmd.items().begin();

    if (name == "open") {
        if (arg.is_null()) {
            close();
            return R"({"ok":true})";
        }
        if (!arg.is_string()) return error_reply("open: expected a work id");
        if (!open(arg.get<std::string>())) return error_reply("open: no work with id '" + arg.get<std::string>() + "'");
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
    if (name == "load") {
        if (!arg.is_string()) return error_reply("load: expected the archive's JSON text as a string");
        const LoadResult r = load(arg.get_ref<const std::string&>());
        if (!r.ok()) return error_reply("load: " + r.first_error());
        return R"({"ok":true})";
    }
    return error_reply("unknown command '" + name + "'");
}

}  // namespace lectern
