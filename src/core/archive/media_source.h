// Where an image's src points, and whether a reader may follow it.
//
//   Message why;
//   switch (media_source(src, &why)) { case MediaSource::refused: error(why.in("en")); ... }
//
// Relative paths stay inside the archive's folder; data: URIs carry the bytes; https: URLs
// are fetched by the site build only. Anything else (javascript:, file:, http:, absolute
// paths, "..") is refused by the checker before a viewer sees it.
#pragma once

#include <string>
#include <string_view>

#include "core/i18n/message.h"

namespace lectern {

enum class MediaSource { relative, data, web, refused };

// `why` (when refused): "'javascript:' is not an image source (use a relative path, data: or https:)".
// A message, for the interface's language.
MediaSource media_source(std::string_view src, Message* why = nullptr);

// The bytes of a base64 data: URI ("data:image/png;base64,..."); false when it is not one.
// URL-encoded (non-base64) data: URIs are decoded too, by the browser's rule (the fetch
// standard's percent-decoding): "%FF" is the byte 0xFF whether or not the bytes are UTF-8,
// and a '%' not followed by two hex digits stays as written. The one rule for both builds:
// natively platform/image_loader.cpp calls it, on the web images.js (lectern_data_uri).
bool decode_data_uri(std::string_view uri, std::string& bytes);

}  // namespace lectern
