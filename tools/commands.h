// lectern-tool's commands, one entry each in lectern_tool.cpp's table: the usage lines,
// the dispatch and `COMMAND --help` all come from these. Each returns the exit status.
#pragma once

#include <string>
#include <vector>

namespace lectern::tool {

using Args = std::vector<std::string>;

struct Command {
    const char* name;              // check
    const char* synopsis;          // its arguments in the usage: FILE...
    const char* summary;           // the usage's line for it
    const char* help;              // `lectern-tool COMMAND --help` (standard output), and a misuse's (standard error)
    int (*run)(const Args& args);  // the command, when --help was not asked for
};

extern const Command kCheck;      // check FILE...
extern const Command kInspect;    // inspect FILE
extern const Command kImportMia;  // import-mia INDEX.txt [--events F] -o OUT
extern const Command kSynth;      // synth --works N ... -o OUT
extern const Command kMirror;     // mirror FILE
#ifndef LECTERN_TOOL_NO_PACK
extern const Command kPack;  // pack ARCHIVE... -o LIBRARY/ (natively only: it needs zlib)
#endif

}  // namespace lectern::tool
