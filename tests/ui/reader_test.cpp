// Headless frames of the reader over small archives written here: Markdown laid
// out, previous/next by key, reading size, kept positions, no relayout on scroll,
// the query's matches walked with F3 / Enter, and text selected with the mouse and copied.
#include <catch2/catch.hpp>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <string>

#include "headless.h"
#include "ui/markdown_view.h"
#include "ui/search_view.h"

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

// A work that names Kronstadt three times, far apart and written three ways, and a short one.
std::string find_archive_json() {
    std::string body;
    for (int i = 0; i < 120; ++i) {
        if (i == 10) body += "The **Kronstadt** sailors rose.\n\n";
        else if (i == 60) body += "After KRON\xC5\xA0TADT nothing was the same.\n\n";  // Š
        else if (i == 110) body += "- kronstadt, *again*\n\n";
        else body += "Paragraph " + std::to_string(i) + " of plain text that goes on, so that it fills a line.\n\n";
    }
    nlohmann::json a = {{"lectern", 1}, {"title", "Find test"}};
    a["works"] = nlohmann::json::array({
        {{"id", "kron"}, {"title", "On Kronstadt"}, {"date", "1938"}, {"body", body}},
        {{"id", "short"},
         {"title", "Short"},
         {"date", "1939"},
         {"body",
          "Nothing to see.\n\nSecond paragraph here, with [a link](https://example.org/).\n\n- item one\n- item "
          "two\n"}},
    });
    return a.dump();
}

