// The archive format's member names, one table per object. The reader reads by these names,
// the unknown-member check accepts exactly the table's names, and the writer writes by them:
// a member added to a table is known to all three. Use: members::Person::full_name ("full_name"),
// members::Person::all (every name of a Person, for the unknown-member check).
#pragma once

namespace lectern::members {

// Each list: X(member) for every member of the object, in the order the format describes them.
// clang-format off
#define LECTERN_ARCHIVE_MEMBERS(X) X(lectern) X(title) X(subtitle) X(publisher) X(language) X(updated) \
                                   X(updated_label) X(people) X(pages) X(events) X(works) X(eras)
#define LECTERN_PERSON_MEMBERS(X)  X(id) X(name) X(full_name) X(born) X(died) X(born_place) X(died_place) X(note)
#define LECTERN_PAGE_MEMBERS(X)    X(id) X(title) X(kind) X(body) X(cite) X(links)
#define LECTERN_LINK_MEMBERS(X)    X(title) X(href)
#define LECTERN_EVENT_MEMBERS(X)   X(date) X(title) X(people) X(place) X(body)
#define LECTERN_ERA_MEMBERS(X)     X(title) X(date) X(note)
#define LECTERN_WORK_MEMBERS(X)    X(id) X(title) X(date) X(date_label) X(kind) X(people) X(attribution) \
                                   X(attribution_note) X(section) X(body) X(source) X(notes) X(tags) X(cover) X(media)
#define LECTERN_MEDIA_MEMBERS(X)   X(src) X(alt) X(caption)

#define LECTERN_MEMBER_NAME(m) static constexpr const char* m = #m;
#define LECTERN_MEMBER_IN_LIST(m) #m,
#define LECTERN_MEMBER_TABLE(Object, LIST)                                   \
    struct Object {                                                          \
        LIST(LECTERN_MEMBER_NAME)                                            \
        static constexpr const char* all[] = {LIST(LECTERN_MEMBER_IN_LIST)}; \
    };
// clang-format on

LECTERN_MEMBER_TABLE(Archive, LECTERN_ARCHIVE_MEMBERS)
LECTERN_MEMBER_TABLE(Person, LECTERN_PERSON_MEMBERS)
LECTERN_MEMBER_TABLE(Page, LECTERN_PAGE_MEMBERS)
LECTERN_MEMBER_TABLE(Link, LECTERN_LINK_MEMBERS)
LECTERN_MEMBER_TABLE(Event, LECTERN_EVENT_MEMBERS)
LECTERN_MEMBER_TABLE(Era, LECTERN_ERA_MEMBERS)
LECTERN_MEMBER_TABLE(Work, LECTERN_WORK_MEMBERS)
LECTERN_MEMBER_TABLE(Media, LECTERN_MEDIA_MEMBERS)

#undef LECTERN_MEMBER_TABLE
#undef LECTERN_MEMBER_IN_LIST
#undef LECTERN_MEMBER_NAME
#undef LECTERN_MEDIA_MEMBERS
#undef LECTERN_WORK_MEMBERS
#undef LECTERN_ERA_MEMBERS
#undef LECTERN_EVENT_MEMBERS
#undef LECTERN_LINK_MEMBERS
#undef LECTERN_PAGE_MEMBERS
#undef LECTERN_PERSON_MEMBERS
#undef LECTERN_ARCHIVE_MEMBERS

}  // namespace lectern::members
