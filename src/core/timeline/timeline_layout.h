// Timeline layout, independent of any drawing library: lanes built once per
// archive, and per frame the axis ticks, the visible marks packed into rows and
// the clusters that stand for many items in a few pixels.
//
//   TimelineModel model = build_timeline_model(archive);          // at load
//   ViewTransform vt{view.start, view.end, x0, width};
//   layout_timeline(model, vt, params, label_width, frame);         // each frame, no allocation once warm
//   for (const PlacedMark& m : frame.marks) draw(m);
//
// Culling uses binary search on items sorted by start (with a running maximum of
// ends so long intervals that began earlier are found); a run of items whose
// starts fall within `cluster_px` pixels and that would need more rows than the
// lane has becomes one cluster, so a frame costs about O(width · rows · log n)
// whatever the archive's size.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/archive/archive.h"

namespace lectern {

// Fractional years <-> pixels for one frame.
struct ViewTransform {
    double start = 0, end = 1;  // visible years
    float x0 = 0, width = 1;    // pixel extent of the axis
    float x(double year) const { return x0 + static_cast<float>((year - start) / (end - start) * width); }
    double year(float px) const { return start + (static_cast<double>(px) - x0) / width * (end - start); }
    double years_per_px() const { return (end - start) / width; }
};

// Flags describing how a date is known, drawn differently by the view.
enum ItemFlag : std::uint16_t {
    kUncertain = 1,    // '?' or '%'
    kApproximate = 2,  // '~' or '%'
    kOpenStart = 4,    // "../1947": fades out to the left
    kOpenEnd = 8,      // "1940/..": fades out to the right
    kUnknownStart = 16,
    kUnknownEnd = 32,
    kDisputed = 64,       // attribution disputed or ascribed
    kDayPrecision = 128,  // a point in time rather than a span
    kImages = 256,        // a work with a cover, media or images in its text
};

struct LaneItem {
    double start = 0, end = 0;  // fractional years
    int ref = -1;               // index into works, events or people (see Lane::kind)
    std::uint16_t flags = 0;
};

struct Lane {
    enum class Kind { people, events, works } kind = Kind::works;
    std::string key;                  // "people", "events", or the work kind group ("article", "letter", ...)
    std::vector<LaneItem> items;      // sorted by start, then end
    std::vector<double> running_end;  // running_end[i] = max end of items[0..i]
    // A library's works this lane holds that are not loaded yet, per bin of the model's
    // count span (TimelineModel::count_first/count_last): drawn as counts until their tiles come.
    std::vector<std::uint32_t> unloaded;
    std::string title;  // a group's lane: its name (a section, a person, a collection); else lane_title's
    int palette = -1;   // a group's lane: its colour's place in the palette; -1: the kind's colour
};

struct TimelineModel {
    std::vector<Lane> lanes;
    double first = 0, last = 0;              // extent of everything dated
    std::vector<std::uint32_t> density;      // dated works per bin across [first, last]: the overview strip
    std::size_t items = 0;                   // works + events + people on the axis
    double count_first = 0, count_last = 0;  // the span the lanes' `unloaded` bins divide
};

// The lane a work of this kind goes into: "article", "letter", "book" (books and
// novels), "fiction" (poems and prose), "notebook", "obituary" (and speeches),
// "document", or "other".
std::string lane_key_for_kind(std::string_view kind);

// How works gather into lanes: by kind (the lanes above), or one lane per section, person
// or collection (a library's), the largest first, the rest in one "other" lane.
enum class LaneGrouping { kind, section, person, collection };
std::string_view grouping_name(LaneGrouping g);  // "kind", "section", "person", "collection"
std::optional<LaneGrouping> grouping_named(std::string_view name);

// For any grouping but kind: each work's group (-1: none) and each group's name.
struct WorkGroups {
    std::vector<int> group;           // per archive work
    std::vector<std::string> titles;  // per group
};
inline constexpr std::size_t kMostGroupLanes = 12;
// `collections` (per work) and their titles are a library's; for an archive, collection
// grouping gives one group.
WorkGroups group_works(const Archive& archive, LaneGrouping grouping,
                       const std::vector<std::uint32_t>& collections = {},
                       const std::vector<std::string>& collection_titles = {});

// `groups`: null for lanes by kind.
TimelineModel build_timeline_model(const Archive& archive, std::size_t density_bins = 512,
                                   const WorkGroups* groups = nullptr);

// ---- axis ---------------------------------------------------------------------------

enum class TickUnit { millennium, century, decade, year, month, day };

struct AxisTick {
    double year = 0;     // position
    std::string label;   // "1936", "501 BCE", "Aug", "10"
    bool major = false;  // starts a larger unit (a year among months, a month among days)
};

// Ticks for the visible range whose labels, measured by `label_width`, never
// overlap: the finest round step (1000 … 1 years, 6/3/1 months, 10/5/2/1 days)
// whose labels leave at least `gap_px` between them.
void axis_ticks(const ViewTransform& vt, const std::function<float(std::string_view)>& label_width, float gap_px,
                std::vector<AxisTick>& out, TickUnit* unit = nullptr);

// "1936", "1 BCE" for year 0, "501 BCE" for -500 (in the interface's language).
std::string year_label(std::int64_t astronomical_year);
// The lane's title at its head, in the interface's language: "Lives", "Events", "Articles", ...
std::string lane_title(const Lane& lane);

// ---- marks, rows and clusters ------------------------------------------------------------

struct LayoutParams {
    int max_rows = 6;           // per lane
    float min_mark_px = 6;      // narrower spans are drawn this wide, so they stay clickable
    float label_offset_px = 5;  // from a mark's end to its label
    float label_gap_px = 10;    // between a label and the next mark in its row
    float cluster_px = 4;       // starts closer than this, beyond the rows available, fold into a cluster
};

struct PlacedMark {
    int lane = 0, row = 0;
    int item = 0;          // index into the lane's items
    float x0 = 0, x1 = 0;  // the mark
    float label_x1 = 0;    // end of the label; == x1 when unlabelled
    bool labelled = false;
};

struct PlacedCluster {
    int lane = 0;
    // items[first .. first + count) of the lane; or, when unloaded, `count` works not loaded
    // yet and first = -1 - (the first bin's index), so each stays told apart
    int first = 0, count = 0;
    bool unloaded = false;
    float x0 = 0, x1 = 0;
    double start = 0, end = 0;  // years covered: clicking zooms there
};

struct TimelineFrame {
    std::vector<PlacedMark> marks;
    std::vector<PlacedCluster> clusters;
    std::vector<int> lane_rows;  // rows each lane used this frame (at least 1)
    // Scratch space reused between frames.
    std::vector<float> row_label_end, row_mark_end;
    std::vector<int> row_last;
    std::size_t visible_items() const;  // marks + items inside clusters
};

// Lays out every lane for one frame. `label_width(lane, item)` measures an item's
// label in pixels (0 for no label).
void layout_timeline(const TimelineModel& model, const ViewTransform& vt, const LayoutParams& params,
                     const std::function<float(int lane, int item)>& label_width, TimelineFrame& out);

// The mark under (x, row) of a lane, preferring the topmost (latest placed); its
// label counts as part of it. nullptr when none.
const PlacedMark* mark_at(const TimelineFrame& frame, int lane, int row, float x);
const PlacedCluster* cluster_at(const TimelineFrame& frame, int lane, float x);

// ---- view changes ---------------------------------------------------------------------

struct YearWindow {
    double start = 0, end = 1;
};

// Zooms by `factor` (< 1 zooms in) keeping the year under `anchor` in place.
YearWindow zoom_about(YearWindow w, double anchor, double factor);
// The window at time t (0..1) of an eased move from a to b (ease-out cubic);
// zooms interpolate the span geometrically so they feel even.
YearWindow ease_window(YearWindow a, YearWindow b, double t);
// A window of the same span centred on `year`.
YearWindow centre_on(YearWindow w, double year);

}  // namespace lectern
