// The archive model (../specs/archive-format-v1.md) and its loader.
//
//   LoadResult r = load_archive(json_text);
//   if (!r.ok()) for (auto& d : r.diagnostics) print(d.path, d.message());
//   else use(*r.archive);
//
// The loader reports every problem it finds, each with the member path
// (`works[3].title`) or, for syntax errors, the line and column.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates/date.h"
#include "core/i18n/message.h"

namespace lectern {

struct Link {
    std::string title;
    std::string href;  // empty: the source did not give a target
};

struct Page {
    std::string id, title;
    std::string kind = "text";  // text, quote, note
    std::string body, cite;
    std::vector<Link> links;
};

struct Person {
    std::string id, name, full_name, born_place, died_place, note;
    std::optional<EdtfDate> born, died;
};

struct Event {
    std::optional<EdtfDate> date;
    std::string title, place, body;
    std::vector<std::string> people;
};

struct Era {
    std::string title, note;
    std::optional<EdtfDate> date;  // an interval
};

// An image (../specs/archive-format-v1.md, Media): src is a path relative to the archive
// file, a data: URI or an https: URL (core/archive/media_source.h says which).
struct Media {
    std::string src, alt, caption;
};

struct Work {
    std::string id, title;
    std::optional<EdtfDate> date;  // nullopt: undated
    std::string date_label;        // as the source prints it; may be empty
    std::string kind, attribution = "author", attribution_note, section, source, notes;
    std::optional<std::string> body;  // nullopt: the archive does not include the text
    std::vector<std::string> people, tags;
    std::optional<Media> cover;  // shown at the head of the work
    std::vector<Media> media;    // shown after the text
};

// The date as a reader should see it: the printed label, else Lectern's wording
// ("June 1908", "c. 1945"), else "undated".
std::string shown_date(const Work& work);

struct Archive {
    int version = 1;
    std::string title, subtitle, publisher, language, updated_label;
    std::optional<EdtfDate> updated;
    std::vector<Person> people;
    std::vector<Page> pages;
    std::vector<Event> events;
    std::vector<Work> works;
    std::vector<Era> eras;

    const Work* find_work(std::string_view id) const;
    int work_index(std::string_view id) const;  // -1 when absent
    const Person* find_person(std::string_view id) const;
    const Page* find_page(std::string_view id) const;
};

struct Diagnostic {
    enum class Severity { error, warning };
    Severity severity = Severity::error;
    std::string path;          // member path such as "works[3].title"; empty for syntax errors
    int line = 0, column = 0;  // set for syntax errors
    Message what;              // the problem, to be written in any language

    // In English: lectern-tool's words, which the format docs quote. Written when asked
    // for, not kept: a broken generator can make a million problems.
    std::string message() const { return what.in("en"); }
    // "works[3].title: expected a string, found a number" or "line 2, column 5: ...", in
    // `language` (the viewer passes the interface's).
    std::string to_string(std::string_view language = "en") const;
};

struct LoadResult {
    std::shared_ptr<const Archive> archive;  // null when there are errors
    std::vector<Diagnostic> diagnostics;     // errors and warnings, in document order
    bool ok() const { return archive != nullptr; }
    std::string first_error(std::string_view language = "en") const;
};

LoadResult load_archive(std::string_view json_text);

}  // namespace lectern
