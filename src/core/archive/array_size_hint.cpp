// A quick count of a top-level array's elements: see array_size_hint.h.
#include "core/archive/array_size_hint.h"

#include <cstring>

namespace lectern {

namespace {

// The closing quote of the string whose text starts at `i` (or the text's end): memchr finds
// each quote, and a quote after an odd run of backslashes is escaped. Most of an archive's bytes
// are inside strings, which a byte-by-byte walk read at a third of the parser's speed.
std::size_t string_end(std::string_view text, std::size_t i) {
    for (;;) {
        const void* q = std::memchr(text.data() + i, '"', text.size() - i);
        if (!q) return text.size();
        const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(q) - text.data());
        std::size_t backslashes = 0;
        while (at - backslashes > i && text[at - backslashes - 1] == '\\') ++backslashes;
        if (backslashes % 2 == 0) return at;
        i = at + 1;
    }
}

}  // namespace

std::size_t top_level_array_size(std::string_view text, std::string_view key) {
    const std::size_t n = text.size();
    std::size_t depth = 0, commas = 0, found = 0;
    bool counting = false, any = false;
    std::string_view last_string, last_key;  // at depth 1: a string, and the string before a ':'
    for (std::size_t i = 0; i < n; ++i) {
        const char c = text[i];
        switch (c) {
            case '"': {
                const std::size_t start = ++i;
                i = string_end(text, i);
                if (depth == 1) last_string = text.substr(start, i - start);
                any = any || (counting && depth == 2);
                break;
            }
            case ':':
                if (depth == 1) last_key = last_string;
                break;
            case '{':
            case '[':
                any = any || (counting && depth == 2);
                ++depth;
                if (depth == 2 && c == '[' && last_key == key) {
                    counting = true;
                    commas = 0;
                    any = false;
                }
                break;
            case '}':
            case ']':
                if (depth == 2 && counting) {
                    counting = false;
                    found = any ? commas + 1 : 0;
                }
                if (depth > 0) --depth;
                break;
            case ',':
                if (counting && depth == 2) ++commas;
                break;
            case ' ':
            case '\n':
            case '\r':
            case '\t': break;
            default: any = any || (counting && depth == 2);
        }
    }
    return found;
}

}  // namespace lectern
