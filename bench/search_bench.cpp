// Search benchmark: index build time, index size and query latency (the best 200 hits, the default, and every
// hit, as the viewer asks) over synthetic archives of 1, 10 and 100 MB.
//
//   ./bench/search_bench            # all three sizes, a Markdown table on stdout
//   ./bench/search_bench 10         # only the 10 MB archive
//
// The archives are generated here, deterministically: words drawn with a Zipf-like
// skew from a vocabulary of common English words, accented, Cyrillic and Greek
// words, and made-up rare words, so common words, rare words and a growing
// vocabulary all appear as in real text.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <iterator>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "bench_support.h"
#include "core/search/search.h"
#include "core/session/stopwatch.h"

using namespace lectern;

namespace {

using Clock = SteadyClock;
using bench::kSyllables;
using bench::percentile;
using bench::Random;

// A word list reads best in rows; clang-format 14 would put one word a line.
// clang-format off
const char* const kCommon[] = {
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on", "not",
    "he", "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "they", "you", "were", "their",
    "one", "all", "we", "can", "her", "has", "there", "been", "if", "more", "when", "will", "would", "who", "so",
    "no", "revolution", "party", "workers", "letter", "comrade", "state", "opposition", "left", "bureaucracy",
    "struggle", "class", "power", "history", "moscow", "paris", "prison", "exile", "congress", "international",
    "socialism", "anarchist", "writer", "novel", "trial", "soviet", "russian", "french", "freedom", "press",
    "révolution", "André", "Gide", "Zürich", "Kraków", "Mañana", "Straße", "Москва", "революция", "Троцкий",
    "Ленинград", "Αθήνα", "κόσμος", "déjà", "naïve", "café", "élan", "œuvre", "façade",
};
// clang-format on

// A vocabulary: common words first (drawn most), then made-up words (the long tail).
std::vector<std::string> make_vocabulary(std::size_t size) {
    std::vector<std::string> words(std::begin(kCommon), std::end(kCommon));
    Random r{7};
    while (words.size() < size) {
        std::string w;
        const std::size_t n = 2 + r.below(3);
        for (std::size_t i = 0; i < n; ++i) w += kSyllables[r.below(std::size(kSyllables))];
        words.push_back(w);
    }
    return words;
}

// Log-uniform ranks: word k is drawn about 1/k as often, like Zipf's law.
const std::string& draw(Random& r, const std::vector<std::string>& vocabulary) {
    const double rank = std::pow(static_cast<double>(vocabulary.size()), r.unit());
    return vocabulary[std::min(vocabulary.size() - 1, static_cast<std::size_t>(rank) - 1)];
}

std::string sentence(Random& r, const std::vector<std::string>& vocabulary, std::size_t words) {
    std::string s;
    for (std::size_t i = 0; i < words; ++i) {
        if (i) s += ' ';
        const std::string& w = draw(r, vocabulary);
        const std::size_t style = r.below(40);
        if (style == 0) s += "*" + w + "*";
        else if (style == 1) s += "[" + w + "](https://example.org/" + w + ")";
        else if (style == 2) s += w + ",";
        else if (style == 3) s += w + "’s";
        else s += w;
    }
    return s + ".";
}

// About `text_bytes` of works with titles and Markdown bodies; returns the exact count in `indexed`.
std::shared_ptr<const Archive> make_archive(std::size_t text_bytes, std::size_t& indexed) {
    static const std::vector<std::string> vocabulary = make_vocabulary(50000);
    const char* const kinds[] = {"article", "letter", "novel", "poem", "notebook"};
    auto a = std::make_shared<Archive>();
    Random r{text_bytes};
    indexed = 0;
    while (indexed < text_bytes) {
        Work w;
        w.id = "w" + std::to_string(a->works.size());
        w.title = sentence(r, vocabulary, 3 + r.below(6));
        w.kind = kinds[r.below(std::size(kinds))];
        w.date = parse_edtf(std::to_string(1900 + r.below(50)));
        std::string body;
        const std::size_t target = 2000 + r.below(18000);
        while (body.size() < target) {
            if (r.below(8) == 0) body += "## " + sentence(r, vocabulary, 4) + "\n\n";
            for (std::size_t s = 0, n = 2 + r.below(6); s < n; ++s)
                body += sentence(r, vocabulary, 6 + r.below(20)) + " ";
            body += "\n\n";
        }
        w.body = std::move(body);
        indexed += w.title.size() + w.body->size();
        a->works.push_back(std::move(w));
    }
    return a;
}

// ~200 queries: single words of every frequency, pairs, phrases taken from the text, prefixes.
std::vector<std::string> make_queries(const Archive& a) {
    Random r{99};
    // `words` space-separated pieces of a random body, as written (Markdown, punctuation and all).
    const auto piece = [&](std::size_t words) {
        for (;;) {
            const std::string& body = *a.works[r.below(a.works.size())].body;
            std::size_t b = body.find(' ', r.below(body.size()));
            if (b == std::string::npos) continue;
            std::size_t e = ++b;
            for (std::size_t n = 0; n < words && e != std::string::npos; ++n) e = body.find(' ', e + 1);
            if (e != std::string::npos && body.find('\n', b) > e) return body.substr(b, e - b);
        }
    };
    // One word, letters only (a prefix of the piece up to its first punctuation).
    const auto word = [&](std::size_t min_length) {
        for (;;) {
            const std::string p = piece(1);
            std::size_t e = 0;
            while (e < p.size() && ((p[e] >= 'a' && p[e] <= 'z') || (p[e] >= 'A' && p[e] <= 'Z'))) ++e;
            if (e >= min_length) return p.substr(0, e);
        }
    };
    std::vector<std::string> queries;
    for (int i = 0; i < 60; ++i) queries.push_back(word(1));
    for (int i = 0; i < 50; ++i) queries.push_back(word(1) + " " + word(1));
    for (int i = 0; i < 50; ++i) queries.push_back("\"" + piece(2 + r.below(2)) + "\"");
    for (int i = 0; i < 40; ++i) queries.push_back(word(5).substr(0, 3 + r.below(3)));
    return queries;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::size_t> sizes_mb = {1, 10, 100};
    if (argc > 1) sizes_mb = {static_cast<std::size_t>(std::atoi(argv[1]))};
    const char* const classes[] = {"one word", "two words", "phrase", "prefix"};
    const auto class_of = [](std::size_t q) { return q < 60 ? 0 : q < 110 ? 1 : q < 160 ? 2 : 3; };
    std::string by_class = "| text | " + std::string(classes[0]) + " | " + classes[1] + " | " + classes[2] + " | " +
                           classes[3] + " |\n|---:|---:|---:|---:|---:|\n";
    std::printf(
        "| text | works | distinct words | build | index memory | index / text | query median | query p99 | "
        "hits (mean) | all hits: median | all hits: p99 |\n");
    std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const std::size_t mb : sizes_mb) {
        std::size_t text = 0;
        const auto archive = make_archive(mb << 20, text);
        auto start = Clock::now();
        const SearchIndex index = build_search_index(archive);
        const double build_ms = ms_since(start);

        const auto queries = make_queries(*archive);
        std::vector<double> latency(queries.size());
        std::size_t hits = 0;
        for (int round = 0; round < 2; ++round) {  // the first round warms caches; the second is measured
            hits = 0;
            for (std::size_t q = 0; q < queries.size(); ++q) {
                start = Clock::now();
                hits += index.search(queries[q]).size();
                latency[q] = ms_since(start);
            }
        }
        // The viewer asks for every hit (Session::run_search: the timeline marks them all).
        std::vector<double> all_latency(queries.size());
        for (std::size_t q = 0; q < queries.size(); ++q) {
            start = Clock::now();
            index.search(queries[q], {}, index.documents());
            all_latency[q] = ms_since(start);
        }
        std::printf(
            "| %.1f MB | %zu | %zu | %.0f ms | %.1f MB | %.0f%% | %.2f ms | %.2f ms | %.0f | %.2f ms | %.2f ms |\n",
            static_cast<double>(text) / 1048576.0, archive->works.size(), index.words(), build_ms,
            static_cast<double>(index.memory_bytes()) / 1048576.0,
            100.0 * static_cast<double>(index.memory_bytes()) / static_cast<double>(text), percentile(latency, 0.5),
            percentile(latency, 0.99), static_cast<double>(hits) / static_cast<double>(queries.size()),
            percentile(all_latency, 0.5), percentile(all_latency, 0.99));
        std::fflush(stdout);
        char row[256];
        std::snprintf(row, sizeof row, "| %.0f MB |", static_cast<double>(text) / 1048576.0);
        by_class += row;
        for (int c = 0; c < 4; ++c) {
            std::vector<double> mine;
            for (std::size_t q = 0; q < queries.size(); ++q)
                if (class_of(q) == c) mine.push_back(latency[q]);
            std::snprintf(row, sizeof row, " %.2f / %.2f ms |", percentile(mine, 0.5), percentile(mine, 0.99));
            by_class += row;
        }
        by_class += "\n";
    }
    std::printf("\nMedian / p99 by kind of query:\n\n%s", by_class.c_str());
    return 0;
}
