// libFuzzer target: the URL fragment parser (#work=...&view=...&q=..., and the embed options). Whatever the
// fragment, each part is kept or named in a problem, and what is kept writes back to a
// fragment that parses to the same link.
#include <cmath>

#include "core/session/deep_link.h"
#include "fuzz_check.h"

using namespace lectern;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    const ParsedLink p = parse_fragment(text);
    const DeepLink& l = p.link;
    // Problems are shown on the page and sent as JSON by the test hook.
    for (const std::string& problem : p.problems) FUZZ_CHECK(!problem.empty() && fuzz::valid_utf8(problem));
    // So are the parts: the work id, the query (the search box) and the fragment itself.
    if (l.work) FUZZ_CHECK(!l.work->empty() && fuzz::valid_utf8(*l.work));
    if (l.query) FUZZ_CHECK(fuzz::valid_utf8(*l.query));
    FUZZ_CHECK(l.view_start.has_value() == l.view_end.has_value());
    if (l.view_start)
        FUZZ_CHECK(std::isfinite(*l.view_start) && std::isfinite(*l.view_end) && *l.view_start < *l.view_end);

    const std::string again = make_fragment(l);
    // Percent-encoding can triple a part: a link written over the 4 KB limit is ignored whole, as documented.
    if (again.size() > 4097) return 0;
    const ParsedLink q = parse_fragment(again);
    FUZZ_CHECK(q.link.work == l.work);
    FUZZ_CHECK(q.link.query.value_or("") == l.query.value_or(""));
    FUZZ_CHECK(q.link.embed == l.embed);  // embed=, lanes=, theme= (core/session/embed_options.h)
    for (const std::string& lane : l.embed.lanes) FUZZ_CHECK(!lane.empty() && fuzz::valid_utf8(lane));
    // Views are written with three decimals: a window the viewer can show (within a billion
    // years, wider than its one-day minimum) survives; others need not.
    const bool showable = !l.view_start || (std::fabs(*l.view_start) < 1e9 && std::fabs(*l.view_end) < 1e9 &&
                                            *l.view_end - *l.view_start > 0.002);
    if (showable) {
        FUZZ_CHECK(q.problems.empty());
        FUZZ_CHECK(q.link.view_start.has_value() == l.view_start.has_value());
        if (l.view_start) {
            FUZZ_CHECK(std::fabs(*q.link.view_start - *l.view_start) <= 0.0006);
            FUZZ_CHECK(std::fabs(*q.link.view_end - *l.view_end) <= 0.0006);
        }
        FUZZ_CHECK(make_fragment(q.link) == again);
    }
    return 0;
}
