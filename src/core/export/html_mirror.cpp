// The text mirror: HTML written from the same models the views draw (archive,
// time order, Markdown document), so the mirror says what the canvas shows.
#include "core/export/html_mirror.h"

#include <vector>

#include "core/dates/date_format.h"
#include "core/text/markdown.h"
#include "core/i18n/translate.h"

namespace lectern {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            case '\0': out += "\xEF\xBF\xBD"; break;  // U+FFFD: a NUL ends strings on the page's side
            default: out += c;
        }
    }
    return out;
}

namespace {

// The characters of one span, styled; hard breaks become <br> outside code.
void write_span(std::string& out, const md::Document& doc, const md::Span& s, bool in_code_block) {
    const std::string_view text = doc.text_of(s);
    const bool link = s.link >= 0 && static_cast<std::size_t>(s.link) < doc.links.size() &&
                      md::is_web_link(doc.links[static_cast<std::size_t>(s.link)]);
    if (link) out += "<a href=\"" + html_escape(doc.links[static_cast<std::size_t>(s.link)]) + "\">";
    if (s.style & md::kCode && !in_code_block) out += "<code>";
    if (s.style & md::kStrong) out += "<strong>";
    if (s.style & md::kEmphasis) out += "<em>";
    std::size_t from = 0;
    for (std::size_t nl = text.find('\n'); !in_code_block && nl != std::string_view::npos; nl = text.find('\n', from)) {
        out += html_escape(text.substr(from, nl - from)) + "<br>\n";
        from = nl + 1;
    }
    out += html_escape(text.substr(from));
    if (s.style & md::kEmphasis) out += "</em>";
    if (s.style & md::kStrong) out += "</strong>";
    if (s.style & md::kCode && !in_code_block) out += "</code>";
    if (link) out += "</a>";
}

// Open block quotes and lists, innermost last: the flat model's depths become nesting.
struct Containers {
    enum class Kind { quote, bullets, numbers };
    std::vector<Kind> open;
    int quotes = 0, lists = 0;

