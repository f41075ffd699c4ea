// Where a line may break inside a run of text written without spaces. Chinese and Japanese
// leave no spaces between words, and Korean words are long enough to overflow a narrow
// column, so the reader's wrapping asks here before it breaks a "word" in the middle.
//
//   line_breaks_in_word("文件名.txt")        // {3, 6}: 文|件|名.txt
//   line_breaks_in_word("「ちょっと」")      // {12}: 「ちょっ|と」 (never before ッ, never after 「)
//   line_breaks_in_word("BYTESが0x")         // {5, 8}
//   needs_dictionary_breaks("ภาษาไทย")       // true: ask TextShaper::word_breaks instead
//
// The rules approximate UAX #14 (Unicode line breaking) for these scripts only; see
// line_break.cpp for the classes and what is simplified.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace lectern {

// Where a line may break inside a word (a run without spaces), by the rules readers of
// Chinese, Japanese and Korean expect (UAX #14's ID class, simplified), byte offsets > 0 and < word.size().
// Offsets are in increasing order and always fall between two well-formed code points:
// ill-formed UTF-8 is never cut next to.
std::vector<std::uint32_t> line_breaks_in_word(std::string_view word);

// True when the word holds characters of Thai, Lao, Khmer or Burmese (UAX #14 class SA): the platform's dictionary
// (TextShaper::word_breaks) finds its breaks.
bool needs_dictionary_breaks(std::string_view word);

// True for a letter of a script written without spaces between words (Chinese, Japanese
// kana, Korean syllables, Yi, and the dictionary scripts: Thai, Lao, Khmer, Burmese...):
// search makes each such character a word of its own (core/text/text_fold.h), so a query
// finds it wherever it occurs, not only where a run of such letters starts.
bool written_without_spaces(char32_t cp);

}  // namespace lectern
