// Timeline layout: lanes at load; ticks, culling, row packing and clusters per frame.
#include "core/timeline/timeline_layout.h"

#include "core/archive/work_images.h"
#include <algorithm>
#include <map>
#include <cmath>

#include "core/i18n/translate.h"

namespace lectern {

// ---- lanes --------------------------------------------------------------------------------

namespace {

// Work lanes in the order a reader scans them; their titles are "lane.<key>" in the catalogues.
const char* const kWorkLanes[] = {"article", "letter", "book", "fiction", "notebook", "obituary", "document", "other"};

std::uint16_t flags_of(const EdtfDate& d) {
    std::uint16_t f = 0;
    if (d.uncertain) f |= kUncertain;
    if (d.approximate) f |= kApproximate;
    if (d.open_start) f |= kOpenStart;
    if (d.open_end) f |= kOpenEnd;
    if (d.unknown_start) f |= kUnknownStart;
    if (d.unknown_end) f |= kUnknownEnd;
    if (d.precision == DatePrecision::day && !d.interval) f |= kDayPrecision;
    return f;
}

LaneItem item_of(const EdtfDate& d, int ref) {
    return {day_to_year(d.earliest_day), day_to_year(d.latest_day + 1), ref, flags_of(d)};
}

void finish_lane(Lane& lane) {
    std::stable_sort(lane.items.begin(), lane.items.end(), [](const LaneItem& a, const LaneItem& b) {
        return a.start != b.start ? a.start < b.start : a.end < b.end;
    });
    lane.running_end.resize(lane.items.size());
    double m = -1e300;
    for (std::size_t i = 0; i < lane.items.size(); ++i) lane.running_end[i] = m = std::max(m, lane.items[i].end);
}

}  // namespace

std::string lane_key_for_kind(std::string_view kind) {
    if (kind == "article" || kind.empty()) return "article";
    if (kind == "letter") return "letter";
    if (kind == "book" || kind == "novel") return "book";
    if (kind == "poem" || kind == "prose" || kind == "fiction") return "fiction";
    if (kind == "notebook") return "notebook";
    if (kind == "obituary" || kind == "speech") return "obituary";
    if (kind == "document") return "document";
    return "other";
}

std::string_view grouping_name(LaneGrouping g) {
    switch (g) {
        case LaneGrouping::section: return "section";
        case LaneGrouping::person: return "person";
        case LaneGrouping::collection: return "collection";
        case LaneGrouping::kind: break;
    }
    return "kind";
}

std::optional<LaneGrouping> grouping_named(std::string_view name) {
    for (LaneGrouping g : {LaneGrouping::kind, LaneGrouping::section, LaneGrouping::person, LaneGrouping::collection})
        if (grouping_name(g) == name) return g;
    return std::nullopt;
}

WorkGroups group_works(const Archive& a, LaneGrouping grouping, const std::vector<std::uint32_t>& collections,
                       const std::vector<std::string>& collection_titles) {
    WorkGroups out;
    out.group.assign(a.works.size(), -1);
    std::map<std::string, int> index;
    for (std::size_t i = 0; i < a.works.size(); ++i) {
        const Work& w = a.works[i];
        std::string name;
        if (grouping == LaneGrouping::section) {
            name = w.section;
        } else if (grouping == LaneGrouping::person) {
            const Person* p = w.people.empty() ? nullptr : a.find_person(w.people.front());
            name = p ? p->name : std::string();
        } else if (grouping == LaneGrouping::collection) {
            const std::uint32_t c = i < collections.size() ? collections[i] : 0;
            name = c < collection_titles.size() ? collection_titles[c] : a.title;
        }
        if (name.empty()) continue;
        auto [it, fresh] = index.emplace(name, static_cast<int>(out.titles.size()));
        if (fresh) out.titles.push_back(name);
        out.group[i] = it->second;
    }
    return out;
}

namespace {

// Lanes for groups: the kMostGroupLanes largest by dated works, then "other" for the rest.
std::vector<Lane> group_lanes(const Archive& a, const WorkGroups& g) {
    std::vector<std::size_t> size(g.titles.size(), 0);
    for (std::size_t i = 0; i < a.works.size() && i < g.group.size(); ++i)
        if (g.group[i] >= 0 && a.works[i].date) ++size[static_cast<std::size_t>(g.group[i])];
    std::vector<int> order(g.titles.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
        return size[static_cast<std::size_t>(x)] > size[static_cast<std::size_t>(y)];
    });
    std::vector<Lane> lanes;
    std::vector<int> lane_of(g.titles.size(), -1);
    for (std::size_t r = 0; r < order.size() && r < kMostGroupLanes; ++r) {
        const auto gi = static_cast<std::size_t>(order[r]);
        if (size[gi] == 0) break;
        lane_of[gi] = static_cast<int>(lanes.size());
        lanes.push_back(
            {Lane::Kind::works, "group:" + std::to_string(r), {}, {}, {}, g.titles[gi], static_cast<int>(r)});
    }
    lanes.push_back({Lane::Kind::works, "other", {}, {}, {}, {}, -1});
    for (std::size_t i = 0; i < a.works.size(); ++i) {
        const Work& w = a.works[i];
        if (!w.date) continue;
        const int gi = i < g.group.size() ? g.group[i] : -1;
        const int li = gi >= 0 && lane_of[static_cast<std::size_t>(gi)] >= 0 ? lane_of[static_cast<std::size_t>(gi)]
                                                                             : static_cast<int>(lanes.size()) - 1;
        LaneItem it = item_of(*w.date, static_cast<int>(i));
        if (w.attribution != "author") it.flags |= kDisputed;
        if (work_has_images(w)) it.flags |= kImages;
        lanes[static_cast<std::size_t>(li)].items.push_back(it);
    }
    return lanes;
}

}  // namespace

