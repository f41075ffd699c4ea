// Eras as background bands: spans built once per archive, bands and labels per frame.
#include "core/timeline/era_bands.h"

#include "core/text/utf8.h"

#include <algorithm>
#include <limits>

namespace lectern {

std::vector<EraSpan> era_spans(const Archive& archive) {
    constexpr double kForever = std::numeric_limits<double>::infinity();
    std::vector<EraSpan> spans;
    for (std::size_t i = 0; i < archive.eras.size(); ++i) {
        const std::optional<EdtfDate>& d = archive.eras[i].date;
        if (!d) continue;
        EraSpan s;
        s.era = static_cast<int>(i);
        // earliest/latest of an unknown end borrow the known end's span: the band stops there.
        s.start = d->open_start ? -kForever : day_to_year(d->earliest_day);
        s.end = d->open_end ? kForever : day_to_year(d->latest_day + 1);
        s.open_start = d->open_start;
        s.open_end = d->open_end;
        s.unknown_start = d->unknown_start;
        s.unknown_end = d->unknown_end;
        s.label_end = d->has_end() ? day_to_year(d->end.first_day) : s.end;
        spans.push_back(s);
    }
    // Longest first among equal starts, so an era nested at the same start takes the deeper row.
    std::stable_sort(spans.begin(), spans.end(), [](const EraSpan& a, const EraSpan& b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    // Greedy rows: each era takes the first row whose last era has ended.
    std::vector<double> row_end;
    for (EraSpan& s : spans) {
        std::size_t r = 0;
        while (r < row_end.size() && row_end[r] > s.start) ++r;
        if (r == row_end.size()) row_end.push_back(s.label_end);
        else row_end[r] = s.label_end;
        s.row = static_cast<int>(r);
    }
    return spans;
}

int era_label_rows(const std::vector<EraSpan>& spans, int max_rows) {
    int rows = 0;
    for (const EraSpan& s : spans) rows = std::max(rows, s.row + 1);
    return std::min(rows, max_rows);
}

void layout_era_bands(const std::vector<EraSpan>& spans, const ViewTransform& vt, const EraBandParams& params,
                      const std::function<float(int era)>& label_width, std::vector<EraBand>& out) {
    out.clear();
    // Neighbours in a row alternate tints; counted over all spans so a band keeps its tint while panning.
    int shade_of_row[8] = {};
    for (const EraSpan& s : spans) {
        const int shade = shade_of_row[std::min(s.row, 7)]++ % 2;
        const double a = std::max(s.start, vt.start), b = std::min(s.end, vt.end);
        if (!(b > a)) continue;  // off screen (also catches NaN from a degenerate view)
        EraBand band;
        band.era = s.era;
        band.shade = shade;
        band.row = s.row;
        band.x0 = vt.x(a);
        band.x1 = std::max(vt.x(b), band.x0 + 1.0f);  // a sliver still shows where the era is
        band.clipped_start = s.start < vt.start;
        band.clipped_end = s.end > vt.end;
        band.fade_start = s.unknown_start && !band.clipped_start;
        band.fade_end = s.unknown_end && !band.clipped_end;
        band.label_x = band.x0 + params.label_pad;
        const double label_end = std::min(std::max(s.label_end, a), b);
        const float room = std::max(vt.x(label_end), band.x0 + 1.0f) - band.x0 - 2 * params.label_pad;
        if (s.row < params.label_rows && room > 0) {
            const float full = label_width(s.era);
            if (full <= room) {
                band.labelled = true;
                band.label_w = full;
            } else if (room >= params.min_label_px) {
                band.labelled = band.truncated = true;
                band.label_w = room;
            }
        }
        out.push_back(band);
    }
}

const EraBand* era_band_at(const std::vector<EraBand>& bands, float x) {
    const EraBand* found = nullptr;
    for (const EraBand& b : bands)
        if (x >= b.x0 && x < b.x1) found = &b;  // bands are in start order: the last one starts latest
    return found;
}

std::size_t fit_label(std::string_view text, float max_w, const std::function<float(std::string_view)>& width) {
    if (width(text) <= max_w) return text.size();
    const float room = max_w - width("…");
    std::size_t n = text.size();
    while (n > 0) {
        n = utf8_char_start(text, n - 1);  // back to a character's first byte
        std::size_t keep = n;
        while (keep > 0 && text[keep - 1] == ' ') --keep;  // "Exile …" reads worse than "Exile…"
        if (keep > 0 && width(text.substr(0, keep)) <= room) return keep;
    }
    return 0;
}

}  // namespace lectern
