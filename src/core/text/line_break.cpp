// Line-break opportunities inside words without spaces (see line_break.h): a small table
// of code point ranges and one rule about the classes either side of a boundary.
#include "core/text/line_break.h"

#include <algorithm>
#include <string_view>

#include "core/text/utf8.h"

namespace lectern {

namespace {

// The few behaviours Lectern needs, each standing for UAX #14 classes:
enum class BreakClass : std::uint8_t {
    Other,        // AL, NU, HL, SA, ... (letters, digits, Thai): no break between two of them
    Ideographic,  // ID, H2, H3 (ideographs, kana, Hangul syllables): a break before and after
    OpenWide,     // OP of East Asian width W/F (「（【): a break before, none after
    OpenNarrow,   // OP of width Na (ASCII ( [ {): none after; a break before only after an ideograph or a wide closer
    CloseWide,    // CL, NS, CJ, EX, BA, IN of width W/F (」。、ッー・): none before, a break after
    CloseNarrow,  // CP, IS, EX, PO of width Na (ASCII ) ] } , . : ; ! ? %): none before; after, like Other
    Quote,        // QU (' " ‘ ’ “ ”): which side they open is unknown, so no break on either side (LB19)
    Combining,    // CM (marks, variation selectors, emoji modifiers): belongs to the character before (LB9)
    Joiner,       // ZWJ: as Combining, and no break after it either (LB8a)
};

struct Range {
    char32_t first, last;
    BreakClass cls;
};

using C = BreakClass;

// Punctuation and small kana, written as themselves. They are looked up before kRanges: most sit
// inside the ideographic blocks and change how those break. None lies in U+3100..U+FEFF, so the
// ideographs and Hangul syllables skip these lists.
constexpr std::u32string_view kOpenNarrow = U"([{";
constexpr std::u32string_view kOpenWide = U"「『（［｛〔〈《【〘〖〚〝｟｢";
constexpr std::u32string_view kCloseNarrow = U")]},.:;!?%";
// Closers, then marks that must not start a line (…, 々, ー, ・, iteration and voicing marks), then
// small kana (CJ: kept off a line's start as strict Japanese layout does), then half-width forms.
constexpr std::u32string_view kCloseWide =
    U"、。，．：；？！％」』）］｝〕〉》】〙〗〛〞〟｠｡｣､"
    U"…\u3000々〻〜ー・゠ゝゞヽヾ゛゜･ｰﾞﾟ"
    U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶｧｨｩｪｫｬｭｮｯ";
constexpr std::u32string_view kQuotes = U"'\"‘’“”«»";

// Everything else that is not Other, sorted and not overlapping. Hangul jamo (U+1100..) stay
// Other, so a syllable spelt in jamo is never split; marks of scripts whose letters are
// Other need no entry, since Other never breaks from Other; emoji (ID, EB) are left out.
constexpr Range kRanges[] = {
    {0x0300, 0x036F, C::Combining},      // combining diacritical marks
    {0x1AB0, 0x1AFF, C::Combining},      // ... extended
    {0x1DC0, 0x1DFF, C::Combining},      // ... supplement
    {0x200C, 0x200C, C::Combining},      // ZWNJ
    {0x200D, 0x200D, C::Joiner},         // ZWJ
    {0x20D0, 0x20FF, C::Combining},      // marks for symbols
    {0x2E80, 0x2FFF, C::Ideographic},    // radicals, Kangxi, ideographic description
    {0x3003, 0x3029, C::Ideographic},    // CJK symbols (the punctuation among them is listed above)
    {0x302A, 0x302F, C::Combining},      // ideographic tone marks
    {0x3030, 0x3098, C::Ideographic},    // hiragana
    {0x3099, 0x309A, C::Combining},      // combining voicing marks
    {0x309B, 0x31EF, C::Ideographic},    // katakana, bopomofo, Hangul compatibility jamo, kanbun, strokes
    {0x31F0, 0x31FF, C::CloseWide},      // small katakana for Ainu
    {0x3200, 0x4DBF, C::Ideographic},    // enclosed and compatibility forms, CJK ext. A
    {0x4E00, 0x9FFF, C::Ideographic},    // CJK unified ideographs
    {0xA000, 0xA4CF, C::Ideographic},    // Yi
    {0xAC00, 0xD7A3, C::Ideographic},    // Hangul syllables (H2, H3)
    {0xF900, 0xFAFF, C::Ideographic},    // compatibility ideographs
    {0xFE00, 0xFE0F, C::Combining},      // variation selectors
    {0xFE20, 0xFE2F, C::Combining},      // combining half marks
    {0xFE30, 0xFE4F, C::Ideographic},    // CJK compatibility forms
    {0xFF01, 0xFF9F, C::Ideographic},    // full-width forms, half-width katakana
    {0xFFE0, 0xFFE6, C::Ideographic},    // full-width signs
    {0x1F3FB, 0x1F3FF, C::Combining},    // skin tones stay with their emoji (EM)
    {0x20000, 0x2FFFD, C::Ideographic},  // CJK ext. B-F, compatibility supplement
    {0x30000, 0x3FFFD, C::Ideographic},  // CJK ext. G, H
    {0xE0020, 0xE007F, C::Combining},    // tags
    {0xE0100, 0xE01EF, C::Combining},    // variation selectors supplement
};

// Scripts written without spaces whose words only a dictionary finds (UAX #14 SA): whole
// blocks, their digits and signs included.
constexpr Range kDictionaryScripts[] = {
    {0x0E00, 0x0EFF, C::Other},    // Thai, Lao
    {0x1000, 0x109F, C::Other},    // Myanmar
    {0x1780, 0x17FF, C::Other},    // Khmer
    {0x1950, 0x19FF, C::Other},    // Tai Le, New Tai Lue, Khmer symbols
    {0x1A20, 0x1AAF, C::Other},    // Tai Tham
    {0xA9E0, 0xA9FF, C::Other},    // Myanmar extended B
    {0xAA60, 0xAADF, C::Other},    // Myanmar extended A, Tai Viet
    {0x11700, 0x1174F, C::Other},  // Ahom
};

template <std::size_t N>
const Range* find_range(const Range (&table)[N], char32_t cp) {
    const Range* end = table + N;
    const Range* r = std::upper_bound(table, end, cp, [](char32_t c, const Range& x) { return c < x.first; });
    if (r == table) return nullptr;
    --r;
    return cp <= r->last ? r : nullptr;
}

BreakClass break_class(char32_t cp) {
    if (cp >= 0x3100 && cp < 0xFF00) {
        const Range* r = find_range(kRanges, cp);
        return r ? r->cls : C::Other;
    }
    if (kOpenNarrow.find(cp) != kOpenNarrow.npos) return C::OpenNarrow;
    if (kOpenWide.find(cp) != kOpenWide.npos) return C::OpenWide;
    if (kCloseNarrow.find(cp) != kCloseNarrow.npos) return C::CloseNarrow;
    if (kCloseWide.find(cp) != kCloseWide.npos) return C::CloseWide;
    if (kQuotes.find(cp) != kQuotes.npos) return C::Quote;
    if (const Range* r = find_range(kRanges, cp)) return r->cls;
    return C::Other;
}

// The one rule: never before a closer or quote, never after an opener or quote, otherwise
// a break when either side is ideographic, after a wide closer, or before a wide opener.
bool break_between(BreakClass before, BreakClass after) {
    if (after == C::CloseWide || after == C::CloseNarrow || after == C::Quote) return false;
    if (before == C::OpenWide || before == C::OpenNarrow || before == C::Quote) return false;
    return before == C::Ideographic || before == C::CloseWide || after == C::Ideographic || after == C::OpenWide;
}

}  // namespace

std::vector<std::uint32_t> line_breaks_in_word(std::string_view word) {
    std::vector<std::uint32_t> breaks;
    BreakClass base = C::Other;  // the class of the last character that was not a mark
    bool previous_valid = false;
    bool after_joiner = false;
    for (std::size_t i = 0; i < word.size();) {
        const std::size_t length = utf8_sequence_at(word, i);
        const bool valid = length > 0;
        std::size_t n = 0;
        const BreakClass cls = valid ? break_class(utf8_decode(word, i, n)) : C::Other;
        const bool mark = cls == C::Combining || cls == C::Joiner;
        if (i > 0 && !mark && valid && previous_valid && !after_joiner && break_between(base, cls))
            breaks.push_back(static_cast<std::uint32_t>(i));
        // A mark with nothing before it stands alone as a letter would (LB10).
        if (!mark || i == 0) base = mark ? C::Other : cls;
        after_joiner = cls == C::Joiner;
        previous_valid = valid;
        i += valid ? length : 1;
    }
    return breaks;
}

bool written_without_spaces(char32_t cp) {
    if (cp < 0x0E00) return false;  // every script before Thai separates its words
    // Hangul jamo too: the search fold spells each Korean syllable in them.
    return break_class(cp) == C::Ideographic || find_range(kDictionaryScripts, cp) != nullptr ||
           (cp >= 0x1100 && cp <= 0x11FF);
}

bool needs_dictionary_breaks(std::string_view word) {
    for (std::size_t i = 0, n = 0; i < word.size(); i += n)
        if (find_range(kDictionaryScripts, utf8_decode(word, i, n))) return true;
    return false;
}

}  // namespace lectern
