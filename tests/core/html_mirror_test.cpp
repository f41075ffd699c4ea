// The text mirror: semantic, escaped HTML of the archive, balanced however the
// Markdown nests, with only web links as links.
#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "core/archive/archive.h"
#include "core/export/html_mirror.h"
#include "core/i18n/translate.h"
#include "core/timeline/timeline_items.h"
#include "../hostile/markdown_bombs.h"
#include "../test_files.h"

using namespace lectern;

namespace {

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
    return n;
}

void check_balanced(const std::string& html) {
    for (const char* tag : {"blockquote", "ul", "ol", "li", "p", "em", "strong", "code", "pre", "a"}) {
        CAPTURE(tag);
        CHECK(count(html, std::string("<") + tag + ">") + count(html, std::string("<") + tag + " ") ==
              count(html, std::string("</") + tag + ">"));
    }
}

}  // namespace

TEST_CASE("mirror: Markdown becomes semantic HTML, nested as written", "[mirror]") {
    const std::string html = markdown_html(
        "# Title\n\nSome *emphasis*, **strong** and `code`.\nline two  \nafter a break\n\n"
        "> quoted\n> > deeper\n\n- one\n- two\n  1. inner\n  2. inner two\n- three\n\n---\n\n```\na < b\n```\n");
    CHECK(html.find("<h3>Title</h3>") != std::string::npos);
    CHECK(html.find("<em>emphasis</em>") != std::string::npos);
    CHECK(html.find("<strong>strong</strong>") != std::string::npos);
    CHECK(html.find("<code>code</code>") != std::string::npos);
    CHECK(html.find("line two<br>") != std::string::npos);
    CHECK(html.find("<blockquote>\n<p>quoted</p>\n<blockquote>\n<p>deeper</p>") != std::string::npos);
    CHECK(html.find("<ul><li><p>one</p>\n</li>\n<li><p>two</p>\n<ol><li><p>inner</p>") != std::string::npos);
    CHECK(html.find("<pre><code>a &lt; b</code></pre>") != std::string::npos);
    CHECK(html.find("<hr>") != std::string::npos);
    check_balanced(html);
}

TEST_CASE("mirror: archive text is escaped and only web links are links", "[mirror]") {
    const std::string html = markdown_html(
        "<script>alert(1)</script> [web](https://example.org/?a=1&b=\"2\") [bad](javascript:alert(1)) "
        "[data](data:text/html,x) [rel](other.html)");
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">web</a>") != std::string::npos);
    CHECK(count(html, "<a ") == 1);
    CHECK(html.find("javascript:") == std::string::npos);  // the target is dropped, the words stay
    CHECK(html.find(">bad<") == std::string::npos);
    CHECK(html.find("bad") != std::string::npos);
    CHECK(html_escape(std::string("a\0b", 3)) ==
          "a\xEF\xBF\xBD"
          "b");
}

TEST_CASE("mirror: Markdown bombs stay balanced and bounded", "[mirror][hostile]") {
    for (const MarkdownBomb& b : markdown_bombs()) {
        CAPTURE(b.name);
        const std::string html = markdown_html(b.text);
        CHECK(html.size() <= b.text.size() * 40 + 64);
        CHECK(html.find("<script") == std::string::npos);
        check_balanced(html);
    }
}

TEST_CASE("mirror: the bundled archive's front matter and every work, in time order", "[mirror]") {
    const LoadResult r = load_archive(bundled_archive());
    REQUIRE(r.ok());
    const Archive& a = *r.archive;
    const TimelineItems items = build_timeline_items(a);
    const std::string html = archive_mirror_html(a, items);
    CHECK(html.rfind("<header><h1>Victor Serge</h1>", 0) == 0);
    CHECK(count(html, "<li><a href=\"#work=") == a.works.size());
    CHECK(html.find("<section class=\"works-section\">\n<h2 data-t=\"reader.works\">Works</h2>") != std::string::npos);
    // Interface words carry their catalogue keys, for the page to translate before the
    // viewer starts; an archive's own strings never do.
    CHECK(html.find("(<span data-t=\"kind.article\">article</span>)") != std::string::npos);
    CHECK(html.find("<span data-t=\"kind.document\">document</span> · <span "
                    "data-t=\"attribution.disputed_short\">disputed</span>") != std::string::npos);
    CHECK(html.find("<figure><blockquote>") != std::string::npos);  // the epigraph
    // Time order: the links appear as the timeline orders the works.
    std::size_t last = 0;
    for (const TimelineItem& it : items.works) {
        const std::size_t at = html.find("#work=" + a.works[static_cast<std::size_t>(it.work)].id + "\"");
        REQUIRE(at != std::string::npos);
        CHECK(at > last);
        last = at;
    }
    check_balanced(html);
    // Every page's title is a heading.
    for (const Page& p : a.pages)
        if (!p.title.empty()) CHECK(html.find("<h2>" + html_escape(p.title) + "</h2>") != std::string::npos);
}

