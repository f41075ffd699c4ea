// Folding text for search with the tables generated from utf8proc (core/text/fold_table.h): one
// code point at a time, so offsets map back to the original.
#include "core/text/text_fold.h"

#include <algorithm>

#include "core/text/fold_table.h"
#include "core/text/line_break.h"
#include "core/text/utf8.h"

namespace lectern {

namespace {

constexpr int kFoldBuffer = kMaxFold;

// utf8proc's LUMP makes ’ and ' alike but leaves the typographic double quotes
// alone; queries need “phrase” and "phrase" to read the same.
std::int32_t lump_quotes(std::int32_t cp) {
    switch (cp) {
        case 0x201C:
        case 0x201D:
        case 0x201E:
        case 0x201F:
        case 0x00AB:
        case 0x00BB:
        case 0x2033: return '"';
        case 0x201A:
        case 0x201B:
        case 0x2032:
        case 0x2039:
        case 0x203A: return '\'';
        default: return cp;
    }
}

// Folds one code point into `out`; returns how many code points it became (0: dropped).
int fold_code_point(std::int32_t cp, std::int32_t* out) {
    char32_t folded[kMaxFold];
    const int n = fold_table_fold(static_cast<char32_t>(lump_quotes(cp)), folded);
    for (int i = 0; i < n; ++i) out[i] = static_cast<std::int32_t>(folded[i]);
    return n;
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
        const auto cp = static_cast<std::int32_t>(utf8_decode(utf8, pos, length));
        const int n = fold_code_point(cp, buffer);
        for (int i = 0; i < n; ++i) utf8_append(out.folded, static_cast<char32_t>(buffer[i]));
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

namespace {
bool is_jamo(std::int32_t cp) { return cp >= 0x1100 && cp <= 0x11FF; }
// A vowel or final consonant: it continues the syllable a leading consonant (U+1100-115F) began.
bool continues_syllable(std::int32_t cp) { return cp >= 0x1160 && cp <= 0x11FF; }
}  // namespace

bool TokenReader::next(Token& token) {
    token.folded.clear();
    bool open = false;
    bool closed = false;    // the token is one character written without spaces: only marks may follow
    bool syllable = false;  // ... a Korean syllable, spelt in jamo: its vowel and final consonant too
    std::int32_t buffer[kFoldBuffer];
    // A code point may fold to several (½ -> 1⁄2) with a word boundary inside: the
    // next call folds it again and resumes at sub_, cheaper than keeping the buffer.
    for (;;) {
        if (pos_ >= text_.size()) return open;
        const auto byte = static_cast<unsigned char>(text_[pos_]);
        if (closed && (byte < 0x80 || sub_ != 0)) return true;
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
        const auto cp = static_cast<std::int32_t>(utf8_decode(text_, pos_, length));
        const int n = fold_code_point(cp, buffer);
        if (n == 0) {  // a stripped mark or an ignorable: part of the word around it
            if (open) token.end = pos_ + length;
            pos_ += length;
            sub_ = 0;
            continue;
        }
        if (closed) {  // the next character starts the next word, unless it goes on with a Korean syllable
            if (!syllable || !continues_syllable(buffer[0])) return true;
            int k = 0;
            while (k < n && continues_syllable(buffer[k]))
                utf8_append(token.folded, static_cast<char32_t>(buffer[k++]));
            token.end = pos_ + length;
            if (k < n) {
                sub_ = k;
                return true;
            }
            pos_ += length;
            continue;
        }
        for (int i = sub_; i < n; ++i) {
            if (is_word_code_point(buffer[i]) && written_without_spaces(static_cast<char32_t>(buffer[i]))) {
                // Chinese, Japanese, Thai...: each character is a word, so a query finds it
                // wherever it occurs; a longer query is a phrase of its characters.
                if (open) {  // it ends the word before it, and starts the next call
                    sub_ = i;
                    return true;
                }
                open = true;
                token.begin = pos_;
                // A Korean syllable folds to its jamo (각 -> ᄀ ᅡ ᆨ): the syllable is the word.
                int last = i;
                syllable = is_jamo(buffer[i]);
                while (syllable && last + 1 < n && continues_syllable(buffer[last + 1])) ++last;
                for (int k = i; k <= last; ++k) utf8_append(token.folded, static_cast<char32_t>(buffer[k]));
                token.end = pos_ + length;
                if (last + 1 < n) {  // more of this code point's folding (㍿ -> 株式会社): the next calls
                    sub_ = last + 1;
                    return true;
                }
                closed = true;
                break;
            }
            if (is_word_code_point(buffer[i])) {
                if (!open) {
                    open = true;
                    token.begin = pos_;
                }
                if (token.folded.size() < kMaxTokenBytes) {
                    const std::size_t before = token.folded.size();
                    utf8_append(token.folded, static_cast<char32_t>(buffer[i]));
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

}  // namespace lectern
