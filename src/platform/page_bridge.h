// What the shell tells the page around it (the browser) and asks of it. On the
// web these talk to web/lectern-page.js (page_bridge_web.cpp); natively they do
// nothing or use SDL (page_bridge_native.cpp). CMake builds one of the two.
#pragma once

#include <string>

#include "core/session/frame_report.h"
#include "core/session/session.h"
#include "ui/font_rest.h"
#include "ui/text_field.h"

namespace lectern::platform {

// Lets the page's window.lectern hook reach this session (state, command) and what the
// UI drew (`report`, for state()), the page's text input reach the search box and its
// answer for the fonts' rest reach `fonts`.
void bridge_attach(Session* session, ui::TextFieldLink* field, const FrameReport* report, ui::FontRest* fonts);
// When the atlas wants the fonts' rest (ui/font_rest.h): asks the page for it, whose answer
// comes later (lectern_fonts), or natively gives the built-in one. True when given at once.
bool bridge_fonts(ui::FontRest& fonts);
// True once after the page changed something the viewer must draw (the text input
// was edited or focused): the shell draws a frame even when no SDL event came.
bool bridge_woken();
// After each frame: tells the page's text input where the search box is, whether it
// has the keys and what it holds, when any of that changed. No-op natively.
void bridge_text_field(const ui::TextFieldLink& field);
// The first frame with an archive was drawn: records window.lectern.firstFrameMs.
void bridge_first_frame();
// Carries out what the viewer asked of the platform: clipboard, downloads, links.
void bridge_send(const Outgoing& o);
// Keeps the page's URL fragment in step with what is shown: a new history entry
// when the opened work or the query changes (so Back steps through works), the
// view written in place only once it is at rest. No-op natively.
void bridge_sync_link(const std::string& without_view, const std::string& with_view, bool view_settled);
// After each drawn frame: tells the page's text mirror when the archive or the open
// work changed, so screen readers, find and print follow the canvas. No-op natively.
void bridge_after_frame(const Session& session);
// After each drawn frame: starts the fetches a library needs (web/library.js answers each
// through lectern_library_answer). No-op natively: the desktop viewer reads a library's
// parts from disk itself (platform/library_disk.h).
void bridge_library(Session& session);
// The size the canvas should have, in CSS pixels, and the device pixel ratio.
// Returns false natively, where SDL owns the window size.
bool bridge_viewport(int& width, int& height, float& pixel_ratio);

}  // namespace lectern::platform
