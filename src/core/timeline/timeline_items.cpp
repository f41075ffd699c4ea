// Turns dated works into sorted spans; computes the archive's time extent.
#include "core/timeline/timeline_items.h"

#include <algorithm>

#include "core/archive/work_images.h"

namespace lectern {

int TimelineItems::rank_of(int work_index) const {
    if (work_index < 0 || static_cast<std::size_t>(work_index) >= rank.size()) return -1;
    return rank[static_cast<std::size_t>(work_index)];
}

std::optional<int> step_in_time(const TimelineItems& items, int selected, int step) {
    const auto& works = items.works;
    if (step == 0) return std::nullopt;
    if (selected < 0) {
        if (step > 0 && !works.empty()) return works.front().work;
        return std::nullopt;
    }
    const int rank = items.rank_of(selected);
    if (rank < 0) return std::nullopt;
    const long at = static_cast<long>(rank) + (step > 0 ? 1 : -1);
    if (at < 0) return -1;
    if (at >= static_cast<long>(works.size())) return std::nullopt;
    return works[static_cast<std::size_t>(at)].work;
}

TimelineItems build_timeline_items(const Archive& archive) {
    TimelineItems out;
    out.works.reserve(archive.works.size());
    double lo = 0.0, hi = 0.0;
    bool any = false;
    auto extend = [&](const EdtfDate& d) {
        const double s = day_to_year(d.earliest_day), e = day_to_year(d.latest_day + 1);
        if (!any) {
            lo = s;
            hi = e;
            any = true;
        }
        lo = std::min(lo, s);
        hi = std::max(hi, e);
    };
    for (std::size_t i = 0; i < archive.works.size(); ++i) {
        const Work& w = archive.works[i];
        if (!w.date) {
            ++out.undated;
            continue;
        }
        const EdtfDate& d = *w.date;
        TimelineItem item;
        item.work = static_cast<int>(i);
        item.start = day_to_year(d.earliest_day);
        item.end = day_to_year(d.latest_day + 1);
        item.precision = d.precision;
        item.interval = d.interval;
        item.uncertain = d.uncertain;
        item.approximate = d.approximate;
        item.disputed = w.attribution == "disputed";
        item.images = work_has_images(w);
        out.works.push_back(item);
        extend(d);
    }
    for (const Event& e : archive.events)
        if (e.date) extend(*e.date);
    for (const Person& p : archive.people) {
        if (p.born) extend(*p.born);
        if (p.died) extend(*p.died);
    }
    std::stable_sort(out.works.begin(), out.works.end(), [](const TimelineItem& a, const TimelineItem& b) {
        if (a.start != b.start) return a.start < b.start;
        return a.end < b.end;
    });
    out.rank.assign(archive.works.size(), -1);
    for (std::size_t i = 0; i < out.works.size(); ++i)
        out.rank[static_cast<std::size_t>(out.works[i].work)] = static_cast<int>(i);
    out.first = lo;
    out.last = hi;
    return out;
}

}  // namespace lectern
