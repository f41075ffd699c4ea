// Index benchmark for text written without spaces: index build time, index memory and peak RSS,
// CJK query latency (1 to 4 characters) and the longest slice of a sliced build, over archives of
// about 1, 10 and 100 MB of mixed-script text.
//
//   ./bench/index_bench             # all three sizes, Markdown tables on stdout
//   ./bench/index_bench 10          # only the 10 MB archive
//   ./bench/index_bench 10 FILE     # with another seventeen-script file than tests/data/scripts.json
//
// The archives repeat the works of tests/data/scripts.json (seventeen works in seventeen scripts,
// bodies in Markdown) over and over, each copy numbered and ending in a made-up word of its own,
// so the vocabulary grows with the archive. Each size runs in a child process of its own, so the
// peak RSS (getrusage) is that size's alone. Build with -DINDEX_BENCH_NO_BUILDER for a tree
// without SearchIndexBuilder (before the sliced build): the sliced-build columns are left empty.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/archive/archive.h"
#include "bench_support.h"
#include "core/search/search.h"
#include "core/session/stopwatch.h"

using namespace lectern;

namespace {

using Clock = SteadyClock;
using bench::kSyllables;
using bench::percentile;
using bench::Random;

// A made-up word of its own for every number.
std::string made_up(std::size_t n) {
    std::string w;
    do {
        w += kSyllables[n % std::size(kSyllables)];
        n /= std::size(kSyllables);
    } while (n);
    return w;
}

double rss_mb() {  // resident now
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1048576.0;
}

double peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;  // KB on Linux
}

// About `text_bytes` of works (titles and bodies), copies of `source`'s works in turn.
std::shared_ptr<const Archive> make_archive(const Archive& source, std::size_t text_bytes, std::size_t& indexed) {
    auto a = std::make_shared<Archive>();
    a->version = source.version;
    a->title = source.title;
    a->language = source.language;
    indexed = 0;
    for (std::size_t n = 0; indexed < text_bytes; ++n) {
        Work w = source.works[n % source.works.size()];
        w.id += "-" + std::to_string(n);
        w.title += " " + std::to_string(n);
        w.body = w.body.value_or("") + "\n\nNo. " + std::to_string(n) + ", " + made_up(n) + ".\n";
        indexed += w.title.size() + w.body->size();
        a->works.push_back(std::move(w));
    }
    return a;
}

bool written_without_spaces(char32_t c) {
    return (c >= 0x3040 && c <= 0x30FF) ||  // hiragana, katakana
           (c >= 0x3400 && c <= 0x4DBF) ||  // CJK extension A
           (c >= 0x4E00 && c <= 0x9FFF);    // CJK unified ideographs
}

// The code points of `s` with their byte offsets (the text is valid UTF-8: it loaded).
std::vector<std::pair<char32_t, std::size_t>> code_points(const std::string& s) {
    std::vector<std::pair<char32_t, std::size_t>> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t c = n == 1 ? b : b & (0xFF >> (n + 1));
        for (std::size_t k = 1; k < n && i + k < s.size(); ++k) c = c << 6 | (s[i + k] & 0x3F);
        out.emplace_back(c, i);
        i += n;
    }
    out.emplace_back(0, s.size());
    return out;
}

// 50 queries of `chars` consecutive Chinese or Japanese characters (no punctuation) from the
// bodies of the source's zh- and ja- works.
std::vector<std::string> make_queries(const Archive& source, std::size_t chars) {
    std::vector<std::string> bodies;
    for (const Work& w : source.works)
        if (w.body && (w.id.rfind("zh-", 0) == 0 || w.id.rfind("ja-", 0) == 0)) bodies.push_back(*w.body);
    Random r{chars * 31 + 5};
    std::vector<std::string> queries;
    while (queries.size() < 50) {
        const std::string& body = bodies[r.below(bodies.size())];
        const auto cps = code_points(body);
        const std::size_t at = r.below(cps.size() - chars);
        bool ok = true;
        for (std::size_t k = 0; k < chars; ++k) ok = ok && written_without_spaces(cps[at + k].first);
        if (ok) queries.push_back(body.substr(cps[at].second, cps[at + chars].second - cps[at].second));
    }
    return queries;
}

// One size's figures, sent from its child process through a pipe.
struct Figures {
    double text_mb = 0;
    std::size_t works = 0, words = 0;
    double build_ms = 0, index_mb = 0, rss_archive_mb = 0, peak_rss_mb = 0;
    double query_median_ms[4] = {}, query_p95_ms[4] = {}, hits_mean[4] = {};
    bool sliced = false;
    std::size_t steps = 0;
    double sliced_ms = 0, longest_step_ms = 0, step_p99_ms = 0;
};

