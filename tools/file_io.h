// File reading and safe writing for lectern-tool.
#pragma once

#include <optional>
#include <string>

namespace lectern::tool {

// The whole file, or nullopt with `error` saying why ("cannot open: No such file or directory").
std::optional<std::string> read_whole_file(const std::string& path, std::string& error);

// Writes to a temporary file beside `path`, then renames it over `path`, so a
// failure never leaves a half-written or emptied output.
bool write_file_atomically(const std::string& path, const std::string& data, std::string& error);

}  // namespace lectern::tool
