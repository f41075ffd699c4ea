// What the native benchmarks share: a seeded random source that gives the same numbers on
// every machine, the syllables their made-up words are spelt from, and percentiles.
// Timing: core/session/stopwatch.h (lectern::ms_since).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace lectern::bench {

struct Random {
    std::uint64_t state;
    std::uint32_t next() {  // PCG-style LCG, good enough and identical everywhere
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::uint32_t>(state >> 33);
    }
    double unit() { return next() / 2147483648.0; }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(unit() * static_cast<double>(n)) % n; }
};

inline const char* const kSyllables[] = {"ka",  "ro",  "mi", "tes", "vol", "an", "dre", "zu",  "pol", "ski",
                                         "nov", "ber", "li", "ga",  "tor", "el", "sha", "vin", "que", "dor"};

inline double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace lectern::bench
