// The image cache: slots by src, failures said as notices in the interface's language.
#include "core/session/image_cache.h"

#include "core/archive/media_source.h"
#include "core/i18n/translate.h"
#include "core/text/utf8.h"

namespace lectern {

void ImageCache::want(const std::string& src, const Message& where) {
    if (slots_.count(src)) return;
    ImageSlot& slot = slots_[src];
    slot.where = where;
    changed();
    // The checker refuses such a src in cover and media; a body's ![alt](src) is only seen
    // here, so no platform is ever asked to fetch javascript:, http:, /etc/... or ../...
    if (media_source(src) == MediaSource::refused) {
        failed(src, {"image.refused_source"});
        return;
    }
    if (hooks_.fetch) hooks_.fetch(src);
}

ImageHeader ImageCache::bytes(const std::string& src, std::string_view bytes) {
    ImageHeader h = read_image_header(bytes);
    const auto it = slots_.find(src);
    if (it == slots_.end()) return h;
    if (!h.ok()) failed(src, h.problem);
    else it->second.width = h.width, it->second.height = h.height;
    return h;
}

void ImageCache::pixels(const std::string& src, std::uint32_t width, std::uint32_t height,
                        std::vector<std::uint8_t> rgba) {
    const auto it = slots_.find(src);
    if (it == slots_.end() || it->second.state != ImageSlot::State::pending) return;
    if (width == 0 || height == 0 || width > kMaxShownSide || height > kMaxShownSide ||
        rgba.size() != std::size_t(width) * height * 4) {
        failed(src, {"image.wrong_size"});
        return;
    }
    ImageSlot& slot = it->second;
    slot.state = ImageSlot::State::ready;
    slot.pixel_width = width, slot.pixel_height = height;
    if (slot.width == 0) slot.width = width, slot.height = height;
    slot.rgba = std::move(rgba);
    changed();
}

void ImageCache::failed(const std::string& src, const Message& problem) {
    const auto it = slots_.find(src);
    if (it == slots_.end() || it->second.state == ImageSlot::State::failed) return;
    ImageSlot& slot = it->second;
    slot.state = ImageSlot::State::failed;
    slot.problem = problem;
    slot.rgba = {};
    changed();
    if (!hooks_.notice) return;
    // "works[3].cover: photo.png is not an image"; a data: URI is too long to name.
    const std::string name =
        src.rfind("data:", 0) == 0 ? std::string(tr("image.embedded_name")) : utf8_shortened(src, 80);
    hooks_.notice(
        tr("image.notice",
           {{"where", slot.where.in(current_language())}, {"name", name}, {"reason", problem.in(current_language())}}));
}

const ImageSlot* ImageCache::find(const std::string& src) const {
    const auto it = slots_.find(src);
    return it == slots_.end() ? nullptr : &it->second;
}

void ImageCache::upload(const std::function<bool(const std::string& src, const ImageSlot& slot)>& make) {
    for (auto& [src, slot] : slots_) {
        if (slot.state != ImageSlot::State::ready || slot.rgba.empty()) continue;
        if (!make(src, slot)) {
            failed(src, {"image.no_texture"});
            continue;
        }
        std::vector<std::uint8_t>().swap(slot.rgba);
    }
}

void ImageCache::forget() {
    slots_.clear();
    ++generation_;
    changed();
}

}  // namespace lectern