    void close_one(std::string& out) {
        const Kind k = open.back();
        open.pop_back();
        if (k == Kind::quote) {
            out += "</blockquote>\n";
            --quotes;
        } else {
            out += k == Kind::bullets ? "</li></ul>\n" : "</li></ol>\n";
            --lists;
        }
    }
    void open_list(std::string& out, const md::Block& b) {
        const bool numbers = b.marker == md::Marker::ordered;
        open.push_back(numbers ? Kind::numbers : Kind::bullets);
        ++lists;
        if (numbers && b.number != 1) out += "<ol start=\"" + std::to_string(b.number) + "\"><li>";
        else out += numbers ? "<ol><li>" : "<ul><li>";
    }
    // Brings the open containers to the block's depths; a marker starts a new item.
    void reach(std::string& out, const md::Block& b) {
        const int want_q = b.quote_depth, want_l = b.list_depth;
        while (!open.empty() && (quotes > want_q || lists > want_l)) close_one(out);
        while (quotes < want_q) {  // a quote inside a list item nests inside it
            out += "<blockquote>\n";
            open.push_back(Kind::quote);
            ++quotes;
        }
        bool fresh = false;
        while (lists < want_l) {
            open_list(out, b);
            fresh = true;
        }
        if (b.marker == md::Marker::none || fresh || open.empty() || open.back() == Kind::quote) return;
        const bool numbers = b.marker == md::Marker::ordered;
        if ((open.back() == Kind::numbers) != numbers) {  // "- a" then "1. b": another list
            close_one(out);
            open_list(out, b);
        } else {
            out += "</li>\n<li>";
        }
    }
};

void write_markdown(std::string& out, std::string_view markdown) {
    const md::Document doc = md::parse(markdown);
    Containers c;
    for (const md::Block& b : doc.blocks) {
        c.reach(out, b);
        const auto spans = [&](bool code) {
            for (std::uint32_t i = b.span_begin; i < b.span_end && i < doc.spans.size(); ++i)
                write_span(out, doc, doc.spans[i], code);
        };
        switch (b.kind) {
            case md::BlockKind::heading: {
                // Headings inside a text sit below the page's own h1/h2.
                const std::string h = "h" + std::to_string(std::min(6, std::max(3, b.level + 2)));
                out += "<" + h + ">";
                spans(false);
                out += "</" + h + ">\n";
                break;
            }
            case md::BlockKind::code:
                out += "<pre><code>";
                spans(true);
                out += "</code></pre>\n";
                break;
            case md::BlockKind::rule: out += "<hr>\n"; break;
            case md::BlockKind::paragraph:
                out += "<p>";
                spans(false);
                out += "</p>\n";
                break;
        }
    }
    while (!c.open.empty()) c.close_one(out);
}

void write_link(std::string& out, const std::string& title, const std::string& href) {
    const std::string shown = html_escape(title.empty() ? href : title);
    if (md::is_web_link(href)) out += "<a href=\"" + html_escape(href) + "\">" + shown + "</a>";
    else out += shown;
}

// An interface word in the mirror, marked with its catalogue key: the page ships the
// bundled archive's mirror written at build time, and its script puts these words into
// the reader's language before the viewer starts (speak() in web/lectern-page.js). Words the catalogues
// lack (an archive's own kinds) stay as they are, unmarked.
std::string interface_word(const std::string& key, const std::string& fallback) {
    if (!find_message("en", key)) return html_escape(fallback);
    return "<span data-t=\"" + html_escape(key) + "\">" + html_escape(tr(key)) + "</span>";
}

// "kind · disputed" after a work's title in lists, as HTML.
std::string kind_note(const Work& w) {
    std::string s = w.kind.empty() ? std::string() : interface_word("kind." + w.kind, w.kind);
    if (w.attribution != "author")
        s += (s.empty() ? "" : " · ") + interface_word("attribution." + w.attribution + "_short", w.attribution);
    return s;
}

void write_work_item(std::string& out, const Work& w) {
    out += "<li><a href=\"#work=" + html_escape(w.id) + "\">";
    const std::string date = shown_date(w);
    out += date.empty()
               ? "<span class=\"date\" data-t=\"mirror.undated\">" + html_escape(tr("mirror.undated")) + "</span>"
               : "<time" + (w.date ? " datetime=\"" + html_escape(w.date->text) + "\"" : std::string()) + ">" +
                     html_escape(date) + "</time>";
    out += " " + html_escape(w.title) + "</a>";
    const std::string note = kind_note(w);
    if (!note.empty()) out += " <span class=\"kind\">(" + note + ")</span>";
    out += "</li>\n";
}

// Dated works in time order, then the undated in archive order; at most kMirrorWorks.
void write_works_list(std::string& out, const Archive& a, const TimelineItems& items) {
    out += "<ol class=\"works\">\n";
    std::size_t written = 0;
    for (const TimelineItem& it : items.works) {
        if (written++ == kMirrorWorks) break;
        write_work_item(out, a.works[static_cast<std::size_t>(it.work)]);
    }
    for (std::size_t i = 0; i < a.works.size() && written < kMirrorWorks; ++i)
        if (!a.works[i].date) {
            write_work_item(out, a.works[i]);
            ++written;
        }
    out += "</ol>\n";
    if (a.works.size() > kMirrorWorks)
        out += "<p>" +
               html_escape(tr_count("mirror.more_works", static_cast<long long>(a.works.size() - kMirrorWorks))) +
               "</p>\n";
}

}  // namespace

std::string markdown_html(std::string_view markdown) {
    std::string out;
    write_markdown(out, markdown);
    return out;
}

