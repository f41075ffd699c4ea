// Searching a packed library gives what searching its archives loaded whole gives: the same
// works, with the same title terms and match counts (the ranking's inputs), for queries of every
// kind drawn from the archives themselves: words, prefixes, phrases, text without spaces, in
// Latin with accents, Cyrillic, Greek, CJK and the other scripts of tests/data/scripts.json; and
// with filters. Also: the index's parts read back, and faults that name the part.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "../test_files.h"
#include "core/dates/date.h"
#include "core/import/synth.h"
#include "core/library/library_index.h"
#include "core/library/library_tile.h"
#include "core/session/session.h"
#include "core/text/text_fold.h"
#include "core/text/utf8.h"
#include "library_index_writer.h"
#include "library_pack.h"
#include "platform/gzip.h"

namespace {

namespace fs = std::filesystem;
using namespace lectern;

struct Found {
    std::string id;
    int title_terms = 0, score = 0;
    bool operator<(const Found& o) const { return id < o.id; }
    bool operator==(const Found& o) const { return id == o.id && title_terms == o.title_terms && score == o.score; }
};

std::ostream& operator<<(std::ostream& os, const Found& f) {
    return os << f.id << " (title " << f.title_terms << ", score " << f.score << ")";
}

// A library in a temporary folder, with the page's part of the work done by hand.
struct Library {
    fs::path dir;
    std::map<std::uint32_t, std::string> ids;  // by work number, from the tiles
    std::set<std::string> missing, corrupt;
    std::uint64_t requests = 0;

    Library(const std::vector<std::string>& archives, const std::string& name, std::size_t index_memory,
            std::size_t directory_blocks = 64) {
        dir = fs::temp_directory_path() / ("lectern-libsearch-" + name);
        fs::remove_all(dir);
        tool::PackOptions o;
        o.folder = (dir / "lib").string();
        o.tile_works = 64;
        o.index_memory = index_memory;
        o.index_directory_blocks = directory_blocks;
        tool::PackReport report;
        std::string error;
        REQUIRE(tool::pack_library(archives, o, report, error));
        const ManifestResult m = parse_manifest(read_file((dir / "lib" / "library.json").string()));
        REQUIRE(m.manifest);
        REQUIRE(m.manifest->search);
        for (const TileRef& t : m.manifest->tiles) {
            const auto text = platform::gunzip(read_file((dir / "lib" / t.shard.name).string()));
            REQUIRE(text);
            const TileResult tile = parse_tile(*text, t, m.manifest->collections.size());
            REQUIRE(tile.tile);
            for (std::size_t i = 0; i < tile.tile->works.size(); ++i)
                ids[t.first + static_cast<std::uint32_t>(i)] = tile.tile->works[i].id;
        }
    }

    void answer(Session& s, const LibraryRequest& r) {
        ++requests;
        if (missing.count(r.part.name)) return s.library_answer(r.id, false, "", 0, "HTTP 404");
        std::string stored = read_file((dir / "lib" / r.part.name).string());
        if (corrupt.count(r.part.name)) stored[stored.size() / 2] ^= 0x55;
        if (!r.member_bytes && !shard_matches(r.part.name, stored))
            return s.library_answer(r.id, false, "", stored.size(), "its content does not match its name");
        const std::string_view slice = r.member_bytes ? std::string_view(stored).substr(r.member_offset, r.member_bytes)
                                                      : std::string_view(stored);
        const auto text = platform::gunzip(slice);
        if (!text) return s.library_answer(r.id, false, "", slice.size(), "not gzip");
        s.library_answer(r.id, true, *text, slice.size(), "");
    }

    // Answers every request until the search has its answer.
    void settle(Session& s) {
        for (int round = 0; round < 2000; ++round) {
            const std::vector<LibraryRequest> asked = s.take_library_requests();
            if (asked.empty() && !s.searching()) return;
            for (const LibraryRequest& r : asked) answer(s, r);
        }
        FAIL("the search never settled");
    }

