// How many elements a top-level array of a JSON text holds, from a quick scan before the real
// parse, so the loader can reserve the model's vector once: growing a vector of a million Works
// (688 bytes each) moved each of them again and touched twice the memory.
#pragma once

#include <cstddef>
#include <string_view>

namespace lectern {

// The element count of the last top-level member named `key` whose value is an array; 0 when
// there is none. Only a hint: a text that is not JSON gives some number, a key written with
// escapes is not recognised.
std::size_t top_level_array_size(std::string_view text, std::string_view key);

}  // namespace lectern
