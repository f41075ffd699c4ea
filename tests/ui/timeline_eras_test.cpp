// The bundled archive's eras on the timeline, in headless frames: bands drawn behind
// the lanes and reported in state().eras, labels pinned to what is visible, and the
// tooltip of the era under the pointer when no item is there.
#include <catch2/catch.hpp>

#include <imgui.h>
#include <imgui_internal.h>  // ImGuiWindow: is the tooltip open, and how tall
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

#include "headless.h"
#include "ui/theme.h"
#include "../test_files.h"

using namespace lectern;
using nlohmann::json;

namespace {

const char* kEras[] = {"In Soviet Russia", "Arrest and exile", "In the West", "Refuge in Mexico"};

json eras_of(const HeadlessUi& h) { return json::parse(protocol::state_json(h.session, h.ui.report))["eras"]; }

json era_named(const json& eras, const std::string& title) {
    for (const json& e : eras)
        if (e["title"] == title) return e;
    FAIL("no band for " << title << " in " << eras.dump());
    return {};
}

const ImGuiWindow* open_tooltip() {
    const ImGuiWindow* w = ImGui::FindWindowByName("##Tooltip_00");
    return w && w->Active ? w : nullptr;
}

// A point in the era label strip (above every lane: no item there) inside the band.
ImVec2 strip_point(const json& band, float along = 0.5f) {
    const float x0 = band["x0"], x1 = band["x1"], y0 = band["y0"];
    return ImVec2(x0 + (x1 - x0) * along, y0 + 6);
}

}  // namespace

TEST_CASE("timeline eras: the bundled eras are drawn behind the lanes and reported in state().eras", "[ui][eras]") {
    HeadlessUi h(bundled_archive());
    h.frames(2);
    const json eras = eras_of(h);
    REQUIRE(eras.size() == 4);
    for (std::size_t i = 0; i < 4; ++i) {
        CAPTURE(i, eras[i].dump());
        CHECK(eras[i]["title"] == kEras[i]);  // in time order
        CHECK(eras[i]["x0"].get<float>() >= h.ui.timeline.axis_x0);
        CHECK(eras[i]["x1"].get<float>() <= h.ui.timeline.axis_x0 + h.ui.timeline.axis_width + 0.01f);
        CHECK(eras[i]["x0"].get<float>() < eras[i]["x1"].get<float>());
        // Behind all lanes: from the label strip down to the axis.
        CHECK(eras[i]["y0"].get<float>() < h.ui.timeline.lane_y.front());
        CHECK(eras[i]["y1"].get<float>() > h.ui.timeline.lane_y.back());
    }
    CHECK(era_named(eras, "In Soviet Russia")["date"] == "1919-02/1936-04");
    CHECK(era_named(eras, "In Soviet Russia")["labelled"] == true);
    CHECK(json::parse(protocol::state_json(h.session, h.ui.report))["hovered_era"].is_null());

    // Zoomed to the 1930s every label fits; eras that meet share their edge.
    REQUIRE(h.session.set_view(1930, 1948));
    h.frames(2);
    const json near = eras_of(h);
    REQUIRE(near.size() == 4);
    for (const json& e : near) {
        CAPTURE(e.dump());
        CHECK(e["labelled"] == true);
        CHECK(e["truncated"] == false);
    }
    const float px_per_year = h.ui.timeline.axis_width / 18.0f;
    CHECK(era_named(near, "In the West")["x0"].get<float>() ==
          Approx(h.ui.timeline.axis_x0 + px_per_year * (1936.25f - 1930)).margin(1));
}

