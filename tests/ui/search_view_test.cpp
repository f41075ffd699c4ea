// Search as a reader uses it: Ctrl+F, typing, Up/Down, Enter; the timeline dims non-matches.
#include <catch2/catch.hpp>
#include <imgui.h>

#include "ui/app.h"
#include "ui/search_view.h"
#include "../test_files.h"

using namespace lectern;

namespace {

struct Headless {
    Session session;
    ui::UiState ui;
    Headless() {
        ImGui::CreateContext();
        ImGui::GetIO().DisplaySize = ImVec2(1280, 800);
        ui::init_ui(ui, 1.0f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        REQUIRE(session.load(bundled_archive()).ok());
        frame();
    }
    ~Headless() { ImGui::DestroyContext(); }
    void frame() {
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ui::draw_app(session, ui);
        ImGui::Render();
    }
    void key(ImGuiKey k, bool ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        if (ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, true);
        io.AddKeyEvent(k, true);
        frame();
        io.AddKeyEvent(k, false);
        if (ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, false);
        frame();
    }
    void type(const char* text) {
        ImGui::GetIO().AddInputCharactersUTF8(text);
        frame();
        frame();
    }
};

}  // namespace

TEST_CASE("search view: Ctrl+F, typing and Enter open a result", "[search-view]") {
    Headless h;
    h.key(ImGuiKey_F, true);
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

TEST_CASE("search view: Escape clears the search; the timeline dims what does not match", "[search-view]") {
    Headless h;
    h.key(ImGuiKey_F, true);
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
    h.key(ImGuiKey_F, true);
    h.frame();
    h.type("zzzxqy");
    CHECK(h.session.results().empty());
    CHECK(ui::results_shown(h.session, h.ui.search));
    for (int i = 0; i < 5; ++i) h.frame();
}

TEST_CASE("search view: '/' reaches the box after a click in the reader", "[search-view]") {
    Headless h;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(640, 700);
    h.frame();
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    h.frame();
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    h.frame();
    // A browser delivers the key's press and release between two frames.
    io.AddKeyEvent(ImGuiKey_Slash, true);
    io.AddKeyEvent(ImGuiKey_Slash, false);
    h.frame();
    h.frame();
    h.type("kronstadt");
    CHECK(h.session.query() == "kronstadt");
}
