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
};

// Titles from a word list, dates of every precision (days, months, seasons,
// years, decades with X digits), some intervals, open ends and qualifiers,
// kinds of every lane, a few disputed attributions, and bodies of about
// `body_bytes` with headings, emphasis, quotes and lists.
std::string synth_archive_json(const SynthSettings& settings);

}  // namespace lectern
