// lectern-tool: check, inspect, import and synthesise archives from the command line.
#include <cstdio>
#include <string>

#include "commands.h"

namespace {

const char* kUsage =
    "usage: lectern-tool COMMAND [ARGS]\n"
    "\n"
    "commands:\n"
    "  check FILE...                               report every error and warning in archives\n"
    "  inspect FILE                                print the archive as Lectern reads it, dates resolved\n"
    "  import-mia INDEX.txt [--events F] -o OUT    make an archive from a Marxists Internet Archive index page\n"
    "  synth --works N [--years A..B] -o OUT       write a deterministic synthetic archive\n"
    "  mirror FILE [--noscript]                    print the archive as the page's HTML text mirror\n"
    "\n"
    "Run 'lectern-tool COMMAND --help' for a command's details.\n";

}  // namespace

int main(int argc, char** argv) {
    using namespace lectern::tool;
    if (argc < 2) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const std::string cmd = argv[1];
    const Args args(argv + 2, argv + argc);
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (cmd == "check") return check_command(args);
    if (cmd == "inspect") return inspect_command(args);
    if (cmd == "import-mia") return import_mia_command(args);
    if (cmd == "synth") return synth_command(args);
    if (cmd == "mirror") return mirror_command(args);
    std::fprintf(stderr, "lectern-tool: unknown command '%s'\n\n%s", cmd.c_str(), kUsage);
    return 2;
}
