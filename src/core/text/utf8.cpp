// UTF-8 reading, writing and cutting (see utf8.h): the one decoder and encoder of the core.
#include "core/text/utf8.h"

#include <cstdint>

namespace lectern {

std::size_t utf8_sequence_at(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80                 ? 1
                          : c >= 0xC2 && c <= 0xDF ? 2
                          : c >= 0xE0 && c <= 0xEF ? 3
                          : c >= 0xF0 && c <= 0xF4 ? 4
                                                   : 0;
    if (n == 0 || i + n > s.size()) return 0;
    if (n > 1) {
        // The second byte's range excludes overlongs (E0, F0), surrogates (ED) and > U+10FFFF (F4).
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        const unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
        const unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
        if (b1 < lo || b1 > hi) return 0;
        for (std::size_t k = 2; k < n; ++k)
            if (!is_utf8_continuation(s[i + k])) return 0;
    }
    return n;
}

char32_t utf8_decode(std::string_view s, std::size_t i, std::size_t& length) {
    const auto lead = static_cast<unsigned char>(s[i]);
    length = utf8_sequence_at(s, i);
    if (length == 0) {
        length = 1;
        return kReplacementCharacter;
    }
    if (length == 1) return lead;
    char32_t cp = lead & (0x7F >> length);  // the lead byte's payload bits
    for (std::size_t k = 1; k < length; ++k) cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return cp;
}

std::vector<char32_t> utf8_codepoints(std::string_view text) {
    std::vector<char32_t> out;
    for (std::size_t i = 0, n = 0; i < text.size(); i += n) out.push_back(utf8_decode(text, i, n));
    return out;
}

void utf8_append(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementCharacter;
    const auto c = static_cast<std::uint32_t>(cp);
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        const char bytes[] = {static_cast<char>(0xC0 | c >> 6), static_cast<char>(0x80 | (c & 0x3F))};
        out.append(bytes, 2);
    } else if (c < 0x10000) {
        const char bytes[] = {static_cast<char>(0xE0 | c >> 12), static_cast<char>(0x80 | (c >> 6 & 0x3F)),
                              static_cast<char>(0x80 | (c & 0x3F))};
        out.append(bytes, 3);
    } else {
        const char bytes[] = {static_cast<char>(0xF0 | c >> 18), static_cast<char>(0x80 | (c >> 12 & 0x3F)),
                              static_cast<char>(0x80 | (c >> 6 & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
        out.append(bytes, 4);
    }
}

std::size_t utf8_char_start(std::string_view s, std::size_t i, std::size_t floor) {
    if (i >= s.size()) return s.size();
    while (i > floor && is_utf8_continuation(s[i])) --i;
    return i;
}

std::size_t utf8_next_char_start(std::string_view s, std::size_t i) {
    while (i < s.size() && is_utf8_continuation(s[i])) ++i;
    return i < s.size() ? i : s.size();
}

std::size_t valid_utf8_prefix(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_sequence_at(s, i);
        if (n == 0) return i;
        i += n;
    }
    return s.size();
}

std::size_t utf8_boundary(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return s.size();
    return utf8_char_start(s, max_bytes);  // back to a character's first byte
}

std::string utf8_shortened(std::string_view s, std::size_t max_bytes) {
    const std::size_t n = utf8_boundary(s, max_bytes);
    return n == s.size() ? std::string(s) : std::string(s.substr(0, n)) + "\xE2\x80\xA6";
}

std::string shown_input(std::string_view s, std::size_t max_bytes) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (out.size() >= max_bytes) return out + "…";
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7F) {
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 15];
            ++i;
            continue;
        }
        const std::size_t n = utf8_sequence_at(s, i);
        if (n == 0) {
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 15];
            ++i;
            continue;
        }
        out.append(s.substr(i, n));
        i += n;
    }
    return out;
}

}  // namespace lectern
