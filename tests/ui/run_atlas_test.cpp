// The run atlas: runs packed into pages within their bounds, found again by key, the page
// used longest ago wiped when all are full, and never one the frame being drawn uses.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "ui/run_atlas.h"

using namespace lectern::ui;

namespace {

int g_pages = 0, g_updates = 0, g_destroyed = 0;
ImTextureID fake_create(const std::uint8_t*, int w, int h) {
    REQUIRE(w == RunAtlas::kPageSize);
    REQUIRE(h == RunAtlas::kPageSize);
    return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(++g_pages));
}
void fake_update(ImTextureID, const std::uint8_t*, int x, int y, int w, int h) {
    REQUIRE(x >= 0);
    REQUIRE(y >= 0);
    REQUIRE(x + w <= RunAtlas::kPageSize);
    REQUIRE(y + h <= RunAtlas::kPageSize);
    ++g_updates;
}
void fake_destroy(ImTextureID) { ++g_destroyed; }

ShapedRun bitmap(int w, int h) {
    ShapedRun r;
    r.width = w;
    r.height = h;
    r.origin_x = 1;
    r.baseline = static_cast<float>(h) - 2;
    r.alpha.assign(static_cast<std::size_t>(w) * h, 200);
    return r;
}

}  // namespace

TEST_CASE("run atlas: runs pack into pages, are found again, and the oldest page makes room", "[atlas]") {
    g_pages = g_updates = g_destroyed = 0;
    {
        RunAtlas atlas;
        atlas.hooks = {fake_create, fake_update, fake_destroy};
        const RunAtlas::Entry* e = atlas.add("a", bitmap(40, 20), 2.0f, 1);
        REQUIRE(e);
        CHECK(e->page == 0);
        CHECK(e->width == 20);  // logical pixels at density 2
        CHECK(e->baseline == 9);
        CHECK(e->uv0.x >= 0);
        CHECK(e->uv1.x <= 1);
        CHECK(atlas.find("a", 2) == e);
        CHECK(atlas.find("b", 2) == nullptr);
        // 102-px cells with the padding: 100 to a page, so 1000 runs fill every page many times over.
        int added = 0;
        for (std::uint64_t frame = 3; added < 1000; ++frame, ++added)
            REQUIRE(atlas.add("run" + std::to_string(added), bitmap(100, 100), 1.0f, frame));
        CHECK(g_pages == RunAtlas::kMaxPages);
        CHECK(atlas.find("a", 2000) == nullptr);       // its page was wiped long ago
        CHECK(atlas.find("run999", 2000) != nullptr);  // the newest stays
        CHECK(atlas.runs() < 1000);
        // All pages used in this frame: nothing is wiped, the add waits for the next frame.
        std::set<int> touched;
        std::vector<std::string> drawn;
        for (int i = 0; i < 1000; ++i)
            if (const RunAtlas::Entry* f = atlas.find("run" + std::to_string(i), 5000)) {
                touched.insert(f->page);
                drawn.push_back("run" + std::to_string(i));
            }
        REQUIRE(touched.size() == RunAtlas::kMaxPages);
        // More runs in the same frame fill what room is left, then wait: none the frame drew is lost.
        int late = 0;
        while (late < 500 && atlas.add("late" + std::to_string(late), bitmap(100, 100), 1.0f, 5000)) ++late;
        CHECK(late < 500);
        for (const std::string& key : drawn) CHECK(atlas.find(key, 5000) != nullptr);
        CHECK(atlas.add("next", bitmap(100, 100), 1.0f, 5001) != nullptr);  // the next frame makes room
        // Too big for a page, or blank: an entry that draws nothing.
        const RunAtlas::Entry* huge = atlas.add("huge", bitmap(2000, 10), 1.0f, 6000);
        REQUIRE(huge);
        CHECK(huge->page == -1);
    }
    CHECK(g_destroyed == RunAtlas::kMaxPages);
}

TEST_CASE("run atlas: without texture hooks nothing is packed", "[atlas]") {
    RunAtlas atlas;
    const RunAtlas::Entry* e = atlas.add("a", bitmap(10, 10), 1.0f, 1);
    REQUIRE(e);
    CHECK(e->page == -1);
    CHECK_FALSE(atlas.uploads());
}
