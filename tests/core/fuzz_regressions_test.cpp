// What the fuzzers found (docs/reliability.md), one case per bug, and a replay of every seed
// (tests/fuzz/corpus/ and the files tests/fuzz/seeds.txt names, crashing inputs included)
// through the fuzz targets' own checks, so the plain and the sanitizer builds catch a regression
// without clang or libFuzzer.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/archive/archive.h"
#include "core/archive/archive_json.h"
#include "core/session/deep_link.h"
#include "core/text/markdown.h"
#include "core/import/mia_import.h"
#include "core/session/session.h"
#include "core/session/protocol.h"
#include "core/text/utf8.h"
#include "../test_files.h"

// The targets, compiled here under their own names; their checks throw instead of aborting.
#define LECTERN_FUZZ_CHECK_THROWS
#define LLVMFuzzerTestOneInput fuzz_date_input
#include "../fuzz/fuzz_date.cpp"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_archive_input
#include "../fuzz/fuzz_archive.cpp"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_mia_import_input
#include "../fuzz/fuzz_mia_import.cpp"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_markdown_input
#include "../fuzz/fuzz_markdown.cpp"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_fragment_input
#include "../fuzz/fuzz_fragment.cpp"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_image_header_input
#include "../fuzz/fuzz_image_header.cpp"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_library_input
#include "../fuzz/fuzz_library.cpp"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_session_input
#define LLVMFuzzerInitialize fuzz_session_init
#include "../fuzz/fuzz_session.cpp"
#undef LLVMFuzzerTestOneInput
#undef LLVMFuzzerInitialize

using namespace lectern;

namespace {

std::string all_problems(const ImportResult& r) {
    std::string s;
    for (const auto& p : r.problems) s += p.to_string() + "\n";
    return s;
}

// A target's seeds kept elsewhere in the repository (tests/fuzz/seeds.txt: "target path" a line,
// the path a file or folder/*.ext), which tools/fuzz.sh copies in beside its corpus.
std::vector<std::filesystem::path> seeds_elsewhere(const std::string& target) {
    namespace fs = std::filesystem;
    const fs::path root(LECTERN_SOURCE_DIR);
    std::istringstream lines(read_file((root / "tests/fuzz/seeds.txt").string()));
    std::vector<fs::path> out;
    for (std::string line; std::getline(lines, line);) {
        std::istringstream words(line);
        std::string t, where;
        if (!(words >> t >> where) || t[0] == '#' || t != target) continue;
        const fs::path p = root / where;
        const std::string name = p.filename().string();
        if (name.rfind("*.", 0) != 0) {
            out.push_back(p);
            continue;
        }
        for (const auto& e : fs::directory_iterator(p.parent_path()))
            if (e.path().extension() == name.substr(1)) out.push_back(e.path());
    }
    return out;
}

const char* kPageHead = "Marxist Writers: Jane Doe\n\nJane Doe\n\n1900-1950\n\n";
const char* kPageWorks = "Biography\n\nShe wrote.\n\nWorks:\n\nJune 1908\n\nA title\n";

}  // namespace

TEST_CASE("fuzz: an MIA page that is not UTF-8 is refused at its first bad byte", "[fuzz][import]") {
    // Found by fuzz_mia_import: the bytes went into the archive and archive_to_json threw
    // (nlohmann's type_error 316), so lectern-tool import-mia died with an uncaught exception.
    const std::string page =
        std::string(kPageHead) + "Biography\n\nShe wrote \x8F\x87 things.\n\nWorks:\n\n1908\n\nT\n";
    ImportResult r;
    REQUIRE_NOTHROW(r = import_mia_index(page, read_file(std::string(LECTERN_SOURCE_DIR) + "/data/serge-events.json")));
    CHECK_FALSE(r.archive);
    CHECK(all_problems(r) == "line 9: the page is not UTF-8 text (byte 0x8F); save it as UTF-8\n");
    const ImportResult cut = import_mia_index("Marxist Writers: Jane \xC3");
    CHECK(all_problems(cut) == "line 1: the page is not UTF-8 text (byte 0xC3); save it as UTF-8\n");
}

