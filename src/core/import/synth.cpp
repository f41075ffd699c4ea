// Synthetic archives: a small PCG-style generator so output does not depend on
// the standard library's distributions (which differ between implementations).
#include "core/import/synth.h"

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

std::string words(Rng& r, int n, bool capital) {
    std::string s;
    for (int i = 0; i < n; ++i) {
        std::string w = kWords[r.below(sizeof kWords / sizeof kWords[0])];
        if (i == 0 && capital && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
        s += (i ? " " : "") + w;
    }
    return s;
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

std::string body(Rng& r, std::size_t bytes) {
    std::string s;
    while (s.size() < bytes) {
        switch (r.below(8)) {
            case 0: s += "## " + words(r, 3, true) + "\n\n"; break;
            case 1: s += "> " + words(r, 12, true) + ".\n\n"; break;
            case 2: s += "- " + words(r, 5, true) + "\n- *" + words(r, 4, false) + "*\n\n"; break;
            default: s += words(r, 40, true) + " **" + words(r, 2, false) + "**.\n\n"; break;
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
    ojson works = ojson::array();
    for (std::size_t i = 0; i < st.works; ++i) {
        ojson w;
        w["id"] = "w" + std::to_string(i);
        w["title"] = words(r, 2 + static_cast<int>(r.below(5)), true);
        w["date"] = r.chance(1) ? ojson(nullptr) : ojson(date(r, st.first_year, st.last_year));
        w["kind"] = kKinds[r.below(sizeof kKinds / sizeof kKinds[0])];
        w["people"] = {"author"};
        if (r.chance(2)) {
            w["attribution"] = "disputed";
            w["attribution_note"] = words(r, 12, true) + ".";
        }
        if (st.body_bytes) w["body"] = body(r, st.body_bytes);
        works.push_back(std::move(w));
    }
    a["works"] = std::move(works);
    return a.dump() + "\n";
}

}  // namespace lectern