Figures measure(const Archive& source, std::size_t mb) {
    Figures f;
    std::size_t text = 0;
    const auto archive = make_archive(source, mb << 20, text);
    f.text_mb = static_cast<double>(text) / 1048576.0;
    f.works = archive->works.size();
    f.rss_archive_mb = rss_mb();

    auto start = Clock::now();
    SearchIndex index;
    index.build(archive);
    f.build_ms = ms_since(start);
    f.peak_rss_mb = peak_rss_mb();
    f.index_mb = static_cast<double>(index.memory_bytes()) / 1048576.0;
    f.words = index.words();

    for (std::size_t chars = 1; chars <= 4; ++chars) {
        const auto queries = make_queries(source, chars);
        std::vector<double> latency(queries.size());
        std::size_t hits = 0;
        for (int round = 0; round < 2; ++round) {  // the first round warms caches; the second is measured
            hits = 0;
            for (std::size_t q = 0; q < queries.size(); ++q) {
                start = Clock::now();
                hits += index.search(queries[q], {}, 200, 20).size();
                latency[q] = ms_since(start);
            }
        }
        f.query_median_ms[chars - 1] = percentile(latency, 0.5);
        f.query_p95_ms[chars - 1] = percentile(latency, 0.95);
        f.hits_mean[chars - 1] = static_cast<double>(hits) / static_cast<double>(queries.size());
    }

#ifndef INDEX_BENCH_NO_BUILDER
    // The viewer's slices (Session::index_some): step(64 KB) until done; the longest is a frame's worst pause.
    index = SearchIndex();
    f.sliced = true;
    std::vector<double> steps;
    const auto sliced_start = Clock::now();
    SearchIndexBuilder builder(archive);
    for (bool done = false; !done;) {
        start = Clock::now();
        done = builder.step(64 * 1024);
        steps.push_back(ms_since(start));
    }
    index = builder.take();
    f.sliced_ms = ms_since(sliced_start);
    f.steps = steps.size();
    f.longest_step_ms = *std::max_element(steps.begin(), steps.end());
    f.step_p99_ms = percentile(steps, 0.99);
#endif
    return f;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::size_t> sizes_mb = {1, 10, 100};
    if (argc > 1) sizes_mb = {static_cast<std::size_t>(std::atoi(argv[1]))};
    std::string path = argc > 2 ? argv[2] : std::string(__FILE__);
    if (argc <= 2) path = path.substr(0, path.rfind('/') + 1) + "../tests/data/scripts.json";
    const LoadResult loaded = load_archive(read_file(path));
    if (!loaded.ok() || loaded.archive->works.empty()) {
        std::fprintf(stderr, "index_bench: cannot load %s\n", path.c_str());
        return 1;
    }

    std::vector<Figures> all;
    for (const std::size_t mb : sizes_mb) {
        int fds[2];
        if (pipe(fds) != 0) return 1;
        const pid_t child = fork();
        if (child == 0) {
            close(fds[0]);
            const Figures f = measure(*loaded.archive, mb);
            const bool written = write(fds[1], &f, sizeof f) == static_cast<ssize_t>(sizeof f);
            _exit(written ? 0 : 1);
        }
        close(fds[1]);
        Figures f;
        std::size_t got = 0;
        for (ssize_t n; got < sizeof f && (n = read(fds[0], reinterpret_cast<char*>(&f) + got, sizeof f - got)) > 0;)
            got += static_cast<std::size_t>(n);
        close(fds[0]);
        int status = 0;
        waitpid(child, &status, 0);
        if (got != sizeof f) {
            std::fprintf(stderr, "index_bench: the %zu MB run failed\n", mb);
            return 1;
        }
        all.push_back(f);
        std::fprintf(stderr, "index_bench: %zu MB done\n", mb);
    }

    std::printf(
        "| text | works | distinct words | build | index memory | index / text | RSS with archive | peak RSS | "
        "peak - archive |\n");
    std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const Figures& f : all)
        std::printf("| %.1f MB | %zu | %zu | %.0f ms | %.1f MB | %.0f%% | %.0f MB | %.0f MB | %.0f MB |\n", f.text_mb,
                    f.works, f.words, f.build_ms, f.index_mb, 100.0 * f.index_mb / f.text_mb, f.rss_archive_mb,
                    f.peak_rss_mb, f.peak_rss_mb - f.rss_archive_mb);

    std::printf(
        "\nCJK queries (50 each, from the Chinese and Japanese bodies; limit 200, described 20): "
        "median / p95, mean hits\n\n");
    std::printf("| text | 1 character | 2 characters | 3 characters | 4 characters |\n");
    std::printf("|---:|---:|---:|---:|---:|\n");
    for (const Figures& f : all) {
        std::printf("| %.0f MB |", f.text_mb);
        for (int c = 0; c < 4; ++c)
            std::printf(" %.2f / %.2f ms, %.0f hits |", f.query_median_ms[c], f.query_p95_ms[c], f.hits_mean[c]);
        std::printf("\n");
    }

    std::printf("\nSliced build (SearchIndexBuilder::step(64 KB) to the end)\n\n");
    std::printf("| text | steps | sliced build | longest step | step p99 |\n");
    std::printf("|---:|---:|---:|---:|---:|\n");
    for (const Figures& f : all) {
        if (f.sliced)
            std::printf("| %.0f MB | %zu | %.0f ms | %.1f ms | %.1f ms |\n", f.text_mb, f.steps, f.sliced_ms,
                        f.longest_step_ms, f.step_p99_ms);
        else std::printf("| %.0f MB | - | - | - | - |\n", f.text_mb);
    }
    return 0;
}
