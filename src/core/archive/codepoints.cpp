// Collects the code points of an archive's text with a bitmap over all of Unicode (136 KB):
// one pass over the strings, however large the archive.
#include "core/archive/codepoints.h"

#include "core/text/markdown.h"
#include "core/text/utf8.h"

namespace lectern {

namespace {

constexpr char32_t kLastCodePoint = 0x10FFFF;

bool drawable(char32_t cp) { return cp >= 0x20 && !(cp >= 0x7F && cp <= 0x9F); }

class Collector {
public:
    void add(std::string_view text) {
        bool entity = false;
        for (std::size_t i = 0; i < text.size();) {
            entity |= text[i] == '&';
            std::size_t n = 0;
            seen_[utf8_decode(text, i, n)] = true;
            i += n;
        }
        // Markdown entities stand for characters the raw text need not contain.
        if (entity) {
            const md::Document d = md::parse(text);
            add_plain(d.text);
            for (const std::string& href : d.links) add_plain(href);
        }
    }
    std::vector<char32_t> take() const {
        std::vector<char32_t> out;
        for (char32_t cp = 0; cp <= kLastCodePoint; ++cp)
            if (seen_[cp] && drawable(cp)) out.push_back(cp);
        return out;
    }

private:
    std::vector<bool> seen_ = std::vector<bool>(kLastCodePoint + 1);
    void add_plain(std::string_view text) {
        for (std::size_t i = 0, n = 0; i < text.size(); i += n) seen_[utf8_decode(text, i, n)] = true;
    }
};

}  // namespace

std::vector<char32_t> archive_codepoints(const Archive& a) {
    Collector c;
    for (const std::string* s : {&a.title, &a.subtitle, &a.publisher, &a.language, &a.updated_label}) c.add(*s);
    if (a.updated) c.add(a.updated->text);
    for (const Person& p : a.people) {
        for (const std::string* s : {&p.id, &p.name, &p.full_name, &p.born_place, &p.died_place, &p.note}) c.add(*s);
        for (const auto* d : {&p.born, &p.died})
            if (*d) c.add((*d)->text);
    }
    for (const Page& p : a.pages) {
        for (const std::string* s : {&p.id, &p.title, &p.kind, &p.body, &p.cite}) c.add(*s);
        for (const Link& l : p.links) c.add(l.title), c.add(l.href);
    }
    for (const Event& e : a.events) {
        for (const std::string* s : {&e.title, &e.place, &e.body}) c.add(*s);
        if (e.date) c.add(e.date->text);
        for (const std::string& p : e.people) c.add(p);
    }
    for (const Work& w : a.works) {
        for (const std::string* s : {&w.id, &w.title, &w.date_label, &w.kind, &w.attribution, &w.attribution_note,
                                     &w.section, &w.source, &w.notes})
            c.add(*s);
        if (w.body) c.add(*w.body);
        if (w.date) c.add(w.date->text);
        for (const std::string& p : w.people) c.add(p);
        for (const std::string& t : w.tags) c.add(t);
        // Images: captions and alt texts are drawn, names appear in notices.
        if (w.cover) c.add(w.cover->src), c.add(w.cover->alt), c.add(w.cover->caption);
        for (const Media& m : w.media) c.add(m.src), c.add(m.alt), c.add(m.caption);
    }
    for (const Era& e : a.eras) {
        c.add(e.title), c.add(e.note);
        if (e.date) c.add(e.date->text);
    }
    return c.take();
}

}  // namespace lectern
