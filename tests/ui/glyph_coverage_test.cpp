// The font atlas is built for the loaded archive: every character the archive uses has a
// glyph in every face the reader draws with (no tofu boxes), for the bundled archive from
// the faces' core alone and for Cyrillic and Greek text once the faces' rest is given;
// anything else draws as the replacement mark.
#include <catch2/catch.hpp>
#include <imgui.h>

#include <chrono>
#include <cstdio>

#include "core/archive/codepoints.h"
#include "core/text/utf8.h"
#include "core/i18n/translate.h"
#include "ui/app.h"
#include "../test_files.h"
#include "embedded_font_rest.h"

using namespace lectern;

namespace {

// Russian, Greek and accented Latin in every kind of member, Markdown entities in a body.
const char* const kCyrillicGreek = R"({"lectern": 1, "title": "Виктор Серж — Ελληνικά", "subtitle": "Архив · Αρχείο",
  "people": [{"id": "kibalchich", "name": "Виктор Львович Кибальчич", "born_place": "Брюссель", "note": "Ёё Ъъ Її Ґґ Ўў"},
             {"id": "kazantzakis", "name": "Νίκος Καζαντζάκης", "born_place": "Ηράκλειο"}],
  "pages": [{"id": "p", "title": "Предисловие", "body": "«Год первый пролетарской революции» &mdash; &#x0416;", "cite": "Σ."}],
  "events": [{"date": "1936", "title": "Αθήνα, ΑΘΗΝΑ: ά έ ή ί ό ύ ώ ϊ ϋ ΐ ΰ ς", "place": "Łódź, żółć; příliš", "people": ["kazantzakis"]}],
  "works": [{"id": "a", "title": "Полночь века", "date": "1939", "kind": "book", "people": ["kibalchich"],
             "body": "Français: André Gide, « ça », œuvre; Deutsch: Straße, Ärger; Español: ¿año? ¡sí!\n\n“quotes” ‘single’ – — … € † ‰"},
            {"id": "b", "title": "Εν αρχή ην ο λόγος", "date": "1940", "notes": "monotonic Greek; Latin Extended Additional ẞ ỳ"}]})";

constexpr ImWchar kReplacement = 0xFFFD;

// The faces of the reader, and the characters of the interface's own strings.
std::vector<const ImFont*> faces(const ui::Fonts& f) {
    return {f.ui, f.small, f.body, f.heading, f.body_italic, f.body_bold, f.body_bold_italic};
}
const char* const kInterfaceText = "Search the archive   (Ctrl+F or /) · – — ‘ ’ “ ” • … ‹ › ← → ↑ ↓ 0123456789";

void check_every_glyph(const ui::Fonts& f, const std::vector<char32_t>& cps) {
    for (const ImFont* font : faces(f)) {
        REQUIRE(font);
        for (const char32_t cp : cps) {
            CAPTURE(static_cast<unsigned>(cp));
            CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
        }
    }
}

struct Atlas {
    Session session;
    ui::UiState ui;
    explicit Atlas(const std::string& json) {
        ImGui::CreateContext();
        REQUIRE(session.load(json).ok());
        ui::init_ui(ui, 1.0f, &session);
    }
    ~Atlas() { ImGui::DestroyContext(); }
    Atlas(const Atlas&) = delete;
    Atlas& operator=(const Atlas&) = delete;
    std::vector<char32_t> archive_cps() const { return archive_codepoints(session.archive()); }
    // What the shell does when the atlas asks for the faces' rest (platform/page_bridge.h).
    void give_rest() {
        ui::give_font_rest(ui.font_rest, std::string(reinterpret_cast<const char*>(kFontRestPack), kFontRestPackSize));
        REQUIRE(ui.font_rest.status == ui::FontRest::Status::loaded);
    }
};

}  // namespace

TEST_CASE("glyphs: the atlas for the bundled archive has every character it uses, and the interface's", "[glyphs]") {
    Atlas a(bundled_archive());
    const auto cps = a.archive_cps();
    REQUIRE(cps.size() > 60);
    // The viewer's own core of the faces is enough: the bundled archive never asks for the rest.
    CHECK_FALSE(a.ui.fonts.with_rest);
    CHECK(a.ui.font_rest.status == ui::FontRest::Status::unneeded);
    check_every_glyph(a.ui.fonts, cps);
    check_every_glyph(a.ui.fonts, utf8_codepoints(kInterfaceText));
    // Exactly those: Greek is in the font but neither in this archive nor in the interface's
    // catalogues, so not in its atlas.
    CHECK(a.ui.fonts.body->FindGlyphNoFallback(0x03A9) == nullptr);
}

