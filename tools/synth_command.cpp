// lectern-tool synth: writes a deterministic synthetic archive for tests and benchmarks.
#include <cstdio>
#include <cstdlib>

#include "commands.h"
#include "core/import/synth.h"
#include "file_io.h"

namespace lectern::tool {

namespace {
const char* kHelp =
    "usage: lectern-tool synth --works N [--years A..B] [--seed S] [--body BYTES] [--events N] -o FILE\n"
    "       [--body-median BYTES [--body-sigma S] [--body-min BYTES] [--body-max BYTES]]\n"
    "       [--zipf] [--scripts PERCENT]\n"
    "\n"
    "Writes a valid synthetic archive: N works with titles, dates of every precision\n"
    "(days, months, seasons, years, decades), some intervals, open ends and qualifiers,\n"
    "every kind, a few disputed attributions, and Markdown bodies of about BYTES each.\n"
    "The same arguments always give the same file. Defaults: --years 1800..2000 --seed 1.\n"
    "\n"
    "For a corpus closer to a real library:\n"
    "  --body-median BYTES  body lengths log-normal around BYTES (in place of --body), with\n"
    "                       --body-sigma (spread of the log, default 1.5) and bounds\n"
    "                       --body-min (default 2000) and --body-max (default 2500000)\n"
    "  --zipf               words from a 20,000-word vocabulary, word k as often as 1/k\n"
    "  --scripts PERCENT    that share of works in Cyrillic, Greek or CJK, a third each\n";

bool number(const std::string& s, long long& out) {
    char* end = nullptr;
    out = std::strtoll(s.c_str(), &end, 10);
    return !s.empty() && end && *end == '\0';
}

int synth_command(const Args& args) {
    SynthSettings st;
    std::string output;
    bool have_works = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool has_value = i + 1 < args.size();
        long long v = 0;
        if (a == "-o" && has_value) {
            output = args[++i];
        } else if (a == "--works" && has_value && number(args[i + 1], v) && v >= 0) {
            st.works = static_cast<std::size_t>(v), ++i, have_works = true;
        } else if (a == "--seed" && has_value && number(args[i + 1], v)) {
            st.seed = static_cast<std::uint64_t>(v), ++i;
        } else if (a == "--body" && has_value && number(args[i + 1], v) && v >= 0) {
            st.body_bytes = static_cast<std::size_t>(v), ++i;
        } else if (a == "--events" && has_value && number(args[i + 1], v) && v >= 0) {
            st.events = static_cast<std::size_t>(v), ++i;
        } else if (a == "--body-median" && has_value && number(args[i + 1], v) && v > 0) {
            st.body_median = static_cast<std::size_t>(v), ++i;
        } else if (a == "--body-min" && has_value && number(args[i + 1], v) && v >= 0) {
            st.body_min = static_cast<std::size_t>(v), ++i;
        } else if (a == "--body-max" && has_value && number(args[i + 1], v) && v >= 0) {
            st.body_max = static_cast<std::size_t>(v), ++i;
        } else if (a == "--body-sigma" && has_value) {
            char* end = nullptr;
            st.body_sigma = std::strtod(args[++i].c_str(), &end);
            if (!end || *end || !(st.body_sigma >= 0 && st.body_sigma <= 4)) {
                std::fprintf(stderr, "lectern-tool synth: --body-sigma wants a number from 0 to 4\n");
                return 2;
            }
        } else if (a == "--zipf") {
            st.zipf = true;
        } else if (a == "--scripts" && has_value && number(args[i + 1], v) && v >= 0 && v <= 100) {
            st.scripts_percent = static_cast<unsigned>(v), ++i;
        } else if (a == "--years" && has_value) {
            const std::string& y = args[++i];
            const auto dots = y.find("..", 1);
            long long from = 0, to = 0;
            if (dots == std::string::npos || !number(y.substr(0, dots), from) || !number(y.substr(dots + 2), to) ||
                from > to || from < -9999 || to > 9999) {
                std::fprintf(stderr, "lectern-tool synth: --years wants A..B with -9999 <= A <= B <= 9999, got '%s'\n",
                             y.c_str());
                return 2;
            }
            st.first_year = static_cast<int>(from);
            st.last_year = static_cast<int>(to);
        } else {
            std::fprintf(stderr, "lectern-tool synth: unexpected argument '%s'\n\n%s", a.c_str(), kHelp);
            return 2;
        }
    }
    if (!have_works || output.empty()) {
        std::fputs(kHelp, stderr);
        return 2;
    }
    std::string error;
    if (!write_file_atomically(output, synth_archive_json(st), error)) {
        std::fprintf(stderr, "lectern-tool synth: %s\n", error.c_str());
        return 2;
    }
    return 0;
}

}  // namespace

const Command kSynth = {"synth", "--works N [--years A..B] -o OUT", "write a deterministic synthetic archive", kHelp,
                        synth_command};

}  // namespace lectern::tool
