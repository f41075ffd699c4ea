// How the search reads an archive: its works, pages, events and people as numbered
// documents, each a sequence of fields, and the varints its postings are written in.
// Shared by the index's builder (index_builder.cpp), its queries (search.cpp) and a library's
// index and search (library_index_writer.cpp, library_search.cpp); not an API.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/archive/archive.h"
#include "core/search/search.h"

namespace lectern::search_detail {

enum class Field {
    title,
    body,
    notes,
    attribution_note,
    date_label,
    source,
    tags,
    cite,
    links,
    place,
    name,
    full_name,
    note
};

inline const char* field_name(Field field) {
    switch (field) {
        case Field::title: return "title";
        case Field::body: return "body";
        case Field::notes: return "notes";
        case Field::attribution_note: return "attribution_note";
        case Field::date_label: return "date_label";
        case Field::source: return "source";
        case Field::tags: return "tags";
        case Field::cite: return "cite";
        case Field::links: return "links";
        case Field::place: return "place";
        case Field::name: return "name";
        case Field::full_name: return "full_name";
        case Field::note: return "note";
    }
    return "";
}

// Documents are numbered works first, then pages, events and people, each in archive order.
struct DocRef {
    SearchHit::Kind kind = SearchHit::Kind::work;
    int index = 0;
};

inline std::size_t document_count(const Archive& a) {
    return a.works.size() + a.pages.size() + a.events.size() + a.people.size();
}

inline DocRef doc_ref(const Archive& a, std::size_t doc) {
    if (doc < a.works.size()) return {SearchHit::Kind::work, static_cast<int>(doc)};
    doc -= a.works.size();
    if (doc < a.pages.size()) return {SearchHit::Kind::page, static_cast<int>(doc)};
    doc -= a.pages.size();
    if (doc < a.events.size()) return {SearchHit::Kind::event, static_cast<int>(doc)};
    return {SearchHit::Kind::person, static_cast<int>(doc - a.events.size())};
}

// A work's searchable fields, title first: `visit(Field, std::string_view)`. A library's index
// (tools/library_index_writer.cpp) reads works by this too, so both find the same words.
template <class Visit>
void for_each_work_field(const Work& w, Visit&& visit) {
    visit(Field::title, w.title);
    if (w.body) visit(Field::body, *w.body);
    visit(Field::notes, w.notes);
    visit(Field::attribution_note, w.attribution_note);
    visit(Field::date_label, w.date_label);
    visit(Field::source, w.source);
    for (const auto& tag : w.tags) visit(Field::tags, tag);
}

// The searchable fields of a document, title (or name) first: `visit(Field, std::string_view)`.
template <class Visit>
void for_each_field(const Archive& a, DocRef ref, Visit&& visit) {
    const auto i = static_cast<std::size_t>(ref.index);
    switch (ref.kind) {
        case SearchHit::Kind::work: for_each_work_field(a.works[i], visit); break;
        case SearchHit::Kind::page: {
            const Page& p = a.pages[i];
            visit(Field::title, p.title);
            visit(Field::body, p.body);
            visit(Field::cite, p.cite);
            for (const auto& link : p.links) visit(Field::links, link.title);
            break;
        }
        case SearchHit::Kind::event: {
            const Event& e = a.events[i];
            visit(Field::title, e.title);
            visit(Field::body, e.body);
            visit(Field::place, e.place);
            break;
        }
        case SearchHit::Kind::person: {
            const Person& p = a.people[i];
            visit(Field::name, p.name);
            visit(Field::full_name, p.full_name);
            visit(Field::note, p.note);
            break;
        }
    }
}

inline bool is_title(Field field) { return field == Field::title || field == Field::name; }

inline std::string ref_string(const Archive& a, DocRef ref) {
    const auto i = static_cast<std::size_t>(ref.index);
    switch (ref.kind) {
        case SearchHit::Kind::work: return "work:" + a.works[i].id;
        case SearchHit::Kind::page: return "page:" + a.pages[i].id;
        case SearchHit::Kind::event: return "event:" + std::to_string(ref.index);
        case SearchHit::Kind::person: return "person:" + a.people[i].id;
    }
    return "";
}

inline void put_varint(std::vector<std::uint8_t>& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<std::uint8_t>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<std::uint8_t>(v));
}

// Reads what put_varint wrote: the index's own bytes, never user input.
inline std::uint64_t get_varint(const std::uint8_t*& p) {
    std::uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
        const std::uint8_t byte = *p++;
        v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
        if (byte < 0x80) return v;
    }
}

inline std::uint32_t checked_u32(std::size_t n) {
    if (n > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("search index: archive too large");
    return static_cast<std::uint32_t>(n);
}


}  // namespace lectern::search_detail
