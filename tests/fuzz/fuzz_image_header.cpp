// libFuzzer target: the image header check every platform runs before decoding. Any bytes
// are refused with a reason or accepted with a size within the limits; nothing is read
// past the end (ASan) and the decode size never exceeds what the reader keeps.
#include "core/archive/image_header.h"
#include "fuzz_check.h"

using namespace lectern;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // A copy of exactly `size` bytes: reading one byte too far is then an ASan error.
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const ImageHeader h = read_image_header(std::string_view(bytes.data(), bytes.size()));
    if (!h.ok()) {
        FUZZ_CHECK(fuzz::valid_utf8(h.problem.in("en")));
        return 0;
    }
    FUZZ_CHECK(h.format != ImageFormat::unknown);
    FUZZ_CHECK(h.width >= 1 && h.height >= 1);
    FUZZ_CHECK(h.width <= kMaxImageSide && h.height <= kMaxImageSide);
    FUZZ_CHECK(std::uint64_t(h.width) * h.height <= kMaxImagePixels);
    const PixelSize s = shown_size(h.width, h.height);
    FUZZ_CHECK(s.width >= 1 && s.height >= 1 && s.width <= kMaxShownSide && s.height <= kMaxShownSide);
    FUZZ_CHECK(s.width <= h.width && s.height <= h.height);
    return 0;
}