TEST_CASE("timeline eras: a band's label stays in view when its start is scrolled off", "[ui][eras]") {
    HeadlessUi h(bundled_archive());
    REQUIRE(h.session.set_view(1925, 1935));
    h.frames(2);
    const json russia = era_named(eras_of(h), "In Soviet Russia");
    CHECK(russia["x0"].get<float>() == Approx(h.ui.timeline.axis_x0));
    CHECK(russia["labelled"] == true);
    bool pinned = false;
    for (const EraBand& b : h.ui.timeline.eras)
        if (h.session.archive().eras[static_cast<std::size_t>(b.era)].title == "In Soviet Russia")
            pinned = b.label_x > h.ui.timeline.axis_x0 && b.label_x < h.ui.timeline.axis_x0 + 20;
    CHECK(pinned);
    // Zoomed out to ten thousand years the eras are slivers: drawn, not labelled.
    REQUIRE(h.session.set_view(-8000, 2000));
    h.frames(2);
    const json far = eras_of(h);
    REQUIRE(far.size() == 4);
    for (const json& e : far) CHECK(e["labelled"] == false);
}

TEST_CASE("timeline eras: hovering a band away from items shows its tooltip, an item wins over it", "[ui][eras]") {
    HeadlessUi h(bundled_archive());
    REQUIRE(h.session.set_view(1930, 1948));
    h.frames(2);
    const json eras = eras_of(h);

    const ImVec2 p = strip_point(era_named(eras, "Refuge in Mexico"));
    h.move(p.x, p.y);
    h.frame();
    CHECK(json::parse(protocol::state_json(h.session, h.ui.report))["hovered_era"] == "Refuge in Mexico");
    const ImGuiWindow* tip = open_tooltip();
    REQUIRE(tip);
    // Title, the date line and a note of two sentences wrap to several lines.
    CHECK(tip->Size.y > ImGui::GetFontSize() * 4);

    // The nested era is found where it lies inside the outer one.
    const ImVec2 q = strip_point(era_named(eras, "Arrest and exile"));
    h.move(q.x, q.y);
    h.frame();
    CHECK(json::parse(protocol::state_json(h.session, h.ui.report))["hovered_era"] == "Arrest and exile");

    // Over a work's mark the work is hovered, not the era behind it.
    // (A mark whose middle is on the time axis: a long bar begun before the view has its
    // middle under the lane names.)
    const auto& marks = h.ui.timeline.marks;
    const auto on_axis = std::find_if(marks.begin(), marks.end(), [&](const ui::TimelineMark& k) {
        return (k.x0 + k.x1) / 2 > h.ui.timeline.axis_x0 + 4;
    });
    REQUIRE(on_axis != marks.end());
    const ui::TimelineMark m = *on_axis;
    h.move((m.x0 + m.x1) / 2, (m.y0 + m.y1) / 2);
    h.frame();
    CHECK(h.ui.timeline.hovered_work == m.work);
    CHECK(json::parse(protocol::state_json(h.session, h.ui.report))["hovered_era"].is_null());

    // Off the timeline nothing is hovered.
    h.move(5, 795);
    h.frame();
    CHECK(json::parse(protocol::state_json(h.session, h.ui.report))["hovered_era"].is_null());
    CHECK_FALSE(open_tooltip());
}

TEST_CASE("timeline eras: labels stay readable over the era tints in both themes", "[ui][eras][theme]") {
    for (const ui::Theme* t : {&ui::light_theme(), &ui::dark_theme()})
        for (const ImU32 tint : t->era_tint) {
            // The strongest ground: a tint twice (hovered, or nested eras) over a shaded lane.
            const ImU32 ground = ui::blend(tint, ui::blend(tint, t->lane_alt));
            CAPTURE(t->name, ui::contrast_ratio(t->text, ground), ui::contrast_ratio(t->tick_text, ground));
            CHECK(ui::contrast_ratio(t->text, ground) >= 7.0);                        // labels of marks and lanes
            CHECK(ui::contrast_ratio(t->tick_text, ground) >= 4.5);                   // era labels and tick labels
            CHECK(ui::contrast_ratio(ui::blend(tint, t->canvas), t->canvas) > 1.03);  // and still seen
        }
    HeadlessUi h(bundled_archive());
    REQUIRE(protocol::command(h.session, R"({"prefs": {"theme": "dark"}})") == R"({"ok":true})");
    h.frames(2);
    CHECK(std::string(ui::current_theme().name) == "dark");
    CHECK(eras_of(h).size() == 4);
}