    std::vector<Found> search(Session& s, const std::string& query, const SearchFilter& filter = {}) {
        s.set_filter(filter);
        s.search(query);
        settle(s);
        std::vector<Found> out;
        for (const SearchHit& h : s.results())
            out.push_back({ids.at(static_cast<std::uint32_t>(h.number)), h.title_terms, h.score});
        return out;
    }
};

std::vector<Found> archive_search(const SearchIndex& index, const std::string& query, const SearchFilter& filter = {}) {
    std::vector<Found> out;
    for (const SearchHit& h : index.search(query, filter, SIZE_MAX, 0))
        if (h.kind == SearchHit::Kind::work)
            out.push_back({index.archive()->works[static_cast<std::size_t>(h.index)].id, h.title_terms, h.score});
    return out;
}

// Queries a reader might type, drawn from the archive: words of titles and texts (whole, and
// their first letters as a prefix), two words, quoted phrases of two and three words, runs of
// characters of scripts written without spaces.
std::vector<std::string> queries_from(const Archive& a, std::size_t every) {
    std::set<std::string> q;
    for (std::size_t i = 0; i < a.works.size(); i += every) {
        const Work& w = a.works[i];
        std::vector<Token> words;
        const std::string text = w.title + "\n" + (w.body ? w.body->substr(0, 600) : std::string());
        TokenReader reader(text);
        for (Token t; reader.next(t);) words.push_back(t);
        if (words.empty()) continue;
        const auto original = [&](std::size_t k) { return text.substr(words[k].begin, words[k].end - words[k].begin); };
        const std::size_t mid = words.size() / 2;
        q.insert(original(0));
        q.insert(original(mid) + " ");
        const std::vector<char32_t> cps = utf8_codepoints(words[mid].folded);
        if (cps.size() >= 4) {
            std::string prefix;
            for (std::size_t k = 0; k < 3; ++k) utf8_append(prefix, cps[k]);
            q.insert(prefix);
        }
        if (words.size() >= 3) {
            q.insert(original(0) + " " + original(words.size() - 1));
            q.insert("\"" + original(mid - 1) + " " + original(mid) + "\"");
            if (mid + 1 < words.size())
                q.insert("\"" + original(mid - 1) + " " + original(mid) + " " + original(mid + 1) + "\"");
        }
        // A run of characters as typed: two, and four (a phrase checked against the texts).
        for (std::size_t k = 0; k + 3 < words.size(); ++k)
            if (character_word(words[k].folded) && character_word(words[k + 3].folded) &&
                words[k + 3].end - words[k].begin <= 16) {
                q.insert(text.substr(words[k].begin, words[k + 1].end - words[k].begin));
                q.insert(text.substr(words[k].begin, words[k + 3].end - words[k].begin));
                break;
            }
    }
    return {q.begin(), q.end()};
}

void same_answers(Library& lib, const std::string& archive_path, std::size_t every, std::size_t least_queries) {
    LoadResult loaded = load_archive(read_file(archive_path));
    REQUIRE(loaded.ok());
    const SearchIndex index = build_search_index(loaded.archive);
    Session s;
    std::string error;
    REQUIRE(s.open_library(read_file((lib.dir / "lib" / "library.json").string()), error));
    const std::vector<std::string> queries = queries_from(*loaded.archive, every);
    REQUIRE(queries.size() >= least_queries);
    std::size_t found_some = 0;
    for (const std::string& q : queries) {
        INFO("query: " << q);
        std::vector<Found> want = archive_search(index, q), got = lib.search(s, q);
        CHECK(s.library_search()->problem() == "");
        std::sort(want.begin(), want.end());
        std::sort(got.begin(), got.end());
        CHECK(got == want);
        found_some += want.empty() ? 0 : 1;
    }
    CHECK(found_some * 10 >= queries.size() * 9);  // the queries are the archive's own words
}

// A corpus whose words follow a Zipf curve: `works` texts of min..max bytes around `median`.
SynthSettings zipf_corpus(std::size_t works, std::uint64_t seed, std::size_t median, std::size_t min, std::size_t max) {
    SynthSettings st;
    st.works = works;
    st.seed = seed;
    st.zipf = true;
    st.body_median = median;
    st.body_min = min;
    st.body_max = max;
    return st;
}

std::string synth_file(const std::string& name, SynthSettings st) {
    const fs::path path = fs::temp_directory_path() / ("lectern-libsearch-" + name + ".json");
    std::ofstream(path) << synth_archive_json(st);
    return path.string();
}

}  // namespace

