// The message catalogues as the build compiles them (cmake/catalogues.py writes the
// tables from data/i18n/*.json). Read them through core/i18n/translate.h.
#pragma once

#include <cstddef>

namespace lectern::catalogue_data {

struct Entry {
    const char* key;
    const char* text;
};

struct Catalogue {
    const char* language;  // "en", "fr", ...
    const Entry* entries;  // sorted by key (bytes)
    std::size_t count;
};

// English first: the fallback for every other catalogue.
extern const Catalogue kCatalogues[];
extern const std::size_t kCatalogueCount;

}  // namespace lectern::catalogue_data
