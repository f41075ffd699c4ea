// The search box's link to a real text input beside the canvas. On the web the page
// keeps a hidden <input> (web/text-field.js): phones show their keyboard only for one,
// and input methods, dead keys and AltGr compose into it as they do anywhere else.
// The page's input edits; the ImGui box draws what it holds. Plain data, exchanged
// once a frame by the shell (src/platform/page_bridge_web.cpp); natively unused.
#pragma once

#include <optional>
#include <string>

struct ImGuiInputTextCallbackData;

namespace lectern::ui {

struct TextFieldLink {
    // Written by the search box each frame. Positions are byte offsets into value.
    bool active = false;               // the box has the keyboard
    float x = 0, y = 0, w = 0, h = 0;  // where the box is drawn, in window pixels
    std::string value;                 // what the box holds
    int anchor = 0, cursor = 0;        // the selection runs from anchor to cursor
    // Written by the shell from the page, taken by the search box.
    bool focus = false;  // the page's input took the focus (a tap on the box)
    bool blur = false;   // it lost it to something else on the page
    struct Edit {
        std::string value;
        int anchor = 0, cursor = 0;
    };
    std::optional<Edit> edit;  // the page's input now holds this
};

// ImGui's InputText callback (ImGuiInputTextFlags_CallbackAlways, user data: the link):
// takes the page's edit into the box, then records what the box holds.
int text_field_exchange(ImGuiInputTextCallbackData* data);

}  // namespace lectern::ui
