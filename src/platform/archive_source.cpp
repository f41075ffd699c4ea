// Reads the archive named on the command line, or returns the bundled one.
#include "platform/archive_source.h"

#ifndef __EMSCRIPTEN__
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "embedded_archive.h"
#endif

namespace lectern::platform {

std::optional<ArchiveText> initial_archive(int argc, char** argv, std::string& error) {
    error.clear();
#ifdef __EMSCRIPTEN__
    (void)argc;
    (void)argv;
    return std::nullopt;  // web/lectern-page.js sends the archive once the runtime is ready
#else
    if (argc < 2)
        return ArchiveText{"bundled archive",
                           std::string(reinterpret_cast<const char*>(kBundledArchive), kBundledArchiveSize)};
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        error = std::string(argv[1]) + ": cannot open: " + std::strerror(errno);
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ArchiveText{argv[1], ss.str()};
#endif
}

}  // namespace lectern::platform
