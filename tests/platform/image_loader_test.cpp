// The desktop viewer's image loading (src/platform/image_loader.cpp): files beside the
// archive decoded with Debian's stb_image after the core's header check, scaled down to
// what the reader keeps; everything else refused with the reason the reader will see.
#include <catch2/catch.hpp>

#include "core/image_header.h"
#include "platform/image_loader.h"
#include "../test_files.h"

using namespace lectern;

namespace {

const std::string kDir = std::string(LECTERN_SOURCE_DIR) + "/tests/data/images/";

const ImageSlot& loaded(Session& s, const std::string& src) {
    s.want_image(src, "works[0].cover");
    s.take_outgoing();
    platform::load_image(s, src, kDir);
    return *s.image(src);
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
    const std::string uri = "data:image/png;base64," +
                            std::string("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");
    const ImageSlot& data = loaded(s, uri);
    INFO(data.problem.in("en"));
    CHECK(data.state == ImageSlot::State::ready);
    CHECK(data.pixel_width == 1);
}

TEST_CASE("native images: missing, truncated, huge, non-images and web images fail with the reason", "[images][platform]") {
    Session s;
    CHECK(loaded(s, "missing.png").problem.in("en") == "was not found");
    CHECK(loaded(s, "truncated.png").problem.in("en").rfind("is truncated", 0) == 0);
    CHECK(loaded(s, "huge.png").problem.in("en").rfind("is 30000", 0) == 0);
    CHECK(loaded(s, "notes.png").problem.in("en").rfind("is not an image", 0) == 0);
    CHECK(loaded(s, "https://example.org/a.png").state == ImageSlot::State::failed);
    CHECK(loaded(s, "../archive.json").state == ImageSlot::State::failed);
    for (const auto& [src, slot] : s.images()) {
        CAPTURE(src);
        CHECK(slot.state == ImageSlot::State::failed);
        CHECK(slot.rgba.empty());
    }
}
