// The fragment options a host page sets when it puts Lectern in an <iframe>:
//   #embed=1&lanes=works,events&theme=dark&work=ID&view=1919/1925
// embed=1 asks for the compact layout (no title, file, export or theme controls, no
// outline pane); lanes= names the lanes to show; theme= colours this frame only and is
// never kept as the reader's choice. They ride in the same fragment as the deep link
// (core/session/deep_link.h), which hands these keys here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

struct Lane;

struct EmbedOptions {
    bool compact = false;              // embed=1
    std::vector<std::string> lanes;    // lane names as written; empty: every lane
    std::optional<std::string> theme;  // "light" or "dark", for this frame only
    bool operator==(const EmbedOptions& o) const {
        return compact == o.compact && lanes == o.lanes && theme == o.theme;
    }
};

// True for the fragment keys this module owns: "embed", "lanes", "theme".
bool is_embed_key(std::string_view key);

// Reads one decoded key=value pair into `options`; a value that makes no sense
// leaves the option as it was and adds a problem naming the key and what it wants.
void parse_embed_part(std::string_view key, const std::string& value, EmbedOptions& options,
                      std::vector<std::string>& problems);

// "embed=1&lanes=works,events&theme=dark" with only the options set ("" when none).
std::string embed_fragment_parts(const EmbedOptions& options);

// Whether a lanes= name picks this lane: "works" every lane of works, "events" the
// events, "lives" (or "people") the people's lives, otherwise a lane key ("letter")
// or a work kind that goes into one ("novel" picks the books lane).
bool lane_named(const Lane& lane, std::string_view name);

}  // namespace lectern
