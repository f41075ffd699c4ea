// Deterministic synthetic archives for tests and benchmarks: the same settings
// and seed give the same archive, byte for byte.
//
//   SynthSettings s; s.works = 100000; s.first_year = 1800; s.last_year = 2000; s.seed = 1;
//   std::string json = synth_archive_json(s);   // a valid archive (lectern-tool check passes)
#pragma once

#include <cstdint>
#include <string>

namespace lectern {

struct SynthSettings {
    std::size_t works = 1000;
    int first_year = 1800, last_year = 2000;
    std::uint64_t seed = 1;
    std::size_t body_bytes = 0;  // Markdown body per work (0: no bodies)
    std::size_t events = 0;      // life events
    // A realistic corpus (each off by default, leaving the output above unchanged):
    std::size_t body_median = 0;     // body lengths log-normal around this median (bytes)
    double body_sigma = 1.5;         // ... with this spread (of the length's logarithm)
    std::size_t body_min = 2000;     // ... and these bounds
    std::size_t body_max = 2500000;  //
    bool zipf = false;               // words from a generated vocabulary by a Zipf curve (rank r: 1/r)
    unsigned scripts_percent = 0;    // works written in Cyrillic, Greek or CJK (a third each)
};

// Titles from a word list, dates of every precision (days, months, seasons,
// years, decades with X digits), some intervals, open ends and qualifiers,
// kinds of every lane, a few disputed attributions, and bodies of about
// `body_bytes` with headings, emphasis, quotes and lists. With `body_median`, `zipf` or
// `scripts_percent`, a corpus closer to a real library: a few KB to novel-length texts,
// word frequencies falling off as in natural language, and works in other scripts.
std::string synth_archive_json(const SynthSettings& settings);

}  // namespace lectern
