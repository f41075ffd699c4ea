// Where the shell's first archive comes from: natively a file named on the
// command line or the bundled one compiled in; on the web the page sends it.
#pragma once

#include <optional>
#include <string>

namespace lectern::platform {

struct ArchiveText {
    std::string name;  // file name or "bundled archive", for messages
    std::string text;
};

// nullopt with `error` set when a named file cannot be read; nullopt with an
// empty error when the archive arrives later (the web page sends it).
std::optional<ArchiveText> initial_archive(int argc, char** argv, std::string& error);

}  // namespace lectern::platform
