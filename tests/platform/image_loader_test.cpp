// The desktop viewer's image loading (src/platform/image_loader.cpp): files beside the
// archive decoded with Debian's stb_image (WebP with libwebp) after the core's header check, scaled down to
// what the reader keeps; everything else refused with the reason the reader will see.
#include <catch2/catch.hpp>
#include <webp/encode.h>

#include <filesystem>
#include <fstream>

#include "core/archive/image_header.h"
#include "core/archive/work_images.h"
#include "core/session/session.h"
#include "platform/image_loader.h"
#include "../test_files.h"

using namespace lectern;

namespace {

const std::string kDir = std::string(LECTERN_SOURCE_DIR) + "/tests/data/images/";

const ImageSlot& loaded(Session& s, const std::string& src) {
    s.images().want(src, image_place("works[0].cover"));
    s.take_outgoing();
    platform::load_image(s.images(), src, kDir);
    return *s.images().find(src);
}

}  // namespace

TEST_CASE("native images: PNG and JPEG beside the archive are decoded with their colours", "[images][platform]") {
    Session s;
    const ImageSlot& png = loaded(s, "good.png");
    REQUIRE(png.state == ImageSlot::State::ready);
    CHECK(png.pixel_width == 64);
    CHECK(png.pixel_height == 48);
    REQUIRE(png.rgba.size() == 64 * 48 * 4);
    CHECK(png.rgba[0] == 208);  // left: red
    CHECK(png.rgba[2] == 0);
    CHECK(png.rgba[(10 * 64 + 50) * 4 + 2] == 208);  // right: blue
    const ImageSlot& jpg = loaded(s, "photo.jpg");
    REQUIRE(jpg.state == ImageSlot::State::ready);
    CHECK(jpg.pixel_width == 40);
    CHECK(std::abs(int(jpg.rgba[1]) - 160) < 8);  // green, within JPEG's loss
}

TEST_CASE("native images: a large image is kept scaled down, data: URIs decode", "[images][platform]") {
    Session s;
    const ImageSlot& large = loaded(s, "large.png");
    REQUIRE(large.state == ImageSlot::State::ready);
    CHECK(large.pixel_width == kMaxShownSide);
    CHECK(large.pixel_height == 1067);
    CHECK(large.width == 3000);
    CHECK(large.rgba.size() == std::size_t(kMaxShownSide) * 1067 * 4);
    CHECK(large.rgba[0] == 128);
    const std::string uri =
        "data:image/png;base64," +
        std::string("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");
    const ImageSlot& data = loaded(s, uri);
    INFO(data.problem.in("en"));
    CHECK(data.state == ImageSlot::State::ready);
    CHECK(data.pixel_width == 1);
}

TEST_CASE("native images: missing, truncated, huge, non-images and web images fail with the reason",
          "[images][platform]") {
    Session s;
    CHECK(loaded(s, "missing.png").problem.in("en") == "was not found");
    CHECK(loaded(s, "truncated.png").problem.in("en").rfind("is truncated", 0) == 0);
    CHECK(loaded(s, "huge.png").problem.in("en").rfind("is 30000", 0) == 0);
    CHECK(loaded(s, "notes.png").problem.in("en").rfind("is not an image", 0) == 0);
    CHECK(loaded(s, "https://example.org/a.png").state == ImageSlot::State::failed);
    CHECK(loaded(s, "../archive.json").state == ImageSlot::State::failed);
    for (const auto& [src, slot] : s.images().slots()) {
        CAPTURE(src);
        CHECK(slot.state == ImageSlot::State::failed);
        CHECK(slot.rgba.empty());
    }
}

TEST_CASE("native images: WebP, lossless and lossy, is decoded with libwebp", "[images][platform]") {
    // Written here with libwebp's encoder: left half red, right half blue, 30×20.
    std::vector<std::uint8_t> rgba(30 * 20 * 4);
    for (std::size_t i = 0; i < 30 * 20; ++i) {
        const bool left = i % 30 < 15;
        rgba[i * 4 + 0] = left ? 208 : 0, rgba[i * 4 + 1] = 0, rgba[i * 4 + 2] = left ? 0 : 208, rgba[i * 4 + 3] = 255;
    }
    const std::string dir = (std::filesystem::temp_directory_path() / "lectern-webp-test/").string();
    std::filesystem::create_directories(dir);
    for (const bool lossless : {true, false}) {
        CAPTURE(lossless);
        std::uint8_t* out = nullptr;
        const std::size_t n = lossless ? WebPEncodeLosslessRGBA(rgba.data(), 30, 20, 30 * 4, &out)
                                       : WebPEncodeRGBA(rgba.data(), 30, 20, 30 * 4, 90.0f, &out);
        REQUIRE(n > 0);
        const std::string name = lossless ? "lossless.webp" : "lossy.webp";
        std::ofstream(dir + name, std::ios::binary)
            .write(reinterpret_cast<const char*>(out), static_cast<std::streamsize>(n));
        WebPFree(out);
        Session s;
        s.images().want(name, image_place("works[0].cover"));
        s.take_outgoing();
        platform::load_image(s.images(), name, dir);
        const ImageSlot& w = *s.images().find(name);
        INFO(w.problem.in("en"));
        REQUIRE(w.state == ImageSlot::State::ready);
        CHECK(w.pixel_width == 30);
        CHECK(w.pixel_height == 20);
        CHECK(std::abs(int(w.rgba[(10 * 30 + 2) * 4 + 0]) - 208) < 12);   // left: red
        CHECK(std::abs(int(w.rgba[(10 * 30 + 27) * 4 + 2]) - 208) < 12);  // right: blue
    }
    // A WebP cut short: its header claims a chunk the file does not hold.
    Session s;
    const std::string cut = read_file(dir + "lossy.webp");
    std::ofstream(dir + "cut.webp", std::ios::binary) << cut.substr(0, cut.size() / 2);
    s.images().want("cut.webp", image_place("works[0].cover"));
    platform::load_image(s.images(), "cut.webp", dir);
    CHECK(s.images().find("cut.webp")->state == ImageSlot::State::failed);
    std::filesystem::remove_all(dir);
}
