// Synthetic archives: a small PCG-style generator so output does not depend on
// the standard library's distributions (which differ between implementations).
#include "core/import/synth.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <nlohmann/json.hpp>

namespace lectern {

namespace {

struct Rng {
    std::uint64_t state;
    std::uint32_t next() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const auto x = static_cast<std::uint32_t>(((state >> 18u) ^ state) >> 27u);
        const auto rot = static_cast<std::uint32_t>(state >> 59u);
        return (x >> rot) | (x << ((-rot) & 31u));
    }
    std::uint32_t below(std::uint32_t n) { return n ? next() % n : 0; }
    bool chance(std::uint32_t percent) { return below(100) < percent; }
};

const char* kWords[] = {"letter",   "revolution", "notes",     "exile",    "city",    "winter", "party",   "workers",
                        "memory",   "Kronstadt",  "Petrograd", "André",    "Gide",    "Москва", "Αθήνα",   "struggle",
                        "year",     "war",        "peace",     "comrades", "trial",   "prison", "freedom", "history",
                        "reply",    "defence",    "morals",    "portrait", "journey", "Mexico", "Paris",   "Brussels",
                        "notebook", "poem",       "novel",     "diary"};
const char* kKinds[] = {"article", "article", "article",  "letter",   "letter", "book",     "novel",
                        "poem",    "prose",   "notebook", "obituary", "speech", "document", "interview"};

std::string pad(long v, int width) {
    std::string s = std::to_string(v < 0 ? -v : v);
    while (static_cast<int>(s.size()) < width) s.insert(0, "0");
    return v < 0 ? "-" + s : s;
}

// A generated vocabulary for one script, drawn by a Zipf curve: the word of rank k
// (from 0) comes with weight 1/(k+1), as in natural language; frequent words are short.
struct Vocabulary {
    std::vector<std::string> words;
    std::vector<std::uint32_t> cumulative;  // scaled to 2^32 - 1
    const char* space = " ";                // between words ("" in CJK)
    const char* stop = ".";                 // ends a sentence
};

constexpr std::size_t kVocabularySize = 20000;

// Words of rank k are k written in base (number of syllables), a syllable a digit.
Vocabulary vocabulary(const std::vector<std::string>& syllables, const char* space, const char* stop) {
    Vocabulary v;
    v.space = space, v.stop = stop;
    std::vector<double> sum(kVocabularySize);
    double total = 0;
    for (std::size_t k = 0; k < kVocabularySize; ++k) {
        std::string w;
        for (std::size_t n = k;; n = n / syllables.size() - 1) {
            w.insert(0, syllables[n % syllables.size()]);
            if (n < syllables.size()) break;
        }
        v.words.push_back(std::move(w));
        total += 1.0 / static_cast<double>(k + 1);
        sum[k] = total;
    }
    for (double x : sum) v.cumulative.push_back(static_cast<std::uint32_t>(x / total * 4294967295.0));
    return v;
}

std::vector<std::string> pairs(const std::vector<const char*>& consonants, const std::vector<const char*>& vowels) {
    std::vector<std::string> out;
    for (const char* v : vowels)
        for (const char* c : consonants) out.push_back(std::string(c) + v);
    return out;
}

// The scripts of a realistic corpus: Latin, Cyrillic, Greek and CJK (one Han character a syllable).
std::vector<Vocabulary> vocabularies() {
    std::vector<std::string> han;
    for (std::uint32_t i = 0; i < 3000; ++i) {  // spread over the common block U+4E00..U+9FA5
        const std::uint32_t c = 0x4E00 + (i * 7) % 20902;
        han.push_back({static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                       static_cast<char>(0x80 | (c & 0x3F))});
    }
    return {
        vocabulary(pairs({"b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v"}, {"a", "e", "i", "o", "u"}),
                   " ", "."),
        vocabulary(pairs({"б", "в", "г", "д", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ч"},
                         {"а", "е", "и", "о", "у", "я"}),
                   " ", "."),
        vocabulary(pairs({"β", "γ", "δ", "θ", "κ", "λ", "μ", "ν", "π", "ρ", "σ", "τ"}, {"α", "ε", "η", "ι", "ο", "ω"}),
                   " ", "."),
        vocabulary(han, "", "。")};
}

// Where a work's words come from: the short fixed list, or a vocabulary.
struct Words {
    const Vocabulary* vocabulary = nullptr;
    const char* stop() const { return vocabulary ? vocabulary->stop : "."; }
};

std::string words(Rng& r, int n, bool capital, const Words& from = {}) {
    std::string s;
    const Vocabulary* v = from.vocabulary;
    for (int i = 0; i < n; ++i) {
        std::string w;
        if (v) {
            const auto at = std::lower_bound(v->cumulative.begin(), v->cumulative.end(), r.next());
            w = v->words[std::min<std::size_t>(static_cast<std::size_t>(at - v->cumulative.begin()),
                                               kVocabularySize - 1)];
        } else {
            w = kWords[r.below(sizeof kWords / sizeof kWords[0])];
        }
        if (i == 0 && capital && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
        s += (i ? (v ? v->space : " ") : "") + w;
    }
    return s;
}

// exp without the platform's libm, so lengths are the same everywhere: 2^k times a series.
double exp_portable(double x) {
    const double ln2 = 0.6931471805599453;
    const int k = static_cast<int>(x / ln2 + (x < 0 ? -0.5 : 0.5));
    const double rest = x - k * ln2;
    double term = 1, sum = 1;
    for (int i = 1; i < 20; ++i) sum += (term *= rest / i);
    return std::ldexp(sum, k);
}

// A log-normal length: a standard normal as twelve uniforms less six (Irwin-Hall), then bounded.
std::size_t log_normal(Rng& r, const SynthSettings& st) {
    double z = -6;
    for (int i = 0; i < 12; ++i) z += r.next() / 4294967296.0;
    const double bytes = static_cast<double>(st.body_median) * exp_portable(st.body_sigma * z);
    return std::clamp(static_cast<std::size_t>(bytes), st.body_min, std::max(st.body_min, st.body_max));
}

// One EDTF date of a random precision in [first, last].
std::string date(Rng& r, int first, int last) {
    const int y = first + static_cast<int>(r.below(static_cast<std::uint32_t>(last - first + 1)));
    const int m = 1 + static_cast<int>(r.below(12)), d = 1 + static_cast<int>(r.below(28));
    std::string base;
    switch (r.below(10)) {
        case 0:
        case 1:
        case 2: base = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2); break;
        case 3:
        case 4: base = pad(y, 4) + "-" + pad(m, 2); break;
        case 5: base = pad(y, 4) + "-" + std::to_string(21 + r.below(4)); break;
        case 6:
            base = pad(y / 10, 3) + "X";
            if (y < 0) base = pad(y, 4);
            break;
        default: base = pad(y, 4); break;
    }
    if (r.chance(8)) {  // an interval of a few years, sometimes open
        if (r.chance(10)) return base + "/..";
        const int y2 = std::min(last, y + 1 + static_cast<int>(r.below(6)));
        return pad(y, 4) + "/" + pad(y2, 4);
    }
    if (r.chance(4)) return base + "?";
    if (r.chance(4)) return base + "~";
    return base;
}

std::string body(Rng& r, std::size_t bytes, const Words& from = {}) {
    std::string s;
    const std::string stop = from.stop();
    while (s.size() < bytes) {
        switch (r.below(8)) {
            case 0: s += "## " + words(r, 3, true, from) + "\n\n"; break;
            case 1: s += "> " + words(r, 12, true, from) + stop + "\n\n"; break;
            case 2: s += "- " + words(r, 5, true, from) + "\n- *" + words(r, 4, false, from) + "*\n\n"; break;
            default: s += words(r, 40, true, from) + " **" + words(r, 2, false, from) + "**" + stop + "\n\n"; break;
        }
    }
    return s;
}

}  // namespace

std::string synth_archive_json(const SynthSettings& st) {
    Rng r{st.seed * 0x9E3779B97F4A7C15ULL + 1};
    using ojson = nlohmann::ordered_json;
    ojson a;
    a["lectern"] = 1;
    a["title"] = "Synthetic archive (" + std::to_string(st.works) + " works, seed " + std::to_string(st.seed) + ")";
    a["language"] = "en";
    a["people"] = ojson::array(
        {{{"id", "author"}, {"name", "A. Author"}, {"born", pad(st.first_year, 4)}, {"died", pad(st.last_year, 4)}}});
    ojson events = ojson::array();
    for (std::size_t i = 0; i < st.events; ++i)
        events.push_back(
            {{"date", date(r, st.first_year, st.last_year)}, {"title", words(r, 4, true)}, {"people", {"author"}}});
    a["events"] = std::move(events);
    const std::vector<Vocabulary> scripts = st.zipf || st.scripts_percent ? vocabularies() : std::vector<Vocabulary>();
    ojson works = ojson::array();
    for (std::size_t i = 0; i < st.works; ++i) {
        ojson w;
        w["id"] = "w" + std::to_string(i);
        Words from;
        if (st.zipf) from.vocabulary = &scripts[0];
        if (st.scripts_percent && r.below(100) < st.scripts_percent) from.vocabulary = &scripts[1 + r.below(3)];
        w["title"] = words(r, 2 + static_cast<int>(r.below(5)), true, from);
        w["date"] = r.chance(1) ? ojson(nullptr) : ojson(date(r, st.first_year, st.last_year));
        w["kind"] = kKinds[r.below(sizeof kKinds / sizeof kKinds[0])];
        w["people"] = {"author"};
        if (r.chance(2)) {
            w["attribution"] = "disputed";
            w["attribution_note"] = words(r, 12, true) + ".";
        }
        if (st.body_median) w["body"] = body(r, log_normal(r, st), from);
        else if (st.body_bytes) w["body"] = body(r, st.body_bytes, from);
        works.push_back(std::move(w));
    }
    a["works"] = std::move(works);
    return a.dump() + "\n";
}

}  // namespace lectern
