// Headless frames of the reader over a small archive written here: Markdown laid
// out, previous/next by key, reading size, kept positions, and no relayout on scroll.
#include <catch2/catch.hpp>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <string>

#include "headless.h"
#include "ui/markdown_view.h"

using namespace lectern;

namespace {

const char* const kBody =
    "# The first part\n\n"
    "Some *emphasis*, some **strong** and ***both***, a [link](https://example.org/) and raw <b>html</b>.\n\n"
    "> A quoted line\n> that goes on.\n\n"
    "- one\n- two\n  1. nested\n\n"
    "A verse line,  \nanother line,\\\nthe last line.\n\n"
    "## The second part\n\n"
    "More text.\n";

// Five megabytes of paragraphs with mixed faces.
std::string long_body() {
    std::string s;
    s.reserve(5u << 20);
    int n = 0;
    while (s.size() < (5u << 20)) {
        if (n % 200 == 0) s += "## Chapter " + std::to_string(n / 200 + 1) + "\n\n";
        s += "Lorem ipsum dolor sit amet, *consectetur* adipiscing elit, sed do **eiusmod** tempor incididunt ut "
             "labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco.\n\n";
        ++n;
    }
    return s;
}

// Works listed out of time order: the reader must follow dates, not the file.
std::string archive_json() {
    nlohmann::json a = {{"lectern", 1}, {"title", "Reader test"}};
    a["works"] = nlohmann::json::array({
        {{"id", "middle"}, {"title", "Middle"}, {"date", "1920"}, {"body", kBody}, {"tags", {"verse", "test"}}},
        {{"id", "first"}, {"title", "First"}, {"date", "1910"}, {"source", "https://example.org/first"}},
        {{"id", "last"}, {"title", "Last"}, {"date", "1930"}, {"body", long_body()}},
    });
    return a.dump();
}

struct Headless : HeadlessUi {
    Headless() : HeadlessUi(archive_json()) { frame(); }

    void open(const char* id) {
        REQUIRE(session.open(id));
        frames(3);
    }
    void wheel(float steps) {
        ImGui::GetIO().AddMousePosEvent(640, 600);  // over the reader, below the timeline
        frame();
        ImGui::GetIO().AddMouseWheelEvent(0, steps);
        frame();
    }
    const ui::MarkdownEntry* entry_containing(const std::string& text) const {
        for (const ui::MarkdownEntry& e : ui.reader.texts->entries)
            if (e.doc.text.find(text) != std::string::npos) return &e;
        return nullptr;
    }
};

}  // namespace

TEST_CASE("reader: a Markdown body is laid out with its faces, verse lines and outline", "[reader]") {
    Headless h;
    h.open("middle");
    CHECK(h.ui.reader.body_headings == 2);
    const ui::MarkdownEntry* e = h.entry_containing("raw <b>html</b>");
    REQUIRE(e);
    // The lines as laid out: the verse keeps its three lines, soft breaks join.
    const char* const kLines[] = {
        "The first part",
        "Some emphasis, some strong and both, a link and raw <b>html</b>.",
        "A quoted line that goes on.",
        "one", "two", "nested",
        "A verse line,", "another line,", "the last line.",
        "The second part",
        "More text.",
    };
    REQUIRE(h.ui.reader.body_lines == static_cast<int>(std::size(kLines)));
    for (std::size_t i = 0; i < std::size(kLines); ++i) {
        const ui::MarkdownLine& l = e->layout.lines[i];
        REQUIRE(l.run_end > l.run_begin);
        const std::uint32_t b = e->layout.runs[l.run_begin].begin, end = e->layout.runs[l.run_end - 1].end;
        CAPTURE(i);
        CHECK(e->doc.text.substr(b, end - b) == kLines[i]);
    }
    CHECK(e->doc.text.find("A verse line,\nanother line,\nthe last line.") != std::string::npos);
    // Each face the text asks for is used by some run.
    for (ui::Face face : {ui::Face::body, ui::Face::italic, ui::Face::bold, ui::Face::bold_italic, ui::Face::heading}) {
        CAPTURE(static_cast<int>(face));
        CHECK(std::any_of(e->layout.runs.begin(), e->layout.runs.end(),
                          [&](const ui::MarkdownRun& r) { return r.face == face; }));
    }
    CHECK(std::any_of(e->layout.runs.begin(), e->layout.runs.end(),
                      [](const ui::MarkdownRun& r) { return r.link >= 0; }));
    // Lines never go past the measure.
    for (const ui::MarkdownLine& l : e->layout.lines)
        for (std::uint32_t i = l.run_begin; i < l.run_end; ++i)
            CHECK(l.indent + e->layout.runs[i].x + e->layout.runs[i].w <= e->layout.width + 0.5f);
}

