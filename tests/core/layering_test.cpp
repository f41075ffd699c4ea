// Keeps the layering honest: src/core knows nothing of ImGui, SDL or Emscripten.
#include <catch2/catch.hpp>

#include <filesystem>

#include "../test_files.h"

TEST_CASE("layering: src/core includes no ImGui, SDL or Emscripten", "[layering]") {
    const std::filesystem::path core = std::filesystem::path(LECTERN_SOURCE_DIR) / "src" / "core";
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(core)) {
        const std::string text = read_file(entry.path().string());
        ++files;
        CAPTURE(entry.path().filename().string());
        for (const char* banned : {"imgui", "SDL", "emscripten", "EMSCRIPTEN"}) {
            CAPTURE(banned);
            CHECK(text.find(banned) == std::string::npos);
        }
    }
    CHECK(files >= 6);
}
