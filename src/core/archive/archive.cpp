// The archive model's look-ups and its problems in words; the loader is archive_load.cpp.
#include "core/archive/archive.h"

#include "core/dates/date_format.h"

namespace lectern {

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

}  // namespace lectern