TEST_CASE("fuzz: a second epigraph gets a page id of its own", "[fuzz][import]") {
    // Found by fuzz_mia_import: both were "epigraph", and the importer's output failed its own check.
    const std::string page = std::string(kPageHead) + "“One.” – A, 1937.\n\n“Two.” – B, 1938.\n\n" + kPageWorks;
    const ImportResult r = import_mia_index(page);
    INFO(all_problems(r));
    REQUIRE(r.archive);
    REQUIRE(r.archive->pages.size() >= 2);
    CHECK(r.archive->pages[0].id == "epigraph");
    CHECK(r.archive->pages[1].id == "epigraph-2");
    CHECK(r.archive->pages[1].cite == "B, 1938");
    CHECK(load_archive(archive_to_json(*r.archive)).ok());
}

TEST_CASE("fuzz: an events file giving the subject's id to another name is a problem", "[fuzz][import]") {
    // Found by fuzz_mia_import: a second person "jane-doe" was added for the page's subject,
    // and the archive had a duplicate person id.
    const std::string events = R"({"people": [{"id": "jane-doe", "name": "Jane Doh"}]})";
    const ImportResult r = import_mia_index(std::string(kPageHead) + kPageWorks, events);
    CHECK_FALSE(r.archive);
    CHECK(all_problems(r) ==
          "events file: person 'jane-doe' is named 'Jane Doh', not 'Jane Doe' as the page's header says\n");
    // The same name finds the person, as before.
    const ImportResult ok =
        import_mia_index(std::string(kPageHead) + kPageWorks,
                         R"({"people": [{"id": "jane-doe", "name": "Jane Doe", "born": "1900", "died": "1950"}]})");
    INFO(all_problems(ok));
    CHECK(ok.archive);
}

