// Fragment parsing and writing, with percent-encoding of everything but [A-Za-z0-9-._~/].
#include "core/session/deep_link.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/i18n/translate.h"
#include "core/text/utf8.h"

namespace lectern {

namespace {

constexpr std::size_t kMaxFragment = 4096;

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::optional<std::string> percent_decode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%') {
            if (i + 2 >= s.size() || hex(s[i + 1]) < 0 || hex(s[i + 2]) < 0) return std::nullopt;
            out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 2;
        } else {
            out += s[i] == '+' ? ' ' : s[i];
        }
    }
    return out;
}

std::string percent_encode(std::string_view s) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                           c == '.' || c == '_' || c == '~' || c == '/';
        if (plain) out += static_cast<char>(c);
        else out += std::string("%") + kHex[c >> 4] + kHex[c & 15];
    }
    return out;
}

std::optional<double> number(const std::string& s) {
    if (s.empty() || s.size() > 32) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (!end || *end != '\0' || !std::isfinite(v)) return std::nullopt;
    return v;
}

// Years with at most three decimals, without trailing zeros: 1919, 1936.625.
std::string year_text(double y) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3f", y);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

// A key as a problem quotes it: valid UTF-8 (percent-encoded when it is not), at most 24 bytes
// cut at a character boundary.
std::string shown(const std::string& key) { return utf8_shortened(is_valid_utf8(key) ? key : percent_encode(key), 24); }

}  // namespace

ParsedLink parse_fragment(std::string_view f, const EmbedOptions& embed) {
    ParsedLink out;
    out.link.embed = embed;
    if (!f.empty() && f[0] == '#') f.remove_prefix(1);
    if (f.size() > kMaxFragment) {
        out.problems.push_back(tr("notice.link_too_long", {{"count", std::to_string(f.size())}}));
        return out;
    }
    std::size_t start = 0;
    while (start < f.size()) {
        std::size_t end = f.find('&', start);
        if (end == std::string_view::npos) end = f.size();
        const std::string_view part = f.substr(start, end - start);
        start = end + 1;
        if (part.empty()) continue;
        const auto eq = part.find('=');
        const std::string key(part.substr(0, eq));
        const auto value = percent_decode(eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1));
        const std::string shown_key = shown(key);
        if (!value) {
            out.problems.push_back(tr("notice.broken_escape", {{"part", shown_key}}));
            continue;
        }
        // The parts end up in the search box, the page's JSON and its notices: text only.
        if (!is_valid_utf8(*value)) {
            out.problems.push_back(tr("notice.not_utf8", {{"part", shown_key}}));
            continue;
        }
        if (key == "work") {
            if (value->empty()) out.problems.push_back(tr("notice.work_needs_id"));
            else out.link.work = *value;
        } else if (key == "view") {
            const auto slash = value->find('/');
            const auto a = slash == std::string::npos ? std::nullopt : number(value->substr(0, slash));
            const auto b = slash == std::string::npos ? std::nullopt : number(value->substr(slash + 1));
            if (!a || !b || !(*a < *b)) {
                out.problems.push_back(tr("notice.view_needs_years"));
            } else {
                out.link.view_start = *a;
                out.link.view_end = *b;
            }
        } else if (key == "q") {
            out.link.query = *value;
        } else if (is_embed_key(key)) {
            parse_embed_part(key, *value, out.link.embed, out.problems);
        } else {
            out.problems.push_back(tr("notice.unknown_part", {{"part", shown_key}}));
        }
    }
    return out;
}

std::string make_fragment(const DeepLink& l) {
    std::string f;
    auto add = [&](const std::string& part) { f += (f.empty() ? "#" : "&") + part; };
    // The frame's options first: they stay put while the rest follows the reader.
    if (const std::string e = embed_fragment_parts(l.embed); !e.empty()) add(e);
    if (l.work) add("work=" + percent_encode(*l.work));
    if (l.view_start && l.view_end) add("view=" + year_text(*l.view_start) + "/" + year_text(*l.view_end));
    if (l.query && !l.query->empty()) add("q=" + percent_encode(*l.query));
    return f;
}

}  // namespace lectern
