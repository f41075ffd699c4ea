// The Unicode Bidirectional Algorithm (UAX #9, Unicode 15) for one paragraph of UTF-8 text:
// which way the paragraph runs, the embedding level of every byte, and the visual order of
// a line's runs. Text mixing Hebrew or Arabic with Latin letters and numbers is stored in
// reading order; these say where each piece goes on screen. Shaping (Arabic joining forms)
// is the text shaper's business, not this module's.
//
//   if (bidi::has_rtl(text)) {                                 // pure LTR text needs nothing
//       bool rtl = bidi::is_rtl_paragraph(text);               // "אבג abc" -> true
//       std::vector<std::uint8_t> lv = bidi::levels(text, rtl);  // per byte: odd = right to left
//       // cut each line into runs of one level, then:
//       std::vector<std::uint32_t> order = bidi::visual_order(run_levels);  // left to right
//       // draw runs in that order; an odd run's characters right to left, each through mirror()
//   }
//
// Invalid UTF-8 bytes count one code point each, of class ON (a neutral: they take the
// direction of their surroundings, as U+FFFD, which a reader shows for them, does).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace lectern::bidi {

// P2/P3: true when the first strong character (skipping text inside isolates) is R or AL.
bool is_rtl_paragraph(std::string_view utf8);

// True when the text holds any character of class R, AL or AN, or an explicit RTL
// embedding, override or isolate: the callers' fast path (no bidi work for pure LTR text).
bool has_rtl(std::string_view utf8);

// The resolved embedding level of each byte of `utf8` (every byte of a code point gets its
// level), for a paragraph of base direction `rtl`: rules X1-X10, W1-W7, N0-N2, I1-I2, and
// L1 for segment separators and trailing whitespace (the whole text taken as one line).
// Explicit formatting characters removed by X9 (LRE, RLE, LRO, RLO, PDF, BN) get the level
// of the character before them, so they never split a run. The text is one paragraph: it
// holds no paragraph separators (a newline there reads as one, class B, and gets the
// paragraph level as L1 says, but does not start a new paragraph).
std::vector<std::uint8_t> levels(std::string_view utf8, bool rtl);

// L2: the visual order of a line's runs, given each run's level (runs in logical order):
// the run indices left to right. Reversing the characters of odd runs is the caller's.
std::vector<std::uint32_t> visual_order(const std::vector<std::uint8_t>& run_levels);

// L4: the mirrored character of `cp` (e.g. '(' -> ')', '«' -> '»'), or cp itself.
char32_t mirror(char32_t cp);

}  // namespace lectern::bidi
