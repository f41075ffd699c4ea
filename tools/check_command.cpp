// lectern-tool check: every error and warning of each archive, as "file: path: message".
#include <cstdio>

#include "commands.h"
#include "core/archive/archive.h"
#include "file_io.h"

namespace lectern::tool {

namespace {
const char* kHelp =
    "usage: lectern-tool check FILE...\n"
    "\n"
    "Checks archives against the Lectern archive format, version 1, and prints one line\n"
    "per problem:  FILE: MEMBER PATH: MESSAGE  (syntax errors: FILE: line L, column C: ...).\n"
    "Unknown members are warnings. Exit status: 0 all valid (warnings allowed), 1 some\n"
    "archive is invalid, 2 some file cannot be read.\n";

int check_command(const Args& args) {
    if (args.empty()) {
        std::fputs(kHelp, stderr);
        return 2;
    }
    int status = 0;
    for (const std::string& file : args) {
        std::string error;
        const auto text = read_whole_file(file, error);
        if (!text) {
            std::printf("%s: %s\n", file.c_str(), error.c_str());
            status = 2;
            continue;
        }
        const LoadResult r = load_archive(*text);
        for (const Diagnostic& d : r.diagnostics) std::printf("%s: %s\n", file.c_str(), d.to_string().c_str());
        if (!r.ok() && status == 0) status = 1;
    }
    return status;
}

}  // namespace

const Command kCheck = {"check", "FILE...", "report every error and warning in archives", kHelp, check_command};

}  // namespace lectern::tool
