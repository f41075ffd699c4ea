// The archive checker's problems in every interface language: lectern-tool keeps its English
// words (the format docs quote them), the viewer shows the same problem in the reader's
// language, and no problem ever shows a catalogue key or an unfilled "{placeholder}".
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "core/archive/archive.h"
#include "core/i18n/translate.h"
#include "core/session/session.h"
#include "core/session/protocol.h"
#include "../test_files.h"

using namespace lectern;

namespace {

// An archive with one of most kinds of member problem.
const char* kBadArchive = R"json({
  "lectern": 1, "title": "Bad", "colour": "red",
  "people": [{"id": "vs", "name": "Victor Serge"}],
  "eras": [{"title": "Exile", "date": "1936"}],
  "works": [
    {"id": "a", "title": "A", "date": "1936-13"},
    {"id": "b", "title": "B", "date": "1938-02-31"},
    {"id": "B!", "title": 7, "date": null, "people": ["nobody"]},
    {"id": "c", "title": "C", "date": "1940/1939", "attribution": "maybe",
     "cover": {"src": "javascript:alert(1)", "alt": " "}}
  ]})json";

std::vector<std::string> problems(const std::string& json, std::string_view language) {
    std::vector<std::string> out;
    for (const Diagnostic& d : load_archive(json).diagnostics) out.push_back(d.to_string(language));
    return out;
}

bool holds(const std::vector<std::string>& all, const std::string& line) {
    return std::find(all.begin(), all.end(), line) != all.end();
}

}  // namespace

TEST_CASE("Checker problems: English is lectern-tool's wording, word for word") {
    const auto en = problems(kBadArchive, "en");
    CAPTURE(en);
    CHECK(holds(en, "colour: warning: unknown member (ignored)"));
    CHECK(holds(en, "eras[0].date: an era's date must be an interval such as '1919/1936' (era 'Exile')"));
    CHECK(holds(en, "works[0].date: invalid date '1936-13': month 13"));
    CHECK(holds(en, "works[1].date: invalid date '1938-02-31': 31 February"));
    CHECK(holds(en, "works[2].id: 'B!' may use only a-z, 0-9 and '-'"));
    CHECK(holds(en, "works[2].title: expected a string, found a number"));
    CHECK(holds(en, "works[2].people[0]: no person with id 'nobody'"));
    CHECK(holds(en, "works[3].date: invalid date '1940/1939': end before start"));
    CHECK(holds(en, "works[3].attribution: 'maybe' is not author, ascribed or disputed"));
    CHECK(holds(en,
                "works[3].cover.src: 'javascript:' is not an image source (use a path relative to the archive, data: "
                "or https:): 'javascript:alert(1)'"));
    CHECK(holds(en, "works[3].cover.alt: empty: describe the image for readers who cannot see it"));
    // Diagnostic::message is the English text, as before messages had keys.
    for (const Diagnostic& d : load_archive(kBadArchive).diagnostics)
        CHECK(d.to_string("en").find(d.message()) != std::string::npos);

    CHECK(problems(R"({"lectern": 1, "works": [)", "en") ==
          std::vector<std::string>{"line 1, column 26: syntax error while parsing value - unexpected end of input; "
                                   "expected '[', '{', or a literal"});
    CHECK(problems("{\"lectern\": 1, \"title\": \"a\nb\"}", "en") ==
          std::vector<std::string>{
              "line 1, column 27: syntax error while parsing value - invalid string: control character "
              "U+000A (LF) must be escaped to \\u000A or \\n; last read: '\"a<U+000A>'"});
}

TEST_CASE("Checker problems: the viewer says them in the interface's language") {
    const auto ru = problems(kBadArchive, "ru");
    CAPTURE(ru);
    CHECK(holds(ru, "colour: предупреждение: неизвестное поле (пропущено)"));
    CHECK(holds(ru, "eras[0].date: дата периода должна быть интервалом, например «1919/1936» (период «Exile»)"));
    CHECK(holds(ru, "works[0].date: недопустимая дата «1936-13»: нет месяца 13"));
    CHECK(holds(ru, "works[1].date: недопустимая дата «1938-02-31»: не бывает 31 февраля"));
    CHECK(holds(ru, "works[2].title: ожидалась строка, найдено: число"));
    CHECK(holds(ru,
                "works[3].cover.src: «javascript:» — не источник изображения (укажите путь относительно архива, data: "
                "или https:): «javascript:alert(1)»"));

    const auto de = problems(kBadArchive, "de");
    CAPTURE(de);
    CHECK(holds(de, "works[1].date: ungültiges Datum „1938-02-31“: es gibt keinen 31. Februar"));
    CHECK(holds(de, "works[2].people[0]: keine Person hat die ID „nobody“"));
    const auto fr = problems(kBadArchive, "fr");
    CHECK(holds(fr, "works[3].date : date invalide « 1940/1939 » : la fin précède le début"));
    const auto es = problems(kBadArchive, "es");
    CHECK(holds(es, "works[1].date: fecha no válida «1938-02-31»: no existe el 31 de febrero"));

    CHECK(problems(R"({"lectern": 1, "works": [)", "ru") ==
          std::vector<std::string>{
              "строка 1, столбец 26: синтаксическая ошибка при чтении значения: неожиданный элемент: конец текста; "
              "ожидалось: '[', '{' или литерал"});
    CHECK(problems(R"({"lectern": 1, "title": tru})", "fr") ==
          std::vector<std::string>{"ligne 1, colonne 28 : erreur de syntaxe en lisant une valeur : littéral invalide ; "
                                   "dernier texte lu : « \"title\": tru} »"});
}

