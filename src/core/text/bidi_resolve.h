// The paragraph-level rules of the bidi algorithm (UAX #9 X1-X10, W1-W7, N0-N2, I1-I2, L1)
// on decoded code points: the engine behind bidi::levels (bidi.h), which handles UTF-8.
//
//   std::vector<std::uint8_t> lv = bidi::resolve_levels(codepoints, 1);  // RTL paragraph
#pragma once

#include "core/text/bidi_table.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace lectern::bidi {

// The level of each code point of a paragraph whose embedding level is `paragraph_level`
// (0 or 1). Characters removed by X9 get the level of the character before them.
std::vector<std::uint8_t> resolve_levels(const std::vector<char32_t>& text, std::uint8_t paragraph_level);

// P2: the class (L, R or AL) of the first strong character of classes[begin, end), skipping
// characters between an isolate initiator and its matching PDI; ON when there is none.
BidiClass first_strong(const std::vector<BidiClass>& classes, std::size_t begin, std::size_t end);

}  // namespace lectern::bidi
