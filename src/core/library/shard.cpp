// Content names of a library's parts and the container's header.
#include "core/library/shard.h"

#include <cstdio>

namespace lectern {

namespace {

constexpr std::string_view kHexDigits = "0123456789abcdef";

std::string hex16(std::uint64_t v) {
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = kHexDigits[v & 15];
    return out;
}

bool parse_hex16(std::string_view s, std::uint64_t& out) {
    if (s.size() != 16) return false;
    out = 0;
    for (char c : s) {
        const auto d = kHexDigits.find(c);
        if (d == std::string_view::npos) return false;
        out = (out << 4) | d;
    }
    return true;
}

}  // namespace

std::uint64_t content_hash(std::string_view bytes) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    return h;
}

std::string shard_name(char kind, std::string_view stored_bytes) {
    return std::string(1, kind) + "-" + hex16(content_hash(stored_bytes)) + ".gz";
}

bool valid_shard_name(std::string_view name) {
    std::uint64_t ignored = 0;
    return name.size() == 21 && name[0] >= 'a' && name[0] <= 'z' && name[1] == '-' &&
           parse_hex16(name.substr(2, 16), ignored) && name.substr(18) == ".gz";
}

bool shard_matches(std::string_view name, std::string_view stored_bytes) {
    std::uint64_t want = 0;
    return valid_shard_name(name) && parse_hex16(name.substr(2, 16), want) && want == content_hash(stored_bytes);
}

std::string container_header(std::uint64_t manifest_bytes) {
    return std::string(kContainerMagic) + hex16(manifest_bytes);
}

std::optional<std::uint64_t> container_manifest_bytes(std::string_view head) {
    std::uint64_t n = 0;
    if (head.size() < kContainerHeaderBytes || head.substr(0, kContainerMagic.size()) != kContainerMagic ||
        !parse_hex16(head.substr(kContainerMagic.size(), 16), n))
        return std::nullopt;
    return n;
}

}  // namespace lectern
