// Reads a JSON document's top-level members from nlohmann's SAX events, handing the
// elements of chosen arrays over one at a time, so no tree of the whole document is built:
// each element is a small tree, checked and dropped, or goes as events to an ElementReader.
//
//   struct Mine : MemberSink { ... };     // says what to keep, receives what was kept
//   MemberStream stream(sink);
//   if (!json::sax_parse(text.begin(), text.end(), &stream)) use(stream.error_byte, ...);
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace lectern {

// What the reader does with a top-level member's value, told when its key is read.
enum class MemberTake {
    skip,      // read past it (an unknown member: only its name matters)
    whole,     // keep it as one tree
    elements,  // an array: each element in turn; any other value whole
};

// Reads one array element from its SAX events, in place of a tree (json_sax's event names;
// MemberStream tells where the element ends).
class ElementReader {
public:
    using json = nlohmann::json;
    virtual ~ElementReader() = default;
    virtual void begin() = 0;  // a new element: forget the last one
    virtual bool null() = 0;
    virtual bool boolean(bool v) = 0;
    virtual bool number_integer(json::number_integer_t v) = 0;
    virtual bool number_unsigned(json::number_unsigned_t v) = 0;
    virtual bool number_float(json::number_float_t v, const json::string_t& s) = 0;
    virtual bool string(json::string_t& v) = 0;
    virtual bool binary(json::binary_t& v) = 0;
    virtual bool start_object(std::size_t n) = 0;
    virtual bool key(json::string_t& k) = 0;
    virtual bool end_object() = 0;
    virtual bool start_array(std::size_t n) = 0;
    virtual bool end_array() = 0;
};

class MemberSink {
public:
    virtual ~MemberSink() = default;
    // The document is not an object: only its type, as an empty value of that type (the
    // value itself is built and dropped, as before the stream).
    virtual void top_level(const nlohmann::json& type_only) = 0;
    // A member's key: a key seen twice starts over, as nlohmann's tree keeps the last value.
    virtual MemberTake take(const std::string& key) = 0;
    virtual void whole(const std::string& key, nlohmann::json&& value) = 0;
    virtual void elements_begin(const std::string& key) = 0;
    // `index`: the element's place in its array, counted from 0.
    virtual void element(const std::string& key, std::size_t index, nlohmann::json& value) = 0;
    // The reader for the elements of `key`'s array; nullptr: each element as a tree (element()).
    virtual ElementReader* element_reader(const std::string& key) = 0;
    // The element `reader` read is complete.
    virtual void element_read(const std::string& key, std::size_t index, ElementReader& reader) = 0;
};

class MemberStream {
public:
    using json = nlohmann::json;
    explicit MemberStream(MemberSink& sink) : sink_(sink) {}

    // The first syntax error, as nlohmann reports it to a SAX reader.
    std::size_t error_byte = 0;  // 1-based, as nlohmann counts
    std::string error_message;
    std::string error_token;  // the lexer's bytes last read, control characters as <U+XXXX>

    bool null() {
        return scalar(json::value_t::null, [](auto& b) { return b.null(); });
    }
    bool boolean(bool v) {
        return scalar(json::value_t::boolean, [v](auto& b) { return b.boolean(v); });
    }
    bool number_integer(json::number_integer_t v) {
        return scalar(json::value_t::number_integer, [v](auto& b) { return b.number_integer(v); });
    }
    bool number_unsigned(json::number_unsigned_t v) {
        return scalar(json::value_t::number_unsigned, [v](auto& b) { return b.number_unsigned(v); });
    }
    bool number_float(json::number_float_t v, const json::string_t& s) {
        return scalar(json::value_t::number_float, [&](auto& b) { return b.number_float(v, s); });
    }
    bool string(json::string_t& v) {
        return scalar(json::value_t::string, [&](auto& b) { return b.string(v); });
    }
    bool binary(json::binary_t& v) {
        return scalar(json::value_t::binary, [&](auto& b) { return b.binary(v); });
    }
    bool start_object(std::size_t n) {
        return open(json::value_t::object, [n](auto& b) { return b.start_object(n); });
    }
    bool start_array(std::size_t n) {
        return open(json::value_t::array, [n](auto& b) { return b.start_array(n); });
    }
    bool end_object() {
        return close([](auto& b) { return b.end_object(); });
    }
    bool end_array() {
        return close([](auto& b) { return b.end_array(); });
    }
    bool key(json::string_t& k);

    template <class Exception>
    bool parse_error(std::size_t byte, const std::string& token, const Exception& e) {
        error_byte = byte;
        error_message = e.what();
        error_token = token;
        return false;
    }

private:
    // json_sax_dom_parser is one of nlohmann's details, whose shape changes upstream (3.12
    // reworks it): archive_load.cpp and CMake pin the 3.11 line.
    using Builder = nlohmann::detail::json_sax_dom_parser<json>;
    enum class Level { document, members, elements, done };
    enum class Capture { none, build, read, skip };

    // A value begins where nothing is being captured: decide what to do with it.
    void begin(json::value_t type);
    // The captured value is complete: hand it over.
    void finish();

    template <class Feed>
    void feed(Feed f) {
        if (capture_ == Capture::build) f(*builder_);
        else if (capture_ == Capture::read) f(*reader_);
    }
    template <class Feed>
    bool scalar(json::value_t type, Feed f) {
        if (capture_ == Capture::none) begin(type);
        feed(f);
        if (open_ == 0 && capture_ != Capture::none) finish();
        return true;
    }
    template <class Feed>
    bool open(json::value_t type, Feed f) {
        if (capture_ == Capture::none) {
            begin(type);
            if (capture_ == Capture::none) return true;  // the root object or a streamed array opened
        }
        ++open_;
        feed(f);
        return true;
    }
    template <class Feed>
    bool close(Feed f) {
        if (capture_ == Capture::none) {
            level_ = level_ == Level::elements ? Level::members : Level::done;
            return true;
        }
        feed(f);
        if (--open_ == 0) finish();
        return true;
    }

    MemberSink& sink_;
    Level level_ = Level::document;
    Capture capture_ = Capture::none;
    std::size_t open_ = 0;  // containers open inside the captured value
    std::string key_;       // the member being read
    MemberTake take_ = MemberTake::skip;
    std::size_t index_ = 0;  // the next element's place in its array
    json value_;
    std::optional<Builder> builder_;
    ElementReader* reader_ = nullptr;  // the current array's, if its sink has one
};

}  // namespace lectern
