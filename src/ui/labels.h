// Translated labels with ImGui ids that stay put: "Копировать адрес###link". An id that
// does not change with the language keeps keyboard focus, open popups and tests' ids
// where they were when the reader switches language.
#pragma once

#include <string>

#include "core/i18n/translate.h"

namespace lectern::ui {

inline std::string labelled(const char* key, const char* id) { return std::string(tr(key)) + "###" + id; }

}  // namespace lectern::ui
