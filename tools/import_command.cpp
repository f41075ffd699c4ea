// lectern-tool import-mia: an MIA index page (plain text) -> a checked archive.
#include <cstdio>

#include "commands.h"
#include "core/archive/archive_json.h"
#include "core/import/mia_import.h"
#include "file_io.h"

namespace lectern::tool {

namespace {
const char* kHelp =
    "usage: lectern-tool import-mia INDEX.txt [--events EVENTS.json] -o ARCHIVE.json\n"
    "\n"
    "Turns an author index page of the Marxists Internet Archive, saved as plain text,\n"
    "into a Lectern archive: header, epigraph, biography, notes, works with their dates\n"
    "(the printed form kept in date_label), the appendix (as disputed documents) and the\n"
    "'Updated on' line. EVENTS.json adds people, life events and eras:\n"
    "  {\"people\": [...], \"events\": [...], \"eras\": [...]}\n"
    "The result is checked before it is written; on any problem nothing is written and\n"
    "the problems are printed with their line numbers. Exit status: 0 written, 1 the\n"
    "input has problems, 2 a file cannot be read or written.\n";

int import_mia_command(const Args& args) {
    std::string input, events, output;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if ((a == "-o" || a == "--output") && i + 1 < args.size()) output = args[++i];
        else if (a == "--events" && i + 1 < args.size()) events = args[++i];
        else if (!a.empty() && a[0] != '-' && input.empty()) input = a;
        else {
            std::fprintf(stderr, "lectern-tool import-mia: unexpected argument '%s'\n\n%s", a.c_str(), kHelp);
            return 2;
        }
    }
    if (input.empty() || output.empty()) {
        std::fputs(kHelp, stderr);
        return 2;
    }
    std::string error;
    const auto page = read_whole_file(input, error);
    if (!page) {
        std::fprintf(stderr, "%s: %s\n", input.c_str(), error.c_str());
        return 2;
    }
    std::string events_text;
    if (!events.empty()) {
        const auto e = read_whole_file(events, error);
        if (!e) {
            std::fprintf(stderr, "%s: %s\n", events.c_str(), error.c_str());
            return 2;
        }
        events_text = *e;
    }
    const ImportResult r = import_mia_index(*page, events_text);
    for (const ImportProblem& p : r.problems)
        std::fprintf(stderr, "%s: %s\n", p.line > 0 ? input.c_str() : events.c_str(), p.to_string().c_str());
    if (!r.archive) return 1;

    // What we write must load: check it with the same loader the viewer uses.
    const std::string json = archive_to_json(*r.archive);
    const LoadResult check = load_archive(json);
    for (const Diagnostic& d : check.diagnostics)
        std::fprintf(stderr, "%s: %s\n", output.c_str(), d.to_string().c_str());
    if (!check.ok()) return 1;
    if (!write_file_atomically(output, json, error)) {
        std::fprintf(stderr, "lectern-tool import-mia: %s\n", error.c_str());
        return 2;
    }
    std::fprintf(stderr, "%s: %zu works, %zu pages, %zu people, %zu events\n", output.c_str(), r.archive->works.size(),
                 r.archive->pages.size(), r.archive->people.size(), r.archive->events.size());
    return 0;
}

}  // namespace

const Command kImportMia = {"import-mia", "INDEX.txt [--events F] -o OUT",
                            "make an archive from a Marxists Internet Archive index page", kHelp, import_mia_command};

}  // namespace lectern::tool
