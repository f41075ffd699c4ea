// Eras as background bands on the timeline, independent of any drawing library:
// where each band runs in the view, which label row it takes, and how much of
// its title fits.
//
//   std::vector<EraSpan> spans = era_spans(archive);              // at load
//   int rows = era_label_rows(spans, 2);                           // label strip height, at load
//   layout_era_bands(spans, vt, params, label_width, bands);       // each frame, no allocation once warm
//   for (const EraBand& b : bands) draw(b);                        // b.x0..b.x1 is already clipped
//   std::size_t n = fit_label(title, b.label_w, text_width);       // draw title[0..n) + "…" when n < size
//
// Years are clipped to the view before they become pixels, so an era of ten
// thousand years seen at a day's zoom, or one with an open end, never reaches
// float's limits.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "core/archive/archive.h"
#include "core/timeline/timeline_layout.h"

namespace lectern {

// One era's extent in fractional years. An open end ("1936/..") runs on for ever;
// an unknown end ("1936/") stops where the known end's span stops, and is drawn faded.
struct EraSpan {
    int era = -1;  // index into Archive::eras
    double start = 0, end = 0;
    bool open_start = false, open_end = false;
    bool unknown_start = false, unknown_end = false;
    // Where the era's end as written begins ("1936" in "1919/1936": 1936.0). Eras written to meet
    // ("1936/1941", "1941/1947") share that unit; they are neighbours in one row, not nested,
    // and a label stops here so it never runs into the next era's.
    double label_end = 0;
    int row = 0;  // label row: eras that overlap beyond that take different rows
};

struct EraBandParams {
    int label_rows = 2;       // rows in the label strip; an era needing a deeper row goes unlabelled
    float label_pad = 6;      // between a band's visible edge and its label
    float min_label_px = 28;  // room below which a shortened label is not worth drawing
};

// One band as drawn this frame.
struct EraBand {
    int era = -1;
    int shade = 0;                                    // 0 or 1: neighbouring eras alternate tints
    int row = 0;                                      // label row
    float x0 = 0, x1 = 0;                             // visible part, inside the view
    bool clipped_start = false, clipped_end = false;  // the era goes on past the view's edge
    bool fade_start = false, fade_end = false;        // an unknown end inside the view
    bool labelled = false;                            // a label is drawn
    bool truncated = false;                           // ...shortened to fit, with an ellipsis
    float label_x = 0;                                // where the label starts: pinned to the visible part
    float label_w = 0;                                // room the label may use (its full width when it fits)
};

// The archive's dated eras, sorted by start (then longest first), with label rows assigned.
std::vector<EraSpan> era_spans(const Archive& archive);

// Label rows the spans need (the deepest nesting of overlapping eras), at most `max_rows`; 0 without eras.
int era_label_rows(const std::vector<EraSpan>& spans, int max_rows);

// Bands for the eras visible in `vt`. `label_width(era)` measures an era's full title in pixels.
void layout_era_bands(const std::vector<EraSpan>& spans, const ViewTransform& vt, const EraBandParams& params,
                      const std::function<float(int era)>& label_width, std::vector<EraBand>& out);

// The innermost band under x (the one starting latest), or nullptr.
const EraBand* era_band_at(const std::vector<EraBand>& bands, float x);

// How many bytes of `text` to draw, followed by "…", so that the whole fits in `max_w`
// pixels; text.size() when the whole text fits, 0 when not even one character and the
// ellipsis do. Cuts only between UTF-8 characters. `width` measures a piece of text.
std::size_t fit_label(std::string_view text, float max_w, const std::function<float(std::string_view)>& width);

}  // namespace lectern
