// A message kept as its catalogue key and arguments, and written out only when it is
// shown, in the language of whoever reads it. The archive checker describes each problem
// once this way: lectern-tool prints it in English (the words the format docs quote),
// the viewer in the interface's language.
//
//   Message m{"check.invalid_date", {{"date", "1936-13"}, {"reason", Message{"check.date.month", {{"month", "13"}}}}}};
//   m.in("en")  // "invalid date '1936-13': month 13"
//   m.in("de")  // "ungültiges Datum „1936-13“: es gibt keinen Monat 13"
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lectern {

struct Message;

// Keys and placeholder names are static strings (literals, or core/i18n/translate.h's message_key()),
// not copies: the checker may hold a million problems.

// One "{name}" of a message: either text shown as given (archive text, a number) or a
// message of its own, written in the same language as the one that holds it.
struct MessageArg {
    MessageArg(const char* arg_name, std::string arg_text);
    MessageArg(const char* arg_name, const char* arg_text)
        : MessageArg(arg_name, std::string(arg_text)) {}  // text, not a key
    MessageArg(const char* arg_name, Message arg_message);
    const char* name;
    std::string text;
    std::vector<Message> message;  // empty, or the one message this argument holds
};

struct Message {
    Message() = default;
    // Not explicit: {"check.missing"} and {"check.no_person", {{"id", id}}} read as messages.
    Message(const char* message_key, std::vector<MessageArg> message_args = {})  // NOLINT(google-explicit-constructor)
        : key(message_key), args(std::move(message_args)) {}

    const char* key = nullptr;  // nullptr: no message
    std::vector<MessageArg> args;

    bool empty() const { return key == nullptr; }
    // The message in `language` (English where that catalogue lacks the key).
    std::string in(std::string_view language) const;
};

}  // namespace lectern
