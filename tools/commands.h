// lectern-tool's commands; each returns the process exit status.
#pragma once

#include <string>
#include <vector>

namespace lectern::tool {

using Args = std::vector<std::string>;

int check_command(const Args& args);    // lectern-tool check FILE...
int inspect_command(const Args& args);  // lectern-tool inspect FILE
int import_mia_command(const Args& args);  // lectern-tool import-mia INDEX.txt [--events F] -o OUT
int synth_command(const Args& args);    // lectern-tool synth --works N ... -o OUT
int mirror_command(const Args& args);   // lectern-tool mirror FILE [--noscript]

bool wants_help(const Args& args);

}  // namespace lectern::tool
