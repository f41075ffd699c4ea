// Messages written out late: see message.h.
#include "core/i18n/message.h"

#include "core/i18n/translate.h"

namespace lectern {

MessageArg::MessageArg(const char* arg_name, std::string arg_text) : name(arg_name), text(std::move(arg_text)) {}
MessageArg::MessageArg(const char* arg_name, Message arg_message) : name(arg_name), message{std::move(arg_message)} {}

std::string Message::in(std::string_view language) const {
    if (!key) return {};
    std::vector<std::pair<std::string, std::string>> values;
    values.reserve(args.size());
    for (const MessageArg& a : args)
        values.emplace_back(a.name, a.message.empty() ? a.text : a.message.front().in(language));
    return fill_message(message(language, key), values);
}

}  // namespace lectern