TimelineModel build_timeline_model(const Archive& a, std::size_t density_bins, const WorkGroups* groups) {
    TimelineModel m;
    Lane people{Lane::Kind::people, "people", {}, {}, {}, {}, -1};
    for (std::size_t i = 0; i < a.people.size(); ++i) {
        const Person& p = a.people[i];
        if (!p.born && !p.died) continue;
        const EdtfDate& b = p.born ? *p.born : *p.died;
        const EdtfDate& d = p.died ? *p.died : *p.born;
        LaneItem it{day_to_year(b.earliest_day), day_to_year(d.latest_day + 1), static_cast<int>(i), 0};
        if (!p.died) it.flags |= kOpenEnd;
        if (!p.born) it.flags |= kOpenStart;
        people.items.push_back(it);
    }
    Lane events{Lane::Kind::events, "events", {}, {}, {}, {}, -1};
    for (std::size_t i = 0; i < a.events.size(); ++i)
        if (a.events[i].date) events.items.push_back(item_of(*a.events[i].date, static_cast<int>(i)));

    std::vector<Lane> works;
    if (groups) {
        works = group_lanes(a, *groups);
    } else {
        for (const char* key : kWorkLanes) works.push_back({Lane::Kind::works, key, {}, {}, {}, {}, -1});
        for (std::size_t i = 0; i < a.works.size(); ++i) {
            const Work& w = a.works[i];
            if (!w.date) continue;
            LaneItem it = item_of(*w.date, static_cast<int>(i));
            if (w.attribution != "author") it.flags |= kDisputed;
            if (work_has_images(w)) it.flags |= kImages;
            const std::string key = lane_key_for_kind(w.kind);
            for (Lane& lane : works)
                if (lane.key == key) lane.items.push_back(it);
        }
    }
    for (Lane* lane : {&people, &events}) {
        if (lane->items.empty()) continue;
        finish_lane(*lane);
        m.lanes.push_back(std::move(*lane));
    }
    for (Lane& lane : works) {
        if (lane.items.empty()) continue;
        finish_lane(lane);
        m.lanes.push_back(std::move(lane));
    }

    bool any = false;
    for (const Lane& lane : m.lanes) {
        m.items += lane.items.size();
        if (lane.items.empty()) continue;
        const double lo = lane.items.front().start, hi = lane.running_end.back();
        m.first = any ? std::min(m.first, lo) : lo;
        m.last = any ? std::max(m.last, hi) : hi;
        any = true;
    }
    if (any && density_bins > 0 && m.last > m.first) {
        m.density.assign(density_bins, 0);
        const double scale = static_cast<double>(density_bins) / (m.last - m.first);
        for (const Lane& lane : m.lanes) {
            if (lane.kind != Lane::Kind::works) continue;
            for (const LaneItem& it : lane.items) {
                const auto bin = static_cast<std::size_t>(
                    std::clamp((it.start - m.first) * scale, 0.0, static_cast<double>(density_bins - 1)));
                ++m.density[bin];
            }
        }
    }
    return m;
}

