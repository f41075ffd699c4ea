// The page's text mirror: the archive as plain, semantic HTML beside the canvas, for
// screen readers, the browser's own find, search engines and printing.
//
//   archive_mirror_html(archive, items)   front matter and the works in time order
//   work_mirror_html(archive, i)          one work as the reader shows it
//
// Every archive string is escaped; only http(s) links become links (a javascript:
// or data: href in an archive stays text). Works link to "#work=ID", the page's
// own deep links.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/archive/archive.h"
#include "core/timeline/timeline_items.h"

namespace lectern {

// The works lists name at most this many works: a page holding a million list items
// would stop responding, and no one reads such a list through.
constexpr std::size_t kMirrorWorks = 5000;

std::string html_escape(std::string_view text);

// CommonMark as HTML, through the same model the reader draws (core/text/markdown.h):
// raw HTML in the source stays text, nesting deeper than md::kMaxDepth is flattened.
std::string markdown_html(std::string_view markdown);

std::string archive_mirror_html(const Archive& archive, const TimelineItems& items);
std::string work_mirror_html(const Archive& archive, int work);

// "Title, date label, kind": what the page announces when a work opens.
std::string work_announcement(const Archive& archive, int work);

}  // namespace lectern
