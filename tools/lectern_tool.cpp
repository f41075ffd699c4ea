// lectern-tool: check, inspect, import and synthesise archives from the command line.
// One table of commands gives the usage, the dispatch and each command's --help.
#include <cstdio>
#include <string>

#include "commands.h"

namespace {

using lectern::tool::Args;
using lectern::tool::Command;

const Command* const kCommands[] = {&lectern::tool::kCheck, &lectern::tool::kInspect, &lectern::tool::kImportMia,
                                    &lectern::tool::kSynth, &lectern::tool::kMirror,
#ifndef LECTERN_TOOL_NO_PACK
                                    &lectern::tool::kPack
#endif
};

void usage(std::FILE* to) {
    std::fputs("usage: lectern-tool COMMAND [ARGS]\n\ncommands:\n", to);
    for (const Command* c : kCommands) {
        const std::string call = std::string(c->name) + " " + c->synopsis;
        std::fprintf(to, "  %-44s%s\n", call.c_str(), c->summary);
    }
    std::fputs("\nRun 'lectern-tool COMMAND --help' for a command's details.\n", to);
}

bool wants_help(const Args& args) {
    for (const auto& a : args)
        if (a == "--help" || a == "-h") return true;
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const std::string cmd = argv[1];
    const Args args(argv + 2, argv + argc);
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
        usage(stdout);
        return 0;
    }
    for (const Command* c : kCommands) {
        if (cmd != c->name) continue;
        if (wants_help(args)) {
            std::fputs(c->help, stdout);
            return 0;
        }
        return c->run(args);
    }
    std::fprintf(stderr, "lectern-tool: unknown command '%s'\n\n", cmd.c_str());
    usage(stderr);
    return 2;
}
