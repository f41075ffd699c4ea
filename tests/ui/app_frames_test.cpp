// Headless ImGui frames over the bundled archive: the UI is driven with injected
// mouse events, the way a reader uses it, and the session is checked after.
#include <catch2/catch.hpp>
#include <cmath>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include "headless.h"
#include "../test_files.h"

using namespace lectern;

namespace {

// The bundled archive in a headless viewer, with a finder for a work's mark.
struct Headless : HeadlessUi {
    Headless() : HeadlessUi(bundled_archive()) {}
    const ui::TimelineMark* mark_of(int work) const {
        for (const auto& m : ui.timeline.marks)
            if (m.work == work) return &m;
        return nullptr;
    }
};

}  // namespace

TEST_CASE("ui: clicking each work's mark on the timeline selects it", "[ui]") {
    Headless h;
    for (int i = 0; i < 3; ++i) h.frame();
    const auto& items = h.session.items().works;
    REQUIRE(items.size() == 37);
    for (const TimelineItem& it : items) {
        const Work& w = h.session.archive().works[static_cast<std::size_t>(it.work)];
        CAPTURE(w.id);
        // Zoom to the work as a reader would before clicking it.
        REQUIRE(h.session.set_view(it.start - 0.3, it.end + 0.3));
        h.move(5, 795);  // away from the timeline
        const ui::TimelineMark* m = h.mark_of(it.work);
        REQUIRE(m);
        const float x = (m->x0 + m->x1) / 2, y = (m->y0 + m->y1) / 2;
        h.move(x, y);
        CHECK(h.ui.timeline.hovered_work == it.work);
        h.click(x, y);
        CHECK(h.session.selected() == it.work);
    }
    for (int i = 0; i < 200; ++i) h.frame();
    CHECK(h.session.frames() > 300);
}

TEST_CASE("ui: at the fitted view every item is drawn, alone or in a cluster, and labels never overlap", "[ui]") {
    Headless h;
    h.frame();
    h.frame();
    CHECK(h.ui.timeline.frame.visible_items() == h.session.timeline().items);
    const auto state = nlohmann::json::parse(protocol::state_json(h.session, h.ui.report));
    CHECK(state["visible"]["items"] == 49);  // 37 works, 10 events, 2 lives
    // Labelled marks in one row must not reach into the next mark of that row.
    for (const auto& a : h.ui.timeline.marks)
        for (const auto& b : h.ui.timeline.marks) {
            if (&a == &b || a.y0 != b.y0 || !a.labelled || b.x0 < a.x0) continue;
            const std::string& title = h.session.archive().works[static_cast<std::size_t>(a.work)].title;
            const ImFont* f = h.ui.fonts.small;
            const float label_end = a.x1 + 5 + f->CalcTextSizeA(f->FontSize, 1e9f, 0, title.c_str()).x;
            CAPTURE(title);
            CHECK(label_end <= b.x0);
        }
}

TEST_CASE("ui: dragging the timeline pans and does not select", "[ui]") {
    Headless h;
    h.frame();
    const TimeWindow before = h.session.view();
    const double years_per_px = (before.end - before.start) / h.ui.timeline.axis_width;
    // Start the drag on empty axis space near the bottom of the timeline.
    const float y = h.ui.timeline.marks.front().y0 - 4;  // the gap above the works rows
    h.move(640, y);
    ImGui::GetIO().AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    h.frame();
    for (int i = 1; i <= 10; ++i) h.move(640 - 10.0f * i, y);
    CHECK(h.session.view().start - before.start == Approx(100 * years_per_px).epsilon(0.02));
    const double held = h.session.view().start;
    ImGui::GetIO().AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    h.frame();
    CHECK(h.session.selected() == -1);
    CHECK(h.session.view().end - h.session.view().start == Approx(before.end - before.start));
    // Released while moving, the view glides on in the same direction, then stops.
    for (int i = 0; i < 5; ++i) h.frame();
    CHECK(h.session.view().start > held);
    for (int i = 0; i < 200; ++i) h.frame();
    const double stopped = h.session.view().start;
    h.frame();
    CHECK(h.session.view().start == stopped);
}

