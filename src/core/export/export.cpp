// Citation and CSV export.
#include "core/export/export.h"

namespace lectern {

namespace {

// RFC 4180: quote fields holding commas, quotes or line breaks; double the quotes.
std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string people_names(const Archive& a, const Work& w, const char* sep) {
    std::string names;
    for (const std::string& id : w.people) {
        const Person* p = a.find_person(id);
        names += (names.empty() ? "" : sep) + (p ? p->name : id);
    }
    return names;
}

void csv_row(std::string& out, const Archive& a, const Work& w) {
    const std::string fields[] = {shown_date(w),
                                  w.date ? w.date->text : "",
                                  w.title,
                                  w.kind,
                                  people_names(a, w, "; "),
                                  w.attribution,
                                  w.section,
                                  w.id,
                                  w.source};
    bool first = true;
    for (const std::string& f : fields) {
        out += (first ? "" : ",") + csv_field(f);
        first = false;
    }
    out += "\r\n";
}

}  // namespace

std::string work_citation(const Archive& a, const Work& w) {
    std::string c;
    const std::string names = people_names(a, w, ", ");
    if (!names.empty()) c += names + ", ";
    c += "\u201C" + w.title + "\u201D, " + shown_date(w) + ".";
    if (w.attribution != "author") c += " Attribution " + w.attribution + ".";
    std::string in = a.title;
    if (!a.publisher.empty()) in += (in.empty() ? "" : ", ") + a.publisher;
    if (!in.empty()) c += " " + in + ".";
    if (!w.source.empty()) c += " " + w.source;
    return c;
}

std::string bibliography_csv(const Archive& a, const TimelineItems& items) {
    std::string out = "date,edtf,title,kind,people,attribution,section,id,source\r\n";
    for (const TimelineItem& it : items.works) csv_row(out, a, a.works[static_cast<std::size_t>(it.work)]);
    for (const Work& w : a.works)
        if (!w.date) csv_row(out, a, w);
    return out;
}

}  // namespace lectern
