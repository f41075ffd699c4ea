// The archive's dated things as spans on one time axis, in time order:
// what the timeline draws and what previous/next walk through.
#pragma once

#include <optional>
#include <vector>

#include "core/archive/archive.h"

namespace lectern {

struct TimelineItem {
    int work = -1;       // index into Archive::works
    double start = 0.0;  // fractional years, the earliest possible instant
    double end = 0.0;    // fractional years, the end of the latest possible day
    DatePrecision precision = DatePrecision::year;
    bool interval = false;
    bool uncertain = false;
    bool approximate = false;
    bool disputed = false;
    bool images = false;  // the work has a cover, media or images in its text: the timeline marks it
};

struct TimelineItems {
    std::vector<TimelineItem> works;  // dated works sorted by start, then end, then archive order
    int undated = 0;                  // works without a date (not on the axis)
    double first = 0.0, last = 0.0;   // extent of everything dated (works, events, lives)
    std::vector<int> rank;            // rank[work index] = position in `works`, -1 when undated
    bool empty() const { return works.empty() && first == last; }

    // Position of a work in time order, or -1 when undated or unknown.
    int rank_of(int work_index) const;
};

TimelineItems build_timeline_items(const Archive& archive);

// Previous (step < 0) or next (step > 0) from `selected` in time order, the one rule the
// timeline's and the reader's `[` / `]` and the reader's buttons share. It is the reader's:
// the archive reads like a book, the front matter (-1) before the first work, so previous
// from the first work goes back to the front matter and next from the front matter opens
// the first work; nothing wraps round (from the front matter, previous does nothing; from
// the last work, next does nothing), and an undated work is not in the time order, so
// nothing is before or after it. nullopt: nowhere to go.
std::optional<int> step_in_time(const TimelineItems& items, int selected, int step);

}  // namespace lectern
