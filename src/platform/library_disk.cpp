// A library read from disk for the desktop viewer: whole parts checked against their
// content names, a text read alone from its member, everything inflated with zlib.
#include "platform/library_disk.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/library/library_manifest.h"
#include "core/library/shard.h"
#include "platform/gzip.h"

namespace lectern::platform {

namespace {

namespace fs = std::filesystem;

bool read_range(const std::string& path, std::uint64_t offset, std::uint64_t bytes, std::string& out,
                std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = path + ": " + std::strerror(errno);
        return false;
    }
    in.seekg(static_cast<std::streamoff>(offset));
    out.assign(bytes, '\0');
    in.read(out.data(), static_cast<std::streamsize>(bytes));
    if (static_cast<std::uint64_t>(in.gcount()) != bytes) {
        error = path + ": ends before byte " + std::to_string(offset + bytes);
        return false;
    }
    return true;
}

// The whole file, when it holds at most `most` bytes (a hostile library may name anything).
bool read_all(const std::string& path, std::uint64_t most, std::string& out, std::string& error) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) {
        error = path + ": " + ec.message();
        return false;
    }
    if (size > most) {
        error = path + ": " + std::to_string(size) + " bytes, more than it may hold (" + std::to_string(most) + ")";
        return false;
    }
    return read_range(path, 0, size, out, error);
}

bool ends_with(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

bool LibraryDisk::is_library_path(const std::string& path) {
    std::error_code ec;
    return ends_with(path, ".lectern") || fs::path(path).filename() == "library.json" ||
           (fs::is_directory(path, ec) && fs::exists(fs::path(path) / "library.json", ec));
}

std::unique_ptr<LibraryDisk> LibraryDisk::open(const std::string& path, std::string& error) {
    auto disk = std::unique_ptr<LibraryDisk>(new LibraryDisk());
    std::error_code ec;
    if (ends_with(path, ".lectern")) {
        std::string head;
        if (!read_range(path, 0, kContainerHeaderBytes, head, error)) return nullptr;
        const auto length = container_manifest_bytes(head);
        if (length && *length > kMaxManifestBytes) {
            error = path + ": its manifest would be " + std::to_string(*length) + " bytes, more than a manifest may be";
            return nullptr;
        }
        if (!length) {
            error = path + ": not a Lectern library (.lectern): its first bytes are not a library's header";
            return nullptr;
        }
        disk->container_ = path;
        disk->data_start_ = kContainerHeaderBytes + *length;
        std::string stored;
        if (!read_range(path, kContainerHeaderBytes, *length, stored, error)) return nullptr;
        std::optional<std::string> manifest = gunzip(stored, kMaxManifestBytes);  // stored gzipped in a container
        if (!manifest) {
            error = path + ": its manifest is damaged (not gzip data)";
            return nullptr;
        }
        disk->manifest_ = std::move(*manifest);
        return disk;
    }
    const fs::path folder = fs::is_directory(path, ec) ? fs::path(path) : fs::path(path).parent_path();
    disk->folder_ = folder.empty() ? std::string(".") : folder.string();
    if (!read_all((fs::path(disk->folder_) / "library.json").string(), kMaxManifestBytes, disk->manifest_, error))
        return nullptr;
    return disk;
}

bool LibraryDisk::read(const LibraryRequest& r, std::string& stored, std::string& error) const {
    const bool member = r.member_bytes > 0;
    if (!container_.empty() && member)  // a text alone, by its range
        return read_range(container_, data_start_ + r.part.offset + r.member_offset, r.member_bytes, stored, error);
    const bool ok = container_.empty()
                        ? read_all((fs::path(folder_) / r.part.name).string(), r.part.bytes, stored, error)
                        : read_range(container_, data_start_ + r.part.offset, r.part.bytes, stored, error);
    if (!ok) return false;
    if (!shard_matches(r.part.name, stored)) {
        error = "its content does not match its name (damaged, or from another build of the library)";
        return false;
    }
    if (member) {
        if (r.member_offset > stored.size() || r.member_bytes > stored.size() - r.member_offset) {
            error = "the text lies outside its pack";
            return false;
        }
        stored = stored.substr(r.member_offset, r.member_bytes);
    }
    return true;
}

void LibraryDisk::serve(Session& session) const {
    for (int round = 0; round < 4; ++round) {  // an answer may ask for more (an id block, then its tile)
        const std::vector<LibraryRequest> requests = session.take_library_requests();
        if (requests.empty()) return;
        for (const LibraryRequest& r : requests) {
            std::string stored, error;
            if (!read(r, stored, error)) {
                session.library_answer(r.id, false, "", 0, error);
                continue;
            }
            std::optional<std::string> text = gunzip(stored, kMaxInflatedBytes);
            if (!text)
                session.library_answer(r.id, false, "", stored.size(), "the part is damaged (it is not gzip data)");
            else session.library_answer(r.id, true, std::move(*text), stored.size(), "");
        }
    }
}

}  // namespace lectern::platform