TEST_CASE("ui: touching the timeline stops the glide at once", "[ui]") {
    Headless h;
    h.frame();
    const float y = h.ui.timeline.marks.front().y0 - 4;
    h.move(640, y);
    ImGui::GetIO().AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    h.frame();
    for (int i = 1; i <= 10; ++i) h.move(640 - 15.0f * i, y);
    ImGui::GetIO().AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    h.frame();
    h.frame();
    ImGui::GetIO().AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    h.frame();
    const double touched = h.session.view().start;
    for (int i = 0; i < 5; ++i) h.frame();
    CHECK(h.session.view().start == touched);
    ImGui::GetIO().AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    h.frame();
}

TEST_CASE("ui: the wheel zooms around the pointer", "[ui]") {
    Headless h;
    h.frame();
    const TimeWindow before = h.session.view();
    const float x = 400;
    const auto& tl = h.ui.timeline;
    const double year_at = before.start + (x - tl.axis_x0) / tl.axis_width * (before.end - before.start);
    h.move(x, 100);
    ImGui::GetIO().AddMouseWheelEvent(0, 2);
    h.frame();
    const TimeWindow after = h.session.view();
    CHECK(after.end - after.start < (before.end - before.start) * 0.8);
    const double year_after = after.start + (x - tl.axis_x0) / tl.axis_width * (after.end - after.start);
    CHECK(year_after == Approx(year_at).margin(1e-6));
}

TEST_CASE("ui: a two-finger pinch zooms the timeline around the point between the fingers", "[ui]") {
    Headless h;
    h.frame();
    const TimeWindow before = h.session.view();
    const auto& tl = h.ui.timeline;
    const float x = 500;
    const double year_at = before.start + (x - tl.axis_x0) / tl.axis_width * (before.end - before.start);
    h.ui.timeline.pinch_factor = 0.5;  // what the shell reports for fingers spread to twice their distance
    h.ui.timeline.pinch_x = x;
    h.frame();
    const TimeWindow after = h.session.view();
    CHECK(after.end - after.start == Approx((before.end - before.start) * 0.5));
    CHECK(after.start + (x - tl.axis_x0) / tl.axis_width * (after.end - after.start) == Approx(year_at).margin(1e-6));
    CHECK(h.ui.timeline.pinch_factor == 1.0);  // taken up once
}

TEST_CASE("ui: frames whose clock does not advance do not assert", "[ui]") {
    Headless h;
    for (int i = 0; i < 10; ++i) {
        ImGui::GetIO().DeltaTime = 1e-6f;
        h.frame(1e-6f);
    }
    CHECK(h.session.frames() == 10);
}

namespace {
// Drags the timeline 150 px to the left over ten frames of `dt` seconds and lets go.
void fling(Headless& h, float dt) {
    const float y = h.ui.timeline.marks.front().y0 - 4;
    h.move(640, y);
    ImGui::GetIO().AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    h.frame(dt);
    for (int i = 1; i <= 10; ++i) {
        ImGui::GetIO().AddMousePosEvent(640 - 15.0f * i, y);
        h.frame(dt);
    }
    ImGui::GetIO().AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    h.frame(dt);
}
}  // namespace

TEST_CASE("ui: a tab hidden for an hour comes back without flinging the view", "[ui]") {
    Headless h;
    h.frame();
    fling(h, 1.0f / 60.0f);
    const TimeWindow released = h.session.view();
    const double span = released.end - released.start;
    h.frame(3600.0f);  // the browser paused frames while the tab was hidden
    const TimeWindow back = h.session.view();
    REQUIRE(std::isfinite(back.start));
    CHECK(back.start - released.start > 0);             // the glide went on
    CHECK(back.start - released.start < span * 2 / 3);  // but no further than it could
    CHECK(back.end - back.start == Approx(span));
    h.frame();
    CHECK(h.session.view().start == back.start);  // and it is over
}