TEST_CASE("Checker problems: bytes last read that end like the parser's own words are read once, not recursed into") {
    // An unclosed string whose text repeats "; expected '['": the message ends in those words
    // a million times over, and each could be taken for the parser's tail (a recursion that
    // followed them overflowed the stack).
    std::string text = R"({"lectern": 1, "title": ")";
    for (int i = 0; i < 1000000; ++i) text += "; expected '['";
    text.pop_back();  // nlohmann's closing quote of the bytes last read completes the last one
    const LoadResult r = load_archive(text);
    REQUIRE(r.diagnostics.size() == 1);
    for (const std::string& language : interface_languages()) {
        const std::string said = r.diagnostics[0].to_string(language);
        CAPTURE(language, said.substr(0, 200));
        CHECK(said.size() < 600);
        if (language == "en")
            CHECK(said.rfind("line 1, column 14000025: syntax error while parsing value - invalid string: missing "
                             "closing quote; last read: '",
                             0) == 0);
    }
}

TEST_CASE("Checker problems: every hostile file's problems read whole in every language") {
    // The hostile corpus holds every syntax error shape the tests know; each must be read
    // into its parts (not left as nlohmann's English) and no key or placeholder may show.
    const std::regex placeholder(R"(\{[a-z_]+\})");
    std::size_t files = 0, syntax = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(LECTERN_SOURCE_DIR) + "/tests/hostile")) {
        if (entry.path().extension() != ".json") continue;
        ++files;
        const LoadResult r = load_archive(read_file(entry.path().string()));
        for (const Diagnostic& d : r.diagnostics) {
            CAPTURE(entry.path().filename().string(), d.message());
            if (d.line > 0) {
                ++syntax;
                CHECK(std::string(d.what.key) != "check.syntax");
            }
            for (const std::string& language : interface_languages()) {
                const std::string text = d.to_string(language);
                CAPTURE(language, text);
                CHECK(text.find("check.") == std::string::npos);
                CHECK_FALSE(std::regex_search(text, placeholder));
                if (language != "en" && d.line > 0) CHECK(text != d.to_string("en"));
            }
        }
    }
    CHECK(files >= 30);
    CHECK(syntax >= 14);
}

TEST_CASE("Checker problems: every key the checker names is in the English catalogue") {
    // A key that only a rare input reaches would otherwise show as "check.…" to its reader.
    const std::regex key(R"re("(check\.[a-z_.]+[a-z_])")re");
    std::set<std::string> seen;
    for (const char* file : {"archive/archive.cpp", "archive/archive_reader.cpp", "archive/archive_load.cpp",
                             "dates/date.cpp", "archive/media_source.cpp", "archive/json_syntax.cpp"}) {
        const std::string source = read_file(std::string(LECTERN_SOURCE_DIR) + "/src/core/" + file);
        for (auto it = std::sregex_iterator(source.begin(), source.end(), key); it != std::sregex_iterator(); ++it) {
            const std::string k = (*it)[1];
            seen.insert(k);
            CAPTURE(file, k);
            CHECK(find_message("en", k) != nullptr);
        }
    }
    CHECK(seen.size() >= 60);
}

TEST_CASE("Checker problems: a load the reader starts in Russian answers in Russian") {
    // What the page's problems dialog lists: the reply of the load command.
    Session s;
    REQUIRE(s.load(bundled_archive()).ok());
    REQUIRE(protocol::command(s, R"({"language": "ru"})") == R"({"ok":true})");
    const auto reply = nlohmann::json::parse(protocol::command(s, nlohmann::json{{"load", kBadArchive}}.dump()));
    CHECK(reply["ok"] == false);
    const auto& list = reply["problems"];
    CHECK(std::find(list.begin(), list.end(), "works[0].date: недопустимая дата «1936-13»: нет месяца 13") !=
          list.end());
    CHECK(reply["error"] ==
          "load: eras[0].date: дата периода должна быть интервалом, например «1919/1936» (период «Exile»)");
    CHECK(s.archive().title == "Victor Serge");  // the open archive stays

    REQUIRE(protocol::command(s, R"({"language": "en"})") == R"({"ok":true})");
    const auto en = nlohmann::json::parse(protocol::command(s, nlohmann::json{{"load", kBadArchive}}.dump()));
    CHECK(en["error"] == "load: eras[0].date: an era's date must be an interval such as '1919/1936' (era 'Exile')");
}
