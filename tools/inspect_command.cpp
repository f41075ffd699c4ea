// lectern-tool inspect: the archive as Lectern reads it, every date resolved.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "core/archive/archive.h"
#include "core/archive/archive_json.h"
#include "core/dates/date_format.h"
#include "file_io.h"

namespace lectern::tool {

namespace {

using ojson = nlohmann::ordered_json;

const char* kHelp =
    "usage: lectern-tool inspect FILE\n"
    "\n"
    "Prints the archive as normalised JSON in which every date is resolved, e.g.\n"
    "  {\"edtf\": \"1920/1921\", \"earliest\": \"1920-01-01\", \"latest\": \"1921-12-31\",\n"
    "   \"precision\": \"year\", \"uncertain\": false, \"approximate\": false, \"label\": \"1920/21\"}\n"
    "'label' is the date as the archive prints it (date_label) or, without one, as Lectern\n"
    "writes it. Problems go to standard error as in 'check'. Exit status as for 'check'.\n";

ojson resolved(const EdtfDate& d, const std::string& label) {
    ojson j;
    j["edtf"] = d.text;
    j["earliest"] = format_iso_day(d.earliest_day);
    j["latest"] = format_iso_day(d.latest_day);
    j["precision"] = precision_name(d.precision);
    j["uncertain"] = d.uncertain;
    j["approximate"] = d.approximate;
    if (d.open_start) j["open_start"] = true;
    if (d.open_end) j["open_end"] = true;
    if (d.unknown_start) j["unknown_start"] = true;
    if (d.unknown_end) j["unknown_end"] = true;
    j["label"] = label.empty() ? format_date_human(d) : label;
    return j;
}

void resolve(ojson& j, const char* key, const std::optional<EdtfDate>& d, const std::string& label = {}) {
    if (d) j[key] = resolved(*d, label);
}

int inspect_command(const Args& args) {
    if (args.size() != 1) {
        std::fputs(kHelp, stderr);
        return 2;
    }
    int status = 0;
    const std::shared_ptr<const Archive> archive = load_archive_file(args[0], status);
    if (!archive) return status;
    const Archive& a = *archive;

    // Start from the normalised archive and put resolved dates in place of the EDTF strings.
    ojson j = ojson::parse(archive_to_json(a));
    resolve(j, "updated", a.updated, a.updated_label);
    for (std::size_t i = 0; i < a.people.size(); ++i) {
        resolve(j["people"][i], "born", a.people[i].born);
        resolve(j["people"][i], "died", a.people[i].died);
    }
    for (std::size_t i = 0; i < a.events.size(); ++i) resolve(j["events"][i], "date", a.events[i].date);
    for (std::size_t i = 0; i < a.eras.size(); ++i) resolve(j["eras"][i], "date", a.eras[i].date);
    for (std::size_t i = 0; i < a.works.size(); ++i)
        resolve(j["works"][i], "date", a.works[i].date, a.works[i].date_label);
    std::fputs((j.dump(2) + "\n").c_str(), stdout);
    return 0;
}

}  // namespace

const Command kInspect = {"inspect", "FILE", "print the archive as Lectern reads it, dates resolved", kHelp,
                          inspect_command};

}  // namespace lectern::tool
