// nlohmann_json's syntax error text as a Message, so the viewer can say it in the
// interface's language: "syntax error while parsing object - unexpected end of input;
// expected string literal" is read into its parts (what was being read, the token found,
// the token expected, the lexer's complaint; the bytes last read come as the token). English comes out as
// nlohmann wrote it; text in a shape this does not know stays as written.
#pragma once

#include <string_view>

#include "core/i18n/message.h"

namespace lectern {

// `detail`: nlohmann's message without its "[json.exception...] parse error at ...: " head.
// `last_read`: the parser's token, as its SAX parse_error callback passes it (the lexer's
// bytes last read, which the detail quotes): the archive's bytes are taken from it, never
// cut back out of the English, and quoted with shown_input (core/text/utf8.h), 240 at most.
Message json_syntax_message(std::string_view detail, std::string_view last_read);

}  // namespace lectern
