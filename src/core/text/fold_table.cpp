// Lookups in the generated fold tables (fold_table.inc, written by tools/fold_table_gen).
#include "core/text/fold_table.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace lectern {

namespace {

#include "fold_table.inc"

// Hangul syllables decompose by arithmetic (Unicode 15, section 3.12), as in utf8proc.
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kTCount = 28, kNCount = 21 * kTCount, kSCount = 19 * kNCount;

}  // namespace

int fold_table_fold(char32_t cp, char32_t* out) {
    if (cp < 0x80) {
        out[0] = (cp >= 'A' && cp <= 'Z') ? cp + ('a' - 'A') : cp;
        return 1;
    }
    if (cp >= kSBase && cp < kSBase + kSCount) {
        const char32_t s = cp - kSBase;
        out[0] = kLBase + s / kNCount;
        out[1] = kVBase + (s % kNCount) / kTCount;
        if (s % kTCount == 0) return 2;
        out[2] = kTBase + s % kTCount;
        return 3;
    }
    if (cp > 0x10FFFF) {
        out[0] = cp;
        return 1;
    }
    // The keys of one 256-code-point block sit together, by the code point's low byte.
    const std::uint16_t* first = kFoldKeys + kFoldBlockFirst[cp >> 8];
    const std::uint16_t* last = kFoldKeys + kFoldBlockFirst[(cp >> 8) + 1];
    const auto low = static_cast<std::uint16_t>((cp & 0xFF) << 5);
    const std::uint16_t* at = std::lower_bound(first, last, low);
    if (at == last || (*at & ~0x1F) != low) {
        out[0] = cp;
        return 1;
    }
    const int n = *at & 0x1F;
    const char16_t* from = kFoldPool + kFoldOffsets[at - kFoldKeys];
    for (int i = 0; i < n; ++i) {
        const char16_t unit = *from++;
        out[i] = unit >= 0xD800 && unit <= 0xDBFF ? 0x10000 + ((unit - 0xD800) << 10) + (*from++ - 0xDC00) : unit;
    }
    return n;
}

bool fold_table_is_word(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
    // kWordRanges holds [first, last] pairs in order: cp is in a range when the first
    // bound above it is a range's end (an odd index).
    const auto* end = std::end(kWordRanges);
    const auto* at = std::lower_bound(std::begin(kWordRanges), end, static_cast<std::uint32_t>(cp));
    if (at == end) return false;
    const auto index = at - std::begin(kWordRanges);
    return index % 2 == 1 || *at == cp;
}

const char* fold_table_source_version() { return LECTERN_FOLD_UTF8PROC_VERSION; }

}  // namespace lectern
