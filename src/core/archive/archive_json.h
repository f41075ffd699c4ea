// Writes an Archive back to the format's JSON, members in the spec's order, so
// that import -> load -> write -> load gives the same archive.
#pragma once

#include <string>

#include "core/archive/archive.h"

namespace lectern {

// The archive as JSON text: two-space indent, UTF-8 kept as is, a final newline.
std::string archive_to_json(const Archive& archive);

}  // namespace lectern
