// Every character of the bundled archive, and of Cyrillic and Greek text, is in
// the font atlas of every face the reader draws with: no tofu boxes.
#include <catch2/catch.hpp>
#include <imgui.h>

#include "ui/app.h"
#include "../test_files.h"

using namespace lectern;

namespace {

// Decodes UTF-8 (the archive is valid UTF-8: the loader checked it).
std::vector<unsigned> code_points(const std::string& s) {
    std::vector<unsigned> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        unsigned cp = n == 1 ? c : c & (0x3F >> (n - 1));
        for (int k = 1; k < n && i + static_cast<std::size_t>(k) < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
        out.push_back(cp);
        i += static_cast<std::size_t>(n);
    }
    return out;
}

void check_faces(const ui::Fonts& f, const std::string& text) {
    for (const ImFont* font : {f.ui, f.small, f.body, f.heading, f.body_italic, f.body_bold, f.body_bold_italic}) {
        REQUIRE(font);
        for (const unsigned cp : code_points(text)) {
            if (cp < 0x20 || cp == 0x7F) continue;  // control characters are not drawn
            CAPTURE(cp);
            CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
        }
    }
}

}  // namespace

TEST_CASE("glyphs: every character of the bundled archive and of Cyrillic and Greek text is drawable", "[glyphs]") {
    ImGui::CreateContext();
    ui::UiState ui;
    ui::init_ui(ui, 1.0f);
    check_faces(ui.fonts, bundled_archive());
    check_faces(ui.fonts, "Виктор Львович Кибальчич — «Год первый пролетарской революции», Ёё Ъъ. "
                          "Ελληνικά: Αθήνα, ΑΘΗΝΑ, ά έ ή ί ό ύ ώ ϊ ϋ ΐ ΰ. "
                          "Français: André Gide, « ça », œuvre; Deutsch: Straße, Ärger; Español: ¿año? ¡sí! "
                          "Polski: Łódź, żółć; Čeština: příliš; “quotes” ‘single’ – — … € †");
    // Anything else falls back to a visible replacement mark, not to nothing.
    CHECK(ui.fonts.body->FindGlyphNoFallback(0xFFFD) != nullptr);
    ImGui::DestroyContext();
}