// ---- axis ---------------------------------------------------------------------------------

std::string year_label(std::int64_t y) {
    return y <= 0 ? tr("date.bce", {{"year", std::to_string(1 - y)}}) : std::to_string(y);
}

std::string lane_title(const Lane& lane) {
    return lane.title.empty() ? tr(std::string("lane.") + lane.key) : lane.title;
}

namespace {

// "Jan", "janv.", "янв.": the axis names months short, in the interface's language.
std::string month_short(int m) { return tr("date.month_short." + std::to_string(m)); }

struct Step {
    TickUnit unit;
    int n;  // days, months or years
};

double year_of(std::int64_t y, int m, int d) { return day_to_year(days_from_civil(y, m, d)); }

// Generates ticks for one step; false when there would be too many to be readable.
bool ticks_for(const ViewTransform& vt, Step s, std::vector<AxisTick>& out) {
    out.clear();
    const double px_per_year = vt.width / (vt.end - vt.start);
    const double approx_years = s.unit == TickUnit::day ? s.n / 365.25 : s.unit == TickUnit::month ? s.n / 12.0 : s.n;
    if (approx_years * px_per_year < 14.0) return false;  // at most one tick per 14 px
    const auto y0 = static_cast<std::int64_t>(std::floor(vt.start)) - 1;
    const auto y1 = static_cast<std::int64_t>(std::floor(vt.end)) + 1;
    auto add = [&](double at, std::string label, bool major) {
        if (at >= vt.start && at <= vt.end) out.push_back({at, std::move(label), major});
    };
    if (s.unit == TickUnit::day) {
        for (std::int64_t y = y0; y <= y1; ++y)
            for (int m = 1; m <= 12; ++m) {
                const double month_start = year_of(y, m, 1);
                if (year_of(y, m, days_in_month(y, m)) + 1.0 / 365 < vt.start || month_start > vt.end) continue;
                for (int d = 1; d <= days_in_month(y, m); d += (d == 1 && s.n > 1 ? s.n - 1 : s.n)) {
                    if (d == 1) add(month_start, month_short(m) + (m == 1 ? " " + year_label(y) : ""), true);
                    else if (d <= days_in_month(y, m) - s.n / 2) add(year_of(y, m, d), std::to_string(d), false);
                }
            }
        return true;
    }
    if (s.unit == TickUnit::month) {
        for (std::int64_t y = y0; y <= y1; ++y)
            for (int m = 1; m <= 12; m += s.n) add(year_of(y, m, 1), m == 1 ? year_label(y) : month_short(m), m == 1);
        return true;
    }
    // Years: round numbers on both sides of year 0 (BCE ticks at 100 BCE, 200 BCE, … = 1 - k·step).
    const std::int64_t n = s.n;
    const std::int64_t first_pos = std::max<std::int64_t>(n, (y0 / n) * n);
    for (std::int64_t y = first_pos; y <= y1; y += n) add(static_cast<double>(y), year_label(y), y % (n * 10) == 0);
    if (y0 <= 0) {
        const std::int64_t k_max = (1 - y0) / n + 1;
        for (std::int64_t k = std::max<std::int64_t>(1, (1 - y1) / n); k <= k_max; ++k) {
            const std::int64_t y = 1 - k * n;
            add(static_cast<double>(y), year_label(y), (k % 10) == 0);
        }
        std::sort(out.begin(), out.end(), [](const AxisTick& a, const AxisTick& b) { return a.year < b.year; });
    }
    return true;
}

bool labels_fit(const ViewTransform& vt, const std::vector<AxisTick>& ticks,
                const std::function<float(std::string_view)>& width, float gap) {
    float prev_right = -1e30f;
    for (const AxisTick& t : ticks) {
        const float w = width(t.label), x = vt.x(t.year);
        if (x - w / 2 < prev_right + gap) return false;
        prev_right = x + w / 2;
    }
    return true;
}

}  // namespace

