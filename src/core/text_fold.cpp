// Folding text for search with the tables generated from utf8proc (core/fold_table.h): one
// code point at a time, so offsets map back to the original.
#include "core/text_fold.h"

#include <algorithm>

#include "core/fold_table.h"

namespace lectern {

namespace {

constexpr int kFoldBuffer = kMaxFold;

// utf8proc's LUMP makes ’ and ' alike but leaves the typographic double quotes
// alone; queries need “phrase” and "phrase" to read the same.
std::int32_t lump_quotes(std::int32_t cp) {
    switch (cp) {
        case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: case 0x2033:
            return '"';
        case 0x201A: case 0x201B: case 0x2032: case 0x2039: case 0x203A:
            return '\'';
        default:
            return cp;
    }
}

// Folds one code point into `out`; returns how many code points it became (0: dropped).
int fold_code_point(std::int32_t cp, std::int32_t* out) {
    char32_t folded[kMaxFold];
    const int n = fold_table_fold(static_cast<char32_t>(lump_quotes(cp)), folded);
    for (int i = 0; i < n; ++i) out[i] = static_cast<std::int32_t>(folded[i]);
    return n;
}

// Reads the code point at `pos`; invalid bytes read as U+FFFD, one byte each.
std::int32_t decode(std::string_view s, std::size_t pos, std::size_t& length) {
    const auto lead = static_cast<unsigned char>(s[pos]);
    length = utf8_sequence_at(s, pos);
    if (length == 0) {
        length = 1;
        return 0xFFFD;
    }
    if (length == 1) return lead;
    std::int32_t cp = lead & (0x7F >> length);  // the lead byte's payload bits
    for (std::size_t i = 1; i < length; ++i) cp = cp << 6 | (static_cast<unsigned char>(s[pos + i]) & 0x3F);
    return cp;
}

void append_utf8(std::string& out, std::int32_t cp) {
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

bool is_ascii_word(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

bool is_word_code_point(std::int32_t cp) {
    if (cp < 0x80) return is_ascii_word(static_cast<unsigned char>(cp));
    return fold_table_is_word(static_cast<char32_t>(cp));
}

template <bool with_offsets>
void fold_into(std::string_view utf8, FoldedText& out) {
    out.folded.reserve(utf8.size());
    if (with_offsets) out.source_offset.reserve(utf8.size() + 1);
    std::int32_t buffer[kFoldBuffer];
    for (std::size_t pos = 0; pos < utf8.size();) {
        std::size_t length = 0;
        const std::int32_t cp = decode(utf8, pos, length);
        const int n = fold_code_point(cp, buffer);
        for (int i = 0; i < n; ++i) append_utf8(out.folded, buffer[i]);
        if (with_offsets) out.source_offset.resize(out.folded.size(), static_cast<std::uint32_t>(pos));
        pos += length;
    }
    if (with_offsets) out.source_offset.push_back(static_cast<std::uint32_t>(utf8.size()));
}

}  // namespace

std::string fold_for_search(std::string_view utf8) {
    FoldedText out;
    fold_into<false>(utf8, out);
    return std::move(out.folded);
}

FoldedText fold_with_offsets(std::string_view utf8) {
    FoldedText out;
    fold_into<true>(utf8, out);
    return out;
}

bool TokenReader::next(Token& token) {
    token.folded.clear();
    bool open = false;
    std::int32_t buffer[kFoldBuffer];
    // A code point may fold to several (½ -> 1⁄2) with a word boundary inside: the
    // next call folds it again and resumes at sub_, cheaper than keeping the buffer.
    for (;;) {
        if (pos_ >= text_.size()) return open;
        const auto byte = static_cast<unsigned char>(text_[pos_]);
        if (byte < 0x80 && sub_ == 0) {  // most text: a run of ASCII, no table lookup, no decoding
            if (!is_ascii_word(byte)) {
                ++pos_;
                if (open) return true;
                continue;
            }
            if (!open) {
                open = true;
                token.begin = pos_;
            }
            // Locals, so writes to the token (chars alias anything) do not reload the text's view.
            const char* const text = text_.data();
            const std::size_t size = text_.size();
            std::size_t end = pos_ + 1;
            while (end < size && is_ascii_word(static_cast<unsigned char>(text[end]))) ++end;
            const std::size_t before = token.folded.size();
            const std::size_t take = std::min(kMaxTokenBytes - std::min(kMaxTokenBytes, before), end - pos_);
            char lowered[kMaxTokenBytes];
            for (std::size_t i = 0; i < take; ++i) {
                const char c = text[pos_ + i];
                lowered[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
            }
            token.folded.append(lowered, take);
            token.end = pos_ = end;
            continue;
        }
        std::size_t length = 0;
        const std::int32_t cp = decode(text_, pos_, length);
        const int n = fold_code_point(cp, buffer);
        if (n == 0) {  // a stripped mark or an ignorable: part of the word around it
            if (open) token.end = pos_ + length;
            pos_ += length;
            sub_ = 0;
            continue;
        }
        for (int i = sub_; i < n; ++i) {
            if (is_word_code_point(buffer[i])) {
                if (!open) {
                    open = true;
                    token.begin = pos_;
                }
                if (token.folded.size() < kMaxTokenBytes) {
                    const std::size_t before = token.folded.size();
                    append_utf8(token.folded, buffer[i]);
                    if (token.folded.size() > kMaxTokenBytes) token.folded.resize(before);
                }
                token.end = pos_ + length;
            } else if (open) {
                // The word ends inside this code point's folding: resume after it next time.
                sub_ = i + 1;
                if (sub_ >= n) {
                    sub_ = 0;
                    pos_ += length;
                }
                return true;
            }
        }
        sub_ = 0;
        pos_ += length;
    }
}

std::vector<std::string> search_words(std::string_view utf8) {
    std::vector<std::string> words;
    TokenReader reader(utf8);
    for (Token t; reader.next(t);) words.push_back(t.folded);
    return words;
}

std::size_t utf8_sequence_at(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    if (n > 1) {
        // The second byte's range excludes overlongs (E0, F0), surrogates (ED) and > U+10FFFF (F4).
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        const unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
        const unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
        if (b1 < lo || b1 > hi) return 0;
        for (std::size_t k = 2; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    }
    return n;
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
    std::size_t n = max_bytes;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // back to a character's first byte
    return n;
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
