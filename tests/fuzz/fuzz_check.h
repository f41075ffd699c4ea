// What every fuzz target shares: the input as text, and a check that aborts so
// libFuzzer records the input when a documented promise is broken (not only on a crash).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>

namespace lectern::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// core_tests replays the corpora through these same targets (tests/core/fuzz_regressions_test.cpp)
// and defines LECTERN_FUZZ_CHECK_THROWS, so a broken promise fails one test instead of the run.
[[noreturn]] inline void broken(const char* what, const char* file, int line) {
#ifdef LECTERN_FUZZ_CHECK_THROWS
    throw std::logic_error(std::string(file) + ":" + std::to_string(line) + ": broken promise: " + what);
#else
    std::fprintf(stderr, "%s:%d: broken promise: %s\n", file, line, what);
    std::abort();
#endif
}

// Whether `s` is well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF):
// text that reaches JSON output (nlohmann's strict dump) must be. Written again here on
// purpose, not taken from core/text/utf8.h: an oracle must not share the code it checks.
inline bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80                 ? 1
                              : c >= 0xC2 && c <= 0xDF ? 2
                              : c >= 0xE0 && c <= 0xEF ? 3
                              : c >= 0xF0 && c <= 0xF4 ? 4
                                                       : 0;
        if (n == 0 || i + n > s.size()) return false;
        if (n > 1) {
            const auto b1 = static_cast<unsigned char>(s[i + 1]);
            const unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
            const unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
            if (b1 < lo || b1 > hi) return false;
            for (std::size_t k = 2; k < n; ++k)
                if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        }
        i += n;
    }
    return true;
}

}  // namespace lectern::fuzz

#define FUZZ_CHECK(cond)                                                 \
    do {                                                                 \
        if (!(cond)) ::lectern::fuzz::broken(#cond, __FILE__, __LINE__); \
    } while (0)
