// State the views keep between frames, and the intents they emit. Views read a
// const Session and never change it; the app frame applies the intents.
#pragma once

#include <optional>
#include <vector>

#include "core/session.h"
#include "ui/fonts.h"

namespace lectern::ui {

// What the user asked for during one frame.
struct Intents {
    std::optional<int> select;        // a work index, or -1 for the front matter
    std::optional<TimeWindow> view;   // a new visible window
};

// One work's mark as drawn in the last frame: hit-testing and the UI tests use it.
struct TimelineMark {
    int work = -1;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool labelled = false;
};

struct TimelineState {
    std::vector<TimelineMark> marks;  // reused every frame
    // Row packing, reused every frame: where each row's last label and last mark
    // end, and which mark came last.
    std::vector<float> row_ends, row_mark_ends;
    std::vector<int> row_last;
    int hovered = -1;                 // work index under the pointer
    bool dragged = false;             // the current press moved the view
};

struct ReaderState {
    int shown = -2;  // work shown last frame, to reset the scroll when it changes
};

struct UiState {
    Fonts fonts;
    TimelineState timeline;
    ReaderState reader;
};

}  // namespace lectern::ui
