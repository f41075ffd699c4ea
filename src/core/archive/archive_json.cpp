// Archive -> JSON. Empty optional members are left out; dates keep their EDTF text.
#include "core/archive/archive_json.h"

#include <nlohmann/json.hpp>

namespace lectern {

using ojson = nlohmann::ordered_json;

namespace {

void put(ojson& j, const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
}
void put(ojson& j, const char* key, const std::vector<std::string>& values) {
    if (!values.empty()) j[key] = values;
}
void put(ojson& j, const char* key, const std::optional<EdtfDate>& date) {
    if (date) j[key] = date->text;
}

ojson person_json(const Person& p) {
    ojson j;
    j["id"] = p.id;
    j["name"] = p.name;
    put(j, "full_name", p.full_name);
    put(j, "born", p.born);
    put(j, "died", p.died);
    put(j, "born_place", p.born_place);
    put(j, "died_place", p.died_place);
    put(j, "note", p.note);
    return j;
}

ojson page_json(const Page& p) {
    ojson j;
    j["id"] = p.id;
    put(j, "title", p.title);
    if (p.kind != "text") j["kind"] = p.kind;
    j["body"] = p.body;
    put(j, "cite", p.cite);
    if (!p.links.empty()) {
        ojson links = ojson::array();
        for (const Link& l : p.links) {
            ojson lj;
            lj["title"] = l.title;
            put(lj, "href", l.href);
            links.push_back(std::move(lj));
        }
        j["links"] = std::move(links);
    }
    return j;
}

ojson event_json(const Event& e) {
    ojson j;
    put(j, "date", e.date);
    j["title"] = e.title;
    put(j, "people", e.people);
    put(j, "place", e.place);
    put(j, "body", e.body);
    return j;
}

ojson era_json(const Era& e) {
    ojson j;
    j["title"] = e.title;
    put(j, "date", e.date);
    put(j, "note", e.note);
    return j;
}

ojson work_json(const Work& w) {
    ojson j;
    j["id"] = w.id;
    j["title"] = w.title;
    j["date"] = w.date ? ojson(w.date->text) : ojson(nullptr);
    put(j, "date_label", w.date_label);
    put(j, "kind", w.kind);
    put(j, "people", w.people);
    if (w.attribution != "author") j["attribution"] = w.attribution;
    put(j, "attribution_note", w.attribution_note);
    put(j, "section", w.section);
    if (w.body) j["body"] = *w.body;
    put(j, "source", w.source);
    put(j, "notes", w.notes);
    put(j, "tags", w.tags);
    return j;
}

template <class T, class Fn>
void put_array(ojson& j, const char* key, const std::vector<T>& items, Fn fn, bool always = false) {
    if (items.empty() && !always) return;
    ojson arr = ojson::array();
    for (const T& item : items) arr.push_back(fn(item));
    j[key] = std::move(arr);
}

}  // namespace

std::string archive_to_json(const Archive& a) {
    ojson j;
    j["lectern"] = a.version;
    j["title"] = a.title;
    put(j, "subtitle", a.subtitle);
    put(j, "publisher", a.publisher);
    put(j, "language", a.language);
    put(j, "updated", a.updated);
    put(j, "updated_label", a.updated_label);
    put_array(j, "people", a.people, person_json);
    put_array(j, "pages", a.pages, page_json);
    put_array(j, "events", a.events, event_json);
    put_array(j, "eras", a.eras, era_json);
    put_array(j, "works", a.works, work_json, true);
    return j.dump(2, ' ', false, ojson::error_handler_t::strict) + "\n";
}

}  // namespace lectern
