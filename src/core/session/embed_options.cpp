// Embed options: parsing, writing back, and matching lane names to lanes.
#include "core/session/embed_options.h"

#include "core/i18n/translate.h"
#include "core/text/utf8.h"
#include "core/timeline/timeline_layout.h"

namespace lectern {

namespace {

constexpr std::size_t kMaxLanes = 16;
constexpr std::size_t kMaxLaneName = 40;

bool plain_name(std::string_view s) {
    if (s.empty() || s.size() > kMaxLaneName) return false;
    for (const char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
    return true;
}

}  // namespace

bool is_embed_key(std::string_view key) { return key == "embed" || key == "lanes" || key == "theme"; }

void parse_embed_part(std::string_view key, const std::string& value, EmbedOptions& o,
                      std::vector<std::string>& problems) {
    if (key == "embed") {
        if (value == "1" || value == "true") o.compact = true;
        else if (value == "0" || value == "false") o.compact = false;
        else problems.push_back(tr("notice.embed_needs_flag"));
    } else if (key == "theme") {
        if (value == "light" || value == "dark") o.theme = value;
        else problems.push_back(tr("notice.theme_needs_value"));
    } else if (key == "lanes") {
        std::vector<std::string> names;
        std::size_t start = 0;
        while (start <= value.size()) {
            std::size_t end = value.find(',', start);
            if (end == std::string::npos) end = value.size();
            std::string name = value.substr(start, end - start);
            start = end + 1;
            for (char& c : name)
                if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            if (name.empty()) continue;
            if (!plain_name(name)) {
                // Quoted short, and never cut inside a character: problems are shown and sent as JSON.
                problems.push_back(tr("notice.not_a_lane_name", {{"name", utf8_shortened(name, kMaxLaneName)}}));
                continue;
            }
            if (names.size() == kMaxLanes) {
                problems.push_back(tr("notice.too_many_lanes", {{"max", std::to_string(kMaxLanes)}}));
                break;
            }
            names.push_back(std::move(name));
        }
        if (names.empty()) problems.push_back(tr("notice.lanes_need_names"));
        else o.lanes = std::move(names);
    }
}

std::string embed_fragment_parts(const EmbedOptions& o) {
    std::string f;
    auto add = [&](const std::string& part) { f += (f.empty() ? "" : "&") + part; };
    if (o.compact) add("embed=1");
    if (!o.lanes.empty()) {
        std::string list;
        for (const std::string& l : o.lanes) list += (list.empty() ? "" : ",") + l;
        add("lanes=" + list);  // names are [a-z0-9_-]: nothing to escape
    }
    if (o.theme) add("theme=" + *o.theme);
    return f;
}

bool lane_named(const Lane& lane, std::string_view name) {
    // "letters" reads as "letter"; an unknown kind names no lane (lane_key_for_kind would say "other").
    const std::string_view singular = name.size() > 1 && name.back() == 's' ? name.substr(0, name.size() - 1) : name;
    const auto kind_lane = [&](std::string_view k) {
        return k == lane.key || (lane_key_for_kind(k) == lane.key && lane.key != "other");
    };
    switch (lane.kind) {
        case Lane::Kind::works: return name == "works" || kind_lane(name) || kind_lane(singular);
        case Lane::Kind::events: return name == "events" || name == lane.key;
        case Lane::Kind::people: return name == "lives" || name == "people" || name == lane.key;
    }
    return false;
}

}  // namespace lectern
