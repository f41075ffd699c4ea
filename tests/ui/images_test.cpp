// The reader's images, driven headless: a work's pictures are asked for once, drawn from
// their textures at a size that fits the measure, a failed one shows its alt text framed,
// textures go when the archive does; the timeline marks works that have images.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "core/archive/image_header.h"
#include "headless.h"
#include "ui/markdown_view.h"
#include "../test_files.h"

using namespace lectern;

namespace {

std::string images_dir() { return std::string(LECTERN_SOURCE_DIR) + "/tests/data/images/"; }

// Textures the test can count: ids 1, 2, ... and the ones freed.
int g_made = 0;
std::set<std::intptr_t> g_freed;
ImTextureID fake_create(const std::uint8_t*, int, int) {
    return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(++g_made));
}
void fake_destroy(ImTextureID id) { g_freed.insert(reinterpret_cast<std::intptr_t>(id)); }

// What a platform does with load_image: read beside the archive, check, "decode" to a flat colour.
void serve_images(Session& s) {
    for (const Outgoing& o : s.take_outgoing()) {
        if (o.kind != Outgoing::Kind::load_image) continue;
        std::string bytes;
        try {
            bytes = o.text.rfind("data:", 0) == 0 ? std::string() : read_file(images_dir() + o.text);
        } catch (const std::exception&) {
            s.images().failed(o.text, {"image.not_found"});
            continue;
        }
        if (bytes.empty()) continue;  // data: left pending here: the placeholder stays
        const ImageHeader h = s.images().bytes(o.text, bytes);
        if (!h.ok()) continue;
        const PixelSize p = shown_size(h.width, h.height);
        s.images().pixels(o.text, p.width, p.height,
                          std::vector<std::uint8_t>(std::size_t(p.width) * p.height * 4, 200));
    }
}

const ui::DrawnFigure* figure(const HeadlessUi& h, const std::string& src) {
    for (const ui::DrawnFigure& f : h.ui.reader.figures)
        if (f.src == src) return &f;
    return nullptr;
}

bool draws_texture(ImTextureID id) {
    const ImDrawData* dd = ImGui::GetDrawData();
    for (int i = 0; i < dd->CmdListsCount; ++i)
        for (const ImDrawCmd& c : dd->CmdLists[i]->CmdBuffer)
            if (c.GetTexID() == id && c.ElemCount > 0) return true;
    return false;
}

}  // namespace

TEST_CASE("reader: a work's images are asked for, then drawn from textures within the measure", "[ui][images]") {
    HeadlessUi h(read_file(images_dir() + "archive.json"));
    h.ui.reader.images.create = fake_create;
    h.ui.reader.images.destroy = fake_destroy;
    g_made = 0;
    g_freed.clear();
    REQUIRE(h.session.open("good"));
    h.frames(2);
    // Placeholders while loading: cover, the body's data: image, the media's JPEG.
    REQUIRE(h.ui.reader.figures.size() == 3);
    CHECK(h.ui.reader.figures[0].look == ui::DrawnFigure::Look::pending);
    serve_images(h.session);
    h.frames(2);
    const ui::DrawnFigure* cover = figure(h, "good.png");
    REQUIRE(cover);
    CHECK(cover->look == ui::DrawnFigure::Look::image);
    // 64x48 px: at most twice its size (128 wide), its shape kept.
    CHECK(cover->x1 - cover->x0 == Approx(128.0f));
    CHECK(cover->y1 - cover->y0 == Approx(96.0f));
    CHECK(draws_texture(h.ui.reader.images.by_src.at("good.png").id));
    CHECK(figure(h, "photo.jpg")->look == ui::DrawnFigure::Look::image);
    // Decoded pixels moved into the texture: the session keeps none.
    CHECK(h.session.images().find("good.png")->rgba.empty());
    CHECK(g_made == 2);
    // Asked for once, however many frames show them.
    h.frames(3);
    int loads = 0;
    for (const Outgoing& o : h.session.take_outgoing()) loads += o.kind == Outgoing::Kind::load_image;
    CHECK(loads == 0);

    // Another archive: every texture is freed.
    REQUIRE(h.session.load(bundled_archive()).ok());
    h.frames(1);
    CHECK(g_freed.size() == 2);
    CHECK(h.ui.reader.images.by_src.empty());
}

