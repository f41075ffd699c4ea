// The message catalogues: complete against English, placeholders that match, plural
// forms each language needs, and the session's choice of language.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/i18n/translate.h"
#include "core/session/session.h"
#include "core/session/protocol.h"

using namespace lectern;
using nlohmann::json;

namespace {

const char* const kPluralCategories[] = {"one", "few", "many", "other"};

// A counted message is a group of keys, "status.works.one", ".other" (and ".few", ".many"
// where the language needs them); English has at least ".one" and ".other" of each.
bool is_category(const std::string& s) {
    for (const char* c : kPluralCategories)
        if (s == c) return true;
    return false;
}
// "status.works.few" -> "status.works" when English counts "status.works"; else "".
std::string plural_base(const std::string& key) {
    const auto dot = key.rfind('.');
    if (dot == std::string::npos || !is_category(key.substr(dot + 1))) return "";
    const std::string base = key.substr(0, dot);
    return find_message("en", base + ".one") && find_message("en", base + ".other") ? base : "";
}

std::set<std::string> placeholders(const std::string& text) {
    std::set<std::string> out;
    for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
        const auto close = text.find('}', open);
        if (close == std::string::npos) break;
        out.insert(text.substr(open + 1, close - open - 1));
    }
    return out;
}

// The categories a language's rule gives whole counts.
std::set<std::string> categories_used(const std::string& language) {
    std::set<std::string> out;
    for (long long n = 0; n <= 1000; ++n) out.insert(plural_category(language, n));
    return out;
}

struct LanguageGuard {  // tests leave the interface in English, as other tests expect
    ~LanguageGuard() { use_language("en"); }
};

}  // namespace

TEST_CASE("messages: five languages ship, English first", "[messages][i18n]") {
    CHECK(interface_languages() == std::vector<std::string>{"en", "fr", "de", "es", "ru"});
}

TEST_CASE("messages: every catalogue has every key English has, and no other", "[messages][i18n]") {
    const std::vector<std::string> english = message_keys("en");
    REQUIRE(english.size() > 100);
    std::set<std::string> english_plain, english_plural;
    for (const std::string& k : english)
        (plural_base(k).empty() ? english_plain : english_plural).insert(plural_base(k).empty() ? k : plural_base(k));
    for (const std::string& language : interface_languages()) {
        CAPTURE(language);
        const std::vector<std::string> keys = message_keys(language);
        const std::set<std::string> have(keys.begin(), keys.end());
        for (const std::string& k : english_plain) {
            CAPTURE(k);
            CHECK(have.count(k) == 1);
        }
        // A counted message needs each form the language's plural rule asks for.
        for (const std::string& base : english_plural)
            for (const std::string& category : categories_used(language)) {
                CAPTURE(base, category);
                CHECK(have.count(base + "." + category) == 1);
            }
        for (const std::string& k : keys) {
            CAPTURE(k);
            const std::string base = plural_base(k);
            const bool known = base.empty() ? english_plain.count(k) == 1 : english_plural.count(base) == 1;
            CHECK(known);  // a key English lacks is a typo or a leftover
        }
    }
}

TEST_CASE("messages: a translation has the same placeholders as English", "[messages][i18n]") {
    for (const std::string& language : interface_languages())
        for (const std::string& k : message_keys(language)) {
            const std::string base = plural_base(k);
            const std::string english_key = base.empty() ? k : base + ".other";
            const char* english = find_message("en", english_key);
            if (!english) continue;  // reported by the test above
            CAPTURE(language, k);
            CHECK(placeholders(find_message(language, k)) == placeholders(english));
        }
}

TEST_CASE("messages: no translation is empty or left in English by mistake", "[messages][i18n]") {
    // Words that are the same in a language (Notes, Auto, article) are allowed; whole
    // sentences copied from English are not.
    for (const std::string& language : interface_languages()) {
        if (language == "en") continue;
        for (const std::string& k : message_keys(language)) {
            CAPTURE(language, k);
            const std::string text = find_message(language, k);
            CHECK(!text.empty());
            const char* english = find_message("en", k);
            if (english && text.find(' ') != std::string::npos && text.size() > 24) CHECK(text != english);
        }
    }
}

