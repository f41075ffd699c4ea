// Loads an archive from JSON text in one pass: core/archive/member_stream.h hands over the
// archive's own members and each element of its arrays as a small tree, which
// core/archive/archive_reader.h checks into the model and drops; the works come as events
// (core/archive/work_events.h), most of them never a tree. A million works never stand as one
// tree beside the model (that tree took more memory than the model and the text together).
#include <algorithm>
#include <memory>
#include <new>
#include <optional>
#include <set>
#include <type_traits>

#include "core/archive/archive.h"
#include "core/archive/array_size_hint.h"
#include "core/archive/archive_members.h"
#include "core/archive/archive_reader.h"
#include "core/archive/json_syntax.h"
#include "core/archive/member_stream.h"
#include "core/archive/work_events.h"

namespace lectern {

namespace {

// The reader is written against 3.11's SAX DOM builder (member_stream.h) and its messages
// (json_syntax.cpp). CMake asks for 3.11 too.
static_assert(NLOHMANN_JSON_VERSION_MAJOR == 3 && NLOHMANN_JSON_VERSION_MINOR == 11,
              "Lectern's archive reader is written against nlohmann_json 3.11");

// One of the archive's arrays as it is read: its elements, their problems in order, and the
// ids (or era titles) seen so far.
template <class Item>
struct Section {
    bool read = false;  // the member was an array; otherwise it is checked from ArchiveSink::rest_
    std::vector<Item> items;
    std::vector<Diagnostic> problems;
    std::set<std::string> seen;
    // An event or work whose people are checked once the archive's people are all known
    // (the people may follow it, or come twice): their problems go after problems[at - 1].
    struct Refs {
        std::size_t at, item, index;
    };
    std::vector<Refs> refs;
};

enum class Array { none, people, pages, events, eras, works };

Array array_named(const std::string& key) {
    if (key == members::Archive::works) return Array::works;
    if (key == members::Archive::people) return Array::people;
    if (key == members::Archive::pages) return Array::pages;
    if (key == members::Archive::events) return Array::events;
    if (key == members::Archive::eras) return Array::eras;
    return Array::none;
}

bool known_member(const std::string& key) {
    for (const char* k : members::Archive::all)
        if (key == k) return true;
    return false;
}

// Receives the document's members, checking each array element as it comes; finish() then
// lists every problem in the order of a reader walking the whole tree: the archive's own
// members, then people, pages, events, eras and works (not the order of the text).
class ArchiveSink final : public MemberSink {
public:
    // `works_hint`: how many works the text holds (array_size_hint.h), reserved at once.
    explicit ArchiveSink(std::size_t works_hint) : works_hint_(works_hint) {}

    void top_level(const json& type_only) override { top_level_ = type_only; }

    MemberTake take(const std::string& key) override {
        switch (array_named(key)) {
            case Array::people: people_ = {}; break;
            case Array::pages: pages_ = {}; break;
            case Array::events: events_ = {}; break;
            case Array::eras: eras_ = {}; break;
            case Array::works: works_ = {}; break;
            case Array::none:
                if (known_member(key)) return MemberTake::whole;
                rest_[key] = nullptr;  // only its name is checked: an unknown member
                return MemberTake::skip;
        }
        rest_.erase(key);
        return MemberTake::elements;
    }

    void whole(const std::string& key, json&& value) override { rest_[key] = std::move(value); }

    void elements_begin(const std::string& key) override {
        switch (array_named(key)) {
            case Array::people: people_.read = true; break;
            case Array::pages: pages_.read = true; break;
            case Array::events: events_.read = true; break;
            case Array::eras: eras_.read = true; break;
            case Array::works:
                works_.read = true;
                reserve_works();
                break;
            case Array::none: break;
        }
    }

    void element(const std::string& key, std::size_t index, json& j) override {
        switch (array_named(key)) {
            case Array::people: add(people_, key, index, j, read_person); break;
            case Array::pages: add(pages_, key, index, j, read_page); break;
            case Array::events:
                add(events_, key, index, j, [](Reader& r, const json& e, const std::string& p, auto&, Event& event) {
                    read_event(r, e, p, event);
                });
                break;
            case Array::eras: add(eras_, key, index, j, read_era); break;
            case Array::works: add(works_, key, index, j, read_work); break;
            case Array::none: break;
        }
    }

    ElementReader* element_reader(const std::string& key) override {
        return array_named(key) == Array::works ? &work_events_ : nullptr;
    }

    void element_read(const std::string& key, std::size_t index, ElementReader&) override {
        if (!work_events_.simple()) {
            json j = work_events_.tree();
            add(works_, key, index, j, read_work);
            return;
        }
        Reader r(works_.problems);
        Work& w = works_.items.emplace_back();
        const std::optional<std::string> date = work_events_.take(w);
        check_work_values(r, Reader::item(key, index), works_.seen, w, date);
        if (!w.people.empty()) works_.refs.push_back({works_.problems.size(), works_.items.size() - 1, index});
    }

