// Takes the page's pack of the fonts' rest, checked before ImGui reads a byte of it.
#include "ui/font_rest.h"

#include <cstdint>

#include "font_rest_id.h"

namespace lectern::ui {

namespace {

constexpr std::string_view kMagic = "LECTFNT1";

std::uint32_t read_u32(std::string_view s, std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[at + static_cast<std::size_t>(i)]);
    return v;
}

std::uint64_t fnv1a64(std::string_view s) {
    std::uint64_t h = 0xCBF29CE484222325ull;
    for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
    return h;
}

}  // namespace

std::string split_font_pack(std::string_view pack, std::size_t faces, std::vector<std::string_view>& out) {
    out.clear();
    if (pack.size() < kMagic.size() + 4 || pack.substr(0, kMagic.size()) != kMagic)
        return "not a Lectern font pack (it does not start with " + std::string(kMagic) + ")";
    std::size_t at = kMagic.size();
    if (read_u32(pack, at) != faces)
        return "it holds " + std::to_string(read_u32(pack, at)) + " faces, not " + std::to_string(faces);
    at += 4;
    for (std::size_t i = 0; i < faces; ++i) {
        if (pack.size() - at < 4) return "face " + std::to_string(i + 1) + " is cut short";
        const std::size_t size = read_u32(pack, at);
        at += 4;
        if (pack.size() - at < size) return "face " + std::to_string(i + 1) + " is cut short";
        // A TrueType face starts with its version 1.0: anything else would be read as a table directory.
        if (size < 12 || pack.substr(at, 4) != std::string_view("\0\1\0\0", 4))
            return "face " + std::to_string(i + 1) + " is not a TrueType font";
        out.push_back(pack.substr(at, size));
        at += size;
    }
    if (at != pack.size()) return std::to_string(pack.size() - at) + " bytes follow the last face";
    return {};
}

void give_font_rest(FontRest& rest, std::string bytes) {
    std::string error;
    // Another build's pack (an old cached file beside a new viewer) would pass the shape check
    // and hold other glyphs: only the one built with this viewer is taken.
    if (bytes.size() != kFontRestSize || fnv1a64(bytes) != kFontRestHash)
        error = "the fonts file (" + std::to_string(bytes.size()) + " bytes) is not the one this viewer was built with";
    std::vector<std::string_view> faces;
    if (error.empty()) {
        rest.pack = std::move(bytes);  // before splitting: the views point into it
        error = split_font_pack(rest.pack, kFontRestFaces, faces);
    }
    if (!error.empty()) {
        font_rest_failed(rest, std::move(error));
        return;
    }
    rest.faces = std::move(faces);
    rest.error.clear();
    rest.status = FontRest::Status::loaded;
}

void font_rest_failed(FontRest& rest, std::string why) {
    rest.pack.clear();
    rest.faces.clear();
    rest.error = std::move(why);
    rest.status = FontRest::Status::failed;
}

const char* font_rest_status(const FontRest& rest) {
    switch (rest.status) {
        case FontRest::Status::unneeded: return "unneeded";
        case FontRest::Status::wanted: return "wanted";
        case FontRest::Status::asked: return "asked";
        case FontRest::Status::loaded: return "loaded";
        case FontRest::Status::failed: return "failed";
    }
    return "unneeded";
}

}  // namespace lectern::ui
