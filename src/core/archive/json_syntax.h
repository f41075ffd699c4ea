// nlohmann_json's syntax error text as a Message, so the viewer can say it in the
// interface's language: "syntax error while parsing object - unexpected end of input;
// expected string literal" is read into its parts (what was being read, the token found,
// the token expected, the lexer's complaint, the bytes last read). English comes out as
// nlohmann wrote it; text in a shape this does not know stays as written.
#pragma once

#include <string_view>

#include "core/i18n/message.h"

namespace lectern {

// `detail`: nlohmann's message without its "[json.exception...] parse error at ...: " head.
// The archive's own bytes in it are quoted with shown_input (core/text/utf8.h), 240 at most.
Message json_syntax_message(std::string_view detail);

}  // namespace lectern