TEST_CASE("messages: plural categories follow each language's rule", "[messages][i18n]") {
    CHECK(std::string(plural_category("en", 1)) == "one");
    CHECK(std::string(plural_category("en", 0)) == "other");
    CHECK(std::string(plural_category("fr", 0)) == "one");
    CHECK(std::string(plural_category("fr", 1)) == "one");
    CHECK(std::string(plural_category("fr", 2)) == "other");
    CHECK(std::string(plural_category("de", 1)) == "one");
    CHECK(std::string(plural_category("de", 21)) == "other");
    const std::pair<long long, const char*> russian[] = {
        {1, "one"},  {2, "few"},  {4, "few"},   {5, "many"},  {11, "many"},  {12, "many"}, {14, "many"},
        {21, "one"}, {22, "few"}, {37, "many"}, {101, "one"}, {111, "many"}, {0, "many"}};
    for (const auto& [n, category] : russian) {
        CAPTURE(n);
        CHECK(std::string(plural_category("ru", n)) == category);
    }
}

TEST_CASE("messages: counts read naturally in each language", "[messages][i18n]") {
    CHECK(tr_count_in("en", "status.works", 1) == "1 work");
    CHECK(tr_count_in("en", "status.works", 37) == "37 works");
    CHECK(tr_count_in("fr", "status.works", 0) == "0 œuvre");
    CHECK(tr_count_in("ru", "status.works", 1) == "1 работа");
    CHECK(tr_count_in("ru", "status.works", 3) == "3 работы");
    CHECK(tr_count_in("ru", "status.works", 37) == "37 работ");
    CHECK(tr_count_in("ru", "status.events", 21) == "21 событие");
    CHECK(tr_count_in("de", "bar.results", 1) == "1 Ergebnis");
}

TEST_CASE("messages: a missing key falls back to English, then to the key itself", "[messages][i18n]") {
    CHECK(std::string(message("xx", "bar.filters")) == "Filters");
    CHECK(std::string(message("ru", "bar.filters")) == "Фильтры");
    CHECK(std::string(message("ru", "no.such.key")) == "no.such.key");
    CHECK(find_message("ru", "no.such.key") == nullptr);
}

TEST_CASE("messages: placeholders are filled by name, unknown ones stay as written", "[messages][i18n]") {
    CHECK(fill_message("{a} and {b}", {{"b", "2"}, {"a", "1"}}) == "1 and 2");
    CHECK(fill_message("{a} and {c}", {{"a", "1"}}) == "1 and {c}");
    CHECK(fill_message("no braces", {}) == "no braces");
    CHECK(fill_message("{unclosed", {{"unclosed", "x"}}) == "{unclosed");
}

TEST_CASE("messages: a BCP 47 tag matches on its primary subtag", "[messages][i18n]") {
    CHECK(match_language("fr-CA") == "fr");
    CHECK(match_language("RU") == "ru");
    CHECK(match_language("de_AT") == "de");
    CHECK(match_language("es-419") == "es");
    CHECK(match_language("pt-BR").empty());
    CHECK(match_language("").empty());
    CHECK(match_language("english").empty());
}

TEST_CASE("messages: the catalogues' characters include Cyrillic and accented Latin", "[messages][i18n]") {
    const std::vector<char32_t> cps = catalogue_codepoints();
    CHECK(std::is_sorted(cps.begin(), cps.end()));
    for (const char32_t c : {U'Ж', U'ё', U'э', U'œ', U'é', U'ß', U'ñ', U'«', U'„'}) {
        CAPTURE(static_cast<unsigned>(c));
        CHECK(std::binary_search(cps.begin(), cps.end(), c));
    }
}

TEST_CASE("session: the archive's language, then the browser's, then English", "[messages][i18n][session]") {
    LanguageGuard guard;
    Session s;
    CHECK(s.language() == "en");
    REQUIRE(s.load(R"({"lectern": 1, "title": "T", "language": "ru-RU", "works": []})").ok());
    CHECK(s.language() == "ru");
    CHECK(current_language() == "ru");
    REQUIRE(s.load(R"({"lectern": 1, "title": "T", "language": "pt", "works": []})").ok());
    CHECK(s.language() == "en");
    CHECK(json::parse(protocol::command(s, R"({"prefs": {"browser_languages": ["pt-BR", "de-AT", "fr"]}})"))["ok"] ==
          true);
    CHECK(s.language() == "de");
    REQUIRE(s.load(R"({"lectern": 1, "title": "T", "language": "es", "works": []})").ok());
    CHECK(s.language() == "es");  // the archive's language before the browser's
}

