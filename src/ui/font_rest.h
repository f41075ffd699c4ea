// The rest of the font faces: the characters beyond the core the viewer carries
// (cmake/font_split.py: the bundled archive's and the catalogues'). An archive that needs
// one of them (Vietnamese, rarer Greek or Cyrillic) makes the atlas ask for the rest; the
// page answers with lectern-fonts.bin (cmake/font_pack.py) and the atlas is built again.
// Until then, and if it never comes, those characters are drawn by the platform's
// shaper (ui/complex_text.h), never as replacement marks.
//
//   if (rest.status == FontRest::Status::wanted) { rest.status = FontRest::Status::asked; ask the page }
//   give_font_rest(rest, bytes);  // the page's answer: loaded, or failed with the reason
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lectern::ui {

struct FontRest {
    enum class Status { unneeded, wanted, asked, loaded, failed };
    Status status = Status::unneeded;
    std::string pack;                     // the bytes; ImGui's atlas reads the faces from here
    std::vector<std::string_view> faces;  // into pack, in the order the viewer adds its faces
    std::string error;                    // why it failed
};

// Checks `bytes` against the pack this viewer was built with and splits it into faces.
// On a mismatch the rest stays unloaded and `error` says what is wrong.
void give_font_rest(FontRest& rest, std::string bytes);
// The page could not get the pack (`why`): the characters stay with the platform's shaper.
void font_rest_failed(FontRest& rest, std::string why);
// "unneeded", "wanted", "asked", "loaded" or "failed" (state().fonts.rest).
const char* font_rest_status(const FontRest& rest);

// Splits a pack: "LECTFNT1", a count, then each face as a 32-bit little-endian size and
// its bytes. Returns what is wrong, or an empty string.
std::string split_font_pack(std::string_view pack, std::size_t faces, std::vector<std::string_view>& out);

}  // namespace lectern::ui
