// A work's images in reading order: its cover, the images its text embeds, its media.
//
//   for (const WorkImage& im : work_images(work, index, body_doc)) show(im.src, im.alt, im.caption);
#pragma once

#include <string>
#include <vector>

#include "core/archive/archive.h"
#include "core/text/markdown.h"

namespace lectern {

// Where an image is named, for notices: "works[3].cover", "works[3].body, image 2" (a message:
// the notice is written in the interface's language when the image fails, maybe much later).
inline Message image_place(std::string member) { return {"image.member", {{"member", std::move(member)}}}; }

struct WorkImage {
    enum class Place { cover, body, media } place = Place::media;
    Message where;
    std::string src, alt, caption;
};

// `body` is the work's parsed text (null when it has none).
std::vector<WorkImage> work_images(const Work& work, int index, const md::Document* body);

// A cheap test for the timeline's marker: a cover, media, or "![" followed by "](" in the text.
bool work_has_images(const Work& work);

}  // namespace lectern
