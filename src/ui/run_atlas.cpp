// Shelf packing of rasterised runs into texture pages.
#include "ui/run_atlas.h"

#include <algorithm>

namespace lectern::ui {

namespace {
constexpr int kPad = 1;  // transparent pixels between runs: bilinear sampling must not bleed
}

const RunAtlas::Entry* RunAtlas::find(const std::string& key, std::uint64_t frame) {
    const auto it = entries_.find(key);
    if (it == entries_.end()) return nullptr;
    if (it->second.page >= 0) pages_[static_cast<std::size_t>(it->second.page)].used = frame;
    return &it->second;
}

bool RunAtlas::place(Page& p, int w, int h, int& x, int& y) const {
    if (p.pen_x + w > kPageSize) {  // the shelf is full: open one below it
        p.shelf_y += p.shelf_h;
        p.shelf_h = 0;
        p.pen_x = 0;
    }
    if (p.shelf_y + h > kPageSize) return false;
    x = p.pen_x;
    y = p.shelf_y;
    p.pen_x += w;
    p.shelf_h = std::max(p.shelf_h, h);
    return true;
}

int RunAtlas::page_with_room(int w, int h, std::uint64_t frame, int& x, int& y) {
    for (std::size_t i = 0; i < pages_.size(); ++i)
        if (place(pages_[i], w, h, x, y)) return static_cast<int>(i);
    if (pages_.size() < kMaxPages) {
        std::vector<std::uint8_t> blank(static_cast<std::size_t>(kPageSize) * kPageSize * 4, 0);
        Page p;
        p.texture = hooks.create(blank.data(), kPageSize, kPageSize);
        if (!p.texture) return -1;
        pages_.push_back(p);
        return place(pages_.back(), w, h, x, y) ? static_cast<int>(pages_.size() - 1) : -1;
    }
    // Every page is full: wipe the one used longest ago, unless this frame drew from it.
    const auto oldest =
        std::min_element(pages_.begin(), pages_.end(), [](const Page& a, const Page& b) { return a.used < b.used; });
    if (oldest->used == frame) return -1;
    const int i = static_cast<int>(oldest - pages_.begin());
    wipe(i);
    return place(pages_[static_cast<std::size_t>(i)], w, h, x, y) ? i : -1;
}

void RunAtlas::wipe(int page) {
    for (auto it = entries_.begin(); it != entries_.end();) {
        if (it->second.page == page) it = entries_.erase(it);
        else ++it;
    }
    Page& p = pages_[static_cast<std::size_t>(page)];
    p.shelf_y = p.shelf_h = p.pen_x = 0;
    // Old pixels stay in the texture: every new run overwrites its whole padded cell.
}

const RunAtlas::Entry* RunAtlas::add(const std::string& key, const ShapedRun& run, float density, std::uint64_t frame) {
    Entry e;
    e.width = static_cast<float>(run.width) / density;
    e.height = static_cast<float>(run.height) / density;
    e.origin_x = run.origin_x / density;
    e.baseline = run.baseline / density;
    const int cw = run.width + 2 * kPad, ch = run.height + 2 * kPad;
    int x = 0, y = 0;
    const int page = run.width > 0 && run.height > 0 && cw <= kPageSize && ch <= kPageSize && hooks.create
                         ? page_with_room(cw, ch, frame, x, y)
                         : -1;
    if (page < 0 && run.width > 0 && run.height > 0 && hooks.create && cw <= kPageSize && ch <= kPageSize)
        return nullptr;  // no room this frame: the next frame tries again
    if (page >= 0) {
        // White, with the coverage as alpha: ImGui's shader multiplies by the vertex colour.
        scratch_.assign(static_cast<std::size_t>(cw) * ch * 4, 0);
        for (int r = 0; r < run.height; ++r)
            for (int c = 0; c < run.width; ++c) {
                std::uint8_t* px = &scratch_[(static_cast<std::size_t>(r + kPad) * cw + c + kPad) * 4];
                px[0] = px[1] = px[2] = 255;
                px[3] = run.alpha[static_cast<std::size_t>(r) * run.width + c];
            }
        Page& p = pages_[static_cast<std::size_t>(page)];
        if (hooks.update) hooks.update(p.texture, scratch_.data(), x, y, cw, ch);
        p.used = frame;
        e.page = page;
        const float k = 1.0f / kPageSize;
        e.uv0 = ImVec2(static_cast<float>(x + kPad) * k, static_cast<float>(y + kPad) * k);
        e.uv1 = ImVec2(static_cast<float>(x + kPad + run.width) * k, static_cast<float>(y + kPad + run.height) * k);
    }
    return &(entries_[key] = e);
}

void RunAtlas::clear() {
    for (Page& p : pages_)
        if (hooks.destroy && p.texture) hooks.destroy(p.texture);
    pages_.clear();
    entries_.clear();
}

}  // namespace lectern::ui
