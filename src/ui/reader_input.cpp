// The reader's keys, the mouse's selection at the window's edges and finger scrolling.
#include "ui/reader_input.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID: a finger that scrolls lets go of the text it touched

#include "core/timeline/glide.h"

namespace lectern::ui {

void step_match(MatchWalk& walk, int step) {
    if (walk.count <= 0) return;
    walk.current = ((walk.current + step) % walk.count + walk.count) % walk.count;
    walk.reveal = true;
}

// F3 walks the matches wherever the keyboard is (it types nothing). Enter walks them
// too, and the rest (copy, select all, reading size, previous/next) work, only while
// the reader's window (or the app window around it) has focus and no text field is
// taking keys.
void reader_keys(const Session& s, ReaderState& st, Intents& out) {
    const ImGuiIO& io = ImGui::GetIO();
    MarkdownCache& texts = *st.texts;
    if (ImGui::IsKeyPressed(ImGuiKey_F3)) step_match(texts.walk, io.KeyShift ? -1 : 1);
    if (!ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) || io.WantTextInput || ImGui::IsAnyItemActive())
        return;
    if (!io.KeyCtrl && !io.KeySuper && !io.KeyAlt &&
        (ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter)))
        step_match(texts.walk, io.KeyShift ? -1 : 1);
    if (io.KeyCtrl || io.KeySuper) {  // Cmd on a Mac: the web shell sets ConfigMacOSXBehaviors
        if (ImGui::IsKeyPressed(ImGuiKey_C, false)) {
            std::string text = selected_text(texts);
            if (!text.empty()) out.copy_text = std::move(text);
        }
        if (ImGui::IsKeyPressed(ImGuiKey_A, false) && s.selected() >= 0) {
            const Work& w = s.archive().works[static_cast<std::size_t>(s.selected())];
            if (w.body) {
                const MarkdownEntry& e = markdown_entry(texts, *w.body);
                texts.selection = {e.data, 0, static_cast<std::uint32_t>(e.doc.text.size()), false};
            }
        }
        float scale = st.scale;
        if (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd)) scale += kScaleStep;
        if (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract)) scale -= kScaleStep;
        if (ImGui::IsKeyPressed(ImGuiKey_0, false) || ImGui::IsKeyPressed(ImGuiKey_Keypad0, false)) scale = 1.0f;
        st.scale = std::clamp(std::round(scale * 20.0f) / 20.0f, kMinScale, kMaxScale);  // steps stay exact
        return;
    }
    int step = 0;
    if (ImGui::IsKeyPressed(ImGuiKey_LeftBracket) || (io.KeyAlt && ImGui::IsKeyPressed(ImGuiKey_LeftArrow))) step = -1;
    if (ImGui::IsKeyPressed(ImGuiKey_RightBracket) || (io.KeyAlt && ImGui::IsKeyPressed(ImGuiKey_RightArrow))) step = 1;
    if (step != 0) out.step = step;  // the app steps, once, by core/timeline's rule
}

// A click beside the text drops the selection; a drag beyond the reader's edge scrolls.
void selection_mouse(MarkdownCache& texts) {
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && ImGui::IsWindowHovered() && !ImGui::IsAnyItemHovered())
        texts.selection = {};
    if (!texts.selection.dragging || !ImGui::IsMouseDown(ImGuiMouseButton_Left)) return;
    const float top = ImGui::GetWindowPos().y, bottom = top + ImGui::GetWindowHeight();
    const float y = ImGui::GetIO().MousePos.y;
    const float speed = 12.0f * ImGui::GetIO().DeltaTime;  // the farther out, the faster
    if (y < top) ImGui::SetScrollY(ImGui::GetScrollY() - (top - y) * speed);
    else if (y > bottom) ImGui::SetScrollY(ImGui::GetScrollY() + (y - bottom) * speed);
}

// Touch screens scroll by dragging the text itself, and a flick glides on, slowing as
// phones' lists do; a new touch stops it at once. A mouse drag selects text instead.
void finger_scroll(ReaderState& st) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool finger = io.MouseSource == ImGuiMouseSource_TouchScreen;
    if (finger && ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
        ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
        st.finger_down = true;
        st.finger_scrolling = false;
        st.glide = 0;
    }
    if (st.finger_down) {
        const bool down = ImGui::IsMouseDown(ImGuiMouseButton_Left);
        if (down && !st.finger_scrolling &&
            std::abs(ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f).y) > kTouchSlop) {
            st.finger_scrolling = true;
            ImGui::ClearActiveID();  // the text under the finger starts no selection and no click
        }
        // The last move may arrive in the frame the finger lifts: it still counts.
        const float dy = io.MouseDelta.y;
        if (st.finger_scrolling && dy != 0.0f) {
            ImGui::SetScrollY(ImGui::GetScrollY() - dy);
            st.finger_moved_at = ImGui::GetTime();
            st.finger_frame_dt = io.DeltaTime;
            if (io.DeltaTime > 0) st.glide = 0.5 * st.glide + 0.5 * (-dy / io.DeltaTime);
            // A clock that stands still makes any move look infinitely fast: at most
            // four screens a second (a glide of one screen: 4 / the rate of 4).
            const double fastest = 4.0 * ImGui::GetWindowHeight();
            st.glide = std::clamp(st.glide, -fastest, fastest);
        }
        if (down) return;
        // Lifted. A finger that rested before letting go does not fling. Resting means no
        // move for a tenth of a second, or for two frames when frames come slower than that.
        const double rest = std::max(0.1, 2.0 * st.finger_frame_dt);
        if (!st.finger_scrolling || ImGui::GetTime() - st.finger_moved_at > rest) st.glide = 0;
        st.finger_down = false;
        st.finger_scrolling = false;
        return;
    }
    if (st.glide == 0) return;
    const float before = ImGui::GetScrollY();
    ImGui::SetScrollY(before + static_cast<float>(glide_step(st.glide, io.DeltaTime, 4.0)));
    // Stopped by the text's ends, or too slow to see.
    const bool at_end = (st.glide < 0 && before <= 0.0f) || (st.glide > 0 && before >= ImGui::GetScrollMaxY());
    if (at_end || std::abs(st.glide) < 10.0) st.glide = 0;
}

}  // namespace lectern::ui
