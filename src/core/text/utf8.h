// UTF-8, in one place: reading and writing code points, checking text, and cutting it
// only between characters. Every other module (the search fold, Markdown, the checker's
// messages, snippets, labels) uses these rather than its own bit twiddling.
//
//   std::size_t n = 0;
//   char32_t cp = utf8_decode("é!", 0, n);       // U+00E9, n == 2
//   utf8_append(out, U'—');                      // three bytes
//   utf8_shortened("Сергей", 5)                  // "Се…": never half a character
//   shown_input("a\nb\xC0")                      // "a\u000Ab\xC0": safe to quote in a message
//
// Ill-formed input (overlong forms, surrogates, code points above U+10FFFF, sequences cut
// short, stray continuation bytes) reads as U+FFFD one byte at a time, so no input stops a
// reader and every output stays valid UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

constexpr char32_t kReplacementCharacter = 0xFFFD;

// The length of the well-formed UTF-8 sequence (one code point) starting at s[i]: 1 to 4,
// or 0 when the bytes there are not one (overlong, surrogate, above U+10FFFF, cut short).
std::size_t utf8_sequence_at(std::string_view s, std::size_t i);

// The code point at s[i] and, in `length`, how many bytes it takes; an ill-formed
// sequence reads as U+FFFD of length 1.
char32_t utf8_decode(std::string_view s, std::size_t i, std::size_t& length);

// The code points of UTF-8 text, in order; an ill-formed sequence counts as U+FFFD.
std::vector<char32_t> utf8_codepoints(std::string_view text);

// Appends `cp` as UTF-8; surrogates and values above U+10FFFF become U+FFFD.
void utf8_append(std::string& out, char32_t cp);

// A byte that continues a sequence (10xxxxxx) rather than starting a character.
inline bool is_utf8_continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

// How long the sequence led by `lead` claims to be: 1 for ASCII and for a stray
// continuation byte taken alone, else 2 to 4 (not checked: for stepping over text
// already known to be valid, as the reader's selection does).
inline std::size_t utf8_lead_length(unsigned char lead) {
    return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// The start of the character that holds byte `i`: back over continuation bytes, never
// below `floor`. With i == s.size() it is s.size().
std::size_t utf8_char_start(std::string_view s, std::size_t i, std::size_t floor = 0);
// The first character start at or after byte `i`, at most s.size().
std::size_t utf8_next_char_start(std::string_view s, std::size_t i);

// The length of the well-formed UTF-8 at the start of `s` (no overlong forms, surrogates or
// code points above U+10FFFF): s.size() when all of it is. Text that reaches JSON output
// (nlohmann's dump refuses anything else) is checked with it where it enters.
std::size_t valid_utf8_prefix(std::string_view s);
inline bool is_valid_utf8(std::string_view s) { return valid_utf8_prefix(s) == s.size(); }

// Where to cut `s` to at most max_bytes without splitting a character: the length of
// the longest such prefix. Cutting inside one would make text JSON cannot carry.
std::size_t utf8_boundary(std::string_view s, std::size_t max_bytes);
// `s` cut so (at a character boundary), followed by "…" when anything was cut.
std::string utf8_shortened(std::string_view s, std::size_t max_bytes);
// Archive text quoted in a message (an id, a date, an unknown key, a parser's excerpt): at most
// `max_bytes` (cut at a code point, "…" added), control characters and invalid UTF-8 bytes
// written as \u001F / \xC0. A 50 MB id or a key holding a newline still gives one short line,
// and every message stays valid UTF-8 for the JSON the page and the test hook send.
std::string shown_input(std::string_view s, std::size_t max_bytes = 80);

}  // namespace lectern
