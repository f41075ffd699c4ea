// Collects the code points of an archive's text with a bitmap over all of Unicode (136 KB):
// one pass over the strings, however large the archive.
#include "core/archive/codepoints.h"

#include <cstdint>

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
            const auto byte = static_cast<unsigned char>(text[i]);
            if (byte < 0x80) {  // most of most archives: no decoding
                entity |= byte == '&';
                mark(byte);
                ++i;
                continue;
            }
            std::size_t n = 0;
            mark(utf8_decode(text, i, n));
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
        for (std::size_t word = 0; word < seen_.size(); ++word)
            for (std::uint64_t bits = seen_[word]; bits != 0; bits &= bits - 1) {
                const auto cp = static_cast<char32_t>(word * 64 + static_cast<std::size_t>(__builtin_ctzll(bits)));
                if (drawable(cp)) out.push_back(cp);
            }
        return out;
    }

private:
    // A plain bitmap: std::vector<bool>'s proxy does not inline at -Os, and this loop is
    // on the way to the page's first frame.
    std::vector<std::uint64_t> seen_ = std::vector<std::uint64_t>((kLastCodePoint + 64) / 64);
    void mark(char32_t cp) { seen_[cp / 64] |= std::uint64_t{1} << (cp % 64); }
    void add_plain(std::string_view text) {
        for (std::size_t i = 0, n = 0; i < text.size(); i += n) mark(utf8_decode(text, i, n));
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
