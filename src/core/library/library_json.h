// Reading a library's JSON parts (manifest, tiles, id blocks) member by member: each
// helper names the member it was reading when it throws, so the reader's notice says
// where a part is broken ("tiles[3].part: ..."). Internal to core/library.
#pragma once

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "core/library/library_manifest.h"
#include "core/library/shard.h"

namespace lectern::library_json {

struct Bad {
    std::string where, what;
    std::string text() const { return where.empty() ? what : where + ": " + what; }
};

inline std::string member_path(const std::string& parent, const char* key) {
    return parent.empty() ? std::string(key) : parent + "." + key;
}

inline const nlohmann::json& member(const nlohmann::json& j, const char* key, const std::string& parent) {
    if (!j.is_object()) throw Bad{parent, "expected an object"};
    auto it = j.find(key);
    if (it == j.end()) throw Bad{member_path(parent, key), "missing"};
    return *it;
}

inline std::string text_at(const nlohmann::json& j, const char* key, bool required = true,
                           const std::string& parent = {}) {
    if (!required && (!j.is_object() || !j.contains(key))) return {};
    const nlohmann::json& v = member(j, key, parent);
    if (!v.is_string()) throw Bad{member_path(parent, key), "expected a string"};
    return v.get<std::string>();
}

inline std::uint32_t count_at(const nlohmann::json& j, const char* key, std::uint64_t most,
                              const std::string& parent = {}) {
    const nlohmann::json& v = member(j, key, parent);
    if (!v.is_number_unsigned() || v.get<std::uint64_t>() > most)
        throw Bad{member_path(parent, key), "expected a count of at most " + std::to_string(most)};
    return static_cast<std::uint32_t>(v.get<std::uint64_t>());
}

inline double number_at(const nlohmann::json& j, const char* key, const std::string& parent = {}) {
    const nlohmann::json& v = member(j, key, parent);
    if (!v.is_number() || !std::isfinite(v.get<double>()) || std::fabs(v.get<double>()) > 1e6)
        throw Bad{member_path(parent, key), "expected a year"};
    return v.get<double>();
}

inline const nlohmann::json& array_at(const nlohmann::json& j, const char* key, std::size_t most,
                                      const std::string& parent = {}) {
    const nlohmann::json& v = member(j, key, parent);
    if (!v.is_array()) throw Bad{member_path(parent, key), "expected an array"};
    if (v.size() > most) throw Bad{member_path(parent, key), "more than " + std::to_string(most) + " entries"};
    return v;
}

// A part's reference: ["t-0123456789abcdef.gz", offset in the container's data, stored bytes].
inline ShardRef ref_from(const nlohmann::json& v, const std::string& where) {
    if (!v.is_array() || v.size() != 3 || !v[0].is_string() || !v[1].is_number_unsigned() || !v[2].is_number_unsigned())
        throw Bad{where, "expected [name, offset, bytes]"};
    ShardRef r{v[0].get<std::string>(), v[1].get<std::uint64_t>(), v[2].get<std::uint64_t>()};
    if (!valid_shard_name(r.name)) throw Bad{where, "'" + r.name + "' is not the name of a library part"};
    if (r.bytes > kMaxPartBytes)
        throw Bad{where, std::to_string(r.bytes) + " bytes, more than a part may hold (" +
                             std::to_string(kMaxPartBytes >> 20) + " MB)"};
    if (r.offset > std::numeric_limits<std::uint64_t>::max() / 2) throw Bad{where, "offset out of range"};
    return r;
}

inline ShardRef ref_at(const nlohmann::json& j, const char* key, const std::string& parent = {}) {
    return ref_from(member(j, key, parent), member_path(parent, key));
}

inline nlohmann::ordered_json ref_json(const ShardRef& r) { return {r.name, r.offset, r.bytes}; }

}  // namespace lectern::library_json
