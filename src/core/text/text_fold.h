// Folding text for search: case, accents and punctuation variants made equal, and words cut out.
//
//   fold_for_search("Open Letter to André Gide") == "open letter to andre gide"
//   fold_for_search("Trotsky’s “Defense” – 1938") == "trotsky's \"defense\" - 1938"
//
//   FoldedText f = fold_with_offsets("Straße");   // f.folded == "strasse"
//   f.source_offset[4] == 4;                       // both s of "ß" come from byte 4
//
//   TokenReader words(text);                       // the words of a text, folded, with their
//   for (Token t; words.next(t);)                  // place in the original:
//       use(t.folded, t.begin, t.end);             // text.substr(t.begin, t.end - t.begin)
//
// Folding is per code point, as utf8proc folds (compatibility decomposition, full case
// folding, marks stripped, default-ignorables such as the soft hyphen dropped,
// spaces, dashes and quotes lumped to their ASCII forms), so "ΑΘΗΝΑ" and "Αθήνα",
// "Москва" and "МОСКВА", "ß" and "ss", "ﬁ" and "fi" fold alike. Invalid UTF-8
// folds to U+FFFD byte by byte, so user input never stops the fold. The Unicode data comes
// from small tables generated from utf8proc at build time (core/text/fold_table.h) rather than
// from linking utf8proc, whose whole database would be about 330 KB of the page's wasm.
//
// A word (token) is a run of letters and digits after folding; everything else
// separates words, so "Trotsky’s" is the two words "trotsky" and "s" whichever
// apostrophe it was typed with. In scripts written without spaces between words
// (Chinese, Japanese, Korean, Thai...: core/text/line_break.h) each character is a word of
// its own (a Korean syllable, spelt in jamo after folding, is one), so "解釈する" is the words
// 解 釈 す る and a query finds them wherever they occur, as a phrase of its characters.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

std::string fold_for_search(std::string_view utf8);

struct FoldedText {
    std::string folded;
    // For each byte of `folded`, the offset in the original of the code point it
    // came from; one more entry at the end holds the original's size.
    std::vector<std::uint32_t> source_offset;
};

FoldedText fold_with_offsets(std::string_view utf8);

// Words longer than this are indexed and compared on their first bytes only,
// so a megabyte without a space stays one small entry.
constexpr std::size_t kMaxTokenBytes = 64;

struct Token {
    std::string folded;     // the folded word, at most kMaxTokenBytes (cut at a code point)
    std::size_t begin = 0;  // its bytes in the original text, including
    std::size_t end = 0;    // trailing marks that folded to nothing
};

// Reads the words of a text one by one. Keeps a view of the text: it must outlive the reader.
class TokenReader {
public:
    explicit TokenReader(std::string_view utf8) : text_(utf8) {}
    bool next(Token& token);  // false at the end of the text

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    int sub_ = 0;  // folded code points of the one at pos_ already read (½ -> 1⁄2 holds two words)
};

// The folded words of a text, in order (convenience for queries and tests).
std::vector<std::string> search_words(std::string_view utf8);

}  // namespace lectern
