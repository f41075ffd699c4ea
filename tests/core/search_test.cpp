// Search: folding makes case, accents and punctuation variants equal; the index finds, ranks and highlights.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "core/archive/archive.h"
#include "core/search/match_ranges.h"
#include "core/search/search.h"
#include "core/text/text_fold.h"
#include "../test_files.h"

using namespace lectern;

namespace {

// The bundled archive, indexed once for every case.
const SearchIndex& serge_index() {
    static const SearchIndex index = [] {
        const LoadResult r = load_archive(bundled_archive());
        if (!r.ok()) throw std::runtime_error(r.first_error());
        return build_search_index(r.archive);
    }();
    return index;
}

std::vector<std::string> refs(const std::vector<SearchHit>& hits) {
    std::vector<std::string> out;
    for (const auto& h : hits) out.push_back(h.ref);
    return out;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

const SearchHit* find_hit(const std::vector<SearchHit>& hits, const std::string& ref) {
    for (const auto& h : hits)
        if (h.ref == ref) return &h;
    return nullptr;
}

std::shared_ptr<const Archive> archive_of_titles(const std::vector<std::string>& titles) {
    auto a = std::make_shared<Archive>();
    for (std::size_t i = 0; i < titles.size(); ++i) {
        Work w;
        w.id = "w" + std::to_string(i);
        w.title = titles[i];
        a->works.push_back(w);
    }
    return a;
}

}  // namespace

// ---- folding ------------------------------------------------------------------------

TEST_CASE("fold: case, accents, scripts and punctuation variants fold to one form", "[fold]") {
    struct Case {
        const char* text;
        const char* folded;
    };
    const Case cases[] = {
        {"Open Letter to André Gide", "open letter to andre gide"},
        {"KRONSTADT", "kronstadt"},
        {"МОСКВА", "москва"},
        {"Москва", "москва"},
        {"ΑΘΗΝΑ", "αθηνα"},
        {"Αθήνα", "αθηνα"},
        {"Οδυσσεύς", "οδυσσευσ"},  // final sigma folds to sigma
        {"Straße", "strasse"},
        {"ẞ", "ss"},
        {"ﬁn", "fin"},
        {"Ⅻ", "xii"},
        {"ｆｕｌｌ", "full"},
        {"Andre\xCC\x81", "andre"},          // e + combining acute
        {"Kron\xC2\xADstadt", "kronstadt"},  // soft hyphen
        {"Trotsky’s", "trotsky's"},
        {"‘single’", "'single'"},
        {"“double”", "\"double\""},
        {"«guillemets»", "\"guillemets\""},
        {"a–b—c", "a-b-c"},
        {"no\xC2\xA0"
         "break",
         "no break"},
        {"İstanbul", "istanbul"},
        {"", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(fold_for_search(c.text) == c.folded);
        CHECK(fold_for_search(fold_for_search(c.text)) == c.folded);  // folding is idempotent
    }
}

TEST_CASE("fold: a text is cut into folded words at anything but letters and digits", "[fold]") {
    struct Case {
        const char* text;
        std::vector<std::string> words;
    };
    const Case cases[] = {
        {"Kronstadt: Trotsky’s Defense.", {"kronstadt", "trotsky", "s", "defense"}},
        {"Trotsky's", {"trotsky", "s"}},
        {"Anarchists – Bandits", {"anarchists", "bandits"}},
        {"1920/21", {"1920", "21"}},
        {"½", {"1", "2"}},
        {"Αθήνα, Москва", {"αθηνα", "москва"}},
        {"!!! ... ---", {}},
        {"", {}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(search_words(c.text) == c.words);
    }
}

TEST_CASE("fold: offsets map every folded byte and word back to the original text", "[fold]") {
    const std::string texts[] = {"Straße",
                                 "Open Letter to André Gide",
                                 "Andre\xCC\x81 x",
                                 "ΑΘΗΝΑ Москва ﬁn ½",
                                 "Trotsky’s “Defense”",
                                 "a\xFF"
                                 "b\xE2\x80"};
    for (const auto& text : texts) {
        CAPTURE(text);
        const FoldedText f = fold_with_offsets(text);
        REQUIRE(f.source_offset.size() == f.folded.size() + 1);
        CHECK(f.folded == fold_for_search(text));
        CHECK(f.source_offset.back() == text.size());
        CHECK(std::is_sorted(f.source_offset.begin(), f.source_offset.end()));
        TokenReader reader(text);
        for (Token t; reader.next(t);) {
            CAPTURE(t.folded);
            REQUIRE(t.begin < t.end);
            REQUIRE(t.end <= text.size());
            // The original bytes of a word are exactly that word (or hold it, for ½).
            const auto words = search_words(text.substr(t.begin, t.end - t.begin));
            CHECK(has(words, t.folded));
        }
    }
    const FoldedText s = fold_with_offsets("Straße");
    CHECK(s.folded == "strasse");
    CHECK(s.source_offset[4] == 4);  // both s of ß start at its first byte
    CHECK(s.source_offset[5] == 4);
    CHECK(s.source_offset[6] == 6);

    struct Range {
        const char* text;
        std::size_t begin, end;
    };
    const Range ranges[] = {
        {"André Gide", 0, 6},
        {"Andre\xCC\x81 Gide", 0, 7},  // the combining accent belongs to the word
        {"  Москва!", 2, 14},
    };
    for (const auto& r : ranges) {
        CAPTURE(r.text);
        TokenReader reader(r.text);
        Token t;
        REQUIRE(reader.next(t));
        CHECK(t.begin == r.begin);
        CHECK(t.end == r.end);
    }
}

TEST_CASE("fold: invalid UTF-8 and endless words fold without stopping", "[fold]") {
    CHECK(fold_for_search("a\xFF"
                          "b") ==
          "a\xEF\xBF\xBD"
          "b");
    CHECK(search_words("a\xFF"
                       "b\xE2\x80") == std::vector<std::string>{"a", "b"});
    CHECK(search_words("\xED\xA0\x80").empty());  // an encoded surrogate is invalid
    const std::string long_word(10000, 'x');
    const auto words = search_words(long_word + " y");
    REQUIRE(words.size() == 2);
    CHECK(words[0] == std::string(kMaxTokenBytes, 'x'));
    const auto cyrillic = search_words(std::string(5000, '\xD0') + "");  // lead bytes only
    CHECK(cyrillic.empty());
}

// ---- the bundled archive ------------------------------------------------------------

TEST_CASE("search: trotsky finds his letters, the Kronstadt reply, the appendix and the biography", "[search]") {
    const auto hits = serge_index().search("trotsky");
    const auto found = refs(hits);
    const char* expected[] = {"work:1936-08-10-letter-to-trotsky", "work:1936-08-14-letter-to-trotsky",
                              "work:1938-10-kronstadt-trotskys-defense-response-to-trotsky",
                              "work:1938-09-on-their-morals-and-ours", "page:biography"};
    for (const char* ref : expected) {
        CAPTURE(ref);
        CHECK(has(found, ref));
    }
    const SearchHit* appendix = find_hit(hits, "work:1938-09-on-their-morals-and-ours");
    REQUIRE(appendix);
    CHECK(appendix->field == "attribution_note");
    CHECK_FALSE(appendix->title_match);
    const SearchHit* letter = find_hit(hits, "work:1936-08-10-letter-to-trotsky");
    REQUIRE(letter);
    CHECK(letter->title_match);
    CHECK(letter->field == "title");
}

TEST_CASE("search: title matches rank before the others", "[search]") {
    const char* queries[] = {"trotsky", "kronstadt", "serge", "letter", "russian"};
    for (const char* q : queries) {
        CAPTURE(q);
        const auto hits = serge_index().search(q);
        REQUIRE_FALSE(hits.empty());
        const auto first_other =
            std::find_if(hits.begin(), hits.end(), [](const SearchHit& h) { return !h.title_match; });
        CHECK(std::none_of(first_other, hits.end(), [](const SearchHit& h) { return h.title_match; }));
    }
    // Among title matches, the two letters (one mention each) come in time order.
    const auto hits = serge_index().search("letter to trotsky");
    REQUIRE(hits.size() >= 2);
    CHECK(hits[0].ref == "work:1936-08-10-letter-to-trotsky");
    CHECK(hits[1].ref == "work:1936-08-14-letter-to-trotsky");
}

TEST_CASE("search: queries find what a reader would expect", "[search]") {
    struct Case {
        const char* query;
        const char* ref;  // must be among the hits
    };
    const Case cases[] = {
        {"andre gide", "work:1936-open-letter-to-andre-gide"},
        {"ANDRÉ  Gide", "work:1936-open-letter-to-andre-gide"},
        {"gide andre", "work:1936-open-letter-to-andre-gide"},  // words in any order
        {"kronstadt", "work:1938-04-28-once-more-kronstadt"},
        {"kronstadt", "work:1938-10-kronstadt-trotskys-defense-response-to-trotsky"},
        {"kronst", "work:1938-04-28-once-more-kronstadt"},
        {"kronst", "work:1938-10-kronstadt-trotskys-defense-response-to-trotsky"},
        {"\"left opposition\"", "page:biography"},
        {"“left opposition”", "page:biography"},
        {"trotsky's", "work:1938-10-kronstadt-trotskys-defense-response-to-trotsky"},
        {"trotsky’s", "work:1938-10-kronstadt-trotskys-defense-response-to-trotsky"},
        {"TROTSKY’S DEFENSE", "work:1938-10-kronstadt-trotskys-defense-response-to-trotsky"},
        {"anarchists - bandits", "work:1909-02-anarchists-bandits"},
        {"narodnik", "person:victor-serge"},
        {"narodnik", "event:0"},
        {"brussels", "event:0"},
        {"zborowski", "page:appendix"},
        {"the germ of all stalinism", "page:epigraph"},
        {"weissman", "page:note"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.query, c.ref);
        CHECK(has(refs(serge_index().search(c.query)), c.ref));
    }
}

TEST_CASE("search: queries without a match or without words find nothing", "[search]") {
    const char* queries[] = {"",    "   ",  "zzzqqxx", "trotsky zzzqqxx", "kronst ", "\"opposition left\"",
                             "!!!", "\"\"", "–—’"};
    for (const char* q : queries) {
        CAPTURE(q);
        CHECK(serge_index().search(q).empty());
    }
}

TEST_CASE("search: filters narrow the hits and list works without a query", "[search]") {
    const Archive& a = *serge_index().archive();
    struct Case {
        const char* what;
        const char* query;
        SearchFilter filter;
        std::vector<std::string> must;      // refs that must be there
        std::vector<std::string> must_not;  // refs that must not
    };
    SearchFilter letters;
    letters.kinds = {"letter"};
    SearchFilter in_1936;
    in_1936.year_from = 1936;
    in_1936.year_to = 1936;
    SearchFilter disputed;
    disputed.attribution = "disputed";
    SearchFilter from_1945;
    from_1945.year_from = 1945;
    const Case cases[] = {
        {"letters about trotsky",
         "trotsky",
         letters,
         {"work:1936-08-10-letter-to-trotsky", "work:1936-08-14-letter-to-trotsky"},
         {"work:1938-10-kronstadt-trotskys-defense-response-to-trotsky", "page:biography"}},
        {"trotsky in 1936",
         "trotsky",
         in_1936,
         {"work:1936-08-10-letter-to-trotsky", "work:1936-08-14-letter-to-trotsky"},
         {"work:1938-10-kronstadt-trotskys-defense-response-to-trotsky", "page:biography"}},
        {"disputed trotsky",
         "trotsky",
         disputed,
         {"work:1938-09-on-their-morals-and-ours"},
         {"work:1936-08-10-letter-to-trotsky"}},
        {"letters, no query", "", letters, {"work:1917-03-letter-to-emile-armand"}, {"work:1908-06-the-illegals"}},
        {"1936, no query",
         "",
         in_1936,
         {"work:1936-open-letter-to-andre-gide", "work:1936-08-13-letter-to-andres-nin"},
         {"work:1938-marxism-in-our-time"}},
        {"disputed, no query", "  ", disputed, {"work:1938-09-on-their-morals-and-ours"}, {}},
        {"from 1945", "", from_1945, {"work:1945-on-the-french-anarchists"}, {"work:1938-marxism-in-our-time"}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        const auto hits = serge_index().search(c.query, c.filter);
        const auto found = refs(hits);
        for (const auto& r : c.must) {
            CAPTURE(r);
            CHECK(has(found, r));
        }
        for (const auto& r : c.must_not) {
            CAPTURE(r);
            CHECK_FALSE(has(found, r));
        }
        std::size_t passing = 0;
        for (const auto& w : a.works) passing += c.filter.passes(w) ? 1 : 0;
        for (const auto& h : hits) {
            CAPTURE(h.ref);
            REQUIRE(h.kind == SearchHit::Kind::work);
            CHECK(c.filter.passes(a.works[static_cast<std::size_t>(h.index)]));
        }
        if (std::string(c.query).find_first_not_of(' ') == std::string::npos) {
            CHECK(hits.size() == passing);  // a filter alone lists every work that passes, in time order
            for (std::size_t i = 1; i < hits.size(); ++i)
                CHECK(a.works[static_cast<std::size_t>(hits[i - 1].index)].date->earliest_day <=
                      a.works[static_cast<std::size_t>(hits[i].index)].date->earliest_day);
        }
    }
    CHECK(serge_index().search("", letters).size() == 5);
    CHECK(serge_index().search("", disputed).size() == 1);
}

TEST_CASE("search: snippet highlights and the matches in a body point at the matched words", "[search]") {
    struct Case {
        const char* query;
        std::vector<std::string> words;  // what each highlight folds to start with (one of)
    };
    const Case cases[] = {
        {"trotsky", {"trotsky"}},
        {"kronst", {"kronst"}},
        {"andre gide", {"andre", "gide"}},
        {"\"left opposition\"", {"left opposition"}},
        {"serge russian", {"serge", "russian"}},
        {"trotsky’s", {"trotsky's"}},
        {"narodnik", {"narodnik"}},
    };
    const Archive& a = *serge_index().archive();
    for (const auto& c : cases) {
        CAPTURE(c.query);
        const auto hits = serge_index().search(c.query);
        REQUIRE_FALSE(hits.empty());
        const auto folds_to_a_word = [&](const std::string& text) {
            const std::string f = fold_for_search(text);
            return std::any_of(c.words.begin(), c.words.end(),
                               [&](const std::string& w) { return f.rfind(w, 0) == 0; });
        };
        for (const auto& h : hits) {
            CAPTURE(h.ref, h.snippet);
            CHECK_FALSE(h.field.empty());
            CHECK(h.snippet.size() <= kSnippetBytes + 2 * std::string("…").size());
            REQUIRE_FALSE(h.snippet_highlights.empty());
            for (const auto& [b, e] : h.snippet_highlights) {
                REQUIRE(0 <= b);
                REQUIRE(b < e);
                REQUIRE(static_cast<std::size_t>(e) <= h.snippet.size());
                CHECK(folds_to_a_word(h.snippet.substr(static_cast<std::size_t>(b), static_cast<std::size_t>(e - b))));
            }
            if (h.kind != SearchHit::Kind::page) continue;
            const std::string& body = a.pages[static_cast<std::size_t>(h.index)].body;
            for (const auto& [b, e] : QueryMatcher(c.query).find(body)) {
                REQUIRE(e <= body.size());
                CHECK(folds_to_a_word(body.substr(b, e - b)));
            }
        }
    }
    // Every mention in the biography is there to jump to.
    const auto hits = serge_index().search("opposition");
    const SearchHit* bio = find_hit(hits, "page:biography");
    REQUIRE(bio);
    const std::string body = fold_for_search(a.find_page("biography")->body);
    std::size_t mentions = 0;
    for (std::size_t at = body.find("opposition"); at != std::string::npos; at = body.find("opposition", at + 1))
        ++mentions;
    CHECK(QueryMatcher("opposition").find(a.find_page("biography")->body).size() == mentions);
    CHECK(bio->score == static_cast<int>(mentions));
}

TEST_CASE("search: Greek and Cyrillic titles are found in any case and with any accents", "[search]") {
    const auto index = build_search_index(archive_of_titles({"Αθήνα 1936", "МОСКВА", "Ὀδύσσεια"}));
    struct Case {
        const char* query;
        const char* ref;
        const char* highlighted;
    };
    const Case cases[] = {
        {"ΑΘΗΝΑ", "work:w0", "Αθήνα"}, {"αθηνα", "work:w0", "Αθήνα"},       {"Москва", "work:w1", "МОСКВА"},
        {"моск", "work:w1", "МОСКВА"}, {"οδυσσεια", "work:w2", "Ὀδύσσεια"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.query);
        const auto hits = index.search(c.query);
        REQUIRE(hits.size() == 1);
        CHECK(hits[0].ref == c.ref);
        REQUIRE(hits[0].snippet_highlights.size() == 1);
        const auto [b, e] = hits[0].snippet_highlights[0];
        CHECK(hits[0].snippet.substr(static_cast<std::size_t>(b), static_cast<std::size_t>(e - b)) == c.highlighted);
    }
}

TEST_CASE("search: hostile queries neither crash nor hang", "[search]") {
    std::string random_bytes;
    std::uint32_t seed = 12345;
    for (int i = 0; i < 100000; ++i) {
        seed = seed * 1664525u + 1013904223u;
        random_bytes.push_back(static_cast<char>(seed >> 24));
    }
    std::string many_words;
    for (int i = 0; i < 10000; ++i) many_words += "w" + std::to_string(i) + " ";
    const std::string queries[] = {
        std::string(100000, 'a'),
        random_bytes,
        many_words,
        std::string(50000, '"'),
        std::string(100000, '!'),
        "\"trotsky" + std::string(100000, ' '),
        "\"" + std::string(30000, 'x') + " " + std::string(30000, 'y') + "\"",
        std::string("trotsky\0kronstadt", 17),
        "\xFF\xFE\xFD",
        "\xE2\x80",
        "k\xCC",
        "\"\"trotsky\"\"",
    };
    for (const auto& q : queries) {
        CAPTURE(q.substr(0, 40));
        const auto start = std::chrono::steady_clock::now();
        std::vector<SearchHit> hits;
        REQUIRE_NOTHROW(hits = serge_index().search(q, {}, 50));
        CHECK(hits.size() <= 50);
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
    }
}

TEST_CASE("search: an index over no archive or an empty one finds nothing", "[search]") {
    SearchIndex none;
    none.build(nullptr);
    CHECK(none.search("trotsky").empty());
    CHECK(none.documents() == 0);
    const auto empty = build_search_index(std::make_shared<Archive>());
    CHECK(empty.search("trotsky").empty());
    SearchFilter letters;
    letters.kinds = {"letter"};
    CHECK(empty.search("", letters).empty());
    CHECK(serge_index().search("trotsky", {}, 0).empty());
}

TEST_CASE("search: a 5 MB body of one word indexes in linear time and small", "[search][large]") {
    auto a = std::make_shared<Archive>();
    Work w;
    w.id = "big";
    w.title = "Big";
    std::string body;
    body.reserve(5u << 20);
    while (body.size() < (5u << 20)) body += "word ";
    w.body = body;
    a->works.push_back(w);
    const auto start = std::chrono::steady_clock::now();
    const auto index = build_search_index(a);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
    CHECK(index.memory_bytes() < body.size());
    const auto hits = index.search("word");
    REQUIRE(hits.size() == 1);
    CHECK(static_cast<std::size_t>(hits[0].score) == body.size() / 5);
    CHECK(QueryMatcher("word").find(body).size() == body.size() / 5);
    CHECK(index.search("\"word word word\"").size() == 1);
    CHECK(index.search("wor").size() == 1);
}

// ---- matches in a text (match_ranges.h) ---------------------------------------------

namespace {

std::vector<std::string> marked(std::string_view text, const std::vector<TextRange>& ranges) {
    std::vector<std::string> out;
    for (const TextRange& r : ranges) out.emplace_back(text.substr(r.begin, r.end - r.begin));
    return out;
}

}  // namespace

TEST_CASE("match: a query marks the words the index would match, folded alike", "[match]") {
    struct Case {
        const char* query;
        const char* text;
        std::vector<std::string> marked;
    };
    const Case cases[] = {
        {"andre gide", "Letter to ANDRÉ Gide, and to André again.", {"ANDRÉ", "Gide", "André"}},
        {"kronst", "Kronstadt; the KRONSTADT rising; kron", {"Kronstadt", "KRONSTADT"}},
        {"kronst ", "Kronstadt and kronst", {"kronst"}},
        {"\"left opposition\"",
         "The Left  Opposition, left\nopposition, opposition left",
         {"Left  Opposition", "left\nopposition"}},
        {"trotsky’s", "Trotsky's and Trotsky’s and Trotsky s", {"Trotsky's", "Trotsky’s", "Trotsky s"}},
        {"strasse", "Straße and STRASSE", {"Straße", "STRASSE"}},
        {"москва", "МОСКВА, Москва", {"МОСКВА", "Москва"}},
        {"kron kronstadt", "Kronstadt", {"Kronstadt"}},           // overlapping terms mark once
        {"\"the rising\" rising", "the rising", {"the rising"}},  // a phrase and its word merge
        {"gide ", "gidean regime", {}},                           // whole words, but for a bare last word (a prefix)
        {"", "anything", {}},
        {"...", "anything ...", {}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.query, c.text);
        CHECK(marked(c.text, QueryMatcher(c.query).find(c.text)) == c.marked);
    }
}

TEST_CASE("match: a window stops reading a long text a snippet after the first match", "[match]") {
    std::string text = "nothing here. ";
    for (int i = 0; i < 10000; ++i) text += "word" + std::to_string(i % 7) + " filler text ";
    const QueryMatcher query("word3 \"filler text word4\"");
    const auto all = query.find(text);
    REQUIRE(all.size() > 1000);
    const auto near = query.find(text, 160);
    REQUIRE_FALSE(near.empty());
    CHECK(near.front() == all.front());
    CHECK(near.back().begin < all.front().begin + 160);
    const std::vector<TextRange> expected(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(near.size()));
    CHECK(near == expected);
    CHECK(all[near.size()].begin >= all.front().begin + 160);
    // A phrase that begins before the first word match is still found.
    const QueryMatcher phrase("\"text word3\" word3");
    CHECK(phrase.find(text, 10).front() == phrase.find(text).front());
}

TEST_CASE("match: matches in a Markdown document are bytes of its text as shown", "[match]") {
    const md::Document doc = md::parse(
        "# Gide\n\n"
        "A letter to *André* **Gide** &amp; [his friends](https://example.org/gide).\n\n"
        "The end\n\n"
        "- next, Gide\n");
    CAPTURE(doc.text);
    SECTION("only what is shown matches: the link's address does not") {
        CHECK(marked(doc.text, document_matches(QueryMatcher("gide"), doc)) ==
              std::vector<std::string>{"Gide", "Gide", "Gide"});
        CHECK(QueryMatcher("gide").find("[his friends](https://example.org/gide)").size() == 1);
    }
    SECTION("a phrase runs across markup") {
        CHECK(marked(doc.text, document_matches(QueryMatcher("\"andre gide\""), doc)) ==
              std::vector<std::string>{"André Gide"});
    }
    SECTION("blocks end words, though the text runs them together") {
        REQUIRE(doc.text.find("endnext") != std::string::npos);
        CHECK(document_matches(QueryMatcher("endnext"), doc).empty());
        CHECK(marked(doc.text, document_matches(QueryMatcher("end"), doc)) == std::vector<std::string>{"end"});
        // Phrases run from one block into the next, as in the source the index read.
        CHECK(marked(doc.text, document_matches(QueryMatcher("\"the end next\""), doc)) ==
              std::vector<std::string>{"The endnext"});
    }
    SECTION("an entity matches as the character it shows") {
        CHECK(document_matches(QueryMatcher("amp"), doc).empty());
    }
    CHECK(document_matches(QueryMatcher(""), doc).empty());
}

TEST_CASE("match: the word at a position is read as search reads words", "[match]") {
    const std::string text = "Trotsky’s reply: Kron\xC2\xADstadt, 1921.";
    struct Case {
        std::size_t at;
        const char* word;
    };
    const Case cases[] = {
        {0, "Trotsky"}, {3, "Trotsky"},    {7, "Trotsky"},  // the end of a word still selects it
        {10, "s"},      {18, ""},          {20, "Kron\xC2\xADstadt"},
        {34, "1921"},   {text.size(), ""}, {text.size() + 10, ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.at);
        const TextRange r = word_at(text, c.at);
        CHECK(text.substr(r.begin, r.end - r.begin) == c.word);
    }
    const std::string no_spaces(1u << 20, 'x');
    const TextRange r = word_at(no_spaces, 500000);
    CHECK(r.begin <= 500000);
    CHECK(r.end > 500000);
    CHECK(r.end - r.begin <= 512);
}
