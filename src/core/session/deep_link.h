// The URL fragment that holds the state worth sharing:
//   #work=1936-08-10-letter-to-trotsky&view=1919/1925&q=kronstadt
// Parsing never fails as a whole: each part that makes sense is kept, the rest
// is reported so the page can say what it ignored.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/session/embed_options.h"

namespace lectern {

struct DeepLink {
    std::optional<std::string> work;             // a work id
    std::optional<double> view_start, view_end;  // fractional years
    std::optional<std::string> query;
    EmbedOptions embed;  // embed=, lanes=, theme= (core/session/embed_options.h)
};

struct ParsedLink {
    DeepLink link;
    // "unknown part 'x'", "view needs START/END", "'q' is not UTF-8 text", "the link is too long"
    std::vector<std::string> problems;  // in the interface's language (core/i18n/translate.h)
};

// Accepts the fragment with or without its leading '#'. Fragments over 4 KB are ignored whole.
// The embed options start as `embed` and change only where the fragment names them: a frame
// keeps its layout when its host or the reader's Back gives it a plain "#work=..." link.
ParsedLink parse_fragment(std::string_view fragment, const EmbedOptions& embed = {});

// "#embed=1&lanes=...&theme=...&work=...&view=...&q=..." with only the parts that are set (or "" when none),
// percent-encoded.
std::string make_fragment(const DeepLink& link);

}  // namespace lectern
