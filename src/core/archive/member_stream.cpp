// The top-level members of a JSON document from SAX events: see member_stream.h.
#include "core/archive/member_stream.h"

#include <utility>

namespace lectern {

bool MemberStream::key(json::string_t& k) {
    if (capture_ == Capture::build) return builder_->key(k);
    if (capture_ == Capture::read) return reader_->key(k);
    if (capture_ == Capture::skip) return true;
    key_ = std::move(k);  // the lexer's buffer, cleared before its next token
    take_ = sink_.take(key_);
    return true;
}

void MemberStream::begin(json::value_t type) {
    switch (level_) {
        case Level::document:
            if (type == json::value_t::object) {
                level_ = Level::members;
                return;
            }
            // Built whole, as before the stream, though only its type is reported: a document
            // too large for memory still ends in that message, not in "expected an object"
            // (the browser test drops 150 MB of empty arrays to see it).
            break;
        case Level::members:
            if (take_ == MemberTake::elements && type == json::value_t::array) {
                level_ = Level::elements;
                index_ = 0;
                sink_.elements_begin(key_);
                reader_ = sink_.element_reader(key_);
                return;
            }
            if (take_ == MemberTake::skip) {
                capture_ = Capture::skip;
                return;
            }
            break;
        case Level::elements:
            if (reader_) {
                capture_ = Capture::read;
                reader_->begin();
                return;
            }
            break;
        case Level::done: capture_ = Capture::skip; return;  // nlohmann stops first: nothing follows the root
    }
    capture_ = Capture::build;
    value_ = json();
    builder_.emplace(value_, false);
}

void MemberStream::finish() {
    if (capture_ == Capture::build) {
        builder_.reset();
        if (level_ == Level::members) sink_.whole(key_, std::move(value_));
        else if (level_ == Level::elements) sink_.element(key_, index_++, value_);
        else sink_.top_level(json(value_.type()));
        value_ = json();
    } else if (capture_ == Capture::read) {
        sink_.element_read(key_, index_++, *reader_);
    }
    if (level_ == Level::document) level_ = Level::done;
    capture_ = Capture::none;
}

}  // namespace lectern