TEST_CASE("session: the reader's choice beats the archive's language and is kept", "[messages][i18n][session]") {
    LanguageGuard guard;
    Session s;
    REQUIRE(s.load(R"({"lectern": 1, "title": "T", "language": "fr", "works": []})").ok());
    s.take_outgoing();
    CHECK(json::parse(protocol::command(s, R"({"language": "ru"})"))["ok"] == true);
    CHECK(s.language() == "ru");
    const json state = json::parse(protocol::state_json(s));
    CHECK(state["language"] == "ru");
    CHECK(state["prefs"]["language"] == "ru");
    const auto out = s.take_outgoing();
    REQUIRE(out.size() == 1);
    CHECK(out[0].kind == Outgoing::Kind::save_prefs);
    CHECK(json::parse(out[0].text)["language"] == "ru");
    // Another archive in another language does not override the choice.
    REQUIRE(s.load(R"({"lectern": 1, "title": "T", "language": "de", "works": []})").ok());
    CHECK(s.language() == "ru");
    // "" gives the choice back to the archive.
    CHECK(json::parse(protocol::command(s, R"({"language": ""})"))["ok"] == true);
    CHECK(s.language() == "de");
    // Kept preferences from a later visit restore it, without saving again.
    s.take_outgoing();
    CHECK(json::parse(protocol::command(s, R"({"prefs": {"language": "es"}})"))["ok"] == true);
    CHECK(s.language() == "es");
    CHECK(s.take_outgoing().empty());
}

TEST_CASE("session: an unshipped language is refused and nothing changes", "[messages][i18n][session]") {
    LanguageGuard guard;
    Session s;
    for (const char* bad : {R"({"language": "pt"})", R"({"language": "RU"})", R"({"language": 7})"}) {
        CAPTURE(bad);
        const json reply = json::parse(protocol::command(s, bad));
        CHECK(reply["ok"] == false);
        CHECK_THAT(reply["error"].get<std::string>(), Catch::Contains("language:"));
    }
    CHECK(json::parse(protocol::command(s, R"({"prefs": {"language": "klingon"}})"))["ok"] == false);
    CHECK(json::parse(protocol::command(s, R"({"prefs": {"browser_languages": "fr"}})"))["ok"] == false);
    CHECK(s.language() == "en");
}

TEST_CASE("session: link notices speak the interface's language", "[messages][i18n][session]") {
    LanguageGuard guard;
    Session s;
    REQUIRE(s.load(R"({"lectern": 1, "title": "T", "works": []})").ok());
    REQUIRE(json::parse(protocol::command(s, R"({"language": "fr"})"))["ok"] == true);
    s.apply_fragment("#work=nope&colour=red");
    CHECK(s.notice() ==
          "Partie du lien ignorée : partie inconnue « colour » ; pas d'œuvre « nope » dans cette archive");
}

TEST_CASE("messages: sizes read as each language writes them", "[messages][i18n]") {
    use_language("en");
    CHECK(tr_size(0) == "1 KB");  // nothing shows as less than a kilobyte
    CHECK(tr_size(840'000) == "840 KB");
    CHECK(tr_size(999'499) == "999 KB");
    CHECK(tr_size(999'500) == "1 MB");
    CHECK(tr_size(2'345'678) == "2.3 MB");
    CHECK(tr_size(9'960'000) == "10 MB");  // rounded, never "10.0"
    CHECK(tr_size(12'500'000) == "13 MB");
    CHECK(tr_size(1'230'000'000) == "1.2 GB");
    use_language("fr");
    CHECK(tr_size(2'345'678) == "2,3 Mo");
    use_language("ru");
    CHECK(tr_size(1'230'000'000) == "1,2 ГБ");
    use_language("en");
}
