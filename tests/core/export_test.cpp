// Citations and the CSV bibliography.
#include <catch2/catch.hpp>

#include "core/archive/archive_json.h"
#include "core/export/export.h"
#include "../test_files.h"

using namespace lectern;

TEST_CASE("export: a work's citation names author, title, date as printed and archive", "[export]") {
    const auto r = load_archive(bundled_archive());
    REQUIRE(r.ok());
    const Archive& a = *r.archive;
    CHECK(work_citation(a, *a.find_work("1936-08-10-letter-to-trotsky")) ==
          "Victor Serge, \u201CLetter to Trotsky\u201D, 10\u00A0August\u00A01936. Victor Serge, Marxists\u2019 "
          "Internet Archive.");
    const std::string disputed = work_citation(a, *a.find_work("1938-09-on-their-morals-and-ours"));
    CHECK(disputed.rfind("\u201COn Their Morals and Ours\u201D", 0) == 0);  // no author: it is disputed
    CHECK(disputed.find("Attribution disputed.") != std::string::npos);
}

TEST_CASE("export: the bibliography is CSV in time order with quoting", "[export]") {
    const auto r = load_archive(R"({"lectern": 1, "title": "T", "works": [
      {"id": "b", "title": "Later, \"quoted\"", "date": "1950"},
      {"id": "u", "title": "Undated", "date": null},
      {"id": "a", "title": "Earlier", "date": "1908-06", "date_label": "June 1908", "kind": "letter"}]})");
    REQUIRE(r.ok());
    const std::string csv = bibliography_csv(*r.archive, build_timeline_items(*r.archive));
    CHECK(csv ==
          "date,edtf,title,kind,people,attribution,section,id,source\r\n"
          "June 1908,1908-06,Earlier,letter,,author,,a,\r\n"
          "1950,1950,\"Later, \"\"quoted\"\"\",,,author,,b,\r\n"
          "undated,,Undated,,,author,,u,\r\n");
}

TEST_CASE("export: the archive as JSON keeps a work's cover and media", "[export]") {
    // Export JSON is the reader's copy of the archive: it must load again with nothing lost.
    const char* kWithImages = R"({"lectern": 1, "title": "T", "works": [
        {"id": "a", "title": "A", "date": "1936",
         "cover": {"src": "images/a.png", "alt": "The first page", "caption": "Paris, 1936"},
         "media": [{"src": "images/b.jpg", "alt": "A letter"}, {"src": "c.webp", "alt": "A map", "caption": "Route"}]}]})";
    const auto first = load_archive(kWithImages);
    REQUIRE(first.ok());
    const auto again = load_archive(archive_to_json(*first.archive));
    REQUIRE(again.ok());
    const Work& w = again.archive->works.at(0);
    REQUIRE(w.cover);
    CHECK(w.cover->src == "images/a.png");
    CHECK(w.cover->alt == "The first page");
    CHECK(w.cover->caption == "Paris, 1936");
    REQUIRE(w.media.size() == 2);
    CHECK(w.media[0].src == "images/b.jpg");
    CHECK(w.media[0].alt == "A letter");
    CHECK(w.media[0].caption.empty());
    CHECK(w.media[1].caption == "Route");
}
