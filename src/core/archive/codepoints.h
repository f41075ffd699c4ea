// The characters an archive uses, so the viewer's font atlas can hold exactly those.
//
//   std::vector<char32_t> cps = archive_codepoints(archive);  // sorted, unique
#pragma once

#include <string_view>
#include <vector>

#include "core/archive/archive.h"

namespace lectern {

// Every code point the viewer may draw from the archive: each of its strings (titles, bodies,
// pages, people, events, eras, notes, tags, links, labels), and the characters Markdown entities
// in them stand for (`&mdash;`, `&#x416;`). Sorted and unique; control characters (U+0000-001F,
// U+007F-009F) are left out, as nothing draws them.
std::vector<char32_t> archive_codepoints(const Archive& archive);

}  // namespace lectern
