// Images in the core: header reading (and refusing), sources the checker allows, cover and
// media in the model, Markdown image spans, the session's image store and its notices.
#include <catch2/catch.hpp>

#include <string>

#include "core/archive/archive.h"
#include "core/export/html_mirror.h"
#include "core/archive/image_header.h"
#include "core/i18n/translate.h"
#include "core/text/markdown.h"
#include "core/archive/media_source.h"
#include "core/session/session.h"
#include "core/session/protocol.h"
#include "core/timeline/timeline_layout.h"
#include "core/archive/work_images.h"
#include "../test_files.h"

using namespace lectern;

namespace {

std::string image_file(const char* name) {
    return read_file(std::string(LECTERN_SOURCE_DIR) + "/tests/data/images/" + name);
}

std::string archive_with(const std::string& work_members) {
    return R"({"lectern": 1, "title": "T", "works": [{"id": "a", "title": "A", "date": "1920")" + work_members + "}]}";
}

std::string problems(const LoadResult& r) {
    std::string out;
    for (const auto& d : r.diagnostics) out += d.to_string() + "\n";
    return out;
}

}  // namespace

TEST_CASE("image header: PNG, JPEG, GIF and WebP give their size", "[images]") {
    const ImageHeader png = read_image_header(image_file("good.png"));
    CHECK(png.ok());
    CHECK(png.format == ImageFormat::png);
    CHECK(png.width == 64);
    CHECK(png.height == 48);
    const ImageHeader jpg = read_image_header(image_file("photo.jpg"));
    INFO(jpg.problem.in("en"));
    CHECK(jpg.ok());
    CHECK(jpg.format == ImageFormat::jpeg);
    CHECK(jpg.width == 40);
    CHECK(jpg.height == 30);
    // GIF89a, 3x2, the smallest whole file: header, screen, trailer.
    const std::string gif = std::string("GIF89a\x03\x00\x02\x00\x00\x00\x00", 13) + ",;";
    const ImageHeader g = read_image_header(gif);
    CHECK(g.ok());
    CHECK(g.width == 3);
    CHECK(g.height == 2);
    // WebP lossless: RIFF size, "VP8L", signature 0x2F, 14-bit width-1 and height-1.
    std::string webp =
        "RIFF" + std::string("\x16\x00\x00\x00", 4) + "WEBPVP8L" + std::string("\x0a\x00\x00\x00\x2f", 5);
    const std::uint32_t bits = (100 - 1) | ((50 - 1) << 14);
    for (int i = 0; i < 4; ++i) webp += static_cast<char>((bits >> (8 * i)) & 0xFF);
    webp += std::string(5, '\0');
    const ImageHeader w = read_image_header(webp);
    INFO(w.problem.in("en"));
    CHECK(w.ok());
    CHECK(w.width == 100);
    CHECK(w.height == 50);
}

TEST_CASE("image header: not an image, truncated, too big or empty are refused with the reason", "[images]") {
    CHECK(read_image_header(image_file("notes.png")).problem.in("en").find("is not an image") == 0);
    CHECK(read_image_header(image_file("truncated.png")).problem.in("en").find("is truncated") == 0);
    const ImageHeader huge = read_image_header(image_file("huge.png"));
    CHECK(huge.width == 30000);
    CHECK(huge.problem.in("en") ==
          "is 30000\xC3\x97"
          "30000 pixels, more than the 8192 px a side allowed");
    CHECK(read_image_header("").problem.in("en") == "is empty");
    // Within 8192 a side but 8000x8000 = 64 Mpx: over the 32 million allowed.
    std::string big = image_file("good.png");
    big[16] = 0, big[17] = 0, big[18] = 0x1F, big[19] = 0x40;  // width 8000
    big[20] = 0, big[21] = 0, big[22] = 0x1F, big[23] = 0x40;  // height 8000
    CHECK(read_image_header(big).problem.in("en").find("more than the 32 million pixels allowed") != std::string::npos);
    // Every prefix of a good file is refused or whole: never read past the end (ASan) and never "ok" early.
    const std::string jpg = image_file("photo.jpg");
    for (std::size_t n = 0; n < jpg.size(); ++n) {
        CAPTURE(n);
        CHECK_FALSE(read_image_header(jpg.substr(0, n)).ok());
    }
    const std::string png = image_file("good.png");
    for (std::size_t n = 0; n < png.size(); ++n) {
        CAPTURE(n);
        CHECK_FALSE(read_image_header(png.substr(0, n)).ok());
    }
}

TEST_CASE("image header: big images are decoded no larger than the reader can show", "[images]") {
    CHECK(shown_size(64, 48).width == 64);
    const PixelSize s = shown_size(3000, 2000);
    CHECK(s.width == kMaxShownSide);
    CHECK(s.height == 1067);
    CHECK(shown_size(8192, 1).height == 1);  // never 0 px
}

