// One work read straight from SAX events, without a tree: most works of a large archive are a
// flat object of strings, and building, searching and dropping a tree for each took most of a
// million-work load. The members are kept as read; a work in the usual shape then fills the
// model directly (simple(), take()), and any other comes back as the tree nlohmann would have
// built (tree()), for the checks that name every problem (core/archive/archive_reader.h).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/archive/archive.h"
#include "core/archive/member_stream.h"

namespace lectern {

class WorkEvents final : public ElementReader {
public:
    void begin() override;
    bool null() override;
    bool boolean(bool v) override;
    bool number_integer(json::number_integer_t v) override;
    bool number_unsigned(json::number_unsigned_t v) override;
    bool number_float(json::number_float_t v, const json::string_t& s) override;
    bool string(json::string_t& v) override;
    bool binary(json::binary_t& v) override;
    bool start_object(std::size_t n) override;
    bool key(json::string_t& k) override;
    bool end_object() override;
    bool start_array(std::size_t n) override;
    bool end_array() override;

    // An object whose members are all known and of their usual type: strings, date and body a
    // string or null, tags and people arrays of strings; id, title and date present; no cover
    // or media. Such a work has no problem but those take() leaves to the caller.
    bool simple() const;
    // Moves a simple() work's members into `w`; the date's text comes back (null: undated),
    // unparsed, for the caller to check.
    std::optional<std::string> take(Work& w);
    // The element as a tree, equal for the checks to what nlohmann's builder makes of it.
    json tree();

private:
    using Builder = nlohmann::detail::json_sax_dom_parser<json>;
    enum class Mode { start, members, texts, build, skip, whole };
    struct Slot {
        enum class Kind { absent, text, texts, tree } kind = Kind::absent;
        std::string text;
        std::vector<std::string> texts;
        json tree;
    };

    // A member's value begins: `array` when it is an array, `container` when any container.
    void value_begins(bool container, bool array);
    // A people or tags array turns out to hold more than strings: the strings so far are
    // replayed into a builder, which reads the rest.
    void texts_to_tree();
    template <class Feed>
    bool scalar(Feed feed, bool is_string, json::string_t* text);
    template <class Feed>
    bool open(Feed feed, bool array);
    template <class Feed>
    bool close(Feed feed);

    Mode mode_ = Mode::start;
    std::size_t open_ = 0;  // containers open inside the member's value (or the whole element)
    int member_ = -1;       // the current member's slot; -1: unknown
    Slot slots_[15];        // by members::Work::all
    std::vector<std::string> unknown_;
    json whole_;  // the element, when it is not an object
    std::optional<Builder> builder_;
};

}  // namespace lectern
