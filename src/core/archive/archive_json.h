// Writes an Archive back to the format's JSON, members in the spec's order, so
// that import -> load -> write -> load gives the same archive.
#pragma once

#include <string>

#include "core/archive/archive.h"

namespace lectern {

// The archive as JSON text: two-space indent, UTF-8 kept as is, a final newline.
std::string archive_to_json(const Archive& archive);
// One work or person as a compact JSON object, as it would sit in `works` or `people`
// (the library packer writes tiles from these, a work at a time).
std::string work_to_json(const Work& work);
std::string person_to_json(const Person& person);

}  // namespace lectern
