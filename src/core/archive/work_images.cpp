// A work's images in the order the reader shows them.
#include "core/archive/work_images.h"

namespace lectern {

std::vector<WorkImage> work_images(const Work& w, int index, const md::Document* body) {
    const std::string at = "works[" + std::to_string(index) + "]";
    std::vector<WorkImage> out;
    if (w.cover)
        out.push_back(
            {WorkImage::Place::cover, image_place(at + ".cover"), w.cover->src, w.cover->alt, w.cover->caption});
    if (body)
        for (std::size_t i = 0; i < body->images.size(); ++i)
            out.push_back({WorkImage::Place::body,
                           Message{"image.body_where", {{"member", at + ".body"}, {"n", std::to_string(i + 1)}}},
                           body->images[i].src, body->images[i].alt, ""});
    for (std::size_t i = 0; i < w.media.size(); ++i)
        out.push_back({WorkImage::Place::media, image_place(at + ".media[" + std::to_string(i) + "]"), w.media[i].src,
                       w.media[i].alt, w.media[i].caption});
    return out;
}

bool work_has_images(const Work& w) {
    if (w.cover || !w.media.empty()) return true;
    if (!w.body) return false;
    const std::size_t open = w.body->find("![");
    return open != std::string::npos && w.body->find("](", open + 2) != std::string::npos;
}

}  // namespace lectern
