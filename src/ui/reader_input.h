// The reader's input, read each frame inside its window: keys (previous/next, copy,
// select all, reading size, the match walk), the mouse's text selection at the edges,
// and a finger's scrolling and glide on touch screens.
#pragma once

#include "ui/markdown_view.h"
#include "ui/view_state.h"

namespace lectern::ui {

// A finger that moved this far (pixels) scrolls; less is a tap.
constexpr float kTouchSlop = 8.0f;
constexpr float kMinScale = 0.7f, kMaxScale = 2.0f, kScaleStep = 0.1f;

// The next (+1) or previous (-1) of the shown text's matches, round and round.
void step_match(MatchWalk& walk, int step);
void reader_keys(const Session& s, ReaderState& st, Intents& out);
void selection_mouse(MarkdownCache& texts);
void finger_scroll(ReaderState& st);

}  // namespace lectern::ui
