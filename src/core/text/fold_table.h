// The Unicode data the search fold needs, generated from utf8proc at build time
// (tools/fold_table_gen): what each code point folds to, and which code points are
// parts of words. A few KB of tables in place of utf8proc's whole property database,
// which the page would otherwise download; tests/core/fold_table_test.cpp checks every
// code point against utf8proc itself.
//
//   char32_t out[kMaxFold];
//   int n = fold_table_fold(U'Ä', out);     // 1, out[0] == U'a'
//   fold_table_is_word(U'ж');               // true: a letter
#pragma once

namespace lectern {

// The longest fold: U+FDFA becomes 18 code points.
constexpr int kMaxFold = 18;

// Folds one code point (compatibility decomposition, full case folding, marks stripped,
// default-ignorables dropped, utf8proc's LUMP of spaces, dashes and apostrophes) into
// `out`; returns how many code points it became (0: dropped). `cp` is a Unicode scalar value.
int fold_table_fold(char32_t cp, char32_t* out);

// A letter, mark or number (general categories L*, M*, N*).
bool fold_table_is_word(char32_t cp);

// The utf8proc version the tables were generated from.
const char* fold_table_source_version();

}  // namespace lectern
