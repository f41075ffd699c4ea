// Markdown bombs drawn, not just parsed: each one as a work body, opened in the
// reader, scrolled from top to bottom and searched, in headless ImGui frames.
// Outcome: every frame completes and the layout holds only what it must.
#include <catch2/catch.hpp>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include "headless.h"
#include "ui/markdown_view.h"
#include "../hostile/markdown_bombs.h"

using namespace lectern;

TEST_CASE("ui: every Markdown bomb opens in the reader and scrolls to its end", "[ui][hostile]") {
    const std::vector<MarkdownBomb> bombs = markdown_bombs();
    nlohmann::json works = nlohmann::json::array();
    for (std::size_t i = 0; i < bombs.size(); ++i)
        works.push_back(
            {{"id", "bomb-" + std::to_string(i)}, {"title", bombs[i].name}, {"date", "1936"}, {"body", bombs[i].text}});
    HeadlessUi h(nlohmann::json{{"lectern", 1}, {"title", "Bombs"}, {"works", works}}.dump());
    h.frame();
    REQUIRE(h.ui.reader.texts != nullptr);
    for (std::size_t i = 0; i < bombs.size(); ++i) {
        CAPTURE(bombs[i].name);
        h.session.select(static_cast<int>(i));
        h.frames(2);
        // The reader sits below the timeline: wheel it down far past any end.
        h.move(640, 650);
        for (int step = 0; step < 40; ++step) {
            ImGui::GetIO().AddMouseWheelEvent(0, -200);
            h.frame();
        }
        ImGui::GetIO().AddKeyEvent(ImGuiKey_End, true);
        h.frame();
        ImGui::GetIO().AddKeyEvent(ImGuiKey_End, false);
        h.frame();
        CHECK(h.session.selected() == static_cast<int>(i));
    }
    CHECK(h.ui.reader.texts->layouts >= static_cast<int>(bombs.size()));  // each body was laid out
    // A query over all of them at once, with the results drawn.
    protocol::command(h.session, R"({"search": "deep a w"})");
    h.frames(3);
    CHECK(h.session.frames() > bombs.size() * 40);
}
