// gzip members with zlib: what a library's parts are stored as, because the browser's
// DecompressionStream("gzip") reads them with no code of ours. Native only (the page
// inflates with the browser): lectern-tool pack writes them, the desktop viewer reads them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace lectern::platform {

// One gzip member (no file name, no time: the same input always gives the same bytes).
std::string gzip(std::string_view data, int level = 6);
// Every member of a gzip stream inflated and joined; nullopt when it is not valid gzip or
// would inflate past `most` bytes (a small hostile part can stand for gigabytes).
std::optional<std::string> gunzip(std::string_view data, std::size_t most = std::size_t(-1));

}  // namespace lectern::platform