TEST_CASE("reader: a work without text says so", "[reader]") {
    Headless h;
    h.open("first");
    CHECK(h.ui.reader.body_lines == 0);
    CHECK(h.ui.reader.body_headings == 0);
}

TEST_CASE("reader: previous and next keys follow time order", "[reader]") {
    Headless h;
    const int first = h.session.archive().work_index("first");
    const int middle = h.session.archive().work_index("middle");
    const int last = h.session.archive().work_index("last");
    h.open("middle");
    const struct {
        ImGuiKey key, mod;
        int expected;
    } kSteps[] = {
        {ImGuiKey_RightBracket, ImGuiKey_None, last},  {ImGuiKey_RightBracket, ImGuiKey_None, last},
        {ImGuiKey_LeftBracket, ImGuiKey_None, middle}, {ImGuiKey_LeftArrow, ImGuiMod_Alt, first},
        {ImGuiKey_RightArrow, ImGuiMod_Alt, middle},   {ImGuiKey_LeftBracket, ImGuiKey_None, first},
        {ImGuiKey_LeftBracket, ImGuiKey_None, -1},     {ImGuiKey_RightBracket, ImGuiKey_None, first},
    };
    int n = 0;
    for (const auto& s : kSteps) {
        CAPTURE(n++, ImGui::GetKeyName(s.key));
        h.key(s.key, s.mod);
        CHECK(h.session.selected() == s.expected);
    }
    // An arrow without Alt belongs to others.
    h.key(ImGuiKey_RightArrow);
    CHECK(h.session.selected() == first);
}

TEST_CASE("reader: Ctrl + '+' and '-' change the reading size within limits and Ctrl + '0' resets it", "[reader]") {
    Headless h;
    h.open("middle");
    const int layouts = h.ui.reader.layouts;
    h.key(ImGuiKey_Equal, ImGuiMod_Ctrl);
    CHECK(h.ui.reader.scale == Approx(1.1f));
    CHECK(h.ui.reader.layouts > layouts);  // laid out again at the new size
    for (int i = 0; i < 20; ++i) h.key(ImGuiKey_KeypadAdd, ImGuiMod_Ctrl);
    CHECK(h.ui.reader.scale == Approx(2.0f));
    h.key(ImGuiKey_0, ImGuiMod_Ctrl);
    CHECK(h.ui.reader.scale == Approx(1.0f));
    for (int i = 0; i < 20; ++i) h.key(ImGuiKey_Minus, ImGuiMod_Ctrl);
    CHECK(h.ui.reader.scale == Approx(0.7f));
    h.key(ImGuiKey_0, ImGuiMod_Ctrl);
    CHECK(h.ui.reader.scale == Approx(1.0f));
    // '0' without Ctrl does nothing.
    h.key(ImGuiKey_Equal, ImGuiMod_Ctrl);
    h.key(ImGuiKey_0);
    CHECK(h.ui.reader.scale == Approx(1.1f));
}

TEST_CASE("reader: a work's reading position comes back when it is opened again", "[reader]") {
    Headless h;
    h.open("last");
    for (int i = 0; i < 10; ++i) h.wheel(-5);
    const float kept = h.ui.reader.scroll_y;
    REQUIRE(kept > 100);
    h.open("middle");
    CHECK(h.ui.reader.scroll_y == 0);
    h.open("last");
    CHECK(h.ui.reader.scroll_y == Approx(kept));
    h.key(ImGuiKey_LeftBracket);
    CHECK(h.ui.reader.scroll_y == 0);
    h.key(ImGuiKey_RightBracket);
    h.frame();
    CHECK(h.ui.reader.scroll_y == Approx(kept));
}

TEST_CASE("reader: scrolling a 5 MB body draws without laying it out again", "[reader][large]") {
    Headless h;
    h.open("last");
    REQUIRE(h.ui.reader.body_lines > 10000);
    CHECK(h.ui.reader.body_headings > 100);
    const int layouts = h.ui.reader.layouts;
    const auto started = std::chrono::steady_clock::now();
    float y = h.ui.reader.scroll_y;
    for (int i = 0; i < 50; ++i) {
        h.wheel(-20);
        CHECK(h.ui.reader.scroll_y > y);
        y = h.ui.reader.scroll_y;
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    CHECK(h.ui.reader.layouts == layouts);
    CHECK(ms / 50 < 10.0);  // a frame's worth of drawing, not a layout
    // Only the visible lines are drawn: the reader's draw list stays small.
    CHECK(ImGui::GetDrawData()->TotalVtxCount < 200000);
}