TEST_CASE("mirror: a work as the reader shows it, with its attribution", "[mirror]") {
    const LoadResult r = load_archive(bundled_archive());
    REQUIRE(r.ok());
    const Archive& a = *r.archive;
    const int disputed = a.work_index("1938-09-on-their-morals-and-ours");
    REQUIRE(disputed >= 0);
    const std::string html = work_mirror_html(a, disputed);
    CHECK(html.find("<h1>" + html_escape(a.works[static_cast<std::size_t>(disputed)].title) + "</h1>") !=
          std::string::npos);
    CHECK(html.find("Attribution disputed") != std::string::npos);
    CHECK(html.find("This archive does not include the text of this work.") != std::string::npos);
    check_balanced(html);
    CHECK(work_mirror_html(a, -1).empty());
    CHECK(work_mirror_html(a, 9999).empty());
    CHECK(work_announcement(a, -1) == "Front matter of Victor Serge");
    CHECK(work_announcement(a, disputed).find(a.works[static_cast<std::size_t>(disputed)].title) == 0);
}

TEST_CASE("mirror: a huge archive's list stops at kMirrorWorks and says how many more", "[mirror]") {
    Archive a;
    a.title = "Many";
    for (std::size_t i = 0; i < kMirrorWorks + 10; ++i) {
        Work w;
        w.id = "w" + std::to_string(i);
        w.title = "Work " + std::to_string(i);
        a.works.push_back(std::move(w));  // undated: the list's second part
    }
    const std::string html = archive_mirror_html(a, build_timeline_items(a));
    CHECK(count(html, "<li>") == kMirrorWorks);
    CHECK(html.find("And 10 more works: search the archive to find them.") != std::string::npos);
    // One more is one work, in the language's own plural form.
    a.works.resize(kMirrorWorks + 1);
    CHECK(archive_mirror_html(a, build_timeline_items(a)).find("And 1 more work: search the archive to find it.") !=
          std::string::npos);
    use_language("ru");
    CHECK(archive_mirror_html(a, build_timeline_items(a)).find("И ещё 1 работа") != std::string::npos);
    a.works.resize(kMirrorWorks + 5);
    CHECK(archive_mirror_html(a, build_timeline_items(a)).find("И ещё 5 работ:") != std::string::npos);
    use_language("en");
}

TEST_CASE("mirror: its own words follow the interface's language, the archive's stay as written", "[mirror][i18n]") {
    const LoadResult r = load_archive(bundled_archive());
    REQUIRE(r.ok());
    const Archive& a = *r.archive;
    int undated_text = -1;  // a work without a text
    for (std::size_t i = 0; i < a.works.size(); ++i) {
        if (!a.works[i].body && undated_text < 0) undated_text = static_cast<int>(i);
    }
    REQUIRE(undated_text >= 0);
    use_language("ru");
    const std::string front = archive_mirror_html(a, build_timeline_items(a));
    const std::string work = work_mirror_html(a, undated_text);
    const std::string announced = work_announcement(a, -1);
    use_language("en");
    CHECK(front.find("<h2 data-t=\"reader.works\">Работы</h2>") != std::string::npos);
    CHECK(front.find("<h2>Works</h2>") == std::string::npos);
    CHECK(work.find("В этом архиве нет текста этой работы.") != std::string::npos);
    CHECK(announced.find("Victor Serge") != std::string::npos);  // the archive's title, as written
    CHECK(announced.rfind("Вводная часть", 0) == 0);
    CHECK(work_mirror_html(a, undated_text).find("This archive does not include the text of this work.") !=
          std::string::npos);
}
