// What a reader takes away: a work's citation, and the chronological
// bibliography as CSV (RFC 4180) for spreadsheets.
#pragma once

#include <string>

#include "core/archive/archive.h"
#include "core/timeline/timeline_items.h"

namespace lectern {

// "Victor Serge, “Letter to Trotsky”, 10 August 1936. Victor Serge, Marxists’ Internet Archive. <source>"
std::string work_citation(const Archive& archive, const Work& work);

// One row per work in time order (undated works last), with a header row:
// date,edtf,title,kind,people,attribution,section,id,source. Lines end in CRLF.
std::string bibliography_csv(const Archive& archive, const TimelineItems& items);

}  // namespace lectern