void axis_ticks(const ViewTransform& vt, const std::function<float(std::string_view)>& label_width, float gap_px,
                std::vector<AxisTick>& out, TickUnit* unit) {
    static const Step kSteps[] = {
        {TickUnit::day, 1},
        {TickUnit::day, 2},
        {TickUnit::day, 5},
        {TickUnit::day, 10},
        {TickUnit::month, 1},
        {TickUnit::month, 3},
        {TickUnit::month, 6},
        {TickUnit::year, 1},
        {TickUnit::year, 2},
        {TickUnit::year, 5},
        {TickUnit::decade, 10},
        {TickUnit::decade, 20},
        {TickUnit::decade, 50},
        {TickUnit::century, 100},
        {TickUnit::century, 200},
        {TickUnit::century, 500},
        {TickUnit::millennium, 1000},
        {TickUnit::millennium, 2000},
        {TickUnit::millennium, 5000},
        {TickUnit::millennium, 10000},
        {TickUnit::millennium, 20000},
        {TickUnit::millennium, 50000},
        {TickUnit::millennium, 100000},
        {TickUnit::millennium, 1000000},
        {TickUnit::millennium, 100000000},
    };
    for (const Step& s : kSteps) {
        Step gen = s;
        if (s.unit == TickUnit::decade || s.unit == TickUnit::century || s.unit == TickUnit::millennium)
            gen.unit = TickUnit::year;  // all year-based
        if (!ticks_for(vt, gen, out)) continue;
        if (labels_fit(vt, out, label_width, gap_px)) {
            if (unit) *unit = s.unit;
            return;
        }
    }
    out.clear();
}

// ---- marks, rows and clusters ---------------------------------------------------------------

std::size_t TimelineFrame::visible_items() const {
    std::size_t n = marks.size();
    for (const PlacedCluster& c : clusters) n += static_cast<std::size_t>(c.count);
    return n;
}

namespace {

// First item whose start is at or after `year`, searching [lo, hi).
std::size_t first_start_at(const Lane& lane, std::size_t lo, std::size_t hi, double year) {
    return static_cast<std::size_t>(std::lower_bound(lane.items.begin() + static_cast<std::ptrdiff_t>(lo),
                                                     lane.items.begin() + static_cast<std::ptrdiff_t>(hi), year,
                                                     [](const LaneItem& it, double y) { return it.start < y; }) -
                                    lane.items.begin());
}

// The last mark of a row gives up its label (it was in the way).
void unlabel_row(TimelineFrame& f, int row) {
    const int owner = f.row_last[static_cast<std::size_t>(row)];
    if (owner < 0) return;
    PlacedMark& prev = f.marks[static_cast<std::size_t>(owner)];
    prev.labelled = false;
    prev.label_x1 = prev.x1;
    f.row_label_end[static_cast<std::size_t>(row)] = f.row_mark_end[static_cast<std::size_t>(row)];
}

void place(TimelineFrame& f, int lane, int item, float x0, float x1, float label_w, const ViewTransform& vt,
           const LayoutParams& p, int rows) {
    const float right = vt.x0 + vt.width;
    const float with_label = x1 + p.label_offset_px + label_w + p.label_gap_px;
    int row = -1;
    bool labelled = false;
    if (label_w > 0)
        for (int r = 0; r < rows && row < 0; ++r)
            if (f.row_label_end[r] <= x0 && x1 + p.label_offset_px + label_w <= right) row = r, labelled = true;
    for (int r = 0; r < rows && row < 0; ++r)
        if (f.row_label_end[r] <= x0) row = r;
    // Only a label in the way: the label gives way to the mark.
    for (int r = 0; r < rows && row < 0; ++r)
        if (f.row_mark_end[r] <= x0) {
            row = r;
            unlabel_row(f, r);
        }
    if (row < 0) {  // every row busy: overlap in the row whose marks end first
        row = static_cast<int>(std::min_element(f.row_mark_end.begin(), f.row_mark_end.begin() + rows) -
                               f.row_mark_end.begin());
        unlabel_row(f, row);
    }
    f.row_label_end[row] = labelled ? with_label : x1 + 2;
    f.row_mark_end[row] = x1 + 2;
    f.row_last[row] = static_cast<int>(f.marks.size());
    f.marks.push_back({lane, row, item, x0, x1, labelled ? x1 + p.label_offset_px + label_w : x1, labelled});
    f.lane_rows[static_cast<std::size_t>(lane)] = std::max(f.lane_rows[static_cast<std::size_t>(lane)], row + 1);
}

}  // namespace

