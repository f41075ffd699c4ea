// Timeline layout: lanes, axis ticks at every scale, culling, row packing,
// clusters and hit testing, without any drawing.
#include <catch2/catch.hpp>

#include <random>

#include "core/timeline/timeline_items.h"
#include "core/timeline/timeline_layout.h"
#include "../test_files.h"

using namespace lectern;

namespace {

// Labels measured as 7 px per byte: close enough to the UI's small font for layout tests.
float width7(std::string_view s) { return 7.0f * static_cast<float>(s.size()); }

Archive serge() { return *load_archive(bundled_archive()).archive; }

Archive synthetic(int n, double first_year, double span_years, unsigned seed = 7) {
    Archive a;
    a.title = "Synthetic";
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> at(first_year, first_year + span_years);
    a.works.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        Work w;
        w.id = "w" + std::to_string(i);
        w.title = "Work " + std::to_string(i);
        const DayNumber d = year_to_day(at(rng));
        EdtfDate e;
        e.earliest_day = e.latest_day = d;
        e.precision = DatePrecision::day;
        w.date = e;
        w.kind = "article";
        a.works.push_back(std::move(w));
    }
    return a;
}

void check_labels_do_not_overlap(const ViewTransform& vt, const std::vector<AxisTick>& ticks) {
    for (std::size_t i = 1; i < ticks.size(); ++i) {
        const float a_right = vt.x(ticks[i - 1].year) + width7(ticks[i - 1].label) / 2;
        const float b_left = vt.x(ticks[i].year) - width7(ticks[i].label) / 2;
        CAPTURE(ticks[i - 1].label, ticks[i].label);
        CHECK(b_left - a_right >= 8.0f);
    }
}

}  // namespace

TEST_CASE("timeline: the Serge archive makes lanes for lives, events and each kind", "[timeline]") {
    const TimelineModel m = build_timeline_model(serge());
    REQUIRE(m.lanes.size() >= 4);
    CHECK(lane_title(m.lanes[0]) == "Lives");
    CHECK(m.lanes[0].items.size() == 2);
    CHECK(lane_title(m.lanes[1]) == "Events");
    CHECK(m.lanes[1].items.size() == 10);
    std::size_t works = 0;
    for (const Lane& lane : m.lanes) {
        CAPTURE(lane.key);
        if (lane.kind == Lane::Kind::works) works += lane.items.size();
        for (std::size_t i = 1; i < lane.items.size(); ++i) {
            CHECK(lane.items[i - 1].start <= lane.items[i].start);
            CHECK(lane.running_end[i - 1] <= lane.running_end[i]);
        }
    }
    CHECK(works == 37);
    CHECK(m.first == Approx(1890.0));
    CHECK(m.last == Approx(2006.0));
    std::uint32_t dense = 0;
    for (auto c : m.density) dense += c;
    CHECK(dense == 37);
    CHECK(lane_key_for_kind("novel") == "book");
    CHECK(lane_key_for_kind("poem") == "fiction");
    CHECK(lane_key_for_kind("manifesto") == "other");
}

TEST_CASE("timeline: axis ticks adapt from millennia to days and never overlap", "[timeline][axis]") {
    struct Case {
        double start, end;
        TickUnit unit;
        const char* some_label;
    };
    const Case cases[] = {
        {1885, 2011, TickUnit::year, "1930"},
        {1936, 1937, TickUnit::month, "Jun"},
        {1936.5, 1936.5 + 10.0 / 365, TickUnit::day, "10"},
        {1936.6, 1936.6 + 1.0 / 365, TickUnit::day, ""},
        {-5000, 5000, TickUnit::millennium, "1000 BCE"},
        {-60, 60, TickUnit::year, "20 BCE"},
        {-3, 3, TickUnit::month, "1 BCE"},
        {1000, 2000, TickUnit::decade, "1500"},
        {-9000, 9000, TickUnit::millennium, "5000"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.start, c.end);
        const ViewTransform vt{c.start, c.end, 0, 1256};
        std::vector<AxisTick> ticks;
        TickUnit unit{};
        axis_ticks(vt, width7, 8.0f, ticks, &unit);
        REQUIRE(!ticks.empty());
        CHECK(unit == c.unit);
        check_labels_do_not_overlap(vt, ticks);
        bool found = std::string(c.some_label).empty();
        for (const AxisTick& t : ticks) {
            found = found || t.label == c.some_label;
            CHECK(t.year >= c.start);
            CHECK(t.year <= c.end);
            CHECK(t.label != "0");  // there is no year 0 in the labels
        }
        CHECK(found);
    }
}

