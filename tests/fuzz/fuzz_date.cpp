// libFuzzer target: the EDTF parser. Any text either parses, and then writes back
// to itself and spans at least one day, or is refused with a reason.
#include "core/dates/date.h"
#include "core/dates/date_format.h"
#include "fuzz_check.h"

using namespace lectern;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    std::string why;
    const std::optional<EdtfDate> d = parse_edtf(text, &why);
    if (!d) {
        FUZZ_CHECK(!why.empty());
        return 0;
    }
    FUZZ_CHECK(d->text == text);
    FUZZ_CHECK(to_edtf(*d) == text);  // the header's promise, for every accepted string
    FUZZ_CHECK(d->earliest_day <= d->latest_day);
    FUZZ_CHECK(d->has_start() || d->has_end());
    if (!d->interval) FUZZ_CHECK(to_edtf(d->start) == text);

    // What the viewer derives from a date: ISO days, the timeline's axis, the reader's wording.
    FUZZ_CHECK(!format_iso_day(d->earliest_day).empty());
    FUZZ_CHECK(!format_iso_day(d->latest_day).empty());
    FUZZ_CHECK(day_to_year(d->earliest_day) <= day_to_year(d->latest_day));
    const DayNumber back = year_to_day(day_to_year(d->earliest_day));
    FUZZ_CHECK(back >= d->earliest_day - 1 && back <= d->earliest_day + 1);
    const std::string human = format_date_human(*d);
    FUZZ_CHECK(!human.empty() && fuzz::valid_utf8(human));
    return 0;
}
