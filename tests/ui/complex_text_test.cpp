// Text the embedded faces cannot draw alone, through a stand-in for the platform's shaper:
// right-to-left paragraphs set right to left and aligned right, numbers and Latin words
// inside them in their own order, Chinese broken between characters within the measure,
// selection and copy in the text's order, and the missing-glyph count state() reports.
// (The real shapers are tested in tests/platform and the browser tests.)
#include <catch2/catch.hpp>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

#include "core/session/protocol.h"
#include "core/text/utf8.h"
#include "headless.h"
#include "ui/markdown_view.h"

using namespace lectern;

namespace {

// Every code point 10 px wide at 18 px, in proportion at other sizes; nothing missing but U+0378.
struct FakeShaper : ui::TextShaper {
    int measured = 0;
    ui::ShapedRun measure(std::string_view text, const ui::ShapeStyle& st, bool) override {
        ++measured;
        ui::ShapedRun r;
        for (const char32_t cp : utf8_codepoints(text)) {
            r.advance += 10 * st.px / 18;
            r.missing += cp == 0x378;
        }
        return r;
    }
    ui::ShapedRun rasterize(std::string_view text, const ui::ShapeStyle& st, bool rtl, float) override {
        return measure(text, st, rtl);
    }
    std::vector<std::uint32_t> word_breaks(std::string_view) override { return {}; }
};

const char* const kArabic = "مرحبا بالعالم الكبير";           // three words
const char* const kMixed = "كتب Victor Serge في 1917 كتابا";  // Latin and a number inside Arabic
const char* const kHebrewFirst = "Lectern: שלום עולם";        // first strong letter Latin: left to right
std::string chinese() {
    std::string s;
    for (int i = 0; i < 12; ++i) s += "读书是一种旅行，图书馆是一座城市。";
    return s;
}

std::string archive() {
    nlohmann::json a = {{"lectern", 1}, {"title", "Scripts"}};
    a["works"] = nlohmann::json::array({
        {{"id", "ar"}, {"title", "عنوان"}, {"date", "1920"}, {"body", kArabic}},
        {{"id", "mixed"}, {"title", "Mixed"}, {"date", "1921"}, {"body", kMixed}},
        {{"id", "zh"}, {"title", "中文"}, {"date", "1922"}, {"body", chinese()}},
        {{"id", "he"}, {"title", "Hebrew"}, {"date", "1923"}, {"body", kHebrewFirst}},
        {{"id", "latin"}, {"title", "Latin"}, {"date", "1924"}, {"body", "Plain *Latin* text, nothing else."}},
        {{"id", "gap"}, {"title", "Gap"}, {"date", "1925"}, {"body", "A character no font has: \xCD\xB8."}},
    });
    return a.dump();
}

struct Scripts : HeadlessUi {
    FakeShaper shaper;
    explicit Scripts(bool with_shaper = true) : HeadlessUi(archive()) {
        if (with_shaper) ui.complex.shaper = &shaper;
        frame();
    }
    const ui::MarkdownEntry& open(const char* id, const std::string& text) {
        REQUIRE(session.open(id));
        frames(3);
        for (const ui::MarkdownEntry& e : ui.reader.texts->entries)
            if (e.doc.text == text) return e;
        FAIL("no text drawn for " << id);
        throw 0;
    }
    // The run holding byte `at` of the text.
    static const ui::MarkdownRun& run_at(const ui::MarkdownEntry& e, const std::string& what) {
        const std::size_t at = e.doc.text.find(what);
        REQUIRE(at != std::string::npos);
        for (const ui::MarkdownRun& r : e.layout.runs)
            if (r.begin <= at && at < r.end) return r;
        FAIL("no run holds " << what);
        throw 0;
    }
    nlohmann::json state() { return nlohmann::json::parse(protocol::state_json(session, ui.report)); }
};

}  // namespace

TEST_CASE("complex text: an Arabic paragraph runs right to left and ends at the right edge", "[complex]") {
    Scripts h;
    const ui::MarkdownEntry& e = h.open("ar", kArabic);
    REQUIRE(e.layout.lines.size() == 1);
    const ui::MarkdownRun& first = Scripts::run_at(e, "مرحبا");
    const ui::MarkdownRun& second = Scripts::run_at(e, "بالعالم");
    const ui::MarkdownRun& third = Scripts::run_at(e, "الكبير");
    CHECK(first.shaped);
    CHECK(first.level == 1);
    CHECK(third.x < second.x);  // the first word stands rightmost
    CHECK(second.x < first.x);
    CHECK(first.x + first.w == Approx(e.layout.width).margin(0.5));
    CHECK(first.w == Approx(50));  // five letters, measured by the shaper
}

