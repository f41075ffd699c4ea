// Loads an image the reader asked for (Outgoing::load_image) and answers the image cache:
// natively from the archive's folder and decoded with stb_image (Debian's libstb-dev);
// on the web the page script fetches it and the browser decodes (web/images.js).
// Either way the core checks the header first (ImageCache::bytes).
#pragma once

#include <string>

#include "core/session/image_cache.h"

namespace lectern::platform {

// `archive_dir`: the folder relative paths start from ("" for the bundled archive: none).
void load_image(ImageCache& images, const std::string& src, const std::string& archive_dir);

// The folder of an archive file's path ("data/a.json" -> "data/"; "a.json" -> "").
std::string folder_of(const std::string& path);

}  // namespace lectern::platform