TEST_CASE("reader: an image in the text is drawn where the text places it, the words after it below", "[ui][images]") {
    HeadlessUi h(read_file(images_dir() + "archive.json"));
    h.ui.reader.images.create = fake_create;
    REQUIRE(h.session.open("good"));
    h.frames(2);
    serve_images(h.session);
    h.frames(3);
    const Work& w = h.session.archive().works[0];
    const ui::MarkdownEntry& body = ui::markdown_entry(*h.ui.reader.texts, *w.body);
    const ui::DrawnFigure* inline_image = nullptr;
    for (const ui::DrawnFigure& f : h.ui.reader.figures)
        if (f.src.rfind("data:", 0) == 0) inline_image = &f;
    REQUIRE(inline_image);
    REQUIRE(body.layout.lines.size() >= 3);
    // "The text embeds a small yellow square:" / "A yellow square" (its alt) / the image / "and goes on after it."
    const float alt_line_bottom = body.y + body.layout.lines[1].y + body.layout.lines[1].h;
    const float last_line_top = body.y + body.layout.lines.back().y;
    CHECK(inline_image->y0 >= alt_line_bottom);
    CHECK(inline_image->y1 <= last_line_top);
    CHECK(inline_image->y1 - inline_image->y0 > 20);
    // The room left is the height the figure took: settled, no layout pass per frame.
    const int layouts = h.ui.reader.texts->layouts;
    h.frames(3);
    CHECK(h.ui.reader.texts->layouts == layouts);
    // And the media's JPEG comes after the whole text.
    const ui::DrawnFigure* jpg = figure(h, "photo.jpg");
    REQUIRE(jpg);
    CHECK(jpg->y0 >= body.y + body.layout.height);
}

TEST_CASE("reader: a large image fits the measure, a hostile or missing one shows its alt text and a notice",
          "[ui][images]") {
    HeadlessUi h(read_file(images_dir() + "archive.json"));
    h.ui.reader.images.create = fake_create;
    h.ui.reader.images.destroy = fake_destroy;
    REQUIRE(h.session.open("large"));
    h.frames(2);
    serve_images(h.session);
    h.frames(2);
    const ui::DrawnFigure* large = figure(h, "large.png");
    REQUIRE(large);
    CHECK(large->look == ui::DrawnFigure::Look::image);
    CHECK(h.session.images().find("large.png")->pixel_width == kMaxShownSide);
    const float measure = large->x1 - large->x0;
    CHECK(measure < 1280 - 48);
    CHECK((large->y1 - large->y0) == Approx(measure * 2000.0f / 3000.0f).margin(1.0f));

    for (const char* id : {"huge", "missing", "not-image", "truncated"}) {
        CAPTURE(id);
        REQUIRE(h.session.open(id));
        h.frames(2);
        serve_images(h.session);
        h.frames(2);
        REQUIRE(h.ui.reader.figures.size() == 1);
        const ui::DrawnFigure& f = h.ui.reader.figures[0];
        CHECK(f.look == ui::DrawnFigure::Look::alt);
        CHECK(f.y1 - f.y0 > 2 * ImGui::GetFontSize());  // the alt text and the reason, framed
        CHECK(h.session.notice().find(f.src) != std::string::npos);
    }
    CHECK(h.session.notice() == "works[3].media[0]: truncated.png is truncated (the file ends before its image does)");
}

TEST_CASE("timeline: works with images carry the image marker, others do not", "[ui][images]") {
    HeadlessUi h(read_file(images_dir() + "archive.json"));
    h.frames(3);
    int with = 0, without = 0;
    for (const ui::TimelineMark& m : h.ui.timeline.marks) {
        const std::string& id = h.session.archive().works[static_cast<std::size_t>(m.work)].id;
        CAPTURE(id);
        CHECK(m.image_marker == (id != "plain"));
        (m.image_marker ? with : without)++;
    }
    CHECK(with == 6);
    CHECK(without == 1);
}