namespace {

// A library's works not loaded yet, as counts: bins gathered into columns at least
// kCountColumnPx wide, each a cluster the reader can click to zoom in (and so load).
void place_unloaded(const TimelineModel& model, const Lane& lane, int L, const ViewTransform& vt, TimelineFrame& f) {
    constexpr float kCountColumnPx = 6;
    if (lane.unloaded.empty() || !(model.count_last > model.count_first)) return;
    const double bin_years = (model.count_last - model.count_first) / static_cast<double>(lane.unloaded.size());
    const auto first_bin = static_cast<std::size_t>(
        std::clamp(std::floor((vt.start - model.count_first) / bin_years), 0.0, double(lane.unloaded.size())));
    PlacedCluster c{L, 0, 0, true, 0, 0, 0, 0};
    for (std::size_t b = first_bin; b < lane.unloaded.size(); ++b) {
        const double start = model.count_first + bin_years * static_cast<double>(b);
        if (start > vt.end) break;
        if (c.count == 0 && lane.unloaded[b] == 0) continue;
        if (c.count == 0) {
            c.first = -1 - static_cast<int>(b);
            c.start = start;
            c.x0 = std::max(vt.x(start), vt.x0 - 1);
        }
        c.count += static_cast<int>(lane.unloaded[b]);
        c.end = start + bin_years;
        c.x1 = vt.x(c.end);
        if (c.x1 - c.x0 >= kCountColumnPx) {
            f.clusters.push_back(c);
            c.count = 0;
        }
    }
    if (c.count > 0) {
        c.x1 = std::max(c.x1, c.x0 + kCountColumnPx);
        f.clusters.push_back(c);
    }
    if (!f.clusters.empty() && f.clusters.back().lane == L && f.clusters.back().unloaded)
        f.lane_rows[static_cast<std::size_t>(L)] = std::max(f.lane_rows[static_cast<std::size_t>(L)], 2);
}

}  // namespace

