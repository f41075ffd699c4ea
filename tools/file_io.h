// File reading (archives included) and safe writing for lectern-tool.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/archive/archive.h"

namespace lectern::tool {

// The whole file, or nullopt with `error` saying why ("cannot open: No such file or directory").
std::optional<std::string> read_whole_file(const std::string& path, std::string& error);

// Reads and loads the archive at `path`, printing each problem to standard error as
// "path: message" the way 'check' does. Null when it cannot, with `status` the exit
// status to give: 2 when the file cannot be read, 1 when it is not a valid archive.
std::shared_ptr<const Archive> load_archive_file(const std::string& path, int& status);

// Writes to a temporary file beside `path`, then renames it over `path`, so a
// failure never leaves a half-written or emptied output.
bool write_file_atomically(const std::string& path, const std::string& data, std::string& error);

}  // namespace lectern::tool
