// Lookups in the generated bidi tables (bidi_table.inc, written by tools/bidi_table_gen).
#include "core/text/bidi_table.h"

#include "core/text/bidi.h"

#include <algorithm>
#include <cstddef>
#include <iterator>

namespace lectern::bidi {

namespace {

#include "bidi_table.inc"

// The index of `cp` in kBidiMirrors, or -1.
std::ptrdiff_t mirror_index(char32_t cp) {
    if (cp > 0xFFFF) return -1;
    const auto* end = std::end(kBidiMirrors);
    const auto* it = std::lower_bound(std::begin(kBidiMirrors), end, cp,
                                      [](std::uint32_t entry, char32_t key) { return (entry & 0xFFFF) < key; });
    return it != end && (*it & 0xFFFF) == cp ? it - std::begin(kBidiMirrors) : -1;
}

}  // namespace

BidiClass class_of(char32_t cp) {
    if (cp > 0x10FFFF) return BidiClass::L;
    // The last range starting at or before cp: ranges are keyed by first code point << 5.
    const auto key = static_cast<std::uint32_t>(cp) << 5 | 31;
    const auto* it = std::upper_bound(std::begin(kBidiClassRanges), std::end(kBidiClassRanges), key);
    return static_cast<BidiClass>(*(it - 1) & 31);
}

BracketType bracket_of(char32_t cp) {
    const std::ptrdiff_t i = mirror_index(cp);
    return i < 0 ? BracketType::none : static_cast<BracketType>(kBidiBrackets[i]);
}

char32_t mirror(char32_t cp) {
    const std::ptrdiff_t i = mirror_index(cp);
    return i < 0 ? cp : static_cast<char32_t>(kBidiMirrors[i] >> 16);
}

}  // namespace lectern::bidi