TEST_CASE("library search: postings read back as written, list or bitmap", "[library][search]") {
    std::vector<Posting> few = {{3, 1, false}, {70, 5, true}, {199, 300, false}};
    std::vector<Posting> many;
    for (std::uint32_t n = 0; n < 200; n += 2) many.push_back({n, n % 7 + 1, n % 5 == 0});
    for (const auto* list : {&few, &many}) {
        const std::string bytes = encode_postings(*list, 200);
        const PostingsResult r = decode_postings(bytes, 200, static_cast<std::uint32_t>(list->size()));
        REQUIRE(r.postings);
        REQUIRE(r.postings->size() == list->size());
        for (std::size_t i = 0; i < list->size(); ++i) {
            CHECK((*r.postings)[i].number == (*list)[i].number);
            CHECK((*r.postings)[i].count == (*list)[i].count);
            CHECK((*r.postings)[i].title == (*list)[i].title);
        }
    }
    CHECK(encode_postings(many, 200)[0] == 1);  // half the works: a bitmap is smaller
    CHECK(encode_postings(few, 200)[0] == 0);
    // Hostile bytes: counts that disagree with the dictionary, numbers past the library, cut short.
    CHECK(decode_postings(encode_postings(few, 200), 200, 4).error.find("cut short") != std::string::npos);
    CHECK_FALSE(decode_postings(encode_postings(few, 200), 100, 3).postings);
    std::string cut = encode_postings(many, 200);
    cut.pop_back();
    CHECK_FALSE(decode_postings(cut, 200, static_cast<std::uint32_t>(many.size())).postings);
    CHECK_FALSE(decode_postings(encode_postings(many, 200), 200, 10).postings);
}

TEST_CASE("library search: a year range from the root's table passes what SearchFilter passes", "[library][search]") {
    IndexYears root;
    root.dated = 9;
    // Works 0-1 start in 1900, 2-4 in 1901, none in 1902, 5-8 in 1903; 9 is undated.
    root.year_starts = {{1900, 0}, {1901, 2}, {1903, 5}};
    root.spanning = {{1, 1902}, {3, 1903}};  // 1900-1902 and 1901-1903
    using V = std::vector<std::uint32_t>;
    CHECK(root.works_in_years(1902, 1902) == V{1, 3});
    CHECK(root.works_in_years(1901, std::nullopt) == V{1, 2, 3, 4, 5, 6, 7, 8});
    CHECK(root.works_in_years(std::nullopt, 1900) == V{0, 1});
    CHECK(root.works_in_years(1800, 1899).empty());
    CHECK(root.works_in_years(1904, 2000).empty());
}

TEST_CASE("library search: the bundled archive's library answers as the archive does", "[library][search]") {
    const std::string serge = std::string(LECTERN_SOURCE_DIR) + "/data/serge.json";
    Library lib({serge}, "serge", 256 << 20);
    same_answers(lib, serge, 1, 60);

    // Filters narrow by postings (kinds, attribution) and the root's year table, as on the archive.
    LoadResult loaded = load_archive(read_file(serge));
    const SearchIndex index = build_search_index(loaded.archive);
    Session s;
    std::string error;
    REQUIRE(s.open_library(read_file((lib.dir / "lib" / "library.json").string()), error));
    SearchFilter letters;
    letters.kinds = {"letter"};
    SearchFilter twenties;
    twenties.year_from = 1920;
    twenties.year_to = 1929;
    SearchFilter disputed;
    disputed.attribution = "disputed";
    SearchFilter books_before;
    books_before.kinds = {"book", "article"};
    books_before.year_to = 1930;
    for (const SearchFilter& f : {letters, twenties, disputed, books_before})
        for (const std::string q : {"", "the", "revolution", "serge"}) {
            INFO("query '" << q << "' with a filter");
            std::vector<Found> want = archive_search(index, q, f), got = lib.search(s, q, f);
            std::sort(want.begin(), want.end());
            std::sort(got.begin(), got.end());
            CHECK(got == want);
        }
}

