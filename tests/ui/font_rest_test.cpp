// The faces' rest as the page hands it over: the pack built with the viewer is split into
// its faces and merged into the atlas; a pack that is cut, foreign or of another build is
// refused with what is wrong, and the atlas keeps drawing from the core.
#include <catch2/catch.hpp>
#include <imgui.h>

#include <string>

#include "core/session/protocol.h"
#include "ui/app.h"
#include "../test_files.h"
#include "embedded_font_rest.h"
#include "font_rest_id.h"

using namespace lectern;

namespace {

std::string built_pack() { return std::string(reinterpret_cast<const char*>(kFontRestPack), kFontRestPackSize); }

// Vietnamese (Latin Extended Additional), Greek and Ukrainian: none of them in the
// bundled archive or the catalogues, so none in the viewer's core.
const char* const kBeyondCore = R"({"lectern": 1, "title": "Nhật ký trong tù", "works": [
  {"id": "a", "title": "Εν αρχή ην ο λόγος", "date": "1942", "body": "*Nhật ký* — **Її** ґанок, Ѣ"}]})";

struct Viewer {
    Session session;
    ui::UiState ui;
    Viewer() {
        ImGui::CreateContext();
        REQUIRE(session.load(bundled_archive()).ok());
        ui::init_ui(ui, 1.0f, &session);
    }
    ~Viewer() { ImGui::DestroyContext(); }
    Viewer(const Viewer&) = delete;
    Viewer& operator=(const Viewer&) = delete;
    std::string state_fonts() {
        ui.report.fonts_rest = ui::font_rest_status(ui.font_rest);
        ui.report.fonts_error = ui.font_rest.error;
        return protocol::state_json(session, ui.report);
    }
};

}  // namespace

TEST_CASE("font rest: the pack built with the viewer splits into its five TrueType faces", "[fonts]") {
    std::vector<std::string_view> faces;
    const std::string pack = built_pack();
    CHECK(ui::split_font_pack(pack, kFontRestFaces, faces).empty());
    REQUIRE(faces.size() == 5);
    for (const std::string_view f : faces) CHECK(f.substr(0, 4) == std::string_view("\0\1\0\0", 4));
}

TEST_CASE("font rest: a broken pack is refused with what is wrong", "[fonts]") {
    std::vector<std::string_view> faces;
    const std::string pack = built_pack();
    CHECK(ui::split_font_pack("<html>404</html>", 5, faces).find("not a Lectern font pack") != std::string::npos);
    CHECK(ui::split_font_pack(pack, 4, faces) == "it holds 5 faces, not 4");
    CHECK(ui::split_font_pack(pack.substr(0, pack.size() - 1), 5, faces) == "face 5 is cut short");
    CHECK(ui::split_font_pack(pack + "x", 5, faces) == "1 bytes follow the last face");
    std::string not_ttf = pack;
    not_ttf[16] = 'X';  // the first face's version
    CHECK(ui::split_font_pack(not_ttf, 5, faces) == "face 1 is not a TrueType font");
    CHECK(faces.empty());
}

TEST_CASE("font rest: the bundled archive draws from the core, and another script asks once for the rest", "[fonts]") {
    Viewer v;
    CHECK(v.ui.font_rest.status == ui::FontRest::Status::unneeded);
    CHECK(v.state_fonts().find(R"("fonts":{"error":"","rest":"unneeded"})") != std::string::npos);
    REQUIRE(v.session.load(kBeyondCore).ok());
    CHECK(ui::update_fonts(v.session, v.ui, 1.0f));
    CHECK(v.ui.font_rest.status == ui::FontRest::Status::wanted);
    CHECK(v.ui.fonts.ui->FindGlyphNoFallback(0x1EAD) == nullptr);  // ậ
    v.ui.font_rest.status = ui::FontRest::Status::asked;           // the shell asked the page
    CHECK_FALSE(ui::update_fonts(v.session, v.ui, 1.0f));          // nothing to build until the answer
    ui::give_font_rest(v.ui.font_rest, built_pack());
    CHECK(ui::update_fonts(v.session, v.ui, 1.0f));
    CHECK(v.state_fonts().find(R"("rest":"loaded")") != std::string::npos);
    const ui::Fonts& f = v.ui.fonts;
    for (const ImFont* font : {f.ui, f.small, f.body, f.heading, f.body_italic, f.body_bold, f.body_bold_italic})
        for (const ImWchar cp : {ImWchar(0x1EAD), ImWchar(0x03AE), ImWchar(0x0407), ImWchar(0x0491), ImWchar(0x0462)}) {
            CAPTURE(cp);
            CHECK(font->FindGlyphNoFallback(cp) != nullptr);
        }
    // Back to the bundled archive: the rest, once here, stays merged in.
    REQUIRE(v.session.load(bundled_archive()).ok());
    CHECK(ui::update_fonts(v.session, v.ui, 1.0f));
    CHECK(v.ui.fonts.with_rest);
}

TEST_CASE("font rest: another build's or a broken pack fails, and the atlas keeps its core", "[fonts]") {
    Viewer v;
    REQUIRE(v.session.load(kBeyondCore).ok());
    ui::update_fonts(v.session, v.ui, 1.0f);
    v.ui.font_rest.status = ui::FontRest::Status::asked;
    std::string other = built_pack();
    other[other.size() / 2] ^= 1;  // one bit of a glyph: the same shape, another pack
    ui::give_font_rest(v.ui.font_rest, other);
    CHECK(v.ui.font_rest.status == ui::FontRest::Status::failed);
    CHECK(v.ui.font_rest.error.find("not the one this viewer was built with") != std::string::npos);
    CHECK(v.state_fonts().find("not the one this viewer was built with") != std::string::npos);
    CHECK_FALSE(ui::update_fonts(v.session, v.ui, 1.0f));  // nothing to build, and nothing asked again
    CHECK(v.ui.font_rest.status == ui::FontRest::Status::failed);
    CHECK(v.ui.fonts.body->FindGlyphNoFallback(0x0041) != nullptr);
    ui::font_rest_failed(v.ui.font_rest, "HTTP 404");
    CHECK(v.state_fonts().find(R"("fonts":{"error":"HTTP 404","rest":"failed"})") != std::string::npos);
}
