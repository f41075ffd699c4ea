// The seventeen-script archive (tests/data/scripts.json) through the desktop viewer's
// headless frames with its real shaper (Pango, HarfBuzz, FriBidi, the Noto fonts): every
// work read top to bottom, the timeline's labels and the search results drawn, and no
// character anywhere drawn without a glyph.
#include <catch2/catch.hpp>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <string>

#include "../test_files.h"
#include "core/session/protocol.h"
#include "headless.h"
#include "platform/text_shaper_pango.h"
#include "ui/markdown_view.h"

using namespace lectern;

TEST_CASE("scripts: every work of seventeen scripts reads top to bottom with no glyph missing", "[scripts][complex]") {
    const std::string json = read_file(std::string(LECTERN_SOURCE_DIR) + "/tests/data/scripts.json");
    HeadlessUi h(json);
    platform::PangoShaper shaper;
    h.ui.complex.shaper = &shaper;
    h.frames(2);
    const auto glyphs = [&] { return nlohmann::json::parse(protocol::state_json(h.session, h.ui.report))["glyphs"]; };
    for (const Work& w : h.session.archive().works) {
        CAPTURE(w.id);
        REQUIRE(h.session.open(w.id));
        h.frames(3);
        REQUIRE(h.ui.reader.body_lines > 0);
        // Down the text with the wheel until it stops moving.
        float last = -1;
        for (int i = 0; i < 400 && h.ui.reader.scroll_y != last; ++i) {
            last = h.ui.reader.scroll_y;
            ImGui::GetIO().AddMousePosEvent(640, 650);
            ImGui::GetIO().AddMouseWheelEvent(0, -10);
            h.frames(2);
        }
        CHECK(glyphs()["missing"] == 0);
    }
    // The timeline's labels at the archive's full span, and results in every script.
    h.session.search("河");
    h.frames(3);
    h.session.search("كتاب");
    h.frames(3);
    CHECK(glyphs()["missing"] == 0);
    CHECK(glyphs()["shaped"].get<int>() > 500);
}