TEST_CASE("library search: every script, and an index written in many runs, answer as the archives",
          "[library][search]") {
    const std::string scripts = std::string(LECTERN_SOURCE_DIR) + "/tests/data/scripts.json";
    SECTION("seventeen scripts, with and without spaces") {
        Library lib({scripts}, "scripts", 256 << 20);
        same_answers(lib, scripts, 1, 60);
    }
    SECTION("Latin, Cyrillic, Greek and CJK by a Zipf curve, postings spilled to disk and merged") {
        SynthSettings st = zipf_corpus(300, 11, 3000, 500, 20000);
        st.scripts_percent = 40;
        const std::string path = synth_file("zipf", st);
        Library lib({path}, "zipf", 64 << 10, 3);  // a small budget: many runs to merge; many directories
        const std::size_t directories =
            std::count_if(fs::directory_iterator(lib.dir / "lib"), fs::directory_iterator(),
                          [](const auto& e) { return e.path().filename().string()[0] == 'x'; });
        CHECK(directories >= 3);
        same_answers(lib, path, 7, 60);
    }
}

TEST_CASE("library search: results come ranked, titles and snippets for the first ones", "[library][search]") {
    const std::string serge = std::string(LECTERN_SOURCE_DIR) + "/data/serge.json";
    Library lib({serge}, "serge-ranked", 256 << 20);
    LoadResult loaded = load_archive(read_file(serge));
    const SearchIndex index = build_search_index(loaded.archive);
    Session s;
    std::string error;
    REQUIRE(s.open_library(read_file((lib.dir / "lib" / "library.json").string()), error));
    s.search("revolution");
    CHECK(s.searching());  // the root is not here yet
    lib.settle(s);
    const std::vector<SearchHit> want = index.search("revolution");
    REQUIRE(!s.results().empty());
    std::size_t works = 0;
    for (const SearchHit& h : want) works += h.kind == SearchHit::Kind::work ? 1 : 0;
    REQUIRE(s.results().size() == works);
    // The first results: loaded, with the archive's snippet.
    CHECK(s.results_ready() == std::min<std::size_t>(Session::kLeadingResults, works));
    for (std::size_t i = 0; i < s.results_ready(); ++i) {
        const SearchHit& got = s.results()[i];
        CHECK(got.index >= 0);
        auto same = std::find_if(want.begin(), want.end(), [&](const SearchHit& h) { return h.ref == got.ref; });
        REQUIRE(same != want.end());
        CHECK(got.snippet == same->snippet);
        CHECK(got.field == same->field);
    }
    // Loaded works that match are marked on the timeline, the others dimmed.
    int marked = 0;
    for (int w = 0; w < static_cast<int>(s.archive().works.size()); ++w) marked += s.work_matches(w) ? 1 : 0;
    CHECK(marked == static_cast<int>(works));
}

TEST_CASE("library search: a lost or damaged index part is named, the rest keeps working, Retry reads it",
          "[library][search]") {
    const SynthSettings st = zipf_corpus(200, 5, 3000, 500, 8000);
    const std::string path = synth_file("faults", st);
    Library lib({path}, "faults", 256 << 20);
    const ManifestResult m = parse_manifest(read_file((lib.dir / "lib" / "library.json").string()));
    const std::string root = m.manifest->search->name;

    Session s;
    std::string error;
    REQUIRE(s.open_library(read_file((lib.dir / "lib" / "library.json").string()), error));
    lib.missing.insert(root);
    s.search("ba");
    lib.settle(s);
    CHECK(s.library_search()->status() == LibrarySearch::Status::failed);
    CHECK(s.library_search()->problem_subject() == root);
    CHECK(s.notice().find(root) != std::string::npos);
    CHECK(s.results().empty());
    lib.missing.clear();
    s.retry_library();
    lib.settle(s);
    CHECK(s.library_search()->status() == LibrarySearch::Status::done);
    CHECK(!s.results().empty());

    // A damaged dictionary block: the query that needs it says so; another query still answers.
    std::vector<std::string> blocks;
    for (const auto& e : fs::directory_iterator(lib.dir / "lib"))
        if (e.path().filename().string().rfind("d-", 0) == 0) blocks.push_back(e.path().filename().string());
    REQUIRE(blocks.size() >= 2);
    Session t;
    REQUIRE(t.open_library(read_file((lib.dir / "lib" / "library.json").string()), error));
    lib.corrupt.insert(blocks.front());
    std::size_t failed = 0, answered = 0;
    for (const std::string q :
         {"ba", "be", "bi", "bo", "bu", "ca", "ce", "da", "de", "fa", "ga", "la", "ma", "pa", "sa", "ta"}) {
        t.search(q);
        lib.settle(t);
        if (t.library_search()->status() == LibrarySearch::Status::failed) {
            ++failed;
            CHECK(t.library_search()->problem_subject() == blocks.front());
        } else {
            ++answered;
        }
    }
    CHECK(failed > 0);
    CHECK(answered > 0);
}

