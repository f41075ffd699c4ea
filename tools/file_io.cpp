// Whole-file reads and write-then-rename writes.
#include "file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sys/stat.h>

namespace lectern::tool {

std::optional<std::string> read_whole_file(const std::string& path, std::string& error) {
    struct stat st {};
    if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
        error = "cannot read: it is a directory";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = std::string("cannot open: ") + std::strerror(errno);
        return std::nullopt;
    }
    // Read straight into a string of the file's size: an ostringstream grows by doubling and is
    // then copied out (0.21 s against 0.07 s for a 113 MB archive). What a stat does not count
    // (a pipe, a file that grew) is read after it.
    std::string text;
    if (S_ISREG(st.st_mode) && st.st_size > 0) {
        text.resize(static_cast<std::size_t>(st.st_size));
        in.read(text.data(), static_cast<std::streamsize>(text.size()));
        text.resize(static_cast<std::size_t>(in.gcount()));
    }
    char more[1 << 16];
    while (in.read(more, sizeof more), in.gcount() > 0) text.append(more, static_cast<std::size_t>(in.gcount()));
    if (in.bad()) {
        error = "cannot read";
        return std::nullopt;
    }
    return text;
}

bool write_file_atomically(const std::string& path, const std::string& data, std::string& error) {
    const std::string tmp = path + ".tmp-lectern";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) {
            error = std::string("cannot write ") + tmp + ": " + std::strerror(errno);
            return false;
        }
        out.write(data.data(), static_cast<std::streamsize>(data.size()));
        out.flush();
        if (!out) {
            error = std::string("cannot write ") + tmp + ": " + std::strerror(errno);
            std::remove(tmp.c_str());
            return false;
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        error = std::string("cannot replace ") + path + ": " + std::strerror(errno);
        std::remove(tmp.c_str());
        return false;
    }
    return true;
}

std::shared_ptr<const Archive> load_archive_file(const std::string& path, int& status) {
    std::string error;
    const auto text = read_whole_file(path, error);
    if (!text) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(), error.c_str());
        status = 2;
        return nullptr;
    }
    const LoadResult r = load_archive(*text);
    for (const Diagnostic& d : r.diagnostics) std::fprintf(stderr, "%s: %s\n", path.c_str(), d.to_string().c_str());
    status = r.ok() ? 0 : 1;
    return r.archive;
}

}  // namespace lectern::tool
