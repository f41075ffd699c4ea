// Image sources: the checker's rules (docs/archive-format.md, Media) in one place.
#include "core/archive/media_source.h"

#include <cctype>

namespace lectern {

namespace {

bool starts_nocase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

// "name:" at the start, as URLs have (a scheme: letters, digits, + - .).
std::string_view scheme_of(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == ':') return i > 0 ? s.substr(0, i + 1) : std::string_view();
        if (!(std::isalpha(c) || (i > 0 && (std::isdigit(c) || c == '+' || c == '-' || c == '.')))) break;
    }
    return {};
}

int base64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

MediaSource media_source(std::string_view src, Message* why) {
    auto refuse = [&](Message reason) {
        if (why) *why = std::move(reason);
        return MediaSource::refused;
    };
    if (src.find_first_not_of(" \t\r\n") == std::string_view::npos) return refuse({"check.src.empty"});
    if (starts_nocase(src, "data:")) return MediaSource::data;
    if (starts_nocase(src, "https://")) return MediaSource::web;
    const std::string_view scheme = scheme_of(src);
    if (!scheme.empty() && scheme.size() > 2)  // "C:" is a drive, refused below as absolute
        return refuse({"check.src.scheme", {{"scheme", std::string(scheme)}}});
    if (src[0] == '/' || src[0] == '\\' || (src.size() >= 2 && src[1] == ':') || starts_nocase(src, "//"))
        return refuse({"check.src.absolute"});
    // ".." as a whole segment would leave the archive's folder.
    for (std::size_t at = 0; at <= src.size();) {
        std::size_t end = src.find_first_of("/\\", at);
        if (end == std::string_view::npos) end = src.size();
        if (src.substr(at, end - at) == "..") return refuse({"check.src.parent"});
        at = end + 1;
    }
    for (const char c : src)
        if (static_cast<unsigned char>(c) < 0x20) return refuse({"check.src.control"});
    return MediaSource::relative;
}

bool decode_data_uri(std::string_view uri, std::string& bytes) {
    if (!starts_nocase(uri, "data:")) return false;
    const std::size_t comma = uri.find(',');
    if (comma == std::string_view::npos) return false;
    const std::string_view meta = uri.substr(5, comma - 5), data = uri.substr(comma + 1);
    bytes.clear();
    if (meta.size() >= 7 && starts_nocase(meta.substr(meta.size() - 7), ";base64")) {
        bytes.reserve(data.size() / 4 * 3);
        unsigned acc = 0;
        int bits = 0;
        for (const char c : data) {
            if (c == '=' || c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
            const int v = base64_value(c);
            if (v < 0) return false;
            acc = (acc << 6) | unsigned(v);
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                bytes += static_cast<char>((acc >> bits) & 0xFF);
            }
        }
        return true;
    }
    for (std::size_t i = 0; i < data.size(); ++i) {
        if (data[i] == '%' && i + 2 < data.size() && hex_value(data[i + 1]) >= 0 && hex_value(data[i + 2]) >= 0) {
            bytes += static_cast<char>(hex_value(data[i + 1]) * 16 + hex_value(data[i + 2]));
            i += 2;
        } else {
            bytes += data[i];
        }
    }
    return true;
}

}  // namespace lectern