    // Every problem, in order, into `out`; the archive, whether or not it has errors.
    std::shared_ptr<Archive> finish(std::vector<Diagnostic>& out) {
        auto a = std::make_shared<Archive>();
        Reader r(out);
        if (top_level_) {
            r.expect_object(*top_level_, "(top level)");
            return a;
        }
        read_archive_members(r, rest_, *a);
        const std::set<std::string>& person_ids = people_.seen;
        append(r, out, people_, members::Archive::people, false, a->people, person_ids);
        append(r, out, pages_, members::Archive::pages, false, a->pages, person_ids);
        append(r, out, events_, members::Archive::events, false, a->events, person_ids);
        append(r, out, eras_, members::Archive::eras, false, a->eras, person_ids);
        append(r, out, works_, members::Archive::works, true, a->works, person_ids);
        return a;
    }

private:
    void reserve_works() {
        // Where memory is short (the browser's 2 GB), the vector grows as it would have.
        try {
            works_.items.reserve(works_hint_);
        } catch (const std::bad_alloc&) {}
    }

    template <class Item, class Read>
    static void add(Section<Item>& s, const std::string& key, std::size_t index, const json& j, Read read) {
        Reader r(s.problems);
        const std::string p = Reader::item(key, index);
        if (!r.expect_object(j, p)) return;
        // In place: a Work is 688 bytes, and moving a million of them showed in the profile.
        Item& item = s.items.emplace_back();
        read(r, j, p, s.seen, item);
        if constexpr (std::is_same_v<Item, Event> || std::is_same_v<Item, Work>)
            if (!item.people.empty()) s.refs.push_back({s.problems.size(), s.items.size() - 1, index});
    }

    // A section's problems after the archive's own, its people checked where they belong.
    template <class Item>
    void append(Reader& r, std::vector<Diagnostic>& out, Section<Item>& s, const char* key, bool required,
                std::vector<Item>& dst, const std::set<std::string>& person_ids) {
        if (!s.read) {  // absent, or not an array
            r.each(rest_, "", key, required, [](const json&, const std::string&) {});
            return;
        }
        out.reserve(out.size() + s.problems.size());  // one allocation for a broken generator's million problems
        std::size_t next = 0;
        for (std::size_t i = 0; i <= s.problems.size(); ++i) {
            for (; next < s.refs.size() && s.refs[next].at == i; ++next) {
                if constexpr (std::is_same_v<Item, Event> || std::is_same_v<Item, Work>)
                    check_people_refs(r, key, s.refs[next].index, s.items[s.refs[next].item].people, person_ids);
            }
            if (i < s.problems.size()) out.push_back(std::move(s.problems[i]));
        }
        s.problems = {};
        dst = std::move(s.items);
    }

    std::optional<json> top_level_;  // the document's type, when it is not an object
    json rest_ = json::object();     // the archive's own members, and the arrays that are not arrays
    Section<Person> people_;
    Section<Page> pages_;
    Section<Event> events_;
    Section<Era> eras_;
    Section<Work> works_;
    std::size_t works_hint_;
    WorkEvents work_events_;  // the works, the one array that grows to millions, read without trees
};

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

}  // namespace

LoadResult load_archive(std::string_view text) {
    LoadResult result;
    // nlohmann reads a raw NUL outside a string as the end of input: "{...}\0anything" would load
    // and silently drop the rest of the file. A raw NUL is never valid JSON, so the first one is
    // reported wherever it is, unless the parser stops at an earlier error.
    const std::size_t nul = text.find('\0');
    // A valid work takes 34 bytes at least ({"id":"a","title":"","date":null}): a count above
    // that, from a text that is not an archive, is not believed.
    ArchiveSink sink(std::min(top_level_array_size(text, members::Archive::works), text.size() / 34));
    MemberStream stream(sink);
    // sax_parse reports both kinds of error to the stream: a syntax error, and a number too large
    // for a double ("1e400"), which json::parse throws as out_of_range, with no place.
    if (!json::sax_parse(text.begin(), text.end(), &stream)) {
        // nlohmann's byte is 1-based: the failing byte is at error_byte - 1.
        const std::size_t at = stream.error_byte == 0 ? 0 : std::min<std::size_t>(stream.error_byte - 1, text.size());
        Diagnostic d{Diagnostic::Severity::error, "", 0, 0,
                     nul <= at ? Message{"check.nul"} : syntax_reason(stream.error_message, stream.error_token)};
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
    std::shared_ptr<Archive> archive = sink.finish(result.diagnostics);
    if (!Reader(result.diagnostics).has_errors()) result.archive = std::move(archive);
    return result;
}

}  // namespace lectern