TEST_CASE("complex text: a number and Latin words inside Arabic keep their own order", "[complex]") {
    Scripts h;
    const ui::MarkdownEntry& e = h.open("mixed", kMixed);
    const float kataba = Scripts::run_at(e, "كتب").x, victor = Scripts::run_at(e, "Victor").x,
                serge = Scripts::run_at(e, "Serge").x, fi = Scripts::run_at(e, "في").x,
                year = Scripts::run_at(e, "1917").x, book = Scripts::run_at(e, "كتابا").x;
    // Visual order, left to right: كتابا 1917 في Victor Serge كتب
    CHECK(book < year);
    CHECK(year < fi);
    CHECK(fi < victor);
    CHECK(victor < serge);  // Latin reads left to right inside the right-to-left line
    CHECK(serge < kataba);
    CHECK(Scripts::run_at(e, "Victor").level == 2);
    CHECK(Scripts::run_at(e, "1917").level == 2);
}

TEST_CASE("complex text: a paragraph whose first letter is Latin stays left to right", "[complex]") {
    Scripts h;
    const ui::MarkdownEntry& e = h.open("he", kHebrewFirst);
    const ui::MarkdownRun& latin = Scripts::run_at(e, "Lectern");
    const ui::MarkdownRun& shalom = Scripts::run_at(e, "שלום");
    const ui::MarkdownRun& olam = Scripts::run_at(e, "עולם");
    CHECK(latin.x == Approx(0));
    CHECK(olam.x < shalom.x);  // the Hebrew words run right to left after it
    CHECK(latin.x + latin.w < olam.x);
}

TEST_CASE("complex text: Chinese breaks between characters and never passes the measure", "[complex]") {
    Scripts h;
    const std::string text = chinese();
    const ui::MarkdownEntry& e = h.open("zh", text);
    REQUIRE(e.layout.lines.size() > 2);
    int mid_sentence = 0;
    for (const ui::MarkdownLine& l : e.layout.lines) {
        REQUIRE(l.run_end > l.run_begin);
        const ui::MarkdownRun& last = e.layout.runs[l.run_end - 1];
        CHECK(last.x + last.w <= e.layout.width + 0.5f);
        // No line starts with the full-width comma or stop: they stay with the character before.
        const std::string_view start = std::string_view(e.doc.text).substr(e.layout.runs[l.run_begin].begin, 3);
        CHECK(start != "，");
        CHECK(start != "。");
        if (start != "读") ++mid_sentence;
    }
    CHECK(mid_sentence > 0);  // lines broke inside sentences, where there are no spaces
}

TEST_CASE("complex text: a drag over a right-to-left paragraph selects and copies it in the text's order",
          "[complex][select]") {
    Scripts h;
    const ui::MarkdownEntry& e = h.open("mixed", kMixed);
    // From the right end (the text's start) to the left end (its end).
    const ui::MarkdownLine& l = e.layout.lines[0];
    const float y = e.y + l.y + l.h / 2, right = e.x + e.layout.width - 1, left = e.x + 1;
    h.move(right, y);
    ImGui::GetIO().AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    h.frame();
    h.move(left, y);
    ImGui::GetIO().AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    h.frame();
    CHECK(ui::selected_text(*h.ui.reader.texts) == kMixed);
    // Inside the Latin words the caret is placed as in any left-to-right text.
    const ui::TextPoint v =
        ui::markdown_point(e, h.ui.fonts, static_cast<std::uint32_t>(std::string(kMixed).find("Victor")));
    const ui::TextPoint s =
        ui::markdown_point(e, h.ui.fonts, static_cast<std::uint32_t>(std::string(kMixed).find("Serge")));
    CHECK(v.x < s.x);
}

TEST_CASE("complex text: Latin text never goes to the shaper", "[complex]") {
    Scripts h;
    h.open("latin", "Plain Latin text, nothing else.");
    for (const ui::MarkdownEntry& e : h.ui.reader.texts->entries)
        if (e.doc.text.find("Plain") == 0)
            for (const ui::MarkdownRun& r : e.layout.runs) CHECK_FALSE(r.shaped);
}

TEST_CASE("complex text: state().glyphs counts characters drawn without a glyph", "[complex][hook]") {
    SECTION("with the platform's shaper only what no font has is missing") {
        Scripts h;
        h.open("ar", kArabic);
        h.open("zh", chinese());
        h.frame();
        CHECK(h.state()["glyphs"]["missing"] == 0);
        CHECK(h.state()["glyphs"]["shaped"].get<int>() > 0);
        h.open("gap", "A character no font has: \xCD\xB8.");
        h.frame();
        CHECK(h.state()["glyphs"]["missing"] == 1);
    }
    SECTION("without one, every character the faces lack is") {
        Scripts h(false);
        h.open("ar", kArabic);
        h.frame();
        CHECK(h.state()["glyphs"]["missing"].get<int>() >= 18);  // the Arabic letters, as U+FFFD
    }
}
