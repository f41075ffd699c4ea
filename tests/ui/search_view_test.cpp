// Search as a reader uses it: Ctrl+F, typing, Up/Down, Enter; the timeline dims non-matches.
#include <catch2/catch.hpp>
#include <imgui.h>
#include <imgui_internal.h>  // ImGuiWindow: how far the items reached

#include "headless.h"
#include "ui/search_view.h"
#include "../test_files.h"

using namespace lectern;

namespace {

struct Headless : HeadlessUi {
    Headless() : HeadlessUi(bundled_archive()) { frame(); }
};

}  // namespace

TEST_CASE("search view: Ctrl+F, typing and Enter open a result", "[search-view]") {
    Headless h;
    h.key(ImGuiKey_F, ImGuiMod_Ctrl);
    h.frame();
    h.type("andre gide");
    CHECK(h.session.query() == "andre gide");
    REQUIRE_FALSE(h.session.results().empty());
    CHECK(h.session.results()[0].ref == "work:1936-open-letter-to-andre-gide");
    CHECK(ui::results_shown(h.session, h.ui.search));
    h.key(ImGuiKey_Enter);
    CHECK(h.session.selected() == h.session.archive().work_index("1936-open-letter-to-andre-gide"));
    CHECK_FALSE(ui::results_shown(h.session, h.ui.search));
}

TEST_CASE("search view: Down moves through the results before Enter", "[search-view]") {
    Headless h;
    h.key(ImGuiKey_Slash);
    h.frame();
    h.type("trotsky");
    REQUIRE(h.session.results().size() >= 3);
    h.key(ImGuiKey_DownArrow);
    h.key(ImGuiKey_DownArrow);
    CHECK(h.ui.search.cursor == 2);
    h.key(ImGuiKey_Enter);
    const SearchHit& third = h.session.results()[2];
    CHECK(h.session.selected() == (third.kind == SearchHit::Kind::work ? third.index : -1));
}

TEST_CASE("search view: Escape clears the search, the timeline dims what does not match", "[search-view]") {
    Headless h;
    h.key(ImGuiKey_F, ImGuiMod_Ctrl);
    h.frame();
    h.type("kronstadt");
    CHECK(h.session.results().size() == 2);
    CHECK_FALSE(h.session.work_matches(h.session.archive().work_index("1908-06-the-illegals")));
    CHECK(h.session.work_matches(h.session.archive().work_index("1938-04-28-once-more-kronstadt")));
    h.key(ImGuiKey_Escape);
    CHECK(h.session.query().empty());
    CHECK(h.session.work_matches(0));
}

TEST_CASE("search view: no match gives an empty result list, not an error", "[search-view]") {
    Headless h;
    h.key(ImGuiKey_F, ImGuiMod_Ctrl);
    h.frame();
    h.type("zzzxqy");
    CHECK(h.session.results().empty());
    CHECK(ui::results_shown(h.session, h.ui.search));
    for (int i = 0; i < 5; ++i) h.frame();
}

TEST_CASE("search view: '/' reaches the box after a click in the reader", "[search-view]") {
    Headless h;
    h.click(640, 700);
    ImGuiIO& io = ImGui::GetIO();
    // A browser delivers the key's press and release between two frames.
    io.AddKeyEvent(ImGuiKey_Slash, true);
    io.AddKeyEvent(ImGuiKey_Slash, false);
    h.frame();
    h.frame();
    h.type("kronstadt");
    CHECK(h.session.query() == "kronstadt");
}

TEST_CASE("search bar: on a phone's width every control stays on screen", "[search][mobile]") {
    for (const float width : {390.0f, 1280.0f}) {
        CAPTURE(width);
        HeadlessUi h(bundled_archive());
        ImGui::GetIO().DisplaySize = ImVec2(width, 844);
        h.frames(2);
        protocol::command(h.session, R"({"search": "trotsky"})");
        h.frames(2);
        // What the main window's items reached last frame: beyond the width means cut off.
        const ImGuiWindow* main = ImGui::FindWindowByName("Lectern");
        REQUIRE(main != nullptr);
        CHECK(main->ContentSizeIdeal.x <= width + 2);  // full-width rules end a pixel past the edge
    }
}