struct Headless : HeadlessUi {
    explicit Headless(const std::string& json = archive_json()) : HeadlessUi(json) { frame(); }

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
    // Where the text `what` (its first byte, plus `skip` bytes) was drawn: the middle of its line, half a pixel in.
    ImVec2 at_text(const ui::MarkdownEntry& e, const std::string& what, std::size_t skip = 0) const {
        const std::size_t at = e.doc.text.find(what);
        REQUIRE(at != std::string::npos);
        const ui::TextPoint p = ui::markdown_point(e, ui.fonts, static_cast<std::uint32_t>(at + skip));
        return ImVec2(p.x + 0.5f, p.y + p.h / 2);
    }
    void press(ImVec2 p) {
        move(p.x, p.y);
        ImGui::GetIO().AddMouseButtonEvent(ImGuiMouseButton_Left, true);
        frame();
    }
    void release(ImVec2 p) {
        move(p.x, p.y);
        ImGui::GetIO().AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        frame();
    }
    void drag(ImVec2 from, ImVec2 to) {
        press(from);
        move((from.x + to.x) / 2, (from.y + to.y) / 2);
        release(to);
    }
    std::vector<std::string> copied() {
        std::vector<std::string> out;
        for (const Outgoing& o : session.take_outgoing())
            if (o.kind == Outgoing::Kind::copy) out.push_back(o.text);
        return out;
    }
    std::string selected() const { return ui::selected_text(*ui.reader.texts); }
    // The walk's current match lies inside the reader, below the timeline (the reader fills
    // the lower half of the 800-pixel window).
    bool current_match_in_view(const ui::MarkdownEntry& e) const {
        const auto& walk = ui.reader.texts->walk;
        const ui::TextPoint p = ui::markdown_point(
            e, ui.fonts, static_cast<std::uint32_t>(e.matches[static_cast<std::size_t>(walk.current)].begin));
        CAPTURE(p.y);
        return p.y > 800 * 0.48f + 20 && p.y + p.h < 800 - 20;
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
        "one",
        "two",
        "nested",
        "A verse line,",
        "another line,",
        "the last line.",
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

TEST_CASE("reader: one '[' or ']' with the pointer over the timeline steps once, by the reader's rule",
          "[reader][timeline]") {
    Headless h;
    const int first = h.session.archive().work_index("first");
    const int middle = h.session.archive().work_index("middle");
    const int last = h.session.archive().work_index("last");
    h.open("middle");
    REQUIRE_FALSE(h.ui.timeline.marks.empty());
    const ui::TimelineMark& mark = h.ui.timeline.marks.front();
    h.move((mark.x0 + mark.x1) / 2, (mark.y0 + mark.y1) / 2);
    REQUIRE(h.ui.timeline.hovered_work >= 0);  // the timeline sees the keys too
    const struct {
        ImGuiKey key;
        int expected;
    } kSteps[] = {
        {ImGuiKey_RightBracket, last},  {ImGuiKey_RightBracket, last},   {ImGuiKey_LeftBracket, middle},
        {ImGuiKey_LeftBracket, first},  {ImGuiKey_LeftBracket, -1},      {ImGuiKey_LeftBracket, -1},
        {ImGuiKey_RightBracket, first}, {ImGuiKey_RightBracket, middle},
    };
    int n = 0;
    for (const auto& s : kSteps) {
        CAPTURE(n++, ImGui::GetKeyName(s.key));
        h.key(s.key);
        CHECK(h.session.selected() == s.expected);
    }
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
    // The size is the session's preference, handed to the platform to keep.
    CHECK(h.session.prefs().reading_scale == Approx(1.1));
    bool saved = false;
    for (const Outgoing& o : h.session.take_outgoing())
        saved |= o.kind == Outgoing::Kind::save_prefs && o.text.find("\"reading_scale\":1.1") != std::string::npos;
    CHECK(saved);
}

TEST_CASE("reader: a kept reading size arrives with the page's preferences", "[reader]") {
    Headless h;
    h.open("middle");
    REQUIRE(protocol::command(h.session, R"({"prefs": {"reading_scale": 1.4}})") == R"({"ok":true})");
    h.frames(2);
    CHECK(h.ui.reader.scale == Approx(1.4f));
    CHECK(h.session.take_outgoing().empty());  // taken up, not sent back to be kept again
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

TEST_CASE("reader: opening a work with a query active goes to its first match, and F3 and Enter walk the matches",
          "[reader][find]") {
    Headless h(find_archive_json());
    h.session.search("kronstadt");
    h.open("kron");
    const ui::MarkdownEntry* e = h.entry_containing("sailors rose");
    REQUIRE(e);
    const ui::MatchWalk& walk = h.ui.reader.texts->walk;
    // Every match of the body, folded as search folds: case and accents differ.
    REQUIRE(e->matches.size() == 3);
    const char* const kMarked[] = {"Kronstadt", "KRON\xC5\xA0TADT", "kronstadt"};
    for (std::size_t i = 0; i < 3; ++i)
        CHECK(e->doc.text.substr(e->matches[i].begin, e->matches[i].end - e->matches[i].begin) == kMarked[i]);
    CHECK(walk.count == 3);
    CHECK(walk.current == 0);
    CHECK(e->current_match == 0);
    CHECK(h.ui.reader.scroll_y > 0);  // paragraph 10 is below the fold
    CHECK(h.current_match_in_view(*e));

    const struct {
        ImGuiKey key, mod;
        int expected;
    } kSteps[] = {
        {ImGuiKey_F3, ImGuiKey_None, 1},  {ImGuiKey_Enter, ImGuiKey_None, 2},  {ImGuiKey_F3, ImGuiKey_None, 0},
        {ImGuiKey_F3, ImGuiMod_Shift, 2}, {ImGuiKey_Enter, ImGuiMod_Shift, 1}, {ImGuiKey_KeypadEnter, ImGuiKey_None, 2},
    };
    int n = 0;
    for (const auto& step : kSteps) {
        CAPTURE(n++, ImGui::GetKeyName(step.key));
        const float before = h.ui.reader.scroll_y;
        h.key(step.key, step.mod);
        h.frames(3);
        CHECK(walk.current == step.expected);
        CHECK(e->current_match == step.expected);
        CHECK(h.current_match_in_view(*e));
        CHECK(h.ui.reader.scroll_y != before);  // the matches are screens apart
    }

    // A new query marks its own matches and starts over; no query, no marks.
    h.session.search("sailors");
    h.frames(3);
    CHECK(e->matches.size() == 1);
    CHECK(walk.count == 1);
    CHECK(walk.current == 0);
    h.session.search("");
    h.frames(2);
    CHECK(e->matches.empty());
    CHECK(walk.count == 0);
    h.key(ImGuiKey_F3);
    CHECK(walk.current == 0);
}

TEST_CASE("reader: Enter walks the matches only while the search box does not have the keys", "[reader][find]") {
    Headless h(find_archive_json());
    h.session.search("kronstadt");
    h.open("kron");
    const ui::MatchWalk& walk = h.ui.reader.texts->walk;
    REQUIRE(walk.count == 3);
    h.key(ImGuiKey_F, ImGuiMod_Ctrl);  // into the search box
    h.frames(2);
    REQUIRE(ImGui::GetIO().WantTextInput);
    h.key(ImGuiKey_Enter);
    CHECK(walk.current == 0);
    h.key(ImGuiKey_F3);  // F3 types nothing: it walks from anywhere
    CHECK(walk.current == 1);
}

TEST_CASE("reader: a drag selects text across blocks and Ctrl+C copies it as plain text", "[reader][select]") {
    Headless h(find_archive_json());
    h.open("short");
    const ui::MarkdownEntry* e = h.entry_containing("Nothing to see.");
    REQUIRE(e);
    h.key(ImGuiKey_C, ImGuiMod_Ctrl);
    CHECK(h.copied().empty());  // nothing selected, nothing copied

    h.drag(h.at_text(*e, "to see"), h.at_text(*e, "item one", 4));
    CHECK(h.selected() == "to see.\n\nSecond paragraph here, with a link.\n\nitem");
    h.key(ImGuiKey_C, ImGuiMod_Ctrl);
    CHECK(h.copied() == std::vector<std::string>{"to see.\n\nSecond paragraph here, with a link.\n\nitem"});
    // Dragging backwards selects the same way; list items copy a line apart.
    h.drag(h.at_text(*e, "two", 3), h.at_text(*e, "one"));
    CHECK(h.selected() == "one\nitem two");
    // Ctrl+A selects the whole text.
    h.key(ImGuiKey_A, ImGuiMod_Ctrl);
    h.key(ImGuiKey_C, ImGuiMod_Ctrl);
    CHECK(h.copied() ==
          std::vector<std::string>{"Nothing to see.\n\nSecond paragraph here, with a link.\n\nitem one\nitem two"});
}

TEST_CASE("reader: Shift+click extends, double-click takes a word, triple-click a paragraph", "[reader][select]") {
    Headless h(find_archive_json());
    h.open("short");
    const ui::MarkdownEntry* e = h.entry_containing("Nothing to see.");
    REQUIRE(e);
    const ImVec2 word = h.at_text(*e, "paragraph", 3);
    h.click(word.x, word.y);
    CHECK(h.selected().empty());
    h.click(word.x, word.y);  // the second click of a double-click
    CHECK(h.selected() == "paragraph");
    h.click(word.x, word.y);
    CHECK(h.selected() == "Second paragraph here, with a link.");

    h.frames(30);  // past the double-click time
    const ImVec2 start = h.at_text(*e, "see");
    h.click(start.x, start.y);
    const ImVec2 end = h.at_text(*e, "here", 4);
    ImGui::GetIO().AddKeyEvent(ImGuiMod_Shift, true);
    h.click(end.x, end.y);
    ImGui::GetIO().AddKeyEvent(ImGuiMod_Shift, false);
    h.frame();
    CHECK(h.selected() == "see.\n\nSecond paragraph here");

    // A click beside the text drops the selection; so does opening another work.
    h.click(40, end.y);
    CHECK(h.selected().empty());
    h.drag(start, end);
    REQUIRE_FALSE(h.selected().empty());
    h.open("kron");
    CHECK(h.selected().empty());
}

TEST_CASE("reader: a click on a link opens it, a drag that ends on it selects", "[reader][select]") {
    Headless h(find_archive_json());
    h.open("short");
    const ui::MarkdownEntry* e = h.entry_containing("Nothing to see.");
    REQUIRE(e);
    const auto opened = [&] {
        int n = 0;
        for (const Outgoing& o : h.session.take_outgoing()) n += o.kind == Outgoing::Kind::open_url;
        return n;
    };
    opened();
    const ImVec2 link = h.at_text(*e, "a link", 2);
    h.drag(h.at_text(*e, "with"), link);
    CHECK(h.selected() == "with a ");
    CHECK(opened() == 0);
    h.frames(30);
    h.click(link.x, link.y);
    CHECK(opened() == 1);
}

TEST_CASE("reader: a result opened from the search box shows its first match, and again after the list",
          "[reader][find]") {
    Headless h(find_archive_json());
    h.open("short");
    h.key(ImGuiKey_F, ImGuiMod_Ctrl);
    h.type("kronstadt");
    REQUIRE(ui::results_shown(h.session, h.ui.search));
    REQUIRE_FALSE(h.session.results().empty());
    CHECK(h.session.results().front().ref == "work:kron");
    h.key(ImGuiKey_Enter);  // opens the highlighted result
    h.frames(3);
    REQUIRE(h.session.selected() == h.session.archive().work_index("kron"));
    const ui::MarkdownEntry* e = h.entry_containing("sailors rose");
    REQUIRE(e);
    CHECK(h.ui.reader.texts->walk.current == 0);
    CHECK(h.ui.reader.scroll_y > 0);
    CHECK(h.current_match_in_view(*e));

    // Scrolled away, then the list shown and closed: the same work and query go back to the match.
    for (int i = 0; i < 5; ++i) h.wheel(10);
    REQUIRE(h.ui.reader.scroll_y == 0);
    h.ui.search.show_results = true;
    h.frames(2);
    h.ui.search.show_results = false;
    h.frames(3);
    CHECK(h.current_match_in_view(*e));
}

TEST_CASE("reader: a finger drags the text to scroll, a flick glides on until a touch stops it, and neither selects",
          "[reader][touch]") {
    Headless h(find_archive_json());
    h.open("kron");
    ImGuiIO& io = ImGui::GetIO();
    const auto finger = [&](ImGuiMouseSource source, float y, int button) {  // button: -1 up, 1 down, 0 as it was
        io.AddMouseSourceEvent(source);
        io.AddMousePosEvent(640, y);
        if (button != 0) io.AddMouseButtonEvent(ImGuiMouseButton_Left, button > 0);
        h.frame();
    };
    const auto flick = [&](ImGuiMouseSource source) {  // 320 pixels up in eight frames, let go at speed
        finger(source, 760, 1);
        for (int i = 1; i <= 8; ++i) finger(source, 760.0f - 40.0f * static_cast<float>(i), 0);
        finger(source, 440, -1);
    };
    REQUIRE(h.ui.reader.scroll_y == 0.0f);
    flick(ImGuiMouseSource_TouchScreen);
    CHECK(h.ui.reader.scroll_y == Approx(320.0f).margin(1.0f));  // the text followed the finger
    CHECK(h.selected().empty());
    CHECK(ui::ui_wants_frames(h.ui));  // gliding
    h.frames(180);
    const float glided = h.ui.reader.scroll_y;
    CHECK(glided > 400.0f);
    CHECK(glided < 320.0f + 4 * 800.0f / 4);  // a glide covers at most one window height
    CHECK_FALSE(ui::ui_wants_frames(h.ui));   // and comes to rest

    // A touch during a glide stops it where it is.
    flick(ImGuiMouseSource_TouchScreen);
    h.frames(2);
    finger(ImGuiMouseSource_TouchScreen, 600, 0);  // ImGui takes a move and a press in one frame over two
    finger(ImGuiMouseSource_TouchScreen, 600, 1);
    const float held = h.ui.reader.scroll_y;
    h.frames(30);
    CHECK(h.ui.reader.scroll_y == Approx(held).margin(1.0f));
    finger(ImGuiMouseSource_TouchScreen, 600, -1);
    h.frames(30);
    CHECK(h.ui.reader.scroll_y == Approx(held).margin(1.0f));  // a tap flings nothing
    CHECK(h.selected().empty());

    // The same movement with a mouse selects text and leaves the scroll alone.
    flick(ImGuiMouseSource_Mouse);
    h.frames(30);
    CHECK(h.ui.reader.scroll_y == Approx(held).margin(1.0f));
    CHECK_FALSE(h.selected().empty());
}