TEST_CASE("ui: under a clock that stands still, a drag glides at most two-thirds of the view", "[ui]") {
    Headless h;
    h.frame();
    const TimeWindow before = h.session.view();
    const double span = before.end - before.start;
    fling(h, 1e-6f);  // every frame claims a microsecond: the pointer seems to move at 15 km/s
    const double held = h.session.view().start;
    for (int i = 0; i < 2000; ++i) h.frame(1e-3f);
    const double moved = h.session.view().start - held;
    CHECK(moved >= 0);
    CHECK(moved <= span * 2 / 3 + 1e-9);
}

TEST_CASE("ui: a 0x0 window draws nothing harmful and recovers its layout", "[ui]") {
    Headless h;
    h.frame();
    const TimeWindow before = h.session.view();
    ImGui::GetIO().DisplaySize = ImVec2(0, 0);
    h.frames(5);
    ImGui::GetIO().DisplaySize = ImVec2(1, 1);
    h.frames(5);
    CHECK(h.session.view().start == before.start);
    ImGui::GetIO().DisplaySize = ImVec2(1280, 800);
    h.frames(3);
    CHECK(h.session.view().start == before.start);
    CHECK(h.session.view().end == before.end);
    CHECK_FALSE(h.ui.timeline.marks.empty());
    const ui::TimelineMark* first = h.mark_of(0);
    REQUIRE(first != nullptr);
    h.click((first->x0 + first->x1) / 2, (first->y0 + first->y1) / 2);
    CHECK(h.session.selected() == 0);
}

TEST_CASE("ui: a link's view wins over scrolling its work into view", "[ui]") {
    Headless h;
    h.frame();
    REQUIRE(h.session.apply_fragment("#work=1932-conquered-city-novel&view=1919/1925").empty());
    for (int i = 0; i < 30; ++i) h.frame();
    CHECK(h.session.view().start == Approx(1919));
    CHECK(h.session.view().end == Approx(1925));
    // Stepping to the next work with ']' brings it into view.
    h.move(640, 100);
    ImGui::GetIO().AddKeyEvent(ImGuiKey_RightBracket, true);
    h.frame();
    ImGui::GetIO().AddKeyEvent(ImGuiKey_RightBracket, false);
    for (int i = 0; i < 30; ++i) h.frame();
    REQUIRE(h.session.selected() >= 0);
    CHECK(h.session.archive().works[static_cast<std::size_t>(h.session.selected())].id ==
          "1936-open-letter-to-andre-gide");
    const TimelineItem& next =
        h.session.items().works[static_cast<std::size_t>(h.session.items().rank_of(h.session.selected()))];
    CHECK(h.session.view().start < next.start);
    CHECK(h.session.view().end > next.end);
}

TEST_CASE("ui: loads between two frames are another archive, even one at the address of the archive drawn last",
          "[ui]") {
    Headless h;
    unsigned char* pixels = nullptr;
    int w = 0, ht = 0;
    ui::update_fonts(h.session, h.ui, 1.0f);  // an atlas for this archive, as the shell builds it
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &ht);
    h.frames(2);
    const Archive* drawn = &h.session.archive();
    h.ui.reader.scroll_of.assign(4, 77.0f);  // reading positions in the archive drawn
    REQUIRE_FALSE(ui::update_fonts(h.session, h.ui, 1.0f));
    // The old archive is freed by the second load, so a later one may be allocated where it was.
    bool reused = false;
    for (int i = 0; i < 16 && !reused; ++i) {
        REQUIRE(h.session
                    .load(i % 2 ? R"({"lectern": 1, "title": "A", "works": []})"
                                : R"({"lectern": 1, "title": "B", "works": []})")
                    .ok());
        reused = &h.session.archive() == drawn;
    }
    if (!reused) WARN("no load reused the drawn archive's address; the generation is checked all the same");
    CHECK(ui::update_fonts(h.session, h.ui, 1.0f));  // the atlas is built again for the new archive
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &ht);
    h.frame();
    for (const float y : h.ui.reader.scroll_of) CHECK(y != 77.0f);  // the old archive's positions are gone
}
