// Archive -> JSON. Empty optional members are left out; dates keep their EDTF text. Member
// names come from the format's tables (core/archive/archive_members.h), as the reader's do.
#include "core/archive/archive_json.h"

#include <nlohmann/json.hpp>

#include "core/archive/archive_members.h"

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
    j[members::Person::id] = p.id;
    j[members::Person::name] = p.name;
    put(j, members::Person::full_name, p.full_name);
    put(j, members::Person::born, p.born);
    put(j, members::Person::died, p.died);
    put(j, members::Person::born_place, p.born_place);
    put(j, members::Person::died_place, p.died_place);
    put(j, members::Person::note, p.note);
    return j;
}

ojson page_json(const Page& p) {
    ojson j;
    j[members::Page::id] = p.id;
    put(j, members::Page::title, p.title);
    if (p.kind != "text") j[members::Page::kind] = p.kind;
    j[members::Page::body] = p.body;
    put(j, members::Page::cite, p.cite);
    if (!p.links.empty()) {
        ojson links = ojson::array();
        for (const Link& l : p.links) {
            ojson lj;
            lj[members::Link::title] = l.title;
            put(lj, members::Link::href, l.href);
            links.push_back(std::move(lj));
        }
        j[members::Page::links] = std::move(links);
    }
    return j;
}

ojson event_json(const Event& e) {
    ojson j;
    put(j, members::Event::date, e.date);
    j[members::Event::title] = e.title;
    put(j, members::Event::people, e.people);
    put(j, members::Event::place, e.place);
    put(j, members::Event::body, e.body);
    return j;
}

ojson era_json(const Era& e) {
    ojson j;
    j[members::Era::title] = e.title;
    put(j, members::Era::date, e.date);
    put(j, members::Era::note, e.note);
    return j;
}

ojson media_json(const Media& m) {
    ojson j;
    j[members::Media::src] = m.src;
    j[members::Media::alt] = m.alt;
    put(j, members::Media::caption, m.caption);
    return j;
}

ojson work_json(const Work& w) {
    ojson j;
    j[members::Work::id] = w.id;
    j[members::Work::title] = w.title;
    j[members::Work::date] = w.date ? ojson(w.date->text) : ojson(nullptr);
    put(j, members::Work::date_label, w.date_label);
    put(j, members::Work::kind, w.kind);
    put(j, members::Work::people, w.people);
    if (w.attribution != "author") j[members::Work::attribution] = w.attribution;
    put(j, members::Work::attribution_note, w.attribution_note);
    put(j, members::Work::section, w.section);
    if (w.body) j[members::Work::body] = *w.body;
    put(j, members::Work::source, w.source);
    put(j, members::Work::notes, w.notes);
    put(j, members::Work::tags, w.tags);
    if (w.cover) j[members::Work::cover] = media_json(*w.cover);
    if (!w.media.empty()) {
        ojson media = ojson::array();
        for (const Media& m : w.media) media.push_back(media_json(m));
        j[members::Work::media] = std::move(media);
    }
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
    j[members::Archive::lectern] = a.version;
    j[members::Archive::title] = a.title;
    put(j, members::Archive::subtitle, a.subtitle);
    put(j, members::Archive::publisher, a.publisher);
    put(j, members::Archive::language, a.language);
    put(j, members::Archive::updated, a.updated);
    put(j, members::Archive::updated_label, a.updated_label);
    put_array(j, members::Archive::people, a.people, person_json);
    put_array(j, members::Archive::pages, a.pages, page_json);
    put_array(j, members::Archive::events, a.events, event_json);
    put_array(j, members::Archive::eras, a.eras, era_json);
    put_array(j, members::Archive::works, a.works, work_json, true);
    return j.dump(2, ' ', false, ojson::error_handler_t::strict) + "\n";
}

std::string work_to_json(const Work& w) { return work_json(w).dump(-1, ' ', false, ojson::error_handler_t::strict); }

std::string person_to_json(const Person& p) {
    return person_json(p).dump(-1, ' ', false, ojson::error_handler_t::strict);
}

}  // namespace lectern