TEST_CASE("timeline: tick labels never overlap over random ranges and widths", "[timeline][axis]") {
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> start(-12000, 12000), log_span(std::log(1.0 / 365), std::log(20000.0));
    std::uniform_real_distribution<float> width(200, 3000);
    std::vector<AxisTick> ticks;
    for (int i = 0; i < 300; ++i) {
        const double s = start(rng), span = std::exp(log_span(rng));
        const ViewTransform vt{s, s + span, 0, width(rng)};
        CAPTURE(vt.start, vt.end, vt.width);
        axis_ticks(vt, width7, 8.0f, ticks);
        CHECK(!ticks.empty());
        CHECK(ticks.size() < 400);
        check_labels_do_not_overlap(vt, ticks);
    }
}

TEST_CASE("timeline: year labels name BCE years the historian's way", "[timeline][axis]") {
    CHECK(year_label(1936) == "1936");
    CHECK(year_label(1) == "1");
    CHECK(year_label(0) == "1 BCE");
    CHECK(year_label(-500) == "501 BCE");
}

TEST_CASE("timeline: at the fitted view every item is placed and labels never overlap", "[timeline]") {
    const TimelineModel m = build_timeline_model(serge());
    const ViewTransform vt{1885.36, 2010.64, 12, 1256};
    TimelineFrame f;
    layout_timeline(
        m, vt, LayoutParams{}, [](int, int) { return 120.0f; }, f);
    CHECK(f.visible_items() == m.items);
    for (const PlacedMark& a : f.marks)
        for (const PlacedMark& b : f.marks) {
            if (&a == &b || a.lane != b.lane || a.row != b.row || b.x0 < a.x0) continue;
            if (a.labelled) CHECK(a.label_x1 <= b.x0);
        }
}

TEST_CASE("timeline: culling leaves out what is outside the view", "[timeline]") {
    const TimelineModel m = build_timeline_model(serge());
    TimelineFrame f;
    layout_timeline(
        m, ViewTransform{1700, 1800, 0, 1000}, LayoutParams{}, [](int, int) { return 50.0f; }, f);
    CHECK(f.visible_items() == 0);
    // A window inside Serge's life still shows the life span that began before it.
    layout_timeline(
        m, ViewTransform{1932.0, 1932.9, 0, 1000}, LayoutParams{}, [](int, int) { return 50.0f; }, f);
    int lives = 0, conquered_city = 0;
    for (const PlacedMark& mk : f.marks) {
        const Lane& lane = m.lanes[static_cast<std::size_t>(mk.lane)];
        if (lane.kind == Lane::Kind::people) ++lives;
        if (lane.kind == Lane::Kind::works && lane.items[static_cast<std::size_t>(mk.item)].start == Approx(1932.0))
            ++conquered_city;
    }
    CHECK(lives == 2);
    CHECK(conquered_city == 1);
}

