// Search in every script: text written without spaces (Chinese, Japanese, Korean, Thai) is
// found wherever a query's characters occur, full-width and half-width forms find their
// usual forms, and on the seventeen-script archive (tests/data/scripts.json) the works a
// sampled query finds are exactly the works whose folded text holds it.
#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "../test_files.h"
#include "core/archive/archive.h"
#include "core/search/search.h"
#include "core/text/line_break.h"
#include "core/text/text_fold.h"
#include "core/text/utf8.h"

using namespace lectern;

namespace {

std::set<std::string> found(const SearchIndex& index, const std::string& query) {
    std::set<std::string> refs;
    for (const SearchHit& h : index.search(query, {}, 10000, 0))
        if (h.kind == SearchHit::Kind::work) refs.insert(h.ref);
    return refs;
}

// The searched fields of a work, each folded, as words (whole-word matching) and as one
// string of its unspaced characters (substring matching).
std::vector<std::string> fields(const Work& w) {
    std::vector<std::string> f = {w.title, w.body.value_or(""), w.notes, w.attribution_note, w.date_label, w.source};
    f.insert(f.end(), w.tags.begin(), w.tags.end());
    return f;
}

// True when the words of `query` appear in `text` one after another, the last as a
// prefix when `prefix`: the search's promise, checked here by brute force.
bool holds(const std::vector<std::string>& text, const std::vector<std::string>& query, bool prefix) {
    if (query.empty() || text.size() < query.size()) return false;
    for (std::size_t i = 0; i + query.size() <= text.size(); ++i) {
        bool all = true;
        for (std::size_t k = 0; k < query.size() && all; ++k) {
            const bool last = k + 1 == query.size();
            all = last && prefix ? text[i + k].compare(0, query[k].size(), query[k]) == 0 : text[i + k] == query[k];
        }
        if (all) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("fold: each character of a script written without spaces is a word of its own", "[fold][scripts]") {
    CHECK(search_words("文件名.txt") == std::vector<std::string>{"文", "件", "名", "txt"});
    CHECK(search_words("BYTES が 0x") ==
          std::vector<std::string>{"bytes", "か", "0x"});  // voicing folds away, as accents do
    CHECK(search_words("解釈する") == std::vector<std::string>{"解", "釈", "す", "る"});
    CHECK(search_words("도서관에서") == std::vector<std::string>{fold_for_search("도"), fold_for_search("서"),
                                                                 fold_for_search("관"), fold_for_search("에"),
                                                                 fold_for_search("서")});
    CHECK(search_words("ห้องสมุด") == std::vector<std::string>{"ห", "อ", "ง", "ส", "ม", "ด"});  // marks fold away
    CHECK(search_words("abc字def") == std::vector<std::string>{"abc", "字", "def"});
    CHECK(search_words("㍿") == std::vector<std::string>{"株", "式", "会", "社"});  // one character, four words
    // Thai marks after a letter stay inside its word's bytes, for the reader's marks.
    TokenReader r("มุด");
    Token t;
    REQUIRE(r.next(t));
    CHECK(t.end == std::string("มุ").size());
}

TEST_CASE("fold: full-width and half-width forms fold to the usual ones (compatibility decomposition)",
          "[fold][scripts]") {
    CHECK(fold_for_search("ＡＢＣ１２３") == "abc123");
    CHECK(search_words("ﾌｧｲﾙ") == search_words("ファイル"));
    CHECK(search_words("ｶﾞｲﾄﾞ") == search_words("ガイド"));
    CHECK(fold_for_search("（注）") == "(注)");
}

TEST_CASE("search: text without spaces is found wherever the query's characters occur", "[search][scripts]") {
    Archive a;
    a.title = "t";
    const char* bodies[] = {"この解釈は正しい。", "再解釈する必要がある",  "解説",      "文件名.txt 在这里",
                            "字符串和字符",       "ภาษาไทยเป็นภาษาที่สวยงาม", "ﾌｧｲﾙを開く"};
    for (const char* b : bodies) {
        Work w;
        w.id = "w" + std::to_string(a.works.size());
        w.title = "T";
        w.body = b;
        a.works.push_back(w);
    }
    const SearchIndex index = build_search_index(std::make_shared<const Archive>(a));
    CHECK(found(index, "解釈") == std::set<std::string>{"work:w0", "work:w1"});  // not only where a run starts
    CHECK(found(index, "解") == std::set<std::string>{"work:w0", "work:w1", "work:w2"});
    CHECK(found(index, "名.txt") == std::set<std::string>{"work:w3"});
    CHECK(found(index, "字符") == std::set<std::string>{"work:w4"});
    CHECK(found(index, "ไทย") == std::set<std::string>{"work:w5"});
    CHECK(found(index, "ファイル") == std::set<std::string>{"work:w6"});  // half-width in the text
    CHECK(found(index, "釈正").empty());  // characters of the query in another order, or apart
}

TEST_CASE("search: on seventeen scripts, sampled queries find exactly the works that hold them", "[search][scripts]") {
    const LoadResult r = load_archive(read_file(std::string(LECTERN_SOURCE_DIR) + "/tests/data/scripts.json"));
    REQUIRE(r.ok());
    const SearchIndex index = build_search_index(r.archive);
    std::vector<std::vector<std::vector<std::string>>> words;  // per work, per field
    for (const Work& w : r.archive->works) {
        words.emplace_back();
        for (const std::string& f : fields(w)) words.back().push_back(search_words(f));
    }
    std::mt19937 rng(22);
    int queries = 0;
    for (std::size_t wi = 0; wi < r.archive->works.size(); ++wi) {
        const std::string& body = *r.archive->works[wi].body;
        std::vector<Token> tokens;
        TokenReader reader(body);
        for (Token t; reader.next(t);) tokens.push_back(t);
        REQUIRE(!tokens.empty());
        for (int q = 0; q < 40; ++q) {
            // One to four consecutive words of the body, typed as written (in Chinese or Thai,
            // one to four characters); several words with a space between are quoted as a phrase.
            const std::size_t at = rng() % tokens.size(), last = std::min(tokens.size() - 1, at + rng() % 4);
            std::string typed = body.substr(tokens[at].begin, tokens[last].end - tokens[at].begin);
            const bool spaced = typed.find_first_of(" \n") != std::string::npos;
            if (spaced) {
                for (char& c : typed) c = c == '\n' ? ' ' : c;
                typed = '"' + typed + '"';
            }
            const std::vector<std::string> query = search_words(typed);
            const bool prefix = !spaced && query.size() == 1;  // the last bare word is a prefix
            std::set<std::string> expected;
            for (std::size_t k = 0; k < words.size(); ++k)
                for (const auto& field : words[k])
                    if (holds(field, query, prefix)) expected.insert("work:" + r.archive->works[k].id);
            CAPTURE(r.archive->works[wi].id, typed);
            CHECK(expected.count("work:" + r.archive->works[wi].id) == 1);
            CHECK(found(index, typed) == expected);
            ++queries;
        }
    }
    CHECK(queries == 17 * 40);
}

TEST_CASE("search: an index built in small slices is the index built at once", "[search][slices]") {
    const LoadResult r = load_archive(read_file(std::string(LECTERN_SOURCE_DIR) + "/tests/data/scripts.json"));
    REQUIRE(r.ok());
    const SearchIndex whole = build_search_index(r.archive);
    SearchIndexBuilder builder(r.archive);
    double last = -1;
    int steps = 0;
    while (!builder.step(4096)) {
        const double p = builder.progress();
        CHECK(p >= last);  // never goes back
        CHECK(p < 1.0);
        last = p;
        ++steps;
    }
    CHECK(builder.progress() == 1.0);
    CHECK(steps > 20);  // 4 KB of text a step: many steps
    const SearchIndex sliced = builder.take();
    CHECK(sliced.memory_bytes() == whole.memory_bytes());
    CHECK(sliced.words() == whole.words());
    for (const char* q : {"河", "解釈", "كتاب", "чтение", "\"το βιβλίο\"", "ห้อง", "1917"}) {
        CAPTURE(q);
        std::vector<std::string> a, b;
        for (const SearchHit& h : whole.search(q)) a.push_back(h.ref + h.snippet);
        for (const SearchHit& h : sliced.search(q)) b.push_back(h.ref + h.snippet);
        CHECK(a == b);
    }
}
