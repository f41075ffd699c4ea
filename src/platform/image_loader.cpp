// Image loading per platform; see image_loader.h.
#include "platform/image_loader.h"

#include <algorithm>

#include "core/archive/image_header.h"
#include "core/archive/media_source.h"
#include "core/i18n/translate.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>

// The page's JavaScript, which clang-format would read as C++ (and break).
// clang-format off
EM_JS(void, js_load_image, (const char* src), {
    if (window.lecternImages) window.lecternImages.load(UTF8ToString(src));
});
// clang-format on
#else
#include <stb_image.h>
#include <webp/decode.h>

#include <fstream>
#include <sstream>
#endif

namespace lectern::platform {

std::string folder_of(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

#ifndef __EMSCRIPTEN__
namespace {

// Box-filter RGBA from (w, h) down to (nw, nh): each output pixel averages the source
// pixels it covers, so a photograph scaled down stays smooth.
std::vector<std::uint8_t> scaled_down(const std::uint8_t* px, std::uint32_t w, std::uint32_t h, std::uint32_t nw,
                                      std::uint32_t nh) {
    std::vector<std::uint8_t> out(std::size_t(nw) * nh * 4);
    for (std::uint32_t y = 0; y < nh; ++y) {
        const std::uint32_t sy0 = std::uint32_t(std::uint64_t(y) * h / nh),
                            sy1 = std::max(sy0 + 1, std::uint32_t(std::uint64_t(y + 1) * h / nh));
        for (std::uint32_t x = 0; x < nw; ++x) {
            const std::uint32_t sx0 = std::uint32_t(std::uint64_t(x) * w / nw),
                                sx1 = std::max(sx0 + 1, std::uint32_t(std::uint64_t(x + 1) * w / nw));
            std::uint64_t sum[4] = {0, 0, 0, 0};
            for (std::uint32_t sy = sy0; sy < sy1; ++sy)
                for (std::uint32_t sx = sx0; sx < sx1; ++sx)
                    for (int c = 0; c < 4; ++c) sum[c] += px[(std::size_t(sy) * w + sx) * 4 + std::size_t(c)];
            const std::uint64_t n = std::uint64_t(sy1 - sy0) * (sx1 - sx0);
            for (int c = 0; c < 4; ++c) out[(std::size_t(y) * nw + x) * 4 + std::size_t(c)] = std::uint8_t(sum[c] / n);
        }
    }
    return out;
}

bool read_file(const std::string& path, std::string& bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    bytes = ss.str();
    return true;
}

}  // namespace
#endif

void load_image(ImageCache& images, const std::string& src, const std::string& archive_dir) {
#ifdef __EMSCRIPTEN__
    (void)images;
    (void)archive_dir;
    js_load_image(src.c_str());
#else
    std::string bytes;
    switch (media_source(src)) {
        case MediaSource::refused: images.failed(src, {"image.refused_source"}); return;
        case MediaSource::web: images.failed(src, {"image.web_on_desktop"}); return;
        case MediaSource::data:
            if (!decode_data_uri(src, bytes)) return images.failed(src, {"image.damaged_data"});
            break;
        case MediaSource::relative:
            if (!read_file(archive_dir + src, bytes)) return images.failed(src, {"image.not_found"});
            break;
    }
    const ImageHeader h = images.bytes(src, bytes);
    if (!h.ok()) return;  // the cache says why
    int w = 0, hgt = 0, channels = 0;
    const bool webp = h.format == ImageFormat::webp;  // stb reads PNG, JPEG and GIF, not WebP
    std::uint8_t* px = webp
                           ? WebPDecodeRGBA(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), &w, &hgt)
                           : stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()),
                                                   static_cast<int>(bytes.size()), &w, &hgt, &channels, 4);
    const auto release = [&] { webp ? WebPFree(px) : stbi_image_free(px); };
    if (!px || w <= 0 || hgt <= 0) {
        if (px) release();
        if (webp) return images.failed(src, {"image.undecodable_webp"});
        const char* why = stbi_failure_reason();  // stb's own words ("bad huffman code"), English
        return images.failed(src, {"image.undecodable", {{"reason", why ? why : "?"}}});
    }
    const PixelSize to = shown_size(std::uint32_t(w), std::uint32_t(hgt));
    std::vector<std::uint8_t> rgba = to.width == std::uint32_t(w) && to.height == std::uint32_t(hgt)
                                         ? std::vector<std::uint8_t>(px, px + std::size_t(w) * std::size_t(hgt) * 4)
                                         : scaled_down(px, std::uint32_t(w), std::uint32_t(hgt), to.width, to.height);
    release();
    images.pixels(src, to.width, to.height, std::move(rgba));
#endif
}

}  // namespace lectern::platform
