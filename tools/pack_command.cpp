// lectern-tool pack: archives in, a library out (tools/library_pack.h, docs/library-format.md).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "commands.h"
#include "library_pack.h"

namespace lectern::tool {

namespace {

namespace fs = std::filesystem;

const char* kHelp =
    "usage: lectern-tool pack ARCHIVE.json|FOLDER... [-o LIBRARY/] [--container FILE.lectern] [--title TEXT]\n"
    "\n"
    "Packs archives (a folder stands for the .json archives in it, by name) into a library\n"
    "a static host can serve: each archive becomes a collection, the works are numbered in\n"
    "time order and cut into tiles, the texts are compressed one by one, a search index is\n"
    "written beside them, and every part is named by its content. -o writes the folder layout (LIBRARY/library.json "
    "and its parts,\n"
    "for any static server); --container writes the same library as one file, read by HTTP\n"
    "Range or opened from disk. At least one of the two is needed.\n";

bool archives_in(const std::string& arg, std::vector<std::string>& out) {
    std::error_code ec;
    if (!fs::is_directory(arg, ec)) {
        out.push_back(arg);
        return true;
    }
    std::vector<std::string> found;
    for (const auto& e : fs::directory_iterator(arg, ec))
        if (e.is_regular_file() && e.path().extension() == ".json") found.push_back(e.path().string());
    if (found.empty()) {
        std::fprintf(stderr, "lectern-tool pack: %s holds no .json archives\n", arg.c_str());
        return false;
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
    return true;
}

int pack_command(const Args& args) {
    PackOptions options;
    std::vector<std::string> archives;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool has_value = i + 1 < args.size();
        if (a == "-o" && has_value) {
            options.folder = args[++i];
        } else if (a == "--container" && has_value) {
            options.container = args[++i];
        } else if (a == "--title" && has_value) {
            options.title = args[++i];
        } else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "lectern-tool pack: unexpected argument '%s'\n\n%s", a.c_str(), kHelp);
            return 2;
        } else if (!archives_in(a, archives)) {
            return 2;
        }
    }
    if (archives.empty() || (options.folder.empty() && options.container.empty())) {
        std::fputs(kHelp, stderr);
        return 2;
    }
    PackReport report;
    std::string error;
    if (!pack_library(archives, options, report, error)) {
        std::fprintf(stderr, "lectern-tool pack: %s\n", error.c_str());
        return 1;
    }
    std::printf("%llu works in %llu collections, %llu bytes of text: %llu parts, %llu bytes (largest %llu)",
                static_cast<unsigned long long>(report.works), static_cast<unsigned long long>(report.collections),
                static_cast<unsigned long long>(report.text_bytes), static_cast<unsigned long long>(report.parts),
                static_cast<unsigned long long>(report.part_bytes),
                static_cast<unsigned long long>(report.largest_part));
    if (!options.container.empty())
        std::printf("; container %llu bytes", static_cast<unsigned long long>(report.container_bytes));
    std::printf("; search index of %llu terms\n", static_cast<unsigned long long>(report.index_terms));
    return 0;
}

}  // namespace

const Command kPack = {"pack", "ARCHIVE... -o LIBRARY/ [--container FILE]",
                       "pack archives into a library for static hosting", kHelp, pack_command};

}  // namespace lectern::tool
