// Light and dark themes: the contrast of every kind of text against its ground (WCAG 2),
// measured and printed, and the switch in the search bar that chooses between them.
#include <catch2/catch.hpp>
#include <imgui.h>

#include <cstdio>

#include "headless.h"
#include "ui/theme.h"
#include "../test_files.h"

using namespace lectern;

TEST_CASE("theme: contrast ratios follow WCAG 2", "[theme]") {
    CHECK(ui::contrast_ratio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == Approx(21.0));
    CHECK(ui::contrast_ratio(IM_COL32(120, 30, 200, 255), IM_COL32(120, 30, 200, 255)) == Approx(1.0));
    // #777 on white is the classic just-below-AA grey: 4.48.
    CHECK(ui::contrast_ratio(IM_COL32(0x77, 0x77, 0x77, 255), IM_COL32(255, 255, 255, 255)) ==
          Approx(4.48).epsilon(0.002));
    CHECK(ui::contrast_ratio(IM_COL32(255, 255, 255, 255), IM_COL32(0x77, 0x77, 0x77, 255)) ==
          Approx(4.48).epsilon(0.002));
    CHECK(ui::blend(IM_COL32(255, 255, 255, 128), IM_COL32(0, 0, 0, 255)) == IM_COL32(128, 128, 128, 255));
}

TEST_CASE("theme: text is readable on its ground in both themes (body 7:1, the rest 4.5:1)", "[theme]") {
    struct Pair {
        const char* what;
        ImU32 ui::Theme::*fg;
        ImU32 ui::Theme::*ground;
        ImU32 ui::Theme::*wash;  // a translucent ground over `ground`, or null
        double least;
    };
    const Pair pairs[] = {
        {"body text on the reader", &ui::Theme::text, &ui::Theme::canvas, nullptr, 7.0},
        {"links in the body", &ui::Theme::link, &ui::Theme::canvas, nullptr, 7.0},
        {"code in the body", &ui::Theme::code, &ui::Theme::canvas, nullptr, 7.0},
        {"lane labels on the shaded lanes", &ui::Theme::text, &ui::Theme::lane_alt, nullptr, 7.0},
        {"dim text (dates, metadata)", &ui::Theme::text_dim, &ui::Theme::canvas, nullptr, 4.5},
        {"dim text on the shaded lanes", &ui::Theme::text_dim, &ui::Theme::lane_alt, nullptr, 4.5},
        {"tick labels", &ui::Theme::tick_text, &ui::Theme::canvas, nullptr, 4.5},
        {"tick labels on the shaded lanes", &ui::Theme::tick_text, &ui::Theme::lane_alt, nullptr, 4.5},
        {"disputed", &ui::Theme::disputed, &ui::Theme::canvas, nullptr, 4.5},
        {"text on a match", &ui::Theme::text, &ui::Theme::canvas, &ui::Theme::match, 4.5},
        {"text on the current match", &ui::Theme::text, &ui::Theme::canvas, &ui::Theme::match_current, 4.5},
        {"text in a selection", &ui::Theme::text, &ui::Theme::canvas, &ui::Theme::text_selection, 4.5},
    };
    for (const ui::Theme* t : {&ui::light_theme(), &ui::dark_theme()}) {
        for (const Pair& p : pairs) {
            const ImU32 ground = p.wash ? ui::blend(t->*p.wash, t->*p.ground) : t->*p.ground;
            const double ratio = ui::contrast_ratio(t->*p.fg, ground);
            std::printf("contrast %-5s %-34s %5.2f:1 (at least %.1f)\n", t->name, p.what, ratio, p.least);
            CAPTURE(t->name, p.what, ratio);
            CHECK(ratio >= p.least);
        }
        // Marks are not text: they carry labels, and stay apart from the ground.
        for (const char* kind : {"article", "letter", "book", "fiction", "notebook", "obituary", "document", "other"}) {
            CAPTURE(t->name, kind);
            CHECK(ui::contrast_ratio(ui::kind_colour(kind), t->canvas) >= 2.0);
        }
    }
}

TEST_CASE("theme: the views draw with the session's theme, the window is cleared with its ground", "[theme]") {
    HeadlessUi h(bundled_archive());
    h.frame();
    CHECK(std::string(ui::current_theme().name) == "light");
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x == Approx(250 / 255.0));
    // The system turns dark: followed, as the reader chose nothing.
    REQUIRE(protocol::command(h.session, R"({"prefs": {"system_theme": "dark"}})") == R"({"ok":true})");
    h.frame();
    CHECK(std::string(ui::current_theme().name) == "dark");
    const ImVec4 bg = ui::clear_colour();
    CHECK(ImGui::ColorConvertFloat4ToU32(bg) == ui::dark_theme().canvas);
    CHECK(ImGui::ColorConvertFloat4ToU32(ImGui::GetStyle().Colors[ImGuiCol_Text]) == ui::dark_theme().text);
    // Frames draw in both themes with the reader open.
    h.session.open("1936-open-letter-to-andre-gide");
    h.frames(3);
    REQUIRE(protocol::command(h.session, R"({"prefs": {"system_theme": "light"}})") == R"({"ok":true})");
    h.frames(2);
    CHECK(std::string(ui::current_theme().name) == "light");
}

TEST_CASE("theme: the switch in the search bar goes System, the other theme, the system's, System", "[theme]") {
    HeadlessUi h(bundled_archive());
    h.frame();
    const auto click_switch = [&h] {
        h.click(1280 - 100, 17);  // the bar's right end, left of the language switch
        h.frame();                // the next frame draws with the choice
    };
    for (const char* system : {"light", "dark"}) {
        CAPTURE(system);
        protocol::command(h.session, std::string(R"({"prefs": {"theme": "", "system_theme": ")") + system + "\"}}");
        h.frame();
        const std::string other = std::string(system) == "light" ? "dark" : "light";
        click_switch();
        CHECK(h.session.prefs().theme == other);
        CHECK(ui::current_theme().name == other);
        click_switch();
        CHECK(h.session.prefs().theme == system);
        CHECK(ui::current_theme().name == std::string(system));
        click_switch();
        CHECK(h.session.prefs().theme.empty());
        CHECK(ui::current_theme().name == std::string(system));
        // Every choice went out to be kept (localStorage on the web).
        int saved = 0;
        for (const Outgoing& o : h.session.take_outgoing()) saved += o.kind == Outgoing::Kind::save_prefs;
        CHECK(saved == 3);
    }
}

TEST_CASE("theme: the keyboard's focus ring stands out from the ground in both themes (3:1)", "[theme][keyboard]") {
    HeadlessUi h(bundled_archive());  // a context for the style
    for (const ui::Theme* t : {&ui::light_theme(), &ui::dark_theme()}) {
        ui::apply_imgui_style(*t);
        const ImU32 ring = ImGui::ColorConvertFloat4ToU32(ImGui::GetStyle().Colors[ImGuiCol_NavHighlight]);
        const double ratio = ui::contrast_ratio(ring, t->canvas);
        std::printf("contrast %-5s %-34s %5.2f:1 (at least 3.0)\n", t->name, "the focus ring", ratio);
        CAPTURE(t->name, ratio);
        CHECK(ratio >= 3.0);
    }
}
