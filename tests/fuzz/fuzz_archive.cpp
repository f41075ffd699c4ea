// libFuzzer target: the archive loader (JSON text -> Archive + problems) and the writer.
// Any text loads or is refused with printable problems; what loads writes back to JSON
// that loads again to the same archive (write -> load -> write is a fixed point).
#include "core/archive/archive.h"
#include "core/archive/archive_json.h"
#include "core/i18n/translate.h"
#include "fuzz_check.h"

using namespace lectern;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const LoadResult r = load_archive(fuzz::as_text(data, size));
    bool errors = false;
    for (const Diagnostic& d : r.diagnostics) {
        errors = errors || d.severity == Diagnostic::Severity::error;
        // Problems are printed one per line and sent to the page as JSON, in every language.
        for (const std::string& language : interface_languages()) {
            const std::string line = d.to_string(language);
            FUZZ_CHECK(fuzz::valid_utf8(line));
            FUZZ_CHECK(line.find('\n') == std::string::npos);
        }
    }
    FUZZ_CHECK(r.ok() == !errors);
    if (!r.ok()) {
        FUZZ_CHECK(!r.first_error().empty());
        return 0;
    }
    const Archive& a = *r.archive;
    for (const Work& w : a.works) {
        FUZZ_CHECK(!shown_date(w).empty());
        FUZZ_CHECK(a.find_work(w.id) != nullptr);
    }
    const std::string json = archive_to_json(a);
    const LoadResult again = load_archive(json);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(archive_to_json(*again.archive) == json);
    return 0;
}
