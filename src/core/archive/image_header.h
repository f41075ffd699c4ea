// Reads an image's format and size from its first bytes, before anything decodes it.
//
//   ImageHeader h = read_image_header(bytes);
//   if (!h.ok()) fail(h.problem);                     // "is not an image", "is truncated", "is 30000×30000 pixels,
//   ..." (a Message) else decode(bytes, shown_size(h.width, h.height)); // never more pixels than kMaxShownSide a side
//
// Every platform checks here first: a file that is not an image, that stops before its
// pixels could, or that claims more pixels than a reader can use is refused without
// asking a decoder (which would allocate what the header claims).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/i18n/message.h"

namespace lectern {

// Images larger than this, a side or in all, are refused: 8192 px is what WebGL 2 promises
// for a texture on every device, and 32 Mpx (128 MB decoded) is what a page can decode
// without risking the tab. A reader shows at most kMaxShownSide anyway.
constexpr std::uint32_t kMaxImageSide = 8192;
constexpr std::uint64_t kMaxImagePixels = 32ull * 1000 * 1000;
// Decoded pixels are scaled down to at most this a side before they are kept: a measure
// of 36 em at the largest reading size on a 2x screen; 10 MB of RGBA an image at most.
constexpr std::uint32_t kMaxShownSide = 1600;

enum class ImageFormat { unknown, png, jpeg, gif, webp };

struct ImageHeader {
    ImageFormat format = ImageFormat::unknown;
    std::uint32_t width = 0, height = 0;
    Message problem;  // empty: fine. Otherwise a phrase to follow the image's name: "is not an image"
    bool ok() const { return problem.empty(); }
};

// Never reads past `bytes`; linear in their size at worst (a JPEG's segments are walked).
ImageHeader read_image_header(std::string_view bytes);

// "PNG", "JPEG", ...
const char* image_format_name(ImageFormat f);

// The size to decode to: the image's own, scaled down (aspect kept, at least 1 px) to fit
// kMaxShownSide a side.
struct PixelSize {
    std::uint32_t width = 0, height = 0;
};
PixelSize shown_size(std::uint32_t width, std::uint32_t height);

// The MIME type of a format, for a browser's decoder ("image/png"); "" for unknown.
const char* image_mime(ImageFormat f);

}  // namespace lectern