std::string archive_mirror_html(const Archive& a, const TimelineItems& items) {
    std::string out = "<header><h1>" + html_escape(a.title) + "</h1>\n";
    if (!a.subtitle.empty() || !a.publisher.empty())
        out += "<p>" + html_escape(a.subtitle) + (a.subtitle.empty() || a.publisher.empty() ? "" : " · ") +
               html_escape(a.publisher) + "</p>\n";
    out += "</header>\n";
    for (const Page& p : a.pages) {
        if (p.kind == "quote") {
            out += "<figure><blockquote>\n";
            write_markdown(out, p.body);
            out += "</blockquote>\n";
            if (!p.cite.empty()) out += "<figcaption>— " + html_escape(p.cite) + "</figcaption>\n";
            out += "</figure>\n";
            continue;
        }
        out += "<section>\n";
        if (!p.title.empty()) out += "<h2>" + html_escape(p.title) + "</h2>\n";
        write_markdown(out, p.body);
        if (!p.links.empty()) {
            out += "<ul>\n";
            for (const Link& l : p.links) {
                out += "<li>";
                write_link(out, l.title, l.href);
                out += "</li>\n";
            }
            out += "</ul>\n";
        }
        out += "</section>\n";
    }
    // class="works-section": the page lays this section out where the timeline will be drawn (web/mirror.css).
    out +=
        "<section class=\"works-section\">\n<h2 data-t=\"reader.works\">" + html_escape(tr("reader.works")) + "</h2>\n";
    write_works_list(out, a, items);
    if (!a.updated_label.empty() || a.updated) {
        const std::string date = a.updated_label.empty() ? format_date_human(*a.updated) : a.updated_label;
        out += "<p data-t=\"reader.updated\" data-date=\"" + html_escape(date) + "\">" +
               html_escape(tr("reader.updated", {{"date", date}})) + "</p>\n";
    }
    out += "</section>\n";
    return out;
}

// An image as text: its alt (what the reader would see) and caption. No <img>: the mirror
// reads aloud and copies as text, and must not fetch anything.
static void write_figure(std::string& out, const Media& m) {
    out += "<figure><p>" + html_escape(tr("image.alt", {{"alt", m.alt}})) + "</p>";
    if (!m.caption.empty()) out += "<figcaption>" + html_escape(m.caption) + "</figcaption>";
    out += "</figure>\n";
}

std::string work_mirror_html(const Archive& a, int work) {
    if (work < 0 || static_cast<std::size_t>(work) >= a.works.size()) return {};
    const Work& w = a.works[static_cast<std::size_t>(work)];
    std::string out = "<article>\n<h1>" + html_escape(w.title) + "</h1>\n<p>";
    std::string meta = shown_date(w);
    if (!w.kind.empty()) meta += (meta.empty() ? "" : " · ") + tr_term("kind.", w.kind);
    for (const std::string& pid : w.people)
        if (const Person* p = a.find_person(pid)) meta += (meta.empty() ? "" : " · ") + p->name;
    if (!w.section.empty()) meta += (meta.empty() ? "" : " · ") + w.section;
    out += html_escape(meta) + "</p>\n";
    if (w.attribution != "author") {
        out += "<aside><p><strong>" + html_escape(tr_term("attribution.", w.attribution)) + ".</strong></p>\n";
        write_markdown(out, w.attribution_note);
        out += "</aside>\n";
    }
    if (w.cover) write_figure(out, *w.cover);
    if (w.body) write_markdown(out, *w.body);
    else out += "<p>" + html_escape(tr("reader.no_text")) + "</p>\n";
    for (const Media& m : w.media) write_figure(out, m);
    if (!w.notes.empty()) {
        out += "<h2>" + html_escape(tr("reader.notes")) + "</h2>\n";
        write_markdown(out, w.notes);
    }
    if (!w.source.empty()) {
        out += "<p>" + html_escape(tr("reader.source")) + " ";
        write_link(out, w.source, w.source);
        out += "</p>\n";
    }
    if (!w.tags.empty()) {
        std::string tags;
        for (const std::string& t : w.tags) tags += (tags.empty() ? "" : " · ") + t;
        out += "<p>" + html_escape(tr("reader.tags", {{"tags", tags}})) + "</p>\n";
    }
    out += "</article>\n";
    return out;
}

std::string work_announcement(const Archive& a, int work) {
    if (work < 0 || static_cast<std::size_t>(work) >= a.works.size())
        return tr("mirror.front_matter_of", {{"title", a.title}});
    const Work& w = a.works[static_cast<std::size_t>(work)];
    std::string s = w.title;
    const std::string date = shown_date(w);
    if (!date.empty()) s += ", " + date;
    if (!w.kind.empty()) s += ", " + w.kind;
    return s;
}

}  // namespace lectern
