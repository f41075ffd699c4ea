// The desktop viewer's library reader: the bundled archive packed, opened from its folder,
// its library.json and its container, read whole; a container cut short names what is missing.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "../../tools/library_pack.h"
#include "../test_files.h"
#include "core/library/library_manifest.h"
#include "platform/library_disk.h"

namespace {

namespace fs = std::filesystem;
using namespace lectern;

// Each test packs into a folder of its own: ctest runs them side by side.
fs::path packed_serge(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("lectern-library-disk-" + name);
    fs::remove_all(dir);
    tool::PackOptions o;
    o.folder = (dir / "lib").string();
    o.container = (dir / "serge.lectern").string();
    tool::PackReport report;
    std::string error;
    REQUIRE(tool::pack_library({std::string(LECTERN_SOURCE_DIR) + "/data/serge.json"}, o, report, error));
    return dir;
}

}  // namespace

TEST_CASE("library disk: folder, library.json and container open the same library", "[library][platform]") {
    const fs::path dir = packed_serge("layouts");
    for (const fs::path& path : {dir / "lib", dir / "lib" / "library.json", dir / "serge.lectern"}) {
        CAPTURE(path.string());
        REQUIRE(platform::LibraryDisk::is_library_path(path.string()));
        std::string error;
        const auto disk = platform::LibraryDisk::open(path.string(), error);
        REQUIRE(disk);
        Session s;
        REQUIRE(s.open_library(disk->manifest(), error));
        disk->serve(s);
        CHECK(s.archive().works.size() == 37);
        CHECK(s.archive().pages.size() == 4);
        CHECK_FALSE(s.library()->any_failed());
    }
    CHECK_FALSE(platform::LibraryDisk::is_library_path((fs::path(LECTERN_SOURCE_DIR) / "data/serge.json").string()));
}

TEST_CASE("library disk: a container cut short says where, and a stranger is refused", "[library][platform]") {
    const fs::path dir = packed_serge("cut");
    const fs::path cut = dir / "cut.lectern";
    fs::copy_file(dir / "serge.lectern", cut);
    {  // cut in the middle of the last id block (the search index's parts come after it)
        std::string error;
        const auto whole = platform::LibraryDisk::open(cut.string(), error);
        REQUIRE(whole);
        const ManifestResult m = parse_manifest(whole->manifest());
        REQUIRE(m.manifest);
        const std::string head = read_file(cut.string()).substr(0, kContainerHeaderBytes);
        const std::uint64_t data = kContainerHeaderBytes + *container_manifest_bytes(head);
        const ShardRef& last = m.manifest->ids.back().shard;
        fs::resize_file(cut, data + last.offset + last.bytes / 2);
    }
    std::string error;
    const auto disk = platform::LibraryDisk::open(cut.string(), error);
    REQUIRE(disk);  // the manifest is whole
    Session s;
    REQUIRE(s.open_library(disk->manifest(), error));
    disk->serve(s);
    CHECK_FALSE(s.library()->any_failed());  // the tiles come before the cut
    CHECK(s.archive().works.size() == 37);
    CHECK(s.open("zz-a-link-to-something-else"));  // looked up in the last id block, which is cut
    disk->serve(s);
    CHECK(s.library()->any_failed());
    CHECK(s.notice().find("ends before byte") != std::string::npos);
    CHECK(s.archive().works.size() == 37);

    const fs::path stranger = dir / "stranger.lectern";
    std::ofstream(stranger) << "PK\x03\x04 not a library at all, but long enough to hold a header";
    CHECK_FALSE(platform::LibraryDisk::open(stranger.string(), error));
    CHECK(error.find("not a Lectern library") != std::string::npos);
}
