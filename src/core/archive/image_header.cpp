// Image headers: PNG's IHDR, JPEG's SOF, GIF's screen, WebP's VP8/VP8L/VP8X; and the
// checks that the file is whole enough to be worth decoding.
#include "core/archive/image_header.h"

#include <algorithm>

#include "core/i18n/translate.h"

namespace lectern {

namespace {

std::uint32_t be16(std::string_view b, std::size_t at) {
    return (std::uint32_t(std::uint8_t(b[at])) << 8) | std::uint8_t(b[at + 1]);
}
std::uint32_t be32(std::string_view b, std::size_t at) { return (be16(b, at) << 16) | be16(b, at + 2); }
std::uint32_t le16(std::string_view b, std::size_t at) {
    return std::uint8_t(b[at]) | (std::uint32_t(std::uint8_t(b[at + 1])) << 8);
}
std::uint32_t le24(std::string_view b, std::size_t at) {
    return le16(b, at) | (std::uint32_t(std::uint8_t(b[at + 2])) << 16);
}
std::uint32_t le32(std::string_view b, std::size_t at) { return le16(b, at) | (le16(b, at + 2) << 16); }

bool starts(std::string_view b, std::string_view magic) { return b.substr(0, magic.size()) == magic; }

// PNG: the signature, IHDR first, then chunks up to IEND, each whole.
ImageHeader png(std::string_view b) {
    ImageHeader h;
    h.format = ImageFormat::png;
    if (b.size() < 33 || b.substr(12, 4) != "IHDR") {
        h.problem = Message{b.size() < 33 ? "image.truncated" : "image.damaged_png"};
        return h;
    }
    h.width = be32(b, 16), h.height = be32(b, 20);
    for (std::size_t at = 8; at + 12 <= b.size();) {
        const std::uint64_t length = be32(b, at);
        if (b.substr(at + 4, 4) == "IEND") return h;
        at += static_cast<std::size_t>(std::min<std::uint64_t>(length + 12, b.size() + 1));  // never wraps
    }
    h.problem = Message{"image.truncated"};
    return h;
}

// JPEG: segments from SOI to the first frame header (SOF0-SOF15 but DHT, JPG, DAC);
// the file must end with EOI (trailing padding allowed).
ImageHeader jpeg(std::string_view b) {
    ImageHeader h;
    h.format = ImageFormat::jpeg;
    std::size_t at = 2;
    bool found = false;
    while (at + 4 <= b.size()) {
        if (std::uint8_t(b[at]) != 0xFF) {
            h.problem = Message{"image.damaged_jpeg_marker"};
            return h;
        }
        const std::uint8_t marker = std::uint8_t(b[at + 1]);
        if (marker == 0xFF) {  // fill bytes
            ++at;
            continue;
        }
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {  // no length
            at += 2;
            continue;
        }
        const std::uint32_t length = be16(b, at + 2);
        if (length < 2) break;
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) {
            if (at + 9 > b.size()) break;
            h.height = be16(b, at + 5), h.width = be16(b, at + 7);
            found = true;
            break;
        }
        if (marker == 0xDA || marker == 0xD9) break;  // scan data or the end before any frame header
        at += 2 + length;
    }
    if (!found) {
        h.problem = Message{at + 4 > b.size() ? "image.truncated" : "image.damaged_jpeg_frame"};
        return h;
    }
    std::size_t end = b.size();
    while (end > 2 && b[end - 1] == '\0') --end;
    if (end < 2 || std::uint8_t(b[end - 2]) != 0xFF || std::uint8_t(b[end - 1]) != 0xD9)
        h.problem = Message{"image.truncated"};
    return h;
}

// GIF: the logical screen's size; the file ends with the trailer ';'.
ImageHeader gif(std::string_view b) {
    ImageHeader h;
    h.format = ImageFormat::gif;
    if (b.size() < 14) {
        h.problem = Message{"image.truncated"};
        return h;
    }
    h.width = le16(b, 6), h.height = le16(b, 8);
    if (b.back() != ';') h.problem = Message{"image.truncated"};
    return h;
}

// WebP: RIFF's size must fit the file; the first chunk says the size.
ImageHeader webp(std::string_view b) {
    ImageHeader h;
    h.format = ImageFormat::webp;
    if (b.size() < 30) {
        h.problem = Message{"image.truncated"};
        return h;
    }
    const std::string_view chunk = b.substr(12, 4);
    if (chunk == "VP8 ") {
        h.width = le16(b, 26) & 0x3FFF, h.height = le16(b, 28) & 0x3FFF;
    } else if (chunk == "VP8L") {
        const std::uint32_t bits = le32(b, 21);
        h.width = (bits & 0x3FFF) + 1, h.height = ((bits >> 14) & 0x3FFF) + 1;
    } else if (chunk == "VP8X") {
        h.width = le24(b, 24) + 1, h.height = le24(b, 27) + 1;
    } else {
        h.problem = Message{"image.damaged_webp"};
        return h;
    }
    if (std::uint64_t(le32(b, 4)) + 8 > b.size()) h.problem = Message{"image.truncated"};
    return h;
}

}  // namespace

ImageHeader read_image_header(std::string_view b) {
    ImageHeader h;
    if (b.empty()) {
        h.problem = Message{"image.empty"};
        return h;
    }
    if (starts(b, "\x89PNG\r\n\x1A\n")) h = png(b);
    else if (starts(b, "\xFF\xD8\xFF")) h = jpeg(b);
    else if (starts(b, "GIF87a") || starts(b, "GIF89a")) h = gif(b);
    else if (starts(b, "RIFF") && b.size() >= 12 && b.substr(8, 4) == "WEBP") h = webp(b);
    else {
        h.problem = Message{"image.not_an_image"};
        return h;
    }
    if (!h.ok()) return h;
    const Message size{"image.size", {{"width", std::to_string(h.width)}, {"height", std::to_string(h.height)}}};
    if (h.width == 0 || h.height == 0) h.problem = Message{"image.no_pixels", {{"size", size}}};
    else if (h.width > kMaxImageSide || h.height > kMaxImageSide)
        h.problem = Message{"image.too_wide", {{"size", size}, {"max", std::to_string(kMaxImageSide)}}};
    else if (std::uint64_t(h.width) * h.height > kMaxImagePixels)
        h.problem =
            Message{"image.too_many_pixels", {{"size", size}, {"max", std::to_string(kMaxImagePixels / 1000000)}}};
    return h;
}

const char* image_format_name(ImageFormat f) {
    switch (f) {
        case ImageFormat::png: return "PNG";
        case ImageFormat::jpeg: return "JPEG";
        case ImageFormat::gif: return "GIF";
        case ImageFormat::webp: return "WebP";
        default: return "unknown";
    }
}

const char* image_mime(ImageFormat f) {
    switch (f) {
        case ImageFormat::png: return "image/png";
        case ImageFormat::jpeg: return "image/jpeg";
        case ImageFormat::gif: return "image/gif";
        case ImageFormat::webp: return "image/webp";
        default: return "";
    }
}

PixelSize shown_size(std::uint32_t width, std::uint32_t height) {
    if (width == 0 || height == 0) return {};
    const std::uint32_t side = std::max(width, height);
    if (side <= kMaxShownSide) return {width, height};
    const double k = double(kMaxShownSide) / side;
    return {std::max<std::uint32_t>(1, std::uint32_t(width * k + 0.5)),
            std::max<std::uint32_t>(1, std::uint32_t(height * k + 0.5))};
}

}  // namespace lectern
