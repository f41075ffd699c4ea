// The reader's images, by src: asked for, loading, decoded, shown or failed. The session
// holds one and forgets it with the archive; the UI turns decoded pixels into textures
// (upload), after which the cache keeps only the sizes.
//
//   cache.want(src, where);            // the reader will show it: the platform is asked to fetch it
//   cache.bytes(src, bytes);           // the platform fetched it: the header is checked first
//   cache.pixels(src, w, h, rgba);     // and decoded it (at most shown_size()); or failed(src, why)
//   cache.upload(make_texture);        // the UI: pixels into textures, then dropped here
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/archive/image_header.h"
#include "core/i18n/message.h"

namespace lectern {

// One image the reader asked for, by src: loading, shown, or failed and why.
struct ImageSlot {
    enum class State { pending, ready, failed } state = State::pending;
    Message where;                                    // the member that first asked ("works[3].cover"), for the notice
    std::uint32_t width = 0, height = 0;              // natural size, once the header is read
    std::uint32_t pixel_width = 0, pixel_height = 0;  // of the decoded pixels (at most kMaxShownSide a side)
    std::vector<std::uint8_t> rgba;                   // decoded pixels until the UI takes them for a texture
    Message problem;                                  // failed: "is not an image", "was not found", said in the
                                                      // interface's language whenever it is shown
};

// What the cache tells its owner: fetch this src (the platform's load_image), show this
// notice, something changed (draw again). Any of them may be empty.
struct ImageCacheHooks {
    std::function<void(const std::string& src)> fetch;
    std::function<void(std::string text)> notice;
    std::function<void()> changed;
};

class ImageCache {
public:
    explicit ImageCache(ImageCacheHooks hooks = {}) : hooks_(std::move(hooks)) {}

    // The reader will show it (where: core/archive/work_images.h's image_place). Asked once;
    // a src the checker would refuse fails here and is never fetched.
    void want(const std::string& src, const Message& where);
    // The fetched bytes' header: read, and the slot failed when it is refused.
    ImageHeader bytes(const std::string& src, std::string_view bytes);
    // The decoded pixels, RGBA; refused (failed) when their size is not what was asked.
    void pixels(const std::string& src, std::uint32_t width, std::uint32_t height, std::vector<std::uint8_t> rgba);
    void failed(const std::string& src, const Message& problem);

    const ImageSlot* find(const std::string& src) const;
    const std::map<std::string, ImageSlot>& slots() const { return slots_; }
    // Hands each decoded image's pixels to `make` (a texture upload) and drops them here;
    // when `make` returns false the image failed (no texture: the reader shows the alt text).
    void upload(const std::function<bool(const std::string& src, const ImageSlot& slot)>& make);

    // Changes whenever everything is forgotten: textures made before belong to the old images.
    std::uint64_t generation() const { return generation_; }
    // Forgets every image (they are asked for again): another archive, or a lost GPU context.
    void forget();

private:
    ImageCacheHooks hooks_;
    std::map<std::string, ImageSlot> slots_;
    std::uint64_t generation_ = 0;
    void changed() const {
        if (hooks_.changed) hooks_.changed();
    }
};

}  // namespace lectern
