// The word layout of a Markdown model at one width: words and pieces of words placed on
// lines in runs of one face, runs in visual order (right-to-left paragraphs aligned right),
// lines recorded with their block for the decorations. ui/markdown_view.cpp draws it.
#pragma once

#include "ui/markdown_view.h"

namespace lectern::ui {

constexpr float kLineFactor = 1.45f;     // body leading
constexpr float kHeadingFactor = 1.25f;  // headings are set tighter

ImFont* font_of(const Fonts& f, Face face);

// Fills `out` (its image_h already set) for `doc` at `width` and reading scale `scale`.
void lay_out_markdown(const md::Document& doc, const Fonts& fonts, MarkdownLayout& out, float width, float scale);

}  // namespace lectern::ui
