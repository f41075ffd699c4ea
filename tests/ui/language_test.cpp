// The language switch driven as a reader uses it: a click on the bar's language button,
// a click on a language in its list; the bar, lanes and status then speak that language.
#include <catch2/catch.hpp>
#include <imgui.h>
#include <imgui_internal.h>  // the popup window and hovered id, to find a row of the list

#include <nlohmann/json.hpp>

#include "core/i18n/translate.h"
#include "headless.h"
#include "../test_files.h"

using namespace lectern;
using nlohmann::json;

namespace {

struct Headless : HeadlessUi {
    Headless() : HeadlessUi(bundled_archive()) { frames(2); }
    ~Headless() { use_language("en"); }
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    json bar() { return json::parse(protocol::state_json(session, ui.report))["bar"]; }

    // Clicks the language button (the bar's right end), then the row named `name` in its
    // list, found by moving the pointer down the list until ImGui hovers that row's id.
    void choose(const std::string& language) {
        frames(2);
        click(1280 - 26, 16);
        ImGuiContext& g = *ImGui::GetCurrentContext();
        REQUIRE(!g.OpenPopupStack.empty());
        ImGuiWindow* popup = g.OpenPopupStack.back().Window;
        REQUIRE(popup);
        const std::string label = std::string(message(language, "language.name")) + "##" + language;
        const ImGuiID row = popup->GetID(label.c_str());
        for (float y = popup->Pos.y + 2; y < popup->Pos.y + popup->Size.y; y += 3) {
            move(popup->Pos.x + popup->Size.x / 2, y);
            if (g.HoveredId == row) {
                click(popup->Pos.x + popup->Size.x / 2, y);
                frames(2);
                return;
            }
        }
        FAIL("no row for " << label << " in the language list");
    }
};

bool has(const json& labels, const std::string& text) {
    for (const json& l : labels)
        if (l == text) return true;
    return false;
}

}  // namespace

TEST_CASE("language: the bar's switch changes the drawn labels, lanes and dates, and is kept", "[ui][i18n]") {
    Headless h;
    CHECK(h.session.language() == "en");  // the bundled archive says "en"
    CHECK(has(h.bar(), "Filters"));
    CHECK(has(h.bar(), "EN"));
    h.session.take_outgoing();

    h.choose("ru");
    CHECK(h.session.language() == "ru");
    const json bar = h.bar();
    CAPTURE(bar.dump());
    CHECK(has(bar, "Фильтры"));
    CHECK(has(bar, "Открыть…"));
    CHECK(has(bar, "Тема: системная"));
    CHECK(has(bar, "RU"));
    CHECK(lane_title(h.session.timeline().lanes[0]) == "Жизни");
    // The choice goes to the platform to keep.
    bool saved = false;
    for (const Outgoing& o : h.session.take_outgoing())
        if (o.kind == Outgoing::Kind::save_prefs) saved = json::parse(o.text)["language"] == "ru";
    CHECK(saved);
    // The eras' dates as the tooltips write them.
    const json eras = json::parse(protocol::state_json(h.session, h.ui.report))["eras"];
    REQUIRE(!eras.empty());
    bool russian_date = false;
    for (const json& e : eras) russian_date = russian_date || e["when"] == "февраль 1919 \xE2\x80\x93 апрель 1936";
    CHECK(russian_date);

    for (const auto& [language, filters] : {std::pair<const char*, const char*>{"fr", "Filtres"},
                                            {"de", "Filter"},
                                            {"es", "Filtros"},
                                            {"en", "Filters"}}) {
        CAPTURE(language);
        h.choose(language);
        CHECK(h.session.language() == language);
        CHECK(has(h.bar(), filters));
    }
}

TEST_CASE("language: on a phone's width the Russian bar still fits, the switch in view", "[ui][i18n]") {
    Headless h;
    ImGui::GetIO().DisplaySize = ImVec2(390, 844);
    REQUIRE(json::parse(protocol::command(h.session, R"({"language": "ru"})"))["ok"] == true);
    h.frames(3);
    // Every item the bar drew ends inside the screen.
    ImGuiWindow* w = ImGui::FindWindowByName("Lectern");
    REQUIRE(w);
    CHECK(w->ContentSizeIdeal.x <= 390 + 2);  // full-width rules end a pixel past the edge
    CHECK(has(h.bar(), "Поиск"));
    CHECK(has(h.bar(), "RU"));
}
