// libFuzzer target: the MIA index importer, as lectern-tool import-mia drives it. The input is
// the page's text, then optionally a line "=== events ===" and the events file's JSON.
// Any input is imported or refused with problems; what is imported writes to JSON that the
// archive loader accepts (the tool checks it before writing, so a refusal there is a bug).
#include "core/archive/archive.h"
#include "core/archive/archive_json.h"
#include "core/import/mia_import.h"
#include "fuzz_check.h"

using namespace lectern;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view page = fuzz::as_text(data, size), events;
    constexpr std::string_view kSeparator = "\n=== events ===\n";
    if (const auto at = page.find(kSeparator); at != std::string_view::npos) {
        events = page.substr(at + kSeparator.size());
        page = page.substr(0, at);
    }
    const ImportResult r = import_mia_index(page, events);
    for (const ImportProblem& p : r.problems) FUZZ_CHECK(!p.message.empty() && p.line >= 0);
    FUZZ_CHECK(r.archive.has_value() == r.problems.empty());
    if (!r.archive) return 0;
    const std::string json = archive_to_json(*r.archive);
    const LoadResult check = load_archive(json);
    if (!check.ok()) {
        std::fprintf(stderr, "the imported archive does not load: %s\n", check.first_error().c_str());
        FUZZ_CHECK(check.ok());
    }
    FUZZ_CHECK(archive_to_json(*check.archive) == json);
    return 0;
}
