// Loads an archive from JSON text, checking every member against the format.
#include "core/archive/archive.h"

#include "core/dates/date_format.h"
#include "core/archive/archive_members.h"
#include "core/archive/json_syntax.h"
#include "core/archive/media_source.h"
#include "core/text/utf8.h"

#include <nlohmann/json.hpp>
#include <initializer_list>
#include <set>

namespace lectern {

using nlohmann::json;

std::string shown_date(const Work& w) {
    if (!w.date_label.empty()) return w.date_label;
    return w.date ? format_date_human(*w.date) : "undated";
}

const Work* Archive::find_work(std::string_view id) const {
    const int i = work_index(id);
    return i < 0 ? nullptr : &works[static_cast<std::size_t>(i)];
}

int Archive::work_index(std::string_view id) const {
    for (std::size_t i = 0; i < works.size(); ++i)
        if (works[i].id == id) return static_cast<int>(i);
    return -1;
}

const Person* Archive::find_person(std::string_view id) const {
    for (const auto& p : people)
        if (p.id == id) return &p;
    return nullptr;
}

const Page* Archive::find_page(std::string_view id) const {
    for (const auto& p : pages)
        if (p.id == id) return &p;
    return nullptr;
}

std::string Diagnostic::to_string(std::string_view language) const {
    std::string where = path;
    if (where.empty() && line > 0)
        where =
            Message{"check.at_line", {{"line", std::to_string(line)}, {"column", std::to_string(column)}}}.in(language);
    std::string said = what.in(language);
    if (severity == Severity::warning) said = Message{"check.warning", {{"problem", said}}}.in(language);
    return where.empty() ? said : Message{"check.at", {{"where", where}, {"problem", said}}}.in(language);
}

std::string LoadResult::first_error(std::string_view language) const {
    for (const auto& d : diagnostics)
        if (d.severity == Diagnostic::Severity::error) return d.to_string(language);
    return {};
}

namespace {

// Walks the JSON tree, filling the model and recording every problem with its path.
class Reader {
public:
    explicit Reader(std::vector<Diagnostic>& out) : out_(out) {}

    void error(const std::string& path, Message what) {
        out_.push_back({Diagnostic::Severity::error, path, 0, 0, std::move(what)});
    }
    void warning(const std::string& path, Message what) {
        out_.push_back({Diagnostic::Severity::warning, path, 0, 0, std::move(what)});
    }
    std::size_t count() const { return out_.size(); }
    // Wraps the problems recorded since count() was `first` in `key`, which holds each as
    // {problem} beside `args` (an era's title after its problems).
    void note_since(std::size_t first, const char* key, std::vector<MessageArg> args) {
        for (std::size_t i = first; i < out_.size(); ++i) {
            Message wrapped{key, args};
            wrapped.args.emplace_back("problem", std::move(out_[i].what));
            out_[i].what = std::move(wrapped);
        }
    }
    bool has_errors() const {
        for (const auto& d : out_)
            if (d.severity == Diagnostic::Severity::error) return true;
        return false;
    }

    static std::string member(const std::string& path, const char* key) {
        return path.empty() ? std::string(key) : path + "." + key;
    }
    static std::string item(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

    bool expect_object(const json& j, const std::string& path) {
        if (j.is_object()) return true;
        error(path, {"check.expected_object", {{"found", describe(j)}}});
        return false;
    }

    // `known`: the object's table (core/archive/archive_members.h), e.g. members::Person::all.
    template <std::size_t N>
    void warn_unknown(const json& obj, const std::string& path, const char* const (&known)[N]) {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            bool found = false;
            for (const char* k : known) found = found || it.key() == k;
            if (!found) warning(member(path, shown_input(it.key()).c_str()), {"check.unknown_member"});
        }
    }

    // Reads obj[key] as a string. Absent: error when required. Returns whether a value was read.
    bool text(const json& obj, const std::string& path, const char* key, std::string& dst, bool required = false) {
        const auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) error(member(path, key), {"check.missing"});
            return false;
        }
        if (!it->is_string()) {
            error(member(path, key), {"check.expected_string", {{"found", describe(*it)}}});
            return false;
        }
        dst = it->get<std::string>();
        return true;
    }

    // A string that may also be null (work.body).
    void nullable_text(const json& obj, const std::string& path, const char* key, std::optional<std::string>& dst) {
        const auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return;
        if (!it->is_string()) {
            error(member(path, key), {"check.expected_string_or_null", {{"found", describe(*it)}}});
            return;
        }
        dst = it->get<std::string>();
    }

