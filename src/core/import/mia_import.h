// Imports an author index page of the Marxists Internet Archive, as plain text,
// into an archive. The page's shape (see data/serge-mia-index.txt):
//
//   Subtitle: Title               header
//   Publisher                     e.g. "Marxists’ Internet Archive"
//   Title, 1890-1947              the name again and the life span
//   “Quote…” – Source, 1937.      the epigraph with its source line
//   Biography + paragraphs        then a note block (lines kept) and its links
//   Works:                        a date line, then a title line, per work
//   Appendix                      an explanation, then dated entries (disputed)
//   Updated on D.M.YYYY
//
// Life events and people come from a separate hand-written JSON file
// ({"people": [...], "events": [...], "eras": [...]}) that is merged in.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/archive/archive.h"

namespace lectern {

struct ImportProblem {
    int line = 0;  // 1-based line of the index page; 0 for the events file
    std::string message;
    std::string to_string() const;  // "line 12: expected ..." or the message alone
};

struct ImportResult {
    std::optional<Archive> archive;  // set only when there are no problems
    std::vector<ImportProblem> problems;
};

ImportResult import_mia_index(std::string_view page_text, std::string_view events_json = {});

// "June 1908" -> "1908-06", "10 August 1936" -> "1936-08-10", "1920/21" -> "1920/1921",
// "1926-1929" and "1938-44" -> intervals, "Aug. 1926" -> "1926-08". nullopt with a reason otherwise.
std::optional<std::string> mia_date_to_edtf(std::string_view label, std::string* why = nullptr);

// What the title says the work is: "(poem)", "(novel)", "(prose)", "Letter to",
// "Open Letter", "Obituary:", "Notebooks"; otherwise "article".
std::string infer_kind(std::string_view title);

// A stable id from the date's start and the title: "1908-06-the-illegals".
std::string make_work_id(std::string_view edtf, std::string_view title);

}  // namespace lectern