TEST_CASE("timeline: a million works fold into clusters that resolve as you zoom", "[timeline][large]") {
    const TimelineModel m = build_timeline_model(synthetic(1'000'000, -3000, 5000));
    TimelineFrame f;
    const auto label = [](int, int) { return 60.0f; };
    layout_timeline(m, ViewTransform{-3100, 2100, 0, 1280}, LayoutParams{}, label, f);
    CHECK(f.visible_items() == 1'000'000);
    CHECK(f.marks.size() + f.clusters.size() <= 2000);  // bounded by the width, not the archive
    CHECK_FALSE(f.clusters.empty());
    // Zoomed to a week (about four works), single works appear.
    layout_timeline(m, ViewTransform{1900.5, 1900.5 + 7.0 / 365, 0, 1280}, LayoutParams{}, label, f);
    CHECK(f.clusters.empty());
    CHECK(f.marks.size() > 0);
    CHECK(f.marks.size() < 50);
}

TEST_CASE("timeline: the work under a point is found, its label included", "[timeline]") {
    const TimelineModel m = build_timeline_model(serge());
    TimelineFrame f;
    layout_timeline(
        m, ViewTransform{1931.5, 1933.5, 0, 1000}, LayoutParams{}, [](int, int) { return 80.0f; }, f);
    const PlacedMark* city = nullptr;
    for (const PlacedMark& mk : f.marks)
        if (m.lanes[static_cast<std::size_t>(mk.lane)].kind == Lane::Kind::works) city = &mk;
    REQUIRE(city);
    CHECK(mark_at(f, city->lane, city->row, (city->x0 + city->x1) / 2) == city);
    CHECK(mark_at(f, city->lane, city->row, city->x1 + 40) == city);  // on the label
    CHECK(mark_at(f, city->lane, city->row, city->x0 - 30) == nullptr);
    CHECK(mark_at(f, city->lane, city->row + 1, (city->x0 + city->x1) / 2) == nullptr);
}

TEST_CASE("timeline: an empty archive lays out nothing and does not fail", "[timeline]") {
    const TimelineModel m = build_timeline_model(Archive{});
    CHECK(m.lanes.empty());
    TimelineFrame f;
    layout_timeline(
        m, ViewTransform{1900, 2000, 0, 800}, LayoutParams{}, [](int, int) { return 0.0f; }, f);
    CHECK(f.visible_items() == 0);
}

TEST_CASE("timeline: zooming keeps the year under the pointer, eased moves end where asked", "[timeline]") {
    const YearWindow w{1900, 2000};
    const YearWindow z = zoom_about(w, 1930, 0.5);
    CHECK(z.end - z.start == Approx(50));
    CHECK((1930 - z.start) / (z.end - z.start) == Approx(0.3));
    const YearWindow b{1936, 1937};
    CHECK(ease_window(w, b, 0).start == Approx(1900));
    CHECK(ease_window(w, b, 1).start == Approx(1936));
    CHECK(ease_window(w, b, 1).end == Approx(1937));
    const YearWindow mid = ease_window(w, b, 0.5);
    CHECK(mid.end - mid.start < 100);
    CHECK(mid.end - mid.start > 1);
    CHECK(centre_on(w, 1936).start == Approx(1886));
}

TEST_CASE("timeline: previous and next step in time order, the front matter before the first work", "[timeline]") {
    const LoadResult r = load_archive(R"({"lectern": 1, "title": "T", "works": [
        {"id": "late", "title": "Late", "date": "1930"}, {"id": "undated", "title": "Undated", "date": null},
        {"id": "early", "title": "Early", "date": "1910"}]})");
    REQUIRE(r.ok());
    const TimelineItems items = build_timeline_items(*r.archive);
    const int late = 0, undated = 1, early = 2;
    CHECK(step_in_time(items, -1, 1) == early);          // the front matter, then the first work
    CHECK(step_in_time(items, -1, -1) == std::nullopt);  // nothing before the front matter
    CHECK(step_in_time(items, early, -1) == -1);         // back to the front matter
    CHECK(step_in_time(items, early, 1) == late);
    CHECK(step_in_time(items, late, 1) == std::nullopt);     // no wrapping round
    CHECK(step_in_time(items, undated, 1) == std::nullopt);  // not in the time order
    CHECK(step_in_time(items, undated, -1) == std::nullopt);
}
