// Catalogue lookup: binary search in the compiled tables, English as the fallback.
#include "core/i18n/translate.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <deque>

#include "core/text/utf8.h"
#include "core/i18n/catalogue_data.h"

namespace lectern {

namespace {

using catalogue_data::Catalogue;
using catalogue_data::Entry;

const Catalogue* catalogue(std::string_view language) {
    for (std::size_t i = 0; i < catalogue_data::kCatalogueCount; ++i)
        if (language == catalogue_data::kCatalogues[i].language) return &catalogue_data::kCatalogues[i];
    return nullptr;
}

std::string g_language = "en";

}  // namespace

const std::vector<std::string>& interface_languages() {
    static const std::vector<std::string> all = [] {
        std::vector<std::string> v;
        for (std::size_t i = 0; i < catalogue_data::kCatalogueCount; ++i)
            v.emplace_back(catalogue_data::kCatalogues[i].language);
        return v;
    }();
    return all;
}

std::string match_language(std::string_view tag) {
    std::string primary;
    for (const char c : tag) {
        if (c == '-' || c == '_') break;
        primary += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return catalogue(primary) ? primary : std::string();
}

namespace {

const Entry* find_entry(std::string_view language, std::string_view key) {
    const Catalogue* c = catalogue(language);
    if (!c) return nullptr;
    const Entry* end = c->entries + c->count;
    const Entry* e = std::lower_bound(c->entries, end, key,
                                      [](const Entry& x, std::string_view k) { return std::string_view(x.key) < k; });
    return e != end && std::string_view(e->key) == key ? e : nullptr;
}

}  // namespace

const char* find_message(std::string_view language, std::string_view key) {
    const Entry* e = find_entry(language, key);
    return e ? e->text : nullptr;
}

const char* message_key(std::string_view key) {
    const Entry* e = find_entry("en", key);
    return e ? e->key : nullptr;
}

std::vector<std::string> message_keys(std::string_view language) {
    std::vector<std::string> keys;
    if (const Catalogue* c = catalogue(language))
        for (std::size_t i = 0; i < c->count; ++i) keys.emplace_back(c->entries[i].key);
    return keys;
}

const char* message(std::string_view language, std::string_view key) {
    if (const char* t = find_message(language, key)) return t;
    if (const char* t = find_message("en", key)) return t;
    // The key itself, so a gap shows where it is; a deque keeps earlier pointers valid.
    // Only a bug reaches here, and tests/core/messages_test.cpp catches those.
    static std::deque<std::string> missing;
    for (const std::string& m : missing)
        if (m == key) return m.c_str();
    return missing.emplace_back(key).c_str();
}

namespace {

// The distinct code points of many texts, in order. A bitmap rather than sorting every
// character: the page's first frame asks for a catalogue's (some 20,000 characters).
class CodePointSet {
public:
    void add(std::string_view text) {
        for (std::size_t i = 0, n = 0; i < text.size(); i += n) {
            const char32_t cp = utf8_decode(text, i, n);
            bits_[cp / 64] |= std::uint64_t{1} << (cp % 64);
        }
    }
    std::vector<char32_t> take() const {
        std::vector<char32_t> out;
        for (std::size_t word = 0; word < bits_.size(); ++word)
            for (std::uint64_t b = bits_[word]; b != 0; b &= b - 1)
                out.push_back(static_cast<char32_t>(word * 64 + static_cast<std::size_t>(__builtin_ctzll(b))));
        return out;
    }

private:
    std::vector<std::uint64_t> bits_ = std::vector<std::uint64_t>(0x110000 / 64);
};

}  // namespace

std::vector<char32_t> catalogue_codepoints() {
    CodePointSet all;
    for (std::size_t i = 0; i < catalogue_data::kCatalogueCount; ++i) {
        const Catalogue& c = catalogue_data::kCatalogues[i];
        for (std::size_t k = 0; k < c.count; ++k) all.add(c.entries[k].text);
    }
    return all.take();
}

std::vector<char32_t> catalogue_codepoints(std::string_view language) {
    CodePointSet all;
    const Catalogue* own = catalogue(language);
    const Catalogue* english = catalogue("en");
    for (const Catalogue* c : {own, own == english ? nullptr : english})
        if (c)
            for (std::size_t k = 0; k < c->count; ++k) all.add(c->entries[k].text);
    for (const std::string& l : interface_languages()) all.add(message(l, "language.name"));
    return all.take();
}

const char* plural_category(std::string_view language, long long count) {
    const long long n = count < 0 ? -count : count;
    if (language == "ru") {
        if (n % 10 == 1 && n % 100 != 11) return "one";
        if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) return "few";
        return "many";
    }
    if (language == "fr") return n <= 1 ? "one" : "other";  // "0 œuvre", "1 œuvre", "2 œuvres"
    return n == 1 ? "one" : "other";                        // en, de, es
}

namespace {

// Each "{name}" of `pattern` once, left to right: a value is never scanned for names itself,
// so archive text holding "{id}" stays as written.
template <class Args>
std::string fill(std::string_view pattern, const Args& args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    std::size_t i = 0;
    while (i < pattern.size()) {
        const std::size_t open = pattern.find('{', i);
        if (open == std::string_view::npos) break;
        const std::size_t close = pattern.find('}', open + 1);
        if (close == std::string_view::npos) break;
        out.append(pattern.substr(i, open - i));
        const std::string_view name = pattern.substr(open + 1, close - open - 1);
        const auto arg = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
        if (arg != args.end()) out.append(arg->second);
        else out.append(pattern.substr(open, close - open + 1));
        i = close + 1;
    }
    out.append(pattern.substr(std::min(i, pattern.size())));
    return out;
}

}  // namespace

std::string fill_message(std::string_view pattern, MessageArgs args) { return fill(pattern, args); }
std::string fill_message(std::string_view pattern, const std::vector<std::pair<std::string, std::string>>& args) {
    return fill(pattern, args);
}

void use_language(std::string_view language) { g_language = catalogue(language) ? std::string(language) : "en"; }
const std::string& current_language() { return g_language; }

const char* tr(std::string_view key) { return message(g_language, key); }
std::string tr(std::string_view key, MessageArgs args) { return fill_message(message(g_language, key), args); }

std::string tr_term(std::string_view prefix, std::string_view value) {
    const std::string key = std::string(prefix) + std::string(value);
    return find_message("en", key) ? std::string(tr(key)) : std::string(value);
}

std::string tr_count_in(std::string_view language, std::string_view key, long long count, MessageArgs args) {
    const std::string n = std::to_string(count);
    std::string full = std::string(key) + "." + plural_category(language, count);
    const char* pattern = find_message(language, full);
    if (!pattern) pattern = find_message(language, std::string(key) + ".other");
    if (!pattern) pattern = message("en", std::string(key) + "." + plural_category("en", count));
    std::string out = fill_message(pattern, {{"count", n}});
    return args.size() ? fill_message(out, args) : out;
}

std::string tr_count(std::string_view key, long long count, MessageArgs args) {
    return tr_count_in(g_language, key, count, args);
}

std::string tr_size(std::uint64_t bytes) {
    const char* unit = "size.kb";
    double n = static_cast<double>(bytes) / 1e3;
    if (bytes >= 999'500'000ull) unit = "size.gb", n = static_cast<double>(bytes) / 1e9;
    else if (bytes >= 999'500ull) unit = "size.mb", n = static_cast<double>(bytes) / 1e6;
    n = std::max(n, 1.0);
    // One decimal under 10 ("2.3 MB"), whole above ("12 MB"): rounded, never truncated.
    const long long tenths = std::llround(n * 10);
    std::string number = std::to_string(tenths < 100 ? tenths / 10 : std::llround(n));
    if (tenths < 100 && tenths % 10 != 0) number += tr("number.decimal") + std::to_string(tenths % 10);
    return tr(unit, {{"n", number}});
}

}  // namespace lectern
