// Questions tests ask of a loader's result: is there an error at this member
// path, and what did it say in all (for INFO when a check fails).
#pragma once

#include <string>

#include "core/archive/archive.h"

inline bool has_error(const lectern::LoadResult& r, const std::string& path, const std::string& fragment = "") {
    for (const auto& d : r.diagnostics)
        if (d.severity == lectern::Diagnostic::Severity::error && d.path == path &&
            d.message().find(fragment) != std::string::npos)
            return true;
    return false;
}

inline std::string all_messages(const lectern::LoadResult& r) {
    std::string s;
    for (const auto& d : r.diagnostics) s += d.to_string() + "\n";
    return s;
}