TEST_CASE("glyphs: each interface language gets an atlas with its words' characters, none drawn as the mark",
          "[glyphs][i18n]") {
    Atlas a(bundled_archive());  // an English archive without Cyrillic
    // English: the language switch's "Русский" is there, the rest of Russian is not.
    for (const char32_t cp : utf8_codepoints("Русский"))
        CHECK(a.ui.fonts.ui->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
    CHECK(a.ui.fonts.ui->FindGlyphNoFallback(0x0416) == nullptr);  // Ж, of "Жизни"
    CHECK_FALSE(ui::update_fonts(a.session, a.ui, 1.0f));
    for (const std::string& language : interface_languages()) {
        CAPTURE(language);
        REQUIRE(a.session.choose_language(language));
        CHECK(ui::update_fonts(a.session, a.ui, 1.0f) == (language != "en"));  // built again for another language
        for (const std::string& key : message_keys(language)) {
            CAPTURE(key);
            for (const char32_t cp : utf8_codepoints(message(language, key))) {
                if (cp < 0x20) continue;  // line breaks are layout, not glyphs
                CAPTURE(static_cast<unsigned>(cp));
                CHECK(cp != kReplacement);
                for (const ImFont* font : faces(a.ui.fonts))
                    CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
            }
        }
        // The archive's own characters stay, and the core holds them all.
        for (const char32_t cp : a.archive_cps())
            CHECK(a.ui.fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
        CHECK(a.ui.font_rest.status == ui::FontRest::Status::unneeded);
    }
    use_language("en");
}

TEST_CASE("glyphs: a Cyrillic and Greek archive loaded later gets an atlas with its characters", "[glyphs]") {
    Atlas a(bundled_archive());
    ui::update_fonts(a.session, a.ui, 1.0f);
    CHECK_FALSE(ui::update_fonts(a.session, a.ui, 1.0f));  // nothing changed: nothing to build
    REQUIRE(a.session.load(kCyrillicGreek).ok());
    CHECK(ui::update_fonts(a.session, a.ui, 1.0f));  // another archive: built again for it
    // Ґ and the Greek are beyond the core: the atlas asks for the rest and lacks them until it comes.
    CHECK(a.ui.font_rest.status == ui::FontRest::Status::wanted);
    CHECK(a.ui.fonts.body->FindGlyphNoFallback(0x0490) == nullptr);
    CHECK(a.ui.fonts.body->FindGlyphNoFallback(0x03C2) == nullptr);
    a.give_rest();
    CHECK(ui::update_fonts(a.session, a.ui, 1.0f));  // built again with the rest merged in
    CHECK(a.ui.fonts.with_rest);
    CHECK_FALSE(ui::update_fonts(a.session, a.ui, 1.0f));
    const auto cps = a.archive_cps();
    for (const char32_t cp :
         {char32_t(0x0416), char32_t(0x0401), char32_t(0x0390), char32_t(0x03C2), char32_t(0x2014), char32_t(0x00AB),
          char32_t(0x0142), char32_t(0x1E9E), char32_t(0x20AC), char32_t(0x2030)}) {
        CAPTURE(static_cast<unsigned>(cp));
        CHECK(std::binary_search(cps.begin(), cps.end(), cp));  // the fixture uses what it means to test
    }
    check_every_glyph(a.ui.fonts, cps);
    check_every_glyph(a.ui.fonts, utf8_codepoints(kInterfaceText));
    // A denser screen: built again at its density, with the same characters.
    CHECK(ui::update_fonts(a.session, a.ui, 2.0f));
    check_every_glyph(a.ui.fonts, cps);
}

TEST_CASE("glyphs: a character outside the fonts draws as the replacement mark, not as nothing", "[glyphs]") {
    Atlas a(kCyrillicGreek);
    ImGui::GetIO().DisplaySize = ImVec2(800, 600);
    for (const ImFont* font : faces(a.ui.fonts)) {
        REQUIRE(font->FindGlyphNoFallback(kReplacement) != nullptr);
        CHECK(font->FallbackChar == kReplacement);
        const ImFontGlyph* mark = font->FindGlyph(kReplacement);
        for (const ImWchar cp : {ImWchar(0x4E2D), ImWchar(0x0627), ImWchar(0x05D0)}) {  // 中, Arabic alef, Hebrew alef
            CAPTURE(cp);
            CHECK(font->FindGlyphNoFallback(cp) == nullptr);
            CHECK(font->FindGlyph(cp) == mark);
        }
        // U+1F600 lies beyond ImGui's 16-bit characters: decoded as U+FFFD, drawn as the mark.
        const char* emoji = "\xF0\x9F\x98\x80";
        const float w = font->CalcTextSizeA(font->FontSize, 1e9f, 0, emoji).x;
        CHECK(w == Approx(mark->AdvanceX));
    }
}

TEST_CASE("glyphs: the atlas for the bundled archive is smaller than one with every supported character", "[glyphs]") {
    Atlas a(bundled_archive());
    a.give_rest();
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    const auto build = [&](ui::GlyphRanges ranges) {
        const auto t0 = std::chrono::steady_clock::now();
        a.ui.fonts = ui::load_fonts(1.0f, std::move(ranges), a.ui.font_rest);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        int glyphs = 0;
        for (const ImFont* f : faces(a.ui.fonts)) glyphs += f->Glyphs.Size;
        return std::tuple<int, int, int, double>(atlas->TexWidth, atlas->TexHeight, glyphs, ms);
    };
    const auto [w0, h0, g0, ms0] = build(ui::supported_glyph_ranges());
    const auto [w1, h1, g1, ms1] = build(ui::glyph_ranges(a.archive_cps()));
    std::printf("atlas, every supported character: %dx%d (%d KB as RGBA), %d glyphs, built in %.1f ms\n", w0, h0,
                w0 * h0 * 4 / 1024, g0, ms0);
    std::printf("atlas, the bundled archive's:     %dx%d (%d KB as RGBA), %d glyphs, built in %.1f ms\n", w1, h1,
                w1 * h1 * 4 / 1024, g1, ms1);
    CHECK(w1 * h1 * 4 < w0 * h0);  // a quarter of the size or less
    CHECK(g1 < g0 / 4);
}
