// The reader's parts, shared by the work page (reader_view.cpp) and the front page
// (reader_front.cpp): one frame's state, and the blocks both draw (captions and figures,
// links, headings, rules, section titles, quotations, Markdown). Internal to the reader.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/archive/work_images.h"
#include "core/session/session.h"
#include "ui/fonts.h"
#include "ui/markdown_view.h"
#include "ui/reader_input.h"
#include "ui/reader_view.h"

namespace lectern::ui::reader {

// One frame of the reader, passed to everything that draws.
struct Frame {
    const Session& s;
    ReaderState& st;
    MarkdownCache& texts;
    const Fonts& f;
    float right;  // right edge of the measure, window coordinates
    Intents& out;
    MarkdownEntry* body = nullptr;  // the work's text, once drawn
    float body_top = 0;
    int jump = -1;  // heading the outline asked for
};

inline float measure_left(const Frame& fr) { return fr.right - ImGui::GetCursorPosX(); }

// A click with the mouse, or a tap that let go where it went down.
bool clicked_here();
void caption(const Frame& fr, const std::string& text);
void figure(Frame& fr, const WorkImage& im);
void markdown(Frame& fr, std::string_view text, MarkdownEntry** entry = nullptr, float* top = nullptr,
              const std::vector<float>& image_heights = {});
void link_text(Frame& fr, const std::string& label, const std::string& href);
void heading(const Fonts& f, const char* text);
void marked_heading(const Frame& fr, const std::string& text);
void rule(const Frame& fr);
void section_title(const Frame& fr, const char* text);
void quote(Frame& fr, const Page& p);
// The archive's (or library's) front page: title, pages, collections, the table of works.
void front_matter(Frame& fr);

}  // namespace lectern::ui::reader
