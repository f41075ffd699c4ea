// The compact layout a host page asks for with #embed=1 (docs/embedding.md): at iframe
// sizes the bar keeps search, filters and the way out to the full viewer; no open-file
// or theme controls, no outline pane beside the text; the frame's theme is not kept.
#include <catch2/catch.hpp>
#include <imgui.h>
#include <imgui_internal.h>  // NavId, the window list
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/i18n/translate.h"
#include "headless.h"
#include "ui/theme.h"
#include "../test_files.h"

using namespace lectern;

namespace {

ImGuiID focus_id() { return ImGui::GetCurrentContext()->NavId; }

// Tab from nothing to the search box, then on until the focus comes back to a stop seen before.
std::vector<ImGuiID> tab_stops(HeadlessUi& h) {
    std::vector<ImGuiID> seen;
    h.key(ImGuiKey_Tab);
    h.frame();
    seen.push_back(focus_id());
    for (int i = 0; i < 40; ++i) {
        h.key(ImGuiKey_Tab);
        const ImGuiID id = focus_id();
        if (std::find(seen.begin(), seen.end(), id) != seen.end()) break;
        seen.push_back(id);
    }
    return seen;
}

bool outline_drawn() {
    for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (w->Active && std::string(w->Name).find("##outline") != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("embed layout: the compact bar has fewer stops and a way out to the full viewer", "[embed]") {
    std::size_t full_stops = 0;
    {
        HeadlessUi h(bundled_archive());
        ImGui::GetIO().DisplaySize = ImVec2(640, 400);
        REQUIRE(h.session.apply_fragment("#work=1936-08-10-letter-to-trotsky").empty());
        h.frames(2);
        full_stops = tab_stops(h).size();
    }
    HeadlessUi h(bundled_archive());
    ImGui::GetIO().DisplaySize = ImVec2(640, 400);
    REQUIRE(h.session.apply_fragment("#embed=1&lanes=works&theme=dark&work=1936-08-10-letter-to-trotsky").empty());
    h.frames(2);
    // Box, Filters, Full viewer, the timeline, the reader's controls: Open…, the theme
    // switch and the language switch are gone, one stop (Full viewer) is new.
    const auto stops = tab_stops(h);
    CHECK(stops.size() + 2 == full_stops);
    // The bar's right end is the way out: the same view, without the frame's options. The page
    // finds the button where state().controls says and opens what state().embed.full_view names
    // (a browser that opens a tab only inside the click's own event: web/lectern-page.js).
    const nlohmann::json before = nlohmann::json::parse(protocol::state_json(h.session, h.ui.report));
    const auto button = std::find_if(before["controls"].begin(), before["controls"].end(),
                                     [](const nlohmann::json& c) { return c["name"] == "full_viewer"; });
    REQUIRE(button != before["controls"].end());
    CHECK((*button)["x0"].get<float>() <= 640 - 30);
    CHECK((*button)["x1"].get<float>() >= 640 - 30);
    CHECK((*button)["y0"].get<float>() <= 14);
    CHECK((*button)["y1"].get<float>() >= 14);
    h.session.take_outgoing();
    h.click(640 - 30, 14);
    h.frame();
    std::vector<Outgoing> out = h.session.take_outgoing();
    REQUIRE(out.size() == 1);
    CHECK(out[0].kind == Outgoing::Kind::open_full_view);
    CHECK(out[0].text.rfind("#work=1936-08-10-letter-to-trotsky&view=", 0) == 0);
    CHECK(before["embed"]["full_view"] == out[0].text);
    // The frame is dark; the reader's own choice stays unset and nothing was sent to keep.
    CHECK(ui::current_theme().name == std::string("dark"));
    CHECK(h.session.prefs().theme.empty());
}

TEST_CASE("embed layout: no outline pane beside the text in a frame", "[embed]") {
    nlohmann::json a = {{"lectern", 1}, {"title", "Outline test"}};
    a["works"] = nlohmann::json::array({
        {{"id", "parts"},
         {"title", "Parts"},
         {"date", "1920"},
         {"body", "# The first part\n\nText.\n\n## The second part\n\nMore text.\n"}},
    });
    HeadlessUi h(a.dump());  // 1280 wide: room for the outline in the margin
    REQUIRE(h.session.open("parts"));
    h.frames(3);
    CHECK(outline_drawn());
    REQUIRE(h.session.apply_fragment("#embed=1&work=parts").empty());
    h.frames(3);
    CHECK_FALSE(outline_drawn());
    CHECK(h.ui.reader.body_headings == 2);  // the outline went into the text instead
}

TEST_CASE("embed layout: the compact bar stays inside a 360 px frame in every language", "[embed][i18n]") {
    // The longest bar: a search running (the Results button may come) and a filter on
    // ("Фильтры (вкл.)"). Nothing the bar draws may reach past the frame's right edge.
    for (const std::string& language : interface_languages()) {
        CAPTURE(language);
        HeadlessUi h(bundled_archive());
        ImGui::GetIO().DisplaySize = ImVec2(360, 480);
        REQUIRE(h.session.apply_fragment("#embed=1&q=trotsky").empty());
        REQUIRE(protocol::command(h.session, nlohmann::json{{"language", language}}.dump()) == R"({"ok":true})");
        SearchFilter f;
        f.kinds = {"letter"};
        h.session.set_filter(f);
        h.frames(3);
        const ImGuiWindow* w = ImGui::FindWindowByName("Lectern");
        REQUIRE(w);
        CHECK(w->DC.CursorMaxPos.x <= 360.0f);
        const auto bar =
            nlohmann::json::parse(protocol::state_json(h.session, h.ui.report))["bar"].get<std::vector<std::string>>();
        CAPTURE(bar);
        CHECK(std::find(bar.begin(), bar.end(), tr("embed.full_viewer")) != bar.end());
        CHECK(std::find(bar.begin(), bar.end(), tr("bar.filters_on")) != bar.end());
    }
    use_language("en");
}
