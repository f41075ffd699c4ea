// A message kept as its catalogue key and arguments, and written out only when it is
// shown, in the language of whoever reads it. The archive checker describes each problem
// once this way: lectern-tool prints it in English (the words the format docs quote),
// the viewer in the interface's language.
//
//   Message m{"check.invalid_date", {{"date", "1936-13"}, {"reason", Message{"check.date.month", {{"month", "13"}}}}}};
//   m.in("en")  // "invalid date '1936-13': month 13"
//   m.in("de")  // "ungültiges Datum '1936-13': Monat 13"
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lectern {

struct Message;

// One "{name}" of a message: either text shown as given (archive text, a number) or a
// message of its own, written in the same language as the one that holds it.
struct MessageArg {
    MessageArg(std::string arg_name, std::string arg_text);
    MessageArg(std::string arg_name, Message arg_message);
    std::string name;
    std::string text;
    std::vector<Message> message;  // empty, or the one message this argument holds
};

struct Message {
    Message() = default;
    // Not explicit: {"check.missing"} and {"check.no_person", {{"id", id}}} read as messages.
    Message(std::string message_key, std::vector<MessageArg> message_args = {})  // NOLINT(google-explicit-constructor)
        : key(std::move(message_key)), args(std::move(message_args)) {}

    std::string key;  // empty: no message
    std::vector<MessageArg> args;

    bool empty() const { return key.empty(); }
    // The message in `language` (English where that catalogue lacks the key).
    std::string in(std::string_view language) const;
};

}  // namespace lectern
