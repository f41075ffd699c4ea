// gzip members with zlib: what a library's parts are stored as, because the browser's
// DecompressionStream("gzip") reads them with no code of ours. Native only (the page
// inflates with the browser): lectern-tool pack writes them, the desktop viewer reads them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lectern::platform {

// One gzip member (no file name, no time: the same input always gives the same bytes).
std::string gzip(std::string_view data, int level = 6);
// Every member of a gzip stream inflated and joined; nullopt when it is not valid gzip.
std::optional<std::string> gunzip(std::string_view data);

}  // namespace lectern::platform