// The web page's text input edits the box (ui/text_field.h): what it holds replaces the
// box's text, with its selection; what the box holds goes back, with the caret.
TEST_CASE("search view: the page's text input edits the box, and learns where the caret is",
          "[search-view][text-field]") {
    Headless h;
    ui::TextFieldLink& field = h.ui.search.field;
    CHECK_FALSE(field.active);
    CHECK(field.w > 100.0f);  // the page lays its input over the box, so it must know where that is
    // A tap on the page's input activates the box.
    field.focus = true;
    h.frames(2);
    REQUIRE(field.active);
    field.edit = ui::TextFieldLink::Edit{"Серж", 0, 8};  // the whole word selected (byte offsets)
    h.frame();
    CHECK(h.session.query() == "Серж");
    CHECK(field.value == "Серж");
    CHECK(field.anchor == 0);
    CHECK(field.cursor == 8);
    // Keys the box handles itself (Home) move the caret, and the link reports it.
    h.key(ImGuiKey_Home);
    CHECK(field.cursor == 0);
    CHECK(field.anchor == 0);
    // A paste longer than the box holds is cut at a character, never inside one.
    field.edit = ui::TextFieldLink::Edit{std::string(1022, 'a') + "жж", 1026, 1026};
    h.frame();
    CHECK(h.session.query() == std::string(1022, 'a'));  // 1,023 bytes fit: half an "ж" is dropped
    CHECK(field.value.size() == 1022);
    // The page's input lost the focus to something else: the box lets go too.
    field.blur = true;
    h.frames(2);
    CHECK_FALSE(field.active);
    // An edit that arrives while the box is inactive is stale and dropped.
    field.edit = ui::TextFieldLink::Edit{"late", 4, 4};
    h.frame();
    CHECK(h.session.query() == std::string(1022, 'a'));
    CHECK_FALSE(field.edit);
}

// Keyboard alone: Tab walks the controls in reading order with a focus ring, Space and
// Enter press them, and the timeline keeps its arrow keys when it has the focus.
TEST_CASE("keyboard: Tab reaches the search box, the bar's buttons and the timeline, and they work from the keys",
          "[keyboard]") {
    Headless h;
    const auto focus_id = [&] {
        ImGuiContext& g = *ImGui::GetCurrentContext();
        return g.NavId;
    };
    std::vector<ImGuiID> seen;
    h.key(ImGuiKey_Tab);  // nothing had the focus: the first control, the search box, ready for typing
    h.frame();
    CHECK(ImGui::GetIO().WantTextInput);
    h.type("kron");
    CHECK(h.session.query() == "kron");
    for (int i = 0; i < 5; ++i) {
        h.key(ImGuiKey_Tab);
        seen.push_back(focus_id());
    }
    CHECK_FALSE(ImGui::GetIO().WantTextInput);
    // Five distinct stops after the box: Filters, Open…, the theme and language switches, the timeline.
    std::vector<ImGuiID> distinct = seen;
    std::sort(distinct.begin(), distinct.end());
    CHECK(std::unique(distinct.begin(), distinct.end()) == distinct.end());
    CHECK(std::find(seen.begin(), seen.end(), 0u) == seen.end());
    // On the timeline: the arrow keys pan it and the focus stays.
    const TimeWindow before = h.session.view();
    const ImGuiID timeline = seen.back();
    h.key(ImGuiKey_RightArrow);
    h.frames(30);  // the eased move
    CHECK(h.session.view().start > before.start);
    CHECK(focus_id() == timeline);
    // Shift+Tab back past the language switch to the theme switch; Space presses it.
    for (int i = 0; i < 2; ++i) {
        ImGui::GetIO().AddKeyEvent(ImGuiMod_Shift, true);
        h.key(ImGuiKey_Tab);
        ImGui::GetIO().AddKeyEvent(ImGuiMod_Shift, false);
    }
    h.frame();
    CHECK(focus_id() == seen[2]);
    const std::string theme = h.session.theme();
    h.key(ImGuiKey_Space);
    CHECK(h.session.theme() != theme);
    CHECK(focus_id() == seen[2]);  // its label changed, its focus did not
    // Back through Open… and Filters to the box, which takes the keys again.
    for (int i = 0; i < 3; ++i) {
        ImGui::GetIO().AddKeyEvent(ImGuiMod_Shift, true);
        h.key(ImGuiKey_Tab);
        ImGui::GetIO().AddKeyEvent(ImGuiMod_Shift, false);
    }
    h.frames(2);
    CHECK(ImGui::GetIO().WantTextInput);
}
