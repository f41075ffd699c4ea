// One frame of the whole interface: timeline above, reader below, status line.
// Platform shells call begin: ImGui::NewFrame(); draw_app(); ImGui::Render().
#pragma once

#include <imgui.h>

#include "ui/view_state.h"

namespace lectern::ui {

// Sets ImGui's style for the viewer and loads the fonts into the atlas: with the
// characters of the session's archive, or without a session every character the
// fonts hold (for a caller that loads its archive later and never calls update_fonts).
void init_ui(UiState& ui, float pixel_scale, const Session* session = nullptr);

// Before ImGui::NewFrame(): builds the font atlas again when another archive was
// loaded (the atlas holds the characters it uses), the interface changed language (and
// with it the characters of its words) or the pixel density changed.
// True when it did: the platform uploads the atlas texture again.
bool update_fonts(const Session& session, UiState& ui, float pixel_scale);

// The colour the platform clears the window with: the current theme's ground.
ImVec4 clear_colour();

// Draws one frame and applies what the user asked for to the session. What
// only the platform can do (copy, save, open a link) waits in
// session.take_outgoing(). Returns the frame's intents.
Intents draw_app(Session& session, UiState& ui);

// True while something moves on its own (an eased move, a glide, a scroll being
// restored): the shell keeps drawing frames. Otherwise it may go idle.
bool ui_wants_frames(const UiState& ui);
// True when the view is at rest (no move, no glide, no button held): the shell
// may write it into the URL.
bool view_settled(const UiState& ui);

}  // namespace lectern::ui
