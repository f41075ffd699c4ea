// The desktop viewer's way to a library (docs/library-format.md): its parts read from disk,
// from the folder layout (library.json and its parts) or from a container (.lectern), checked
// against their names and inflated, answering the session's requests at once. The page does
// the same over the network (web/library.js).
//
//   auto disk = LibraryDisk::open("lib/library.json", error);   // or "library.lectern", or "lib/"
//   session.open_library(disk->manifest(), error);
//   disk->serve(session);                                       // after each frame
#pragma once

#include <memory>
#include <string>

#include "core/session/session.h"

namespace lectern::platform {

class LibraryDisk {
public:
    // nullptr with `error` set when `path` is no library; true from is_library_path for a
    // path that names one (a folder holding library.json, library.json itself, or *.lectern).
    static std::unique_ptr<LibraryDisk> open(const std::string& path, std::string& error);
    static bool is_library_path(const std::string& path);

    const std::string& manifest() const { return manifest_; }
    // Answers every request the session has (reading is quick: a frame's worth at most).
    void serve(Session& session) const;

private:
    std::string folder_;     // the folder layout's folder; empty for a container
    std::string container_;  // the container's path; empty for a folder
    std::uint64_t data_start_ = 0;
    std::string manifest_;
    bool read(const LibraryRequest& r, std::string& stored, std::string& error) const;
};

}  // namespace lectern::platform
