// Keeps the layering honest: src/core knows nothing of ImGui, SDL or Emscripten, src/ui
// nothing of files or platforms, and inside src/core each folder includes only the folders
// below it (text at the bottom, the session at the top).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "../test_files.h"

namespace {

namespace fs = std::filesystem;

const fs::path kSrc = fs::path(LECTERN_SOURCE_DIR) / "src";

std::vector<fs::path> sources_under(const fs::path& folder) {
    std::vector<fs::path> out;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file()) out.push_back(entry.path());
    return out;
}

// The headers a file includes: "core/text/utf8.h", <SDL.h> and the like.
std::vector<std::string> includes_of(const std::string& text) {
    static const std::regex include(R"re(#include\s+["<]([^">]+)[">])re");
    std::vector<std::string> out;
    for (std::sregex_iterator it(text.begin(), text.end(), include), end; it != end; ++it) out.push_back((*it)[1]);
    return out;
}

// What each folder of src/core may include besides itself. A folder that is not listed
// here fails the test: a new folder states its place.
const std::map<std::string, std::set<std::string>> kMayUse = {
    {"text", {}},                                                  // UTF-8, the search fold, Markdown
    {"i18n", {"text"}},                                            // messages and catalogues
    {"dates", {"text", "i18n"}},                                   // EDTF
    {"archive", {"text", "i18n", "dates"}},                        // the model, reader, checker, media
    {"search", {"text", "i18n", "dates", "archive"}},              // knows nothing of the timeline
    {"timeline", {"text", "i18n", "dates", "archive"}},            // knows nothing of search
    {"export", {"text", "i18n", "dates", "archive", "timeline"}},  // CSV, JSON, the HTML mirror
    {"import", {"text", "i18n", "dates", "archive"}},              // only lectern-tool uses it
    {"library", {"text", "i18n", "dates", "archive", "search"}},   // a library's parts, as read, written and searched
    {"session", {"text", "i18n", "dates", "archive", "search", "timeline", "export", "library"}},
};

}  // namespace

TEST_CASE("layering: src/core includes no ImGui, SDL or Emscripten", "[layering]") {
    int files = 0;
    for (const fs::path& path : sources_under(kSrc / "core")) {
        const std::string text = read_file(path.string());
        ++files;
        CAPTURE(path.string());
        for (const char* banned : {"imgui", "SDL", "emscripten", "EMSCRIPTEN"}) {
            CAPTURE(banned);
            CHECK(text.find(banned) == std::string::npos);
        }
    }
    CHECK(files >= 40);
}

TEST_CASE("layering: src/ui includes no platform and opens no files", "[layering]") {
    for (const fs::path& path : sources_under(kSrc / "ui")) {
        const std::string text = read_file(path.string());
        CAPTURE(path.string());
        for (const std::string& header : includes_of(text)) {
            CAPTURE(header);
            CHECK(header.rfind("platform/", 0) == std::string::npos);
            CHECK(header.find("SDL") == std::string::npos);
            CHECK(header.find("emscripten") == std::string::npos);
        }
        for (const char* banned : {"<fstream>", "fopen(", "__EMSCRIPTEN__"}) {
            CAPTURE(banned);
            CHECK(text.find(banned) == std::string::npos);
        }
    }
}

TEST_CASE("layering: each core folder includes only the folders below it", "[layering]") {
    const fs::path core = kSrc / "core";
    std::set<std::string> folders_seen;
    for (const fs::path& path : sources_under(core)) {
        const fs::path relative = fs::relative(path, core);
        CAPTURE(relative.string());
        // Every file sits in a folder of its concern: none loose in src/core.
        REQUIRE(std::distance(relative.begin(), relative.end()) == 2);
        const std::string folder = relative.begin()->string();
        folders_seen.insert(folder);
        const auto rule = kMayUse.find(folder);
        REQUIRE(rule != kMayUse.end());
        for (const std::string& header : includes_of(read_file(path.string()))) {
            if (header.rfind("core/", 0) != 0) continue;
            const std::string used = header.substr(5, header.find('/', 5) - 5);
            CAPTURE(header);
            CHECK((used == folder || rule->second.count(used) == 1));
        }
    }
    // The table names no folder that is gone.
    for (const auto& [folder, uses] : kMayUse) {
        CAPTURE(folder);
        CHECK(folders_seen.count(folder) == 1);
    }
}

TEST_CASE("layering: no source file in src/ is over 600 lines", "[layering]") {
    // Small files with one job: a file past this is doing two.
    for (const fs::path& path : sources_under(kSrc)) {
        const std::string text = read_file(path.string());
        CAPTURE(path.string());
        CHECK(std::count(text.begin(), text.end(), '\n') <= 600);
    }
}

TEST_CASE("layering: each platform's page bridge is a file of its own, chosen by the build", "[layering]") {
    // page_bridge_web.cpp (Emscripten) and page_bridge_native.cpp (SDL): CMake picks one, so
    // no page bridge file tests __EMSCRIPTEN__, and neither reaches for the other's platform.
    int files = 0;
    for (const fs::path& path : sources_under(kSrc / "platform")) {
        if (path.filename().string().rfind("page_bridge", 0) != 0) continue;
        const std::string text = read_file(path.string());
        ++files;
        CAPTURE(path.string());
        CHECK(text.find("__EMSCRIPTEN__") == std::string::npos);
        for (const std::string& header : includes_of(text)) {
            CAPTURE(header);
            if (path.filename() != "page_bridge_web.cpp") CHECK(header.find("emscripten") == std::string::npos);
            if (path.filename() != "page_bridge_native.cpp") CHECK(header.find("SDL") == std::string::npos);
        }
    }
    CHECK(fs::exists(kSrc / "platform/page_bridge_web.cpp"));
    CHECK(fs::exists(kSrc / "platform/page_bridge_native.cpp"));
    CHECK(files >= 4);
}