void layout_timeline(const TimelineModel& model, const ViewTransform& vt, const LayoutParams& p,
                     const std::function<float(int, int)>& label_width, TimelineFrame& f) {
    f.marks.clear();
    f.clusters.clear();
    f.lane_rows.assign(model.lanes.size(), 1);
    const int rows = std::max(1, p.max_rows);
    for (std::size_t li = 0; li < model.lanes.size(); ++li) {
        const Lane& lane = model.lanes[li];
        const int L = static_cast<int>(li);
        f.row_label_end.assign(static_cast<std::size_t>(rows), -1e30f);
        f.row_mark_end.assign(static_cast<std::size_t>(rows), -1e30f);
        f.row_last.assign(static_cast<std::size_t>(rows), -1);
        // Items that may reach into the view: from the first whose running end passes the
        // view's start, to the last that starts before its end.
        const std::size_t lo = static_cast<std::size_t>(
            std::lower_bound(lane.running_end.begin(), lane.running_end.end(), vt.start) - lane.running_end.begin());
        const std::size_t hi = first_start_at(lane, lo, lane.items.size(), std::nextafter(vt.end, 1e300));
        std::size_t i = lo;
        while (i < hi) {
            const LaneItem& it = lane.items[i];
            if (it.end < vt.start) {
                ++i;
                continue;
            }
            const float sx = vt.x(it.start);
            // Everything starting within cluster_px of this item.
            const std::size_t j = std::max(i + 1, first_start_at(lane, i, hi, vt.year(sx + p.cluster_px)));
            const std::size_t count = j - i;
            if (count > static_cast<std::size_t>(rows)) {
                const float cx0 = std::max(sx, vt.x0 - 1), cx1 = std::max(cx0 + p.cluster_px, sx + p.cluster_px);
                double end = it.end;
                for (std::size_t k = i; k < j && k < i + 64; ++k) end = std::max(end, lane.items[k].end);
                if (!f.clusters.empty() && f.clusters.back().lane == L && f.clusters.back().x1 >= cx0 - 0.5f &&
                    f.clusters.back().first + f.clusters.back().count == static_cast<int>(i)) {
                    PlacedCluster& c = f.clusters.back();
                    c.count += static_cast<int>(count);
                    c.x1 = cx1;
                    c.end = std::max(c.end, end);
                } else {
                    f.clusters.push_back(
                        {L, static_cast<int>(i), static_cast<int>(count), false, cx0, cx1, it.start, end});
                }
                for (int r = 0; r < rows; ++r) {                      // a cluster fills its column in every row
                    if (f.row_label_end[r] > cx0) unlabel_row(f, r);  // labels give way to it
                    f.row_label_end[r] = std::max(f.row_label_end[r], cx1 + 1);
                    f.row_mark_end[r] = std::max(f.row_mark_end[r], cx1 + 1);
                    f.row_last[r] = -1;
                }
                f.lane_rows[li] = rows;
                i = j;
                continue;
            }
            for (; i < j; ++i) {
                const LaneItem& m = lane.items[i];
                if (m.end < vt.start) continue;
                float x0 = vt.x(m.start), x1 = vt.x(m.end);
                if (x1 - x0 < p.min_mark_px) {
                    const float c = (x0 + x1) / 2;
                    x0 = c - p.min_mark_px / 2;
                    x1 = c + p.min_mark_px / 2;
                }
                place(f, L, static_cast<int>(i), x0, x1, label_width(L, static_cast<int>(i)), vt, p, rows);
            }
        }
        place_unloaded(model, lane, L, vt, f);
    }
}

const PlacedMark* mark_at(const TimelineFrame& f, int lane, int row, float x) {
    for (auto m = f.marks.rbegin(); m != f.marks.rend(); ++m)
        if (m->lane == lane && m->row == row && x >= m->x0 - 2 && x <= std::max(m->x1 + 2, m->label_x1)) return &*m;
    return nullptr;
}

const PlacedCluster* cluster_at(const TimelineFrame& f, int lane, float x) {
    for (const PlacedCluster& c : f.clusters)
        if (c.lane == lane && x >= c.x0 - 1 && x <= c.x1 + 1) return &c;
    return nullptr;
}

// ---- view changes ---------------------------------------------------------------------------

YearWindow zoom_about(YearWindow w, double anchor, double factor) {
    return {anchor - (anchor - w.start) * factor, anchor + (w.end - anchor) * factor};
}

YearWindow ease_window(YearWindow a, YearWindow b, double t) {
    t = std::clamp(t, 0.0, 1.0);
    const double e = 1.0 - std::pow(1.0 - t, 3.0);
    const double span_a = a.end - a.start, span_b = b.end - b.start;
    const double span = span_a * std::pow(span_b / span_a, e);
    const double mid = (a.start + a.end) / 2 + ((b.start + b.end) / 2 - (a.start + a.end) / 2) * e;
    return {mid - span / 2, mid + span / 2};
}

YearWindow centre_on(YearWindow w, double year) {
    const double half = (w.end - w.start) / 2;
    return {year - half, year + half};
}

}  // namespace lectern
