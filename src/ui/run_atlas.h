// Rasterised runs of text (ui/text_shaper.h) packed into texture pages, so a run the
// platform drew once is drawn again from the GPU each frame: the glyph atlas's idea,
// one level up (a glyph for us is a shaped word or character).
//
//   RunAtlas atlas;                       // textures come from the platform's hooks
//   const RunAtlas::Entry* e = atlas.find(key);
//   if (!e) e = atlas.add(key, shaper.rasterize(text, style, rtl, density), frame);
//
// Pages are 1024 px square, filled shelf by shelf. When all are full, the page used
// longest ago is wiped and its runs are rasterised again when next drawn.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "ui/text_shaper.h"

namespace lectern::ui {

// How the platform makes and changes GPU textures (OpenGL natively and on the web);
// without `create` nothing is uploaded (the UI tests), but runs are still measured.
struct TextureHooks {
    ImTextureID (*create)(const std::uint8_t* rgba, int width, int height) = nullptr;
    // Replaces a rectangle of pixels (rgba: width * height * 4 bytes, rows packed).
    void (*update)(ImTextureID id, const std::uint8_t* rgba, int x, int y, int width, int height) = nullptr;
    void (*destroy)(ImTextureID id) = nullptr;
};

class RunAtlas {
public:
    static constexpr int kPageSize = 1024;
    static constexpr int kMaxPages = 4;  // 16 MB of RGBA at most

    struct Entry {
        int page = -1;                     // -1: nothing to draw (blank, or larger than a page)
        ImVec2 uv0, uv1;                   // in the page's texture
        float width = 0, height = 0;       // bitmap size in logical pixels
        float origin_x = 0, baseline = 0;  // pen origin inside the bitmap, logical pixels
    };

    RunAtlas() = default;
    ~RunAtlas() { clear(); }
    RunAtlas(const RunAtlas&) = delete;
    RunAtlas& operator=(const RunAtlas&) = delete;

    TextureHooks hooks;

    const Entry* find(const std::string& key, std::uint64_t frame);
    // Packs the bitmap of `run` (rasterised at `density`) and uploads it; returns its entry, or
    // null when every page holds runs drawn in this frame (the next frame tries again).
    const Entry* add(const std::string& key, const ShapedRun& run, float density, std::uint64_t frame);
    ImTextureID texture(int page) const { return pages_[static_cast<std::size_t>(page)].texture; }
    bool uploads() const { return hooks.create != nullptr; }
    // Frees every texture (another archive, or the GL context went away with them).
    void clear();
    std::size_t runs() const { return entries_.size(); }

private:
    struct Page {
        ImTextureID texture = 0;
        int shelf_y = 0, shelf_h = 0, pen_x = 0;
        std::uint64_t used = 0;  // frame of last use
    };
    std::vector<Page> pages_;
    std::unordered_map<std::string, Entry> entries_;
    std::vector<std::uint8_t> scratch_;  // RGBA of one run on its way to the GPU

    bool place(Page& p, int w, int h, int& x, int& y) const;
    int page_with_room(int w, int h, std::uint64_t frame, int& x, int& y);
    void wipe(int page);
};

}  // namespace lectern::ui
