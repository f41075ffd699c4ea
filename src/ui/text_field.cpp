// Keeps the search box and the page's text input in step (see ui/text_field.h).
#include "ui/text_field.h"

#include <imgui.h>

#include <algorithm>

#include "core/text/utf8.h"

namespace lectern::ui {

int text_field_exchange(ImGuiInputTextCallbackData* d) {
    // Up and Down are asked for (CallbackHistory) only so that they walk the results
    // rather than move the keyboard focus out of the box: nothing to do for them here.
    if (d->EventFlag != ImGuiInputTextFlags_CallbackAlways) return 0;
    TextFieldLink& link = *static_cast<TextFieldLink*>(d->UserData);
    if (link.edit) {
        const TextFieldLink::Edit& e = *link.edit;
        // A fixed buffer: a paste longer than the box holds is cut at a character boundary.
        const std::size_t n = utf8_boundary(e.value, static_cast<std::size_t>(d->BufSize - 1));
        d->DeleteChars(0, d->BufTextLen);
        d->InsertChars(0, e.value.data(), e.value.data() + n);
        const int len = d->BufTextLen;
        d->SelectionStart = std::clamp(e.anchor, 0, len);
        d->CursorPos = d->SelectionEnd = std::clamp(e.cursor, 0, len);
        link.edit.reset();
    }
    link.value.assign(d->Buf, static_cast<std::size_t>(d->BufTextLen));
    // Without a selection ImGui's two ends are equal but may lie anywhere: the anchor is the cursor.
    link.cursor = d->CursorPos;
    if (d->SelectionStart == d->SelectionEnd) link.anchor = d->CursorPos;
    else link.anchor = d->SelectionEnd == d->CursorPos ? d->SelectionStart : d->SelectionEnd;
    return 0;
}

}  // namespace lectern::ui