TEST_CASE("media source: relative paths, data: and https: are followed, the rest refused", "[images]") {
    CHECK(media_source("good.png") == MediaSource::relative);
    CHECK(media_source("scans/page 1.jpg") == MediaSource::relative);
    CHECK(media_source("data:image/png;base64,AAAA") == MediaSource::data);
    CHECK(media_source("HTTPS://example.org/a.png") == MediaSource::web);
    Message why;
    for (const char* bad : {"javascript:alert(1)", "file:///etc/passwd", "http://example.org/a.png", "/etc/a.png",
                            "C:\\a.png", "../outside.png", "a/../../b.png", "", "//host/a.png"}) {
        CAPTURE(bad);
        CHECK(media_source(bad, &why) == MediaSource::refused);
        CHECK_FALSE(why.in("en").empty());
    }
    media_source("javascript:alert(1)", &why);
    CHECK(why.in("en").find("'javascript:' is not an image source") == 0);
    CHECK(why.in("fr").find("« javascript: » n'est pas une source d'image") == 0);
    std::string bytes;
    REQUIRE(decode_data_uri("data:text/plain;base64,SGVsbG8=", bytes));
    CHECK(bytes == "Hello");
    REQUIRE(decode_data_uri("data:,a%20b", bytes));
    CHECK(bytes == "a b");
    CHECK_FALSE(decode_data_uri("data:image/png;base64,@@", bytes));
}

TEST_CASE("images: a data: URI is percent-decoded by the browser's rule, the one both builds use", "[images]") {
    // The fetch standard's percent-decoding, byte by byte: %FF is the byte 0xFF (not UTF-8,
    // and no reason to call the image damaged), a '%' without two hex digits stays as written.
    std::string bytes;
    REQUIRE(decode_data_uri("data:image/svg+xml,%FF%fe%3c", bytes));
    CHECK(bytes == "\xFF\xFE<");
    REQUIRE(decode_data_uri("data:,100%25 %zz %4", bytes));
    CHECK(bytes == "100% %zz %4");
    REQUIRE(decode_data_uri("data:,caf\xC3\xA9", bytes));  // raw UTF-8 stays its bytes
    CHECK(bytes == "caf\xC3\xA9");
    CHECK_FALSE(decode_data_uri("data:no comma", bytes));
}

