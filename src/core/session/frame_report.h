// What the UI drew in the last frame, for the automation protocol's state() (the page's
// tests read it): the UI owns one and fills it after each frame; the session never sees it.
//
//   ui::UiState ui;                                   // holds a FrameReport, filled by draw_app()
//   std::string s = protocol::state_json(session, ui.report);
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/timeline/era_bands.h"

namespace lectern {

// An image as the reader drew it in the last frame (state().figures): "image", "pending" or "alt".
struct FigureNote {
    std::string src, look;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// A button as the last frame drew it, in screen space (state().controls): the tests click it
// where a reader would. `name` is its ImGui id ("keep:paris"), the same in every language.
struct DrawnControl {
    std::string name;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct FrameReport {
    // The archive (Session::archive_generation) the era bands and figures were drawn for:
    // state() leaves them out for another one, whose eras they do not index.
    std::uint64_t archive_generation = 0;
    std::size_t visible_items = 0, visible_clusters = 0;  // what the timeline drew (state().visible)
    double reader_scroll = 0;  // how far down its text the reader was, in pixels (state().reader)
    // The era bands the timeline drew, their top and bottom, and the era under the pointer
    // (an index into archive().eras, or -1): state().eras and hovered_era.
    std::vector<EraBand> eras;
    float eras_y0 = 0, eras_y1 = 0;
    int hovered_era = -1;
    std::vector<std::string> bar;        // the labels the bar drew (state().bar)
    std::vector<FigureNote> figures;     // the images the reader drew, in screen space (state().figures)
    std::vector<DrawnControl> controls;  // buttons the reader drew (state().controls)
    // Characters drawn without a glyph (as the fonts' empty box or U+FFFD) since the archive
    // loaded, and distinct pieces of text the platform shaped (state().glyphs).
    std::uint64_t glyphs_missing = 0, glyphs_shaped = 0;
    std::vector<FigureNote> glyph_runs;  // runs the platform drew in the last frame: src is their text
    // The fonts' rest (ui/font_rest.h): "unneeded", "wanted", "asked", "loaded" or "failed",
    // and why it failed (state().fonts).
    std::string fonts_rest = "unneeded", fonts_error;

    // Another archive was loaded: its eras and figures are not the ones drawn.
    void follow_archive(std::uint64_t generation) {
        if (generation == archive_generation) return;
        archive_generation = generation;
        eras.clear();
        hovered_era = -1;
        figures.clear();
    }
};

}  // namespace lectern
