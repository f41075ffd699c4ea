// nlohmann's syntax errors read into messages: see json_syntax.h. The shapes come from
// nlohmann 3.11's parser::exception_message and lexer::scan_string / scan_number.
#include "core/archive/json_syntax.h"

#include <cstring>
#include <string>

#include "core/text/utf8.h"

namespace lectern {

namespace {

// The archive's bytes in a syntax error are quoted this long at most, as the whole message was.
constexpr std::size_t kQuotedMax = 240;

bool starts(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

struct Named {
    const char* english;
    const char* key;  // nullptr: punctuation, shown as written in every language
};

// lexer::token_type_name's words.
const Named kTokens[] = {
    {"'[', '{', or a literal", "check.json.token.literal_or_value"},
    {"true literal", "check.json.token.true"},
    {"false literal", "check.json.token.false"},
    {"null literal", "check.json.token.null"},
    {"string literal", "check.json.token.string"},
    {"number literal", "check.json.token.number"},
    {"end of input", "check.json.token.end"},
    {"unknown token", "check.json.token.unknown"},
    {"<parse error>", "check.json.token.parse_error"},
    {"<uninitialized>", "check.json.token.uninitialized"},
    {"'['", nullptr},
    {"'{'", nullptr},
    {"']'", nullptr},
    {"'}'", nullptr},
    {"':'", nullptr},
    {"','", nullptr},
};

const Named kContexts[] = {
    {"value", "check.json.context.value"},
    {"object key", "check.json.context.object_key"},
    {"object separator", "check.json.context.object_separator"},
    {"object", "check.json.context.object"},
    {"array", "check.json.context.array"},
};

// The lexer's complaints that take no arguments.
const Named kLexer[] = {
    {"invalid string: ill-formed UTF-8 byte", "check.json.utf8"},
    {"invalid string: missing closing quote", "check.json.closing_quote"},
    {"invalid string: '\\u' must be followed by 4 hex digits", "check.json.u_digits"},
    {"invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF", "check.json.high_surrogate"},
    {"invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF", "check.json.low_surrogate"},
    {"invalid string: forbidden character after backslash", "check.json.bad_escape"},
    {"invalid number; expected digit after '-'", "check.json.digit_after_minus"},
    {"invalid number; expected digit after '.'", "check.json.digit_after_point"},
    {"invalid number; expected digit after exponent sign", "check.json.digit_after_exponent"},
    {"invalid literal", "check.json.literal"},
    {"invalid BOM; must be 0xEF 0xBB 0xBF if given", "check.json.bom"},
};

// A token's words, or nothing when `s` names none.
bool token(std::string_view s, Message& out) {
    for (const Named& t : kTokens)
        if (s == t.english) {
            // Punctuation is the same in every language; literal_or_value holds two marks, passed in
            // because a catalogue's "{" would read as a placeholder.
            out = t.key ? Message{t.key, {{"open", "'['"}, {"brace", "'{'"}}}
                        : Message{"check.json.punctuation", {{"mark", t.english}}};
            return true;
        }
    return false;
}

// "invalid string: control character U+000A (LF) must be escaped to \u000A or \n"
bool control_character(std::string_view s, Message& out) {
    constexpr std::string_view head = "invalid string: control character U+", mid = " must be escaped to ";
    if (!starts(s, head)) return false;
    const std::size_t open = s.find(" (", head.size()), close = s.find(')', head.size()), to = s.find(mid);
    if (open == std::string_view::npos || close == std::string_view::npos || to == std::string_view::npos ||
        !(open < close && close < to))
        return false;
    const std::string code(s.substr(head.size(), open - head.size())), name(s.substr(open + 2, close - open - 2));
    const std::string_view escapes = s.substr(to + mid.size());
    const std::size_t either = escapes.find(" or ");
    if (either == std::string_view::npos)
        out = {"check.json.control", {{"code", code}, {"name", name}, {"escape", std::string(escapes)}}};
    else
        out = {"check.json.control_or",
               {{"code", code},
                {"name", name},
                {"escape", std::string(escapes.substr(0, either))},
                {"short", std::string(escapes.substr(either + 4))}}};
    return true;
}

bool lexer_error(std::string_view s, Message& out) {
    for (const Named& e : kLexer)
        if (s == e.english) {
            out = {e.key};
            return true;
        }
    return control_character(s, out);
}

// What went wrong after "syntax error [while parsing X] - ". nlohmann adds at most one
// "; expected TOKEN", so only the outer call looks for it: the bytes last read may end in
// the same words, any number of times, and must not lead to a recursion as deep.
bool problem(std::string_view s, std::string_view last_read, Message& out, bool tail_allowed = true) {
    for (const Named& t : kTokens) {
        if (!tail_allowed) break;
        const std::string tail = std::string("; expected ") + t.english;
        Message expected;
        if (ends(s, tail) && token(t.english, expected)) {
            Message before;
            if (!problem(s.substr(0, s.size() - tail.size()), last_read, before, false)) return false;
            out = {"check.json.expected", {{"problem", std::move(before)}, {"token", std::move(expected)}}};
            return true;
        }
    }
    if (starts(s, "unexpected ")) {
        Message found;
        if (!token(s.substr(std::strlen("unexpected ")), found)) return false;
        out = {"check.json.unexpected", {{"token", std::move(found)}}};
        return true;
    }
    // "LEXER ERROR; last read: 'BYTES'", BYTES being the parser's token: the lexer's words are
    // what comes before them.
    const std::string read = "; last read: '" + std::string(last_read) + "'";
    if (!ends(s, read)) return false;
    Message error;
    if (!lexer_error(s.substr(0, s.size() - read.size()), error)) return false;
    out = {"check.json.last_read", {{"error", std::move(error)}, {"read", shown_input(last_read, kQuotedMax)}}};
    return true;
}

Message read_message(std::string_view s, std::string_view last_read) {
    if (s == "number overflow parsing '" + std::string(last_read) + "'")
        return {"check.json.overflow", {{"number", shown_input(last_read, kQuotedMax)}}};
    if (starts(s, "syntax error - ")) {
        Message what;
        if (problem(s.substr(std::strlen("syntax error - ")), last_read, what))
            return {"check.json.error_here", {{"problem", std::move(what)}}};
    }
    constexpr std::string_view parsing = "syntax error while parsing ";
    if (starts(s, parsing)) {
        const std::string_view rest = s.substr(parsing.size());
        for (const Named& c : kContexts) {
            const std::string head = std::string(c.english) + " - ";
            Message what;
            if (starts(rest, head) && problem(rest.substr(head.size()), last_read, what))
                return {"check.json.error", {{"context", Message{c.key}}, {"problem", std::move(what)}}};
        }
    }
    return {};
}

}  // namespace

Message json_syntax_message(std::string_view detail, std::string_view last_read) {
    Message m = read_message(detail, last_read);
    if (m.empty()) m = {"check.syntax", {{"detail", shown_input(detail, kQuotedMax)}}};
    return m;
}

}  // namespace lectern