TEST_CASE("fuzz: link parts that decode to invalid UTF-8 are refused", "[fuzz][link]") {
    // Found by fuzz_fragment and fuzz_session: "#q=%C3%C3%A9" put invalid UTF-8 in the query, and
    // the session's state_json() (the page's test hook) then threw; so did the error reply of a
    // "link" command naming such a work id.
    SECTION("values") {
        for (const char* f : {"#q=%C3%C3%A9", "#q=%FF", "#work=%ED%A0%80", "#q=\xC3"}) {
            CAPTURE(f);
            const ParsedLink p = parse_fragment(f);
            CHECK_FALSE(p.link.query);
            CHECK_FALSE(p.link.work);
            REQUIRE(p.problems.size() == 1);
            CHECK(p.problems[0].find("is not UTF-8 text") != std::string::npos);
        }
        CHECK(*parse_fragment("#q=andr%C3%A9").link.query == "andré");
    }
    SECTION("keys are quoted as valid UTF-8, cut at a character") {
        CHECK(parse_fragment("#\xFF=1").problems == std::vector<std::string>{"unknown part '%FF'"});
        const ParsedLink p = parse_fragment("#" + std::string(23, 'a') + "é=1");
        REQUIRE(p.problems.size() == 1);
        CHECK(p.problems[0] == "unknown part '" + std::string(23, 'a') + "…'");
    }
    SECTION("the session stays JSON") {
        Session s;
        REQUIRE(s.load(bundled_archive()).ok());
        CHECK(s.apply_fragment("#q=%C3%C3%A9") == "'q' is not UTF-8 text");
        CHECK(nlohmann::json::accept(protocol::state_json(s)));
        CHECK(nlohmann::json::accept(protocol::command(s, R"({"link": "#work=%FF"})")));
    }
}

TEST_CASE("fuzz: a long bad lane name is quoted whole characters", "[fuzz][link][embed]") {
    // Found by fuzz_fragment: "lanes=" with a name over 40 bytes ending in 'é' was quoted cut
    // inside the 'é', and the problem (shown on the page, sent as JSON) was not UTF-8.
    const ParsedLink p = parse_fragment("#lanes=" + std::string(39, 'x') + "%C3%A9");
    REQUIRE(p.problems.size() == 2);  // the name, and then no names at all
    CHECK(p.problems[0] == "lanes: '" + std::string(39, 'x') + "…' is not a lane name");
    CHECK(is_valid_utf8(p.problems[0]));
}

TEST_CASE("fuzz: Markdown ending inside a link destination", "[fuzz][markdown]") {
    // Found by fuzz_markdown (md4c built with ASan): md4c 0.4.8 reads the byte after its input
    // when a link destination runs to the end ("[a](b"). md::parse hands it a NUL-terminated copy.
    for (const char* text : {"[a](b", "x [a](<b>", "[a](b \"t\""}) {
        CAPTURE(text);
        const std::size_t n = std::strlen(text);
        const auto exact = std::make_unique<char[]>(n);  // nothing readable after the last byte
        std::memcpy(exact.get(), text, n);
        const md::Document d = md::parse(std::string_view(exact.get(), n));
        CHECK(d.text == text);
        CHECK(d.links.empty());
    }
}

TEST_CASE("fuzz: valid_utf8_prefix stops at the first ill-formed sequence", "[fuzz][fold]") {
    CHECK(valid_utf8_prefix("") == 0);
    CHECK(valid_utf8_prefix("abc") == 3);
    CHECK(valid_utf8_prefix("é€𝄞") == 9);
    CHECK(valid_utf8_prefix("a\xC0\xAF") == 1);         // overlong '/'
    CHECK(valid_utf8_prefix("ab\xED\xA0\x80") == 2);    // surrogate U+D800
    CHECK(valid_utf8_prefix("\xF4\x90\x80\x80") == 0);  // above U+10FFFF
    CHECK(valid_utf8_prefix("é\xE2\x82") == 2);         // cut inside a character
    CHECK(valid_utf8_prefix(std::string("a\0b", 3)) == 3);
    CHECK(is_valid_utf8("Москва"));
    CHECK_FALSE(is_valid_utf8("\x80"));
}

TEST_CASE("fold: text is shortened at a character boundary, never inside one", "[fold]") {
    CHECK(utf8_boundary("abc", 10) == 3);
    CHECK(utf8_boundary("abc", 2) == 2);
    CHECK(utf8_boundary("a\xC3\xA9", 2) == 1);         // é would be cut after its first byte
    CHECK(utf8_boundary("\xF0\x9D\x84\x9E", 3) == 0);  // so would 𝄞
    CHECK(utf8_shortened("Москва", 12) == "Москва");
    CHECK(utf8_shortened("Москва", 5) == "Мо\xE2\x80\xA6");  // "Мо…"
    CHECK(is_valid_utf8(utf8_shortened("a\xC3\xA9\xC3\xA9", 2)));
}

TEST_CASE("fuzz: every seed corpus file passes its target's checks", "[fuzz]") {
    namespace fs = std::filesystem;
    using Target = int (*)(const std::uint8_t*, std::size_t);
    fuzz_session_init(nullptr, nullptr);
    const std::pair<const char*, Target> targets[] = {
        {"date", fuzz_date_input},
        {"archive", fuzz_archive_input},
        {"mia_import", fuzz_mia_import_input},
        {"markdown", fuzz_markdown_input},
        {"fragment", fuzz_fragment_input},
        {"session", fuzz_session_input},
        {"image_header", fuzz_image_header_input},
        {"library", fuzz_library_input},
    };
    for (const auto& [name, target] : targets) {
        const fs::path dir = fs::path(LECTERN_SOURCE_DIR) / "tests/fuzz/corpus" / name;
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
        for (const fs::path& p : seeds_elsewhere(name)) files.push_back(p);
        std::sort(files.begin(), files.end());
        CAPTURE(name);
        CHECK(!files.empty());
        for (const fs::path& f : files) {
            const std::string input = read_file(f.string());
            CAPTURE(f.lexically_relative(LECTERN_SOURCE_DIR).string());
            CHECK_NOTHROW(target(reinterpret_cast<const std::uint8_t*>(input.data()), input.size()));
        }
    }
}