    void date(const json& obj, const std::string& path, const char* key, std::optional<EdtfDate>& dst,
              bool required = false, bool nullable = false) {
        const auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) error(member(path, key), {nullable ? "check.missing_date" : "check.missing"});
            return;
        }
        if (it->is_null() && nullable) return;
        if (!it->is_string()) {
            error(member(path, key), {"check.expected_date", {{"found", describe(*it)}}});
            return;
        }
        Message why;
        dst = parse_edtf(it->get_ref<const std::string&>(), &why);
        if (!dst)
            error(member(path, key),
                  {"check.invalid_date",
                   {{"date", shown_input(it->get_ref<const std::string&>())}, {"reason", std::move(why)}}});
    }

    void strings(const json& obj, const std::string& path, const char* key, std::vector<std::string>& dst) {
        const auto it = obj.find(key);
        if (it == obj.end()) return;
        const std::string p = member(path, key);
        if (!it->is_array()) {
            error(p, {"check.expected_strings", {{"found", describe(*it)}}});
            return;
        }
        for (std::size_t i = 0; i < it->size(); ++i) {
            const json& v = (*it)[i];
            if (v.is_string()) dst.push_back(v.get<std::string>());
            else error(item(p, i), {"check.expected_string", {{"found", describe(v)}}});
        }
    }

    // Calls fn(element, path) for each element of the array obj[key]; `path` is obj's own path,
    // so a nested array's problems name it whole ("pages[2].links", not "links").
    template <class Fn>
    void each(const json& obj, const std::string& path, const char* key, bool required, Fn fn) {
        const std::string at = member(path, key);
        const auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) error(at, {"check.missing_array"});
            return;
        }
        if (!it->is_array()) {
            error(at, {"check.expected_array", {{"found", describe(*it)}}});
            return;
        }
        for (std::size_t i = 0; i < it->size(); ++i) {
            const std::string p = item(at, i);
            if (expect_object((*it)[i], p)) fn((*it)[i], p);
        }
    }

    // What a value is, for "expected ..., found {found}".
    static Message describe(const json& j) {
        switch (j.type()) {
            case json::value_t::null: return {"check.found.null"};
            case json::value_t::object: return {"check.found.object"};
            case json::value_t::array: return {"check.found.array"};
            case json::value_t::string: return {"check.found.string"};
            case json::value_t::boolean: return {"check.found.boolean"};
            case json::value_t::number_integer:
            case json::value_t::number_unsigned:
            case json::value_t::number_float: return {"check.found.number"};
            default: return {"check.found.other"};
        }
    }

private:
    std::vector<Diagnostic>& out_;
};

