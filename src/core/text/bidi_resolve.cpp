// UAX #9's paragraph rules, in the order and shape of the Unicode reference implementation
// (BidiReference.java): explicit levels (X1-X8), isolating run sequences (X10), then per
// sequence the weak types (W1-W7), paired brackets (N0), neutrals (N1-N2) and implicit
// levels (I1-I2). Removed characters (X9) stay in the arrays but take no part after X8.
#include "core/text/bidi_resolve.h"

#include "core/text/bidi.h"

#include <algorithm>
#include <utility>

namespace lectern::bidi {

namespace {

using C = BidiClass;
constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr int kMaxDepth = 125;         // BD2
constexpr std::size_t kMaxPairs = 63;  // BD16's stack of opening brackets

bool removed_by_x9(C c) {
    return c == C::LRE || c == C::RLE || c == C::LRO || c == C::RLO || c == C::PDF || c == C::BN;
}
bool isolate_initiator(C c) { return c == C::LRI || c == C::RLI || c == C::FSI; }
bool neutral_or_isolate(C c) {  // "NI" of N1 and N2
    return c == C::B || c == C::S || c == C::WS || c == C::ON || isolate_initiator(c) || c == C::PDI;
}
C direction_of_level(int level) { return level % 2 != 0 ? C::R : C::L; }
// The strong direction a resolved type counts as in N0 and N1: numbers count as R.
C strong_direction(C c) {
    if (c == C::L) return C::L;
    return c == C::R || c == C::EN || c == C::AN ? C::R : C::ON;
}
int next_level(int level, bool rtl) { return rtl ? (level + 1) | 1 : (level + 2) & ~1; }
// U+2329 and U+232A are canonically equivalent to U+3008 and U+3009, and pair with them (BD16).
char32_t canonical_bracket(char32_t cp) { return cp == 0x2329 ? 0x3008 : cp == 0x232A ? 0x3009 : cp; }

struct Paragraph {
    Paragraph(const std::vector<char32_t>& text_, int level)
        : text(text_),
          levels(text_.size()),
          result(text_.size()),
          matching_pdi(text_.size(), kNone),
          matched_pdi(text_.size()),
          paragraph_level(level) {
        classes.reserve(text.size());
        for (char32_t cp : text) classes.push_back(class_of(cp));
        types = classes;
    }
    const std::vector<char32_t>& text;
    std::vector<C> classes;                 // as in the character data
    std::vector<C> types;                   // as the rules resolve them
    std::vector<std::uint8_t> levels;       // explicit levels (X1-X8); sos and eos read these
    std::vector<std::uint8_t> result;       // after I1-I2
    std::vector<std::size_t> matching_pdi;  // BD9, for each isolate initiator; kNone if unmatched
    std::vector<bool> matched_pdi;          // BD9, for each PDI
    int paragraph_level;
};

// An isolating run sequence (BD13).
struct Sequence {
    std::vector<std::size_t> at;  // its characters' indices in the paragraph
    int level = 0;
    C sos = C::L, eos = C::L;
};

void match_isolates(Paragraph& p) {
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < p.classes.size(); ++i) {
        if (isolate_initiator(p.classes[i])) {
            open.push_back(i);
        } else if (p.classes[i] == C::PDI && !open.empty()) {
            p.matching_pdi[open.back()] = i;
            p.matched_pdi[i] = true;
            open.pop_back();
        }
    }
}

// X1-X8.
void explicit_levels(Paragraph& p) {
    struct Entry {
        int level;
        C override_to;  // ON: no override
        bool isolate;
    };
    std::vector<Entry> stack{{p.paragraph_level, C::ON, false}};
    int overflow_isolates = 0, overflow_embeddings = 0, valid_isolates = 0;
    for (std::size_t i = 0; i < p.classes.size(); ++i) {
        const C c = p.classes[i];
        const auto set_level_and_override = [&] {
            p.levels[i] = static_cast<std::uint8_t>(stack.back().level);
            if (stack.back().override_to != C::ON) p.types[i] = stack.back().override_to;
        };
        switch (c) {
            case C::RLE:
            case C::LRE:
            case C::RLO:
            case C::LRO: {
                p.levels[i] = static_cast<std::uint8_t>(stack.back().level);
                const int level = next_level(stack.back().level, c == C::RLE || c == C::RLO);
                if (level <= kMaxDepth && overflow_isolates == 0 && overflow_embeddings == 0) {
                    stack.push_back({level, c == C::RLO ? C::R : c == C::LRO ? C::L : C::ON, false});
                } else if (overflow_isolates == 0) {
                    ++overflow_embeddings;
                }
                break;
            }
            case C::RLI:
            case C::LRI:
            case C::FSI: {
                set_level_and_override();
                bool rtl = c == C::RLI;
                if (c == C::FSI) {  // X5c: P2 and P3 on the text up to the matching PDI
                    const std::size_t end = p.matching_pdi[i] == kNone ? p.classes.size() : p.matching_pdi[i];
                    const C first = first_strong(p.classes, i + 1, end);
                    rtl = first == C::R || first == C::AL;
                }
                const int level = next_level(stack.back().level, rtl);
                if (level <= kMaxDepth && overflow_isolates == 0 && overflow_embeddings == 0) {
                    ++valid_isolates;
                    stack.push_back({level, C::ON, true});
                } else {
                    ++overflow_isolates;
                }
                break;
            }
            case C::PDI:
                if (overflow_isolates > 0) {
                    --overflow_isolates;
                } else if (valid_isolates > 0) {
                    overflow_embeddings = 0;
                    while (!stack.back().isolate) stack.pop_back();
                    stack.pop_back();
                    --valid_isolates;
                }
                set_level_and_override();
                break;
            case C::PDF:
                p.levels[i] = static_cast<std::uint8_t>(stack.back().level);
                if (overflow_isolates > 0) {
                } else if (overflow_embeddings > 0) {
                    --overflow_embeddings;
                } else if (!stack.back().isolate && stack.size() >= 2) {
                    stack.pop_back();
                }
                break;
            case C::B: p.levels[i] = static_cast<std::uint8_t>(p.paragraph_level); break;
            case C::BN: p.levels[i] = static_cast<std::uint8_t>(stack.back().level); break;
            default: set_level_and_override(); break;
        }
    }
}

// X10 (BD13): level runs, ignoring removed characters, chained across matched isolates.
std::vector<Sequence> isolating_run_sequences(const Paragraph& p) {
    std::vector<std::vector<std::size_t>> runs;
    std::vector<std::size_t> run_of(p.classes.size(), kNone);
    int run_level = -1;
    for (std::size_t i = 0; i < p.classes.size(); ++i) {
        if (removed_by_x9(p.classes[i])) continue;
        if (p.levels[i] != run_level) runs.emplace_back();
        run_level = p.levels[i];
        runs.back().push_back(i);
        run_of[i] = runs.size() - 1;
    }
    std::vector<Sequence> sequences;
    for (auto& run : runs) {
        if (p.classes[run.front()] == C::PDI && p.matched_pdi[run.front()]) continue;  // joins its initiator's
        Sequence s;
        s.at = std::move(run);  // safe: the runs appended below all start with a matched PDI
        for (std::size_t last = s.at.back(); isolate_initiator(p.classes[last]) && p.matching_pdi[last] != kNone;
             last = s.at.back()) {
            const auto& next = runs[run_of[p.matching_pdi[last]]];
            s.at.insert(s.at.end(), next.begin(), next.end());
        }
        s.level = p.levels[s.at.front()];
        std::size_t before = s.at.front();
        while (before > 0 && removed_by_x9(p.classes[before - 1])) --before;
        const int level_before = before > 0 ? p.levels[before - 1] : p.paragraph_level;
        std::size_t after = s.at.back() + 1;
        while (after < p.classes.size() && removed_by_x9(p.classes[after])) ++after;
        int level_after = after < p.classes.size() ? p.levels[after] : p.paragraph_level;
        if (isolate_initiator(p.classes[s.at.back()])) level_after = p.paragraph_level;  // an unmatched one
        s.sos = direction_of_level(std::max(level_before, s.level));
        s.eos = direction_of_level(std::max(level_after, s.level));
        sequences.push_back(std::move(s));
    }
    return sequences;
}

// W1-W7 on one sequence's types.
void resolve_weak(std::vector<C>& t, C sos) {
    const std::size_t n = t.size();
    for (std::size_t k = 0; k < n; ++k) {  // W1
        if (t[k] != C::NSM) continue;
        t[k] = k == 0 ? sos : isolate_initiator(t[k - 1]) || t[k - 1] == C::PDI ? C::ON : t[k - 1];
    }
    C strong = sos;
    for (C& c : t) {  // W2, then W3
        if (c == C::L || c == C::R || c == C::AL) strong = c;
        if (c == C::EN && strong == C::AL) c = C::AN;
    }
    for (C& c : t) c = c == C::AL ? C::R : c;
    for (std::size_t k = 1; k + 1 < n; ++k) {  // W4
        if (t[k - 1] == C::EN && t[k + 1] == C::EN && (t[k] == C::ES || t[k] == C::CS)) t[k] = C::EN;
        if (t[k - 1] == C::AN && t[k + 1] == C::AN && t[k] == C::CS) t[k] = C::AN;
    }
    for (std::size_t k = 0; k < n; ++k) {  // W5
        if (t[k] != C::ET) continue;
        std::size_t end = k;
        while (end < n && t[end] == C::ET) ++end;
        if ((k > 0 && t[k - 1] == C::EN) || (end < n && t[end] == C::EN)) std::fill(&t[k], &t[0] + end, C::EN);
        k = end - 1;
    }
    for (C& c : t) c = c == C::ES || c == C::ET || c == C::CS ? C::ON : c;  // W6
    strong = sos;
    for (C& c : t) {  // W7
        if (c == C::L || c == C::R) strong = c;
        if (c == C::EN && strong == C::L) c = C::L;
    }
}

// BD16: the sequence's bracket pairs (positions in the sequence), sorted by opening bracket.
std::vector<std::pair<std::size_t, std::size_t>> bracket_pairs(const Paragraph& p, const Sequence& s,
                                                               const std::vector<C>& t) {
    std::vector<std::pair<char32_t, std::size_t>> openers;  // the closing bracket wanted, where
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (std::size_t k = 0; k < t.size(); ++k) {
        if (t[k] != C::ON) continue;
        const char32_t cp = p.text[s.at[k]];
        const BracketType type = bracket_of(cp);
        if (type == BracketType::open) {
            if (openers.size() == kMaxPairs) break;
            openers.emplace_back(canonical_bracket(mirror(cp)), k);
        } else if (type == BracketType::close) {
            for (std::size_t j = openers.size(); j-- > 0;) {
                if (openers[j].first != canonical_bracket(cp)) continue;
                pairs.emplace_back(openers[j].second, k);
                openers.resize(j);
                break;
            }
        }
    }
    std::sort(pairs.begin(), pairs.end());
    return pairs;
}

// N0.
void resolve_brackets(const Paragraph& p, const Sequence& s, std::vector<C>& t) {
    const C embedding = direction_of_level(s.level);
    const auto set = [&](std::size_t k, C to) {
        t[k] = to;
        // NSMs after a bracket (ON by W1) follow it.
        for (++k; k < t.size() && p.classes[s.at[k]] == C::NSM; ++k) t[k] = to;
    };
    for (const auto& [open, close] : bracket_pairs(p, s, t)) {
        C inside = C::ON;
        for (std::size_t k = open + 1; k < close && inside != embedding; ++k) {
            const C d = strong_direction(t[k]);
            if (d != C::ON) inside = d;
        }
        if (inside == C::ON) continue;  // N0 d: no strong type inside, leave the pair to N1
        C to = embedding;
        if (inside != embedding) {  // N0 c: the context before the pair decides
            C before = s.sos;
            for (std::size_t k = open; k-- > 0;) {
                if (strong_direction(t[k]) == C::ON) continue;
                before = strong_direction(t[k]);
                break;
            }
            if (before == inside) to = inside;
        }
        set(open, to);
        set(close, to);
    }
}

// N1-N2.
void resolve_neutrals(std::vector<C>& t, const Sequence& s) {
    const C embedding = direction_of_level(s.level);
    for (std::size_t k = 0; k < t.size(); ++k) {
        if (!neutral_or_isolate(t[k])) continue;
        std::size_t end = k;
        while (end < t.size() && neutral_or_isolate(t[end])) ++end;
        const C before = k == 0 ? s.sos : strong_direction(t[k - 1]);
        const C after = end == t.size() ? s.eos : strong_direction(t[end]);
        std::fill(&t[k], &t[0] + end, before == after ? before : embedding);
        k = end - 1;
    }
}

void resolve_sequence(Paragraph& p, const Sequence& s) {
    std::vector<C> t(s.at.size());
    for (std::size_t k = 0; k < t.size(); ++k) t[k] = p.types[s.at[k]];
    resolve_weak(t, s.sos);
    resolve_brackets(p, s, t);
    resolve_neutrals(t, s);
    for (std::size_t k = 0; k < t.size(); ++k) {  // I1-I2
        int level = p.levels[s.at[k]];
        if (level % 2 == 0) {
            level += t[k] == C::R ? 1 : t[k] == C::AN || t[k] == C::EN ? 2 : 0;
        } else {
            level += t[k] == C::L || t[k] == C::EN || t[k] == C::AN ? 1 : 0;
        }
        p.result[s.at[k]] = static_cast<std::uint8_t>(level);
    }
}

// L1 on the whole paragraph as one line: separators, and the whitespace (isolate
// formatting and removed characters included) before them and at the end, take the
// paragraph level.
void reset_whitespace(Paragraph& p) {
    const auto level = static_cast<std::uint8_t>(p.paragraph_level);
    const auto reset_before = [&](std::size_t end) {
        for (std::size_t j = end; j-- > 0;) {
            const C c = p.classes[j];
            if (c != C::WS && !isolate_initiator(c) && c != C::PDI && !removed_by_x9(c)) break;
            p.result[j] = level;
        }
    };
    for (std::size_t i = 0; i < p.classes.size(); ++i) {
        if (p.classes[i] != C::S && p.classes[i] != C::B) continue;
        p.result[i] = level;
        reset_before(i);
    }
    reset_before(p.classes.size());
}

}  // namespace

BidiClass first_strong(const std::vector<BidiClass>& classes, std::size_t begin, std::size_t end) {
    int depth = 0;  // isolates entered and not yet closed
    for (std::size_t i = begin; i < end; ++i) {
        const C c = classes[i];
        if (isolate_initiator(c)) {
            ++depth;
        } else if (c == C::PDI) {
            if (depth > 0) --depth;
        } else if (depth == 0 && (c == C::L || c == C::R || c == C::AL)) {
            return c;
        }
    }
    return C::ON;
}

std::vector<std::uint8_t> resolve_levels(const std::vector<char32_t>& text, std::uint8_t paragraph_level) {
    const std::size_t n = text.size();
    Paragraph p(text, paragraph_level);
    match_isolates(p);
    explicit_levels(p);
    for (const Sequence& s : isolating_run_sequences(p)) resolve_sequence(p, s);
    for (std::size_t i = 0; i < n; ++i) {  // X9's removed characters: the level before them
        if (removed_by_x9(p.classes[i])) p.result[i] = i == 0 ? paragraph_level : p.result[i - 1];
    }
    reset_whitespace(p);
    return p.result;
}

}  // namespace lectern::bidi