TEST_CASE("library search: a phrase whose candidates' texts are lost settles, and says which part",
          "[library][search]") {
    const SynthSettings st = zipf_corpus(200, 5, 3000, 500, 8000);
    const std::string path = synth_file("lost-texts", st);
    Library lib({path}, "lost-texts", 256 << 20);
    for (const auto& e : fs::directory_iterator(lib.dir / "lib"))
        if (e.path().filename().string().rfind("b-", 0) == 0) lib.missing.insert(e.path().filename().string());
    LoadResult loaded = load_archive(read_file(path));
    const std::vector<std::string> words = search_words(*loaded.archive->works[3].body);
    REQUIRE(words.size() > 20);
    Session s;
    std::string error;
    REQUIRE(s.open_library(read_file((lib.dir / "lib" / "library.json").string()), error));
    s.search("\"" + words[10] + " " + words[11] + "\"");
    lib.settle(s);  // fails the test if it never settles
    CHECK(s.library_search()->problem() == "search.part_failed");
    CHECK(s.library_search()->problem_subject().rfind("b-", 0) == 0);
}

TEST_CASE("library search: hostile or extreme index parts are refused or answered, never a crash",
          "[library][search]") {
    // Dates thousands of years apart: the year table holds the years works start in, not every year between.
    {
        const fs::path dir = fs::temp_directory_path() / "lectern-libsearch-years";
        fs::remove_all(dir);
        fs::create_directories(dir);
        std::vector<ShardRef> parts;
        tool::LibraryIndexWriter w(dir.string(), 1 << 20);
        Work a, b;
        a.title = "Oldest";
        b.title = "Newest";
        w.add_work(a, "c");
        w.add_work(b, "c");
        ShardRef root_part;
        std::map<char, std::string> stored_parts;
        w.finish(
            {0, 1},
            {{days_from_civil(-30000, 1, 1), days_from_civil(-30000, 1, 1)},
             {days_from_civil(2000, 1, 1), days_from_civil(2001, 6, 1)}},
            [&](char kind, const std::string& stored) {
                stored_parts[kind] = stored;
                return ShardRef{shard_name(kind, stored), 0, stored.size()};
            },
            root_part);
        const auto text = platform::gunzip(stored_parts.at('y'));
        REQUIRE(text);
        const IndexYearsResult back = parse_index_years(*text, 2);
        REQUIRE(back.years);
        CHECK(back.years->year_starts.size() == 2);
        CHECK(back.years->works_in_years(-30000, -30000) == std::vector<std::uint32_t>{0});
        CHECK(back.years->works_in_years(2001, std::nullopt) == std::vector<std::uint32_t>{1});
        CHECK(back.years->works_in_years(-20000, 1999).empty());
    }
    // A block whose terms grow by a kilobyte each (front coding) is refused, not inflated.
    {
        auto varint = [](std::string& out, std::uint64_t v) {
            while (v >= 0x80) out += static_cast<char>(v | 0x80), v >>= 7;
            out += static_cast<char>(v);
        };
        const std::string postings = encode_postings({{0, 1, false}}, 1);
        std::string block = "LXB1";
        varint(block, 0);
        varint(block, 300);
        for (std::uint64_t i = 0, previous = 0; i < 300; ++i, previous += 1000) {
            varint(block, previous);
            varint(block, 1000);
            block += std::string(1000, 'a');
            varint(block, 1);
            varint(block, 0);
            varint(block, postings.size());
            block += postings;
        }
        const IndexBlockResult r = parse_index_block(block, 1);
        CHECK_FALSE(r.block);
        CHECK(r.error.find("longer than") != std::string::npos);
    }
    // A root with no directory: any query, a prefix too, finds nothing.
    {
        LibraryIndexRoot empty;
        empty.years = ShardRef{"y-0000000000000000.gz", 0, 10};
        LibrarySearch s(ShardRef{"r-0000000000000000.gz", 0, 10}, 0, {});
        s.set_query("a", {});
        REQUIRE(s.wanted().size() == 1);
        CHECK(s.arrived(s.wanted()[0], index_root_to_json(empty)).empty());
        CHECK(s.status() == LibrarySearch::Status::done);
        CHECK(s.matches().empty());
    }
}