TEST_CASE("archive: cover and media load, a bad one names the member", "[images][archive]") {
    const LoadResult good = load_archive(archive_with(R"(, "cover": {"src": "c.png", "alt": "Cover", "caption": "Cap"},
        "media": [{"src": "data:image/png;base64,AA==", "alt": "One"}, {"src": "https://e.org/x.jpg", "alt": "Two"}])"));
    INFO(problems(good));
    REQUIRE(good.ok());
    const Work& w = good.archive->works[0];
    REQUIRE(w.cover);
    CHECK(w.cover->src == "c.png");
    CHECK(w.cover->caption == "Cap");
    REQUIRE(w.media.size() == 2);
    CHECK(w.media[1].alt == "Two");

    const LoadResult bad = load_archive(archive_with(R"J(, "cover": {"src": "javascript:alert(1)", "alt": "x"},
        "media": [{"src": "ok.png"}, {"src": "../up.png", "alt": " "}, 5])J"));
    const std::string p = problems(bad);
    INFO(p);
    CHECK_FALSE(bad.ok());
    CHECK(p.find("works[0].cover.src: 'javascript:' is not an image source") != std::string::npos);
    CHECK(p.find("works[0].media[0].alt: missing (required)") != std::string::npos);
    CHECK(p.find("works[0].media[1].src: an image's path may not leave the archive's folder") != std::string::npos);
    CHECK(p.find("works[0].media[1].alt: empty") != std::string::npos);
    CHECK(p.find("works[0].media[2]: expected an object") != std::string::npos);
}

TEST_CASE("markdown: an image span is listed with its src, alt and block, its alt stays in the text",
          "[images][markdown]") {
    const md::Document d = md::parse("Before.\n\n![A *red* card](cards/red.png \"t\") after\n\n![](x.png)");
    REQUIRE(d.images.size() == 2);
    CHECK(d.images[0].src == "cards/red.png");
    CHECK(d.images[0].alt == "A red card");
    CHECK(d.images[0].block == 1);
    CHECK(d.images[1].src == "x.png");
    CHECK(d.images[1].alt.empty());
    CHECK(d.text.find("A red card after") != std::string::npos);
}

TEST_CASE("work images: cover first, then the text's, then media, each named by its member", "[images]") {
    Work w;
    w.cover = Media{"c.png", "Cover", ""};
    w.media = {Media{"m.png", "M", "Cap"}};
    w.body = "![B](b.png)";
    const md::Document d = md::parse(*w.body);
    const std::vector<WorkImage> all = work_images(w, 3, &d);
    REQUIRE(all.size() == 3);
    CHECK(all[0].where.in("en") == "works[3].cover");
    CHECK(all[1].where.in("en") == "works[3].body, image 1");
    CHECK(all[1].where.in("de") == "works[3].body, Bild 1");
    CHECK(all[1].src == "b.png");
    CHECK(all[2].where.in("en") == "works[3].media[0]");
    CHECK(work_has_images(w));
    Work plain;
    plain.body = "No [link](x) image! [here]";
    CHECK_FALSE(work_has_images(plain));
}

TEST_CASE("session: an image is asked for once, then ready or failed with a notice naming it", "[images][session]") {
    Session s;
    REQUIRE(s.load(read_file(std::string(LECTERN_SOURCE_DIR) + "/tests/data/images/archive.json")).ok());
    s.take_outgoing();
    s.images().want("good.png", image_place("works[0].cover"));
    s.images().want("good.png", image_place("works[0].cover"));
    const auto out = s.take_outgoing();
    REQUIRE(out.size() == 1);
    CHECK(out[0].kind == Outgoing::Kind::load_image);
    CHECK(out[0].text == "good.png");
    CHECK(s.images().find("good.png")->state == ImageSlot::State::pending);

    REQUIRE(s.images().bytes("good.png", image_file("good.png")).ok());
    CHECK(s.images().find("good.png")->width == 64);
    s.images().pixels("good.png", 64, 48, std::vector<std::uint8_t>(64 * 48 * 4, 255));
    CHECK(s.images().find("good.png")->state == ImageSlot::State::ready);

    s.images().want("huge.png", image_place("works[4].cover"));
    CHECK_FALSE(s.images().bytes("huge.png", image_file("huge.png")).ok());
    CHECK(s.images().find("huge.png")->state == ImageSlot::State::failed);
    CHECK(s.notice() ==
          "works[4].cover: huge.png is 30000\xC3\x97"
          "30000 pixels, more than the 8192 px a side allowed");

    s.images().want("missing.png", image_place("works[2].cover"));
    s.images().failed("missing.png", {"image.not_found"});
    CHECK(s.notice() == "works[2].cover: missing.png was not found");
    // The reason is kept as a message: after a switch of language it reads in the new one.
    REQUIRE(protocol::command(s, R"({"language": "de"})") == R"({"ok":true})");
    CHECK(s.images().find("missing.png")->problem.in(current_language()) == "wurde nicht gefunden");
    CHECK(protocol::state_json(s).find(R"("problem":"wurde nicht gefunden")") != std::string::npos);
    REQUIRE(protocol::command(s, R"({"language": "en"})") == R"({"ok":true})");

    // A body's image with a source the checker would refuse is never sent to the platform.
    s.take_outgoing();
    for (const char* bad : {"javascript:alert(1)", "http://tracker.example/p.png", "/etc/passwd", "../up.png"}) {
        CAPTURE(bad);
        s.images().want(bad, Message{"image.body_where", {{"member", "works[0].body"}, {"n", "1"}}});
        CHECK(s.take_outgoing().empty());
        CHECK(s.images().find(bad)->state == ImageSlot::State::failed);
        CHECK(s.notice().find("is not a source a reader may follow") != std::string::npos);
    }

    // Pixels of the wrong size, or more than the reader keeps, are refused rather than trusted.
    s.images().want("x.png", image_place("works[0].media[0]"));
    s.images().pixels("x.png", 4000, 4000, std::vector<std::uint8_t>(16));
    CHECK(s.images().find("x.png")->state == ImageSlot::State::failed);

    CHECK(protocol::state_json(s).find(R"("src":"good.png","state":"ready")") != std::string::npos);
    // Another archive forgets them.
    const auto generation = s.images().generation();
    REQUIRE(s.load(bundled_archive()).ok());
    CHECK(s.images().slots().empty());
    CHECK(s.images().generation() != generation);
}

TEST_CASE("images: the text mirror gives each image's alt and caption, the timeline flags works with images",
          "[images]") {
    const LoadResult r = load_archive(read_file(std::string(LECTERN_SOURCE_DIR) + "/tests/data/images/archive.json"));
    REQUIRE(r.ok());
    const std::string html = work_mirror_html(*r.archive, 0);
    CHECK(html.find("<figure><p>Image: A test card, red on the left and blue on the right</p>"
                    "<figcaption>The test card (PNG, 64 by 48 pixels)</figcaption></figure>") != std::string::npos);
    CHECK(html.find("Image: A green rectangle") != std::string::npos);
    CHECK(html.find("A yellow square") != std::string::npos);  // the body's image, as its alt in the text
    const TimelineModel m = build_timeline_model(*r.archive);
    int flagged = 0, plain = 0;
    for (const Lane& lane : m.lanes)
        for (const LaneItem& it : lane.items)
            if (lane.kind == Lane::Kind::works) (it.flags & kImages ? flagged : plain)++;
    CHECK(flagged == 6);
    CHECK(plain == 1);
}