bool valid_id(const std::string& id) {
    if (id.empty()) return false;
    for (const char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

// A work's or an event's "people" (members::Work::people and members::Event::people are one name).
void read_people_refs(Reader& r, const json& obj, const std::string& path, std::vector<std::string>& dst,
                      const std::set<std::string>& person_ids) {
    const std::size_t before = dst.size();
    r.strings(obj, path, members::Work::people, dst);
    for (std::size_t i = before; i < dst.size(); ++i)
        if (!person_ids.count(dst[i]))
            r.error(Reader::item(Reader::member(path, members::Work::people), i - before),
                    {"check.no_person", {{"id", shown_input(dst[i])}}});
}

// One Media object: src and alt required, src one a reader may follow (core/archive/media_source.h).
void read_media(Reader& r, const json& j, const std::string& p, Media& m) {
    r.warn_unknown(j, p, members::Media::all);
    if (r.text(j, p, members::Media::src, m.src, true)) {
        Message why;
        if (media_source(m.src, &why) == MediaSource::refused)
            r.error(Reader::member(p, members::Media::src),
                    {"check.refused_src", {{"reason", std::move(why)}, {"src", shown_input(m.src)}}});
    }
    // alt stands in for the image in the text mirror and when it cannot be shown.
    if (r.text(j, p, members::Media::alt, m.alt, true) && m.alt.find_first_not_of(" \t\r\n") == std::string::npos)
        r.error(Reader::member(p, members::Media::alt), {"check.empty_alt"});
    r.text(j, p, members::Media::caption, m.caption);
}

void read_archive(Reader& r, const json& root, Archive& a) {
    if (!r.expect_object(root, "(top level)")) return;
    r.warn_unknown(root, "", members::Archive::all);

    const auto version = root.find(members::Archive::lectern);
    if (version == root.end()) r.error(members::Archive::lectern, {"check.missing_version"});
    else if (!version->is_number_integer())
        r.error(members::Archive::lectern, {"check.expected_version", {{"found", Reader::describe(*version)}}});
    else if (version->get<long long>() != 1)
        r.error(members::Archive::lectern,
                {"check.unknown_version",
                 {{"version", version->dump()}}});  // dump: a huge unsigned would print as a negative long long

    r.text(root, "", members::Archive::title, a.title, true);
    r.text(root, "", members::Archive::subtitle, a.subtitle);
    r.text(root, "", members::Archive::publisher, a.publisher);
    r.text(root, "", members::Archive::language, a.language);
    r.text(root, "", members::Archive::updated_label, a.updated_label);
    r.date(root, "", members::Archive::updated, a.updated);

    std::set<std::string> person_ids;
    r.each(root, "", members::Archive::people, false, [&](const json& j, const std::string& p) {
        Person person;
        r.warn_unknown(j, p, members::Person::all);
        if (r.text(j, p, members::Person::id, person.id, true) && !person_ids.insert(person.id).second)
            r.error(Reader::member(p, members::Person::id),
                    {"check.duplicate_person", {{"id", shown_input(person.id)}}});
        r.text(j, p, members::Person::name, person.name, true);
        r.text(j, p, members::Person::full_name, person.full_name);
        r.text(j, p, members::Person::born_place, person.born_place);
        r.text(j, p, members::Person::died_place, person.died_place);
        r.text(j, p, members::Person::note, person.note);
        r.date(j, p, members::Person::born, person.born);
        r.date(j, p, members::Person::died, person.died);
        a.people.push_back(std::move(person));
    });

    std::set<std::string> page_ids;
    r.each(root, "", members::Archive::pages, false, [&](const json& j, const std::string& p) {
        Page page;
        r.warn_unknown(j, p, members::Page::all);
        if (r.text(j, p, members::Page::id, page.id, true) && !page_ids.insert(page.id).second)
            r.error(Reader::member(p, members::Page::id), {"check.duplicate_page", {{"id", shown_input(page.id)}}});
        r.text(j, p, members::Page::title, page.title);
        r.text(j, p, members::Page::kind, page.kind);
        r.text(j, p, members::Page::body, page.body, true);
        r.text(j, p, members::Page::cite, page.cite);
        r.each(j, p, members::Page::links, false, [&](const json& lj, const std::string& lp) {
            Link link;
            r.warn_unknown(lj, lp, members::Link::all);
            r.text(lj, lp, members::Link::title, link.title, true);
            r.text(lj, lp, members::Link::href, link.href);
            page.links.push_back(std::move(link));
        });
        a.pages.push_back(std::move(page));
    });

    r.each(root, "", members::Archive::events, false, [&](const json& j, const std::string& p) {
        Event e;
        r.warn_unknown(j, p, members::Event::all);
        r.date(j, p, members::Event::date, e.date, true);
        r.text(j, p, members::Event::title, e.title, true);
        r.text(j, p, members::Event::place, e.place);
        r.text(j, p, members::Event::body, e.body);
        read_people_refs(r, j, p, e.people, person_ids);
        a.events.push_back(std::move(e));
    });

    std::set<std::string> era_titles;
    r.each(root, "", members::Archive::eras, false, [&](const json& j, const std::string& p) {
        Era era;
        const std::size_t first_problem = r.count();
        r.warn_unknown(j, p, members::Era::all);
        if (r.text(j, p, members::Era::title, era.title, true)) {
            if (era.title.find_first_not_of(" \t\r\n") == std::string::npos)
                r.error(Reader::member(p, members::Era::title), {"check.era_untitled"});
            else if (!era_titles.insert(era.title).second)
                r.warning(Reader::member(p, members::Era::title), {"check.era_title_twice"});
        }
        r.date(j, p, members::Era::date, era.date, true);
        if (era.date && !era.date->interval) r.error(Reader::member(p, members::Era::date), {"check.era_not_interval"});
        r.text(j, p, members::Era::note, era.note);
        // A path names the era by index only; its title says which band that is.
        if (!era.title.empty()) r.note_since(first_problem, "check.in_era", {{"title", shown_input(era.title)}});
        a.eras.push_back(std::move(era));
    });

    std::set<std::string> work_ids;
    // Reserve: moving a million Works while the vector grows dominated large loads.
    if (const auto works = root.find(members::Archive::works); works != root.end() && works->is_array())
        a.works.reserve(works->size());
    r.each(root, "", members::Archive::works, true, [&](const json& j, const std::string& p) {
        Work w;
        r.warn_unknown(j, p, members::Work::all);
        if (r.text(j, p, members::Work::id, w.id, true)) {
            if (!valid_id(w.id))
                r.error(Reader::member(p, members::Work::id), {"check.bad_id", {{"id", shown_input(w.id)}}});
            else if (!work_ids.insert(w.id).second)
                r.error(Reader::member(p, members::Work::id), {"check.duplicate_work", {{"id", shown_input(w.id)}}});
        }
        r.text(j, p, members::Work::title, w.title, true);
        r.date(j, p, members::Work::date, w.date, true, true);
        r.text(j, p, members::Work::date_label, w.date_label);
        r.text(j, p, members::Work::kind, w.kind);
        if (r.text(j, p, members::Work::attribution, w.attribution) && w.attribution != "author" &&
            w.attribution != "ascribed" && w.attribution != "disputed")
            r.error(Reader::member(p, members::Work::attribution),
                    {"check.bad_attribution", {{"value", shown_input(w.attribution)}}});
        r.text(j, p, members::Work::attribution_note, w.attribution_note);
        r.text(j, p, members::Work::section, w.section);
        r.nullable_text(j, p, members::Work::body, w.body);
        r.text(j, p, members::Work::source, w.source);
        r.text(j, p, members::Work::notes, w.notes);
        r.strings(j, p, members::Work::tags, w.tags);
        if (const auto cover = j.find(members::Work::cover); cover != j.end()) {
            const std::string cp = Reader::member(p, members::Work::cover);
            if (r.expect_object(*cover, cp)) read_media(r, *cover, cp, w.cover.emplace());
        }
        r.each(j, p, members::Work::media, false,
               [&](const json& mj, const std::string& mp) { read_media(r, mj, mp, w.media.emplace_back()); });
        read_people_refs(r, j, p, w.people, person_ids);
        a.works.push_back(std::move(w));
    });
}

// "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..." -> "syntax error ..."
// "[json.exception.out_of_range.406] number overflow parsing '1e400'" -> "number overflow parsing '1e400'"
// The bytes nlohmann last read come as the parser's token (json_syntax_message quotes them).
Message syntax_reason(std::string what, const std::string& last_read) {
    if (what.rfind("[json.exception.", 0) == 0 && what.find("] ") != std::string::npos)
        what.erase(0, what.find("] ") + 2);
    if (what.rfind("parse error", 0) == 0 && what.find(": ") != std::string::npos) what.erase(0, what.find(": ") + 2);
    return json_syntax_message(what, last_read);
}

// The syntax error's place: line, and column in code points, of the byte at `at` (0-based).
void set_position(Diagnostic& d, std::string_view text, std::size_t at) {
    d.line = d.column = 1;
    for (std::size_t i = 0; i < at && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++d.line;
            d.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++d.column;
    }
}

// nlohmann's DOM builder, keeping the place and reason of the first error: json::parse throws
// a number too large for a double ("1e400") as out_of_range, which has no place and which a
// catch of parse_error lets escape. sax_parse reports both kinds here (it calls parse_error on
// this type, the base's is not virtual but hidden).
// json_sax_dom_parser is one of nlohmann's details: its constructor and members change shape
// upstream (3.12 reworks it), and json_syntax.cpp reads 3.11's messages. CMake asks for 3.11 too.
static_assert(NLOHMANN_JSON_VERSION_MAJOR == 3 && NLOHMANN_JSON_VERSION_MINOR == 11,
              "Lectern's archive reader is written against nlohmann_json 3.11");
struct DomParser : nlohmann::detail::json_sax_dom_parser<json> {
    using nlohmann::detail::json_sax_dom_parser<json>::json_sax_dom_parser;
    std::size_t error_byte = 0;  // 1-based, as nlohmann counts
    std::string error_message;
    std::string error_token;  // the lexer's bytes last read, control characters as <U+XXXX>
    template <class Exception>
    bool parse_error(std::size_t byte, const std::string& token, const Exception& e) {
        error_byte = byte;
        error_message = e.what();
        error_token = token;
        return false;
    }
};

}  // namespace

LoadResult load_archive(std::string_view text) {
    LoadResult result;
    // nlohmann reads a raw NUL outside a string as the end of input: "{...}\0anything" would load
    // and silently drop the rest of the file. A raw NUL is never valid JSON, so the first one is
    // reported wherever it is, unless the parser stops at an earlier error.
    const std::size_t nul = text.find('\0');
    json root;
    DomParser dom(root, false);
    if (!json::sax_parse(text.begin(), text.end(), &dom)) {
        // nlohmann's byte is 1-based: the failing byte is at error_byte - 1.
        const std::size_t at = dom.error_byte == 0 ? 0 : std::min<std::size_t>(dom.error_byte - 1, text.size());
        Diagnostic d{Diagnostic::Severity::error, "", 0, 0,
                     nul <= at ? Message{"check.nul"} : syntax_reason(dom.error_message, dom.error_token)};
        set_position(d, text, nul <= at ? nul : at);
        result.diagnostics.push_back(std::move(d));
        return result;
    }
    if (nul != std::string_view::npos) {
        Diagnostic d{Diagnostic::Severity::error, "", 0, 0, {"check.nul"}};
        set_position(d, text, nul);
        result.diagnostics.push_back(std::move(d));
        return result;
    }
    auto archive = std::make_shared<Archive>();
    Reader reader(result.diagnostics);
    read_archive(reader, root, *archive);
    if (!reader.has_errors()) result.archive = std::move(archive);
    return result;
}

}  // namespace lectern