TEST_CASE("library search: a query replaced before its parts came stops them, and answers stay right",
          "[library][search]") {
    const SynthSettings st = zipf_corpus(300, 11, 3000, 500, 8000);
    const std::string path = synth_file("typed", st);
    Library lib({path}, "typed", 256 << 20, 1);
    LoadResult loaded = load_archive(read_file(path));
    const SearchIndex index = build_search_index(loaded.archive);
    Session s;
    std::string error;
    REQUIRE(s.open_library(read_file((lib.dir / "lib" / "library.json").string()), error));
    // The root and the directories arrive; the blocks of the first word are asked for, not answered.
    s.search("zz-first-word ");
    for (int round = 0; round < 4; ++round)
        for (const LibraryRequest& r : s.take_library_requests())
            if (r.kind == LibraryRequest::Kind::index_root || r.kind == LibraryRequest::Kind::index_directory)
                lib.answer(s, r);
    std::vector<LibraryRequest> stale = s.take_library_requests();
    for (int round = 0; round < 4 && stale.empty(); ++round) stale = s.take_library_requests();
    CHECK(s.take_library_cancels().empty());
    const std::string word = search_words(loaded.archive->works[0].title).front();
    s.search(word + " ");
    const std::vector<std::uint64_t> cancelled = s.take_library_cancels();
    CHECK_FALSE(cancelled.empty());
    for (const LibraryRequest& r : stale) lib.answer(s, r);  // late answers: ignored or still of use
    lib.settle(s);
    std::vector<Found> want = archive_search(index, word + " "), got;
    for (const SearchHit& h : s.results())
        got.push_back({lib.ids.at(static_cast<std::uint32_t>(h.number)), h.title_terms, h.score});
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    CHECK(got == want);
}

TEST_CASE("library search: a prefix of many common words reads the most common, and says so", "[library][search]") {
    const SynthSettings st = zipf_corpus(2000, 13, 2000, 1500, 4000);
    const std::string path = synth_file("prefix", st);
    Library lib({path}, "prefix", 256 << 20);
    LoadResult loaded = load_archive(read_file(path));
    const SearchIndex index = build_search_index(loaded.archive);
    Session s;
    std::string error;
    REQUIRE(s.open_library(read_file((lib.dir / "lib" / "library.json").string()), error));
    const std::vector<std::string> words = search_words(*loaded.archive->works[0].body);
    const std::string word = words.front();  // a common word: the Zipf curve's head
    // A letter that begins more than kMaxPrefixPostings words with long lists.
    std::string prefix;
    std::vector<Found> got;
    for (const char* letter : {"b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v"}) {
        got = lib.search(s, letter);
        if (s.library_search()->problem() == "search.prefix_partial") {
            prefix = letter;
            break;
        }
    }
    REQUIRE(!prefix.empty());
    CHECK(s.library_search()->problem_subject() == prefix);
    std::set<std::string> all, ids;
    for (const Found& f : archive_search(index, prefix)) all.insert(f.id);
    for (const Found& f : got) ids.insert(f.id);
    CHECK(std::includes(all.begin(), all.end(), ids.begin(), ids.end()));  // nothing the archive would not find
    CHECK(ids.size() * 2 >= all.size());                                   // the common words find most
    // The whole word, or a prefix of few words, finds exactly what the archive finds.
    std::vector<Found> want = archive_search(index, word);
    got = lib.search(s, word);
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    CHECK(got == want);
}
