// The Unicode data of the bidi algorithm (bidi.h), generated from utf8proc at build time
// (tools/bidi_table_gen): each code point's bidirectional class, its mirrored glyph and its
// paired-bracket type. About 7.5 KB of tables; tests/core/bidi_test.cpp checks them
// against FriBidi's.
//
//   bidi::class_of(U'א');          // BidiClass::R
//   bidi::bracket_of(U'(');        // BracketType::open
#pragma once

#include <cstdint>

namespace lectern::bidi {

// Numbered as utf8proc's utf8proc_bidi_class_t, which the generator copies.
// clang-format off
enum class BidiClass : std::uint8_t {
    L = 1, LRE, LRO, R, AL, RLE, RLO, PDF, EN, ES, ET, AN, CS, NSM, BN, B, S, WS, ON, LRI, RLI, FSI, PDI
};
// clang-format on

enum class BracketType : std::uint8_t { none, open, close };

// The class of a code point; unassigned ones read as L (see tools/bidi_table_gen.cpp). Surrogates and values above
// U+10FFFF (never decoded from UTF-8) read as L too.
BidiClass class_of(char32_t cp);

// Whether `cp` is an opening or closing paired bracket (Bidi_Paired_Bracket_Type); its
// pair is mirror(cp).
BracketType bracket_of(char32_t cp);

}  // namespace lectern::bidi
