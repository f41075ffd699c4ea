// Whole-file reads and write-then-rename writes.
#include "file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
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
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
        error = "cannot read";
        return std::nullopt;
    }
    return ss.str();
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
