// The interface's words in the reader's language: message catalogues (data/i18n/*.json,
// compiled in) looked up by key, with named placeholders and plural forms.
//
//   use_language("ru");                                  // the session does this
//   tr("bar.filters")                                    // "Фильтры"
//   tr("results.none_match", {{"query", q}})             // "{query}" filled in
//   tr_count("status.works", 37)                         // "37 работ": key + ".one"/".few"/".many"/".other"
//
// A key the chosen language lacks falls back to English, and one English lacks shows
// as the key itself, so a gap is visible but never a crash (tests/core/messages_test.cpp
// fails the build's tests on any gap). Archive text is data, never looked up here.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lectern {

// The languages the interface ships, English first: "en", "fr", "de", "es", "ru".
const std::vector<std::string>& interface_languages();
// The shipped language for a BCP 47 tag, by its primary subtag ("fr-CA", "FR" -> "fr"),
// or "" when none matches.
std::string match_language(std::string_view tag);

// A catalogue's own text for `key`, or nullptr when it has none (no fallback).
const char* find_message(std::string_view language, std::string_view key);
// English's own copy of `key`, valid for the program's life, or nullptr when English has no
// such key: a key made at run time ("date.month_of." + n) as a Message can hold it.
const char* message_key(std::string_view key);
// Every key of a catalogue, sorted (for the catalogue tests).
std::vector<std::string> message_keys(std::string_view language);
// `key` in `language`, else in English, else the key itself. Valid for the program's life.
const char* message(std::string_view language, std::string_view key);

// Every character of every catalogue, sorted and unique.
std::vector<char32_t> catalogue_codepoints();
// The characters the interface draws in `language`: its catalogue, English (the fallback)
// and every language's own name ("Русский"), which the language switch lists whatever is
// chosen. Sorted and unique: the font atlas holds these, not every catalogue's.
std::vector<char32_t> catalogue_codepoints(std::string_view language);

// The CLDR plural category of a whole count in `language`: "one", "few", "many" or "other".
const char* plural_category(std::string_view language, long long count);

using MessageArgs = std::initializer_list<std::pair<std::string_view, std::string_view>>;
// Replaces each "{name}" in `pattern` by its value in `args`; unknown names stay as written.
std::string fill_message(std::string_view pattern, MessageArgs args);
std::string fill_message(std::string_view pattern, const std::vector<std::pair<std::string, std::string>>& args);

// The language the views and the date formatter use; the session sets it.
void use_language(std::string_view language);  // an unshipped language means English
const std::string& current_language();

const char* tr(std::string_view key);
std::string tr(std::string_view key, MessageArgs args);
// A term of the archive format's vocabulary in the interface's words: `prefix` + `value`
// ("kind." + "letter" -> "письмо") when English has such a key, else `value` as written
// (an archive's own kinds are its data).
std::string tr_term(std::string_view prefix, std::string_view value);
// `key` + "." + the plural category of `count`, with "{count}" filled in besides `args`.
std::string tr_count(std::string_view key, long long count, MessageArgs args = {});
std::string tr_count_in(std::string_view language, std::string_view key, long long count, MessageArgs args = {});
// A size in bytes as a reader reads it, in decimal units: "840 KB", "2.3 MB", "12 MB",
// "1,2 Go" (one decimal under 10, in the language's decimal mark; at least 1 KB).
std::string tr_size(std::uint64_t bytes);

}  // namespace lectern
