// The archive format's objects checked one at a time: see archive_reader.h.
#include "core/archive/archive_reader.h"

#include "core/archive/archive_members.h"
#include "core/archive/media_source.h"

namespace lectern {

namespace {

bool valid_id(const std::string& id) {
    if (id.empty()) return false;
    for (const char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

void check_work_id(Reader& r, const std::string& p, const Work& w, std::set<std::string>& seen) {
    if (!valid_id(w.id)) r.error(Reader::member(p, members::Work::id), {"check.bad_id", {{"id", shown_input(w.id)}}});
    else if (!seen.insert(w.id).second)
        r.error(Reader::member(p, members::Work::id), {"check.duplicate_work", {{"id", shown_input(w.id)}}});
}

void check_attribution(Reader& r, const std::string& p, const Work& w) {
    if (w.attribution != "author" && w.attribution != "ascribed" && w.attribution != "disputed")
        r.error(Reader::member(p, members::Work::attribution),
                {"check.bad_attribution", {{"value", shown_input(w.attribution)}}});
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

}  // namespace

void read_archive_members(Reader& r, const json& root, Archive& a) {
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
}

void read_person(Reader& r, const json& j, const std::string& p, std::set<std::string>& seen, Person& person) {
    r.warn_unknown(j, p, members::Person::all);
    if (r.text(j, p, members::Person::id, person.id, true) && !seen.insert(person.id).second)
        r.error(Reader::member(p, members::Person::id), {"check.duplicate_person", {{"id", shown_input(person.id)}}});
    r.text(j, p, members::Person::name, person.name, true);
    r.text(j, p, members::Person::full_name, person.full_name);
    r.text(j, p, members::Person::born_place, person.born_place);
    r.text(j, p, members::Person::died_place, person.died_place);
    r.text(j, p, members::Person::note, person.note);
    r.date(j, p, members::Person::born, person.born);
    r.date(j, p, members::Person::died, person.died);
}

void read_page(Reader& r, const json& j, const std::string& p, std::set<std::string>& seen, Page& page) {
    r.warn_unknown(j, p, members::Page::all);
    if (r.text(j, p, members::Page::id, page.id, true) && !seen.insert(page.id).second)
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
}

void read_event(Reader& r, const json& j, const std::string& p, Event& e) {
    r.warn_unknown(j, p, members::Event::all);
    r.date(j, p, members::Event::date, e.date, true);
    r.text(j, p, members::Event::title, e.title, true);
    r.text(j, p, members::Event::place, e.place);
    r.text(j, p, members::Event::body, e.body);
    r.strings(j, p, members::Event::people, e.people);
}

void read_era(Reader& r, const json& j, const std::string& p, std::set<std::string>& seen, Era& era) {
    const std::size_t first_problem = r.count();
    r.warn_unknown(j, p, members::Era::all);
    if (r.text(j, p, members::Era::title, era.title, true)) {
        if (era.title.find_first_not_of(" \t\r\n") == std::string::npos)
            r.error(Reader::member(p, members::Era::title), {"check.era_untitled"});
        else if (!seen.insert(era.title).second)
            r.warning(Reader::member(p, members::Era::title), {"check.era_title_twice"});
    }
    r.date(j, p, members::Era::date, era.date, true);
    if (era.date && !era.date->interval) r.error(Reader::member(p, members::Era::date), {"check.era_not_interval"});
    r.text(j, p, members::Era::note, era.note);
    // A path names the era by index only; its title says which band that is.
    if (!era.title.empty()) r.note_since(first_problem, "check.in_era", {{"title", shown_input(era.title)}});
}

void read_work(Reader& r, const json& j, const std::string& p, std::set<std::string>& seen, Work& w) {
    r.warn_unknown(j, p, members::Work::all);
    if (r.text(j, p, members::Work::id, w.id, true)) check_work_id(r, p, w, seen);
    r.text(j, p, members::Work::title, w.title, true);
    r.date(j, p, members::Work::date, w.date, true, true);
    r.text(j, p, members::Work::date_label, w.date_label);
    r.text(j, p, members::Work::kind, w.kind);
    if (r.text(j, p, members::Work::attribution, w.attribution)) check_attribution(r, p, w);
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
    r.strings(j, p, members::Work::people, w.people);
}

void check_work_values(Reader& r, const std::string& p, std::set<std::string>& seen, Work& w,
                       const std::optional<std::string>& date) {
    check_work_id(r, p, w, seen);
    if (date) r.date_text(p, members::Work::date, *date, w.date);
    check_attribution(r, p, w);  // "author" when absent
}

// members::Work::people and members::Event::people are one name.
void check_people_refs(Reader& r, const char* array, std::size_t index, const std::vector<std::string>& refs,
                       const std::set<std::string>& person_ids) {
    for (std::size_t i = 0; i < refs.size(); ++i)
        if (!person_ids.count(refs[i]))
            r.error(Reader::item(Reader::member(Reader::item(array, index), members::Work::people), i),
                    {"check.no_person", {{"id", shown_input(refs[i])}}});
}

}  // namespace lectern
