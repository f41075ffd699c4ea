// The bidi algorithm on UTF-8 text: decoding, the paragraph direction, levels per byte (the
// rules themselves are in bidi_resolve.cpp) and the reordering of a line's runs (L2).
#include "core/text/bidi.h"

#include "core/text/bidi_resolve.h"
#include "core/text/bidi_table.h"
#include "core/text/utf8.h"

#include <algorithm>
#include <cstddef>

namespace lectern::bidi {

bool is_rtl_paragraph(std::string_view utf8) {
    std::vector<BidiClass> classes;
    for (char32_t cp : utf8_codepoints(utf8)) classes.push_back(class_of(cp));
    const BidiClass first = first_strong(classes, 0, classes.size());
    return first == BidiClass::R || first == BidiClass::AL;
}

bool has_rtl(std::string_view utf8) {
    for (std::size_t i = 0, length = 0; i < utf8.size(); i += length) {
        if (static_cast<unsigned char>(utf8[i]) < 0x80) {  // ASCII is never RTL
            length = 1;
            continue;
        }
        switch (class_of(utf8_decode(utf8, i, length))) {
            case BidiClass::R:
            case BidiClass::AL:
            case BidiClass::AN:
            case BidiClass::RLE:
            case BidiClass::RLO:
            case BidiClass::RLI: return true;
            default: break;
        }
    }
    return false;
}

std::vector<std::uint8_t> levels(std::string_view utf8, bool rtl) {
    std::vector<char32_t> text;
    std::vector<std::uint8_t> lengths;  // of each code point in bytes
    text.reserve(utf8.size());
    lengths.reserve(utf8.size());
    for (std::size_t i = 0, length = 0; i < utf8.size(); i += length) {
        text.push_back(utf8_decode(utf8, i, length));  // U+FFFD, class ON, for an invalid byte
        lengths.push_back(static_cast<std::uint8_t>(length));
    }
    const std::vector<std::uint8_t> per_code_point = resolve_levels(text, rtl ? 1 : 0);
    std::vector<std::uint8_t> out;
    out.reserve(utf8.size());
    for (std::size_t k = 0; k < text.size(); ++k) out.insert(out.end(), lengths[k], per_code_point[k]);
    return out;
}

std::vector<std::uint32_t> visual_order(const std::vector<std::uint8_t>& run_levels) {
    std::vector<std::uint32_t> order(run_levels.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
    if (order.empty()) return order;
    const std::uint8_t highest = *std::max_element(run_levels.begin(), run_levels.end());
    std::uint8_t lowest_odd = highest;
    for (std::uint8_t level : run_levels) {
        if (level % 2 != 0) lowest_odd = std::min(lowest_odd, level);
    }
    if (lowest_odd % 2 == 0) ++lowest_odd;  // no odd level: nothing to reverse unless higher
    // From the highest level down to the lowest odd one, reverse every stretch of runs at
    // that level or higher.
    for (int level = highest; level >= lowest_odd; --level) {
        for (std::size_t i = 0; i < order.size();) {
            if (run_levels[order[i]] < level) {
                ++i;
                continue;
            }
            std::size_t end = i;
            while (end < order.size() && run_levels[order[end]] >= level) ++end;
            std::reverse(order.begin() + static_cast<std::ptrdiff_t>(i),
                         order.begin() + static_cast<std::ptrdiff_t>(end));
            i = end;
        }
    }
    return order;
}

}  // namespace lectern::bidi
