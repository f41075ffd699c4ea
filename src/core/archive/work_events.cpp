// One work from SAX events: see work_events.h.
#include "core/archive/work_events.h"

#include <iterator>

#include "core/archive/archive_members.h"

namespace lectern {

namespace {

constexpr int kSlots = static_cast<int>(std::size(members::Work::all));

int slot_of(const std::string& key) {
    for (int i = 0; i < kSlots; ++i)
        if (key[0] == members::Work::all[i][0] && key == members::Work::all[i]) return i;
    return -1;
}

// The slot of each member simple() and take() look at.
int slot(const char* name) {
    for (int i = 0; i < kSlots; ++i)
        if (std::string(name) == members::Work::all[i]) return i;
    return -1;
}
const int kId = slot(members::Work::id), kTitle = slot(members::Work::title), kDate = slot(members::Work::date),
          kDateLabel = slot(members::Work::date_label), kKind = slot(members::Work::kind),
          kAttribution = slot(members::Work::attribution), kAttributionNote = slot(members::Work::attribution_note),
          kSection = slot(members::Work::section), kBody = slot(members::Work::body),
          kSource = slot(members::Work::source), kNotes = slot(members::Work::notes), kTags = slot(members::Work::tags),
          kCover = slot(members::Work::cover), kMedia = slot(members::Work::media),
          kPeople = slot(members::Work::people);

}  // namespace

static_assert(std::size(members::Work::all) == 15, "WorkEvents::slots_ holds one slot per member of a work");

void WorkEvents::begin() {
    mode_ = Mode::start;
    open_ = 0;
    member_ = -1;
    for (Slot& s : slots_) {
        if (s.kind == Slot::Kind::absent) continue;
        s.kind = Slot::Kind::absent;
        s.text.clear();
        s.texts.clear();
        s.tree = json();
    }
    unknown_.clear();
    whole_ = json();
    builder_.reset();
}

template <class Feed>
bool WorkEvents::scalar(Feed feed, bool is_string, json::string_t* text) {
    switch (mode_) {
        case Mode::start:
            mode_ = Mode::whole;
            builder_.emplace(whole_, false);
            return feed(*builder_);
        case Mode::members: {
            if (member_ < 0) return true;
            Slot& s = slots_[member_];
            if (is_string) {
                s.kind = Slot::Kind::text;
                s.text = *text;
                return true;
            }
            s.kind = Slot::Kind::tree;
            s.tree = json();
            Builder b(s.tree, false);
            return feed(b);
        }
        case Mode::texts:
            if (is_string) {
                slots_[member_].texts.push_back(*text);
                return true;
            }
            texts_to_tree();
            return feed(*builder_);
        case Mode::build:
        case Mode::whole: return feed(*builder_);
        case Mode::skip: return true;
    }
    return true;
}

template <class Feed>
bool WorkEvents::open(Feed feed, bool array) {
    switch (mode_) {
        case Mode::start:
            if (!array) {
                mode_ = Mode::members;
                return true;
            }
            mode_ = Mode::whole;
            builder_.emplace(whole_, false);
            return feed(*builder_);
        case Mode::members: {
            if (member_ < 0) {
                mode_ = Mode::skip;
                open_ = 1;
                return true;
            }
            Slot& s = slots_[member_];
            if (array && (member_ == kTags || member_ == kPeople)) {
                s.kind = Slot::Kind::texts;
                mode_ = Mode::texts;
                return true;
            }
            s.kind = Slot::Kind::tree;
            s.tree = json();
            builder_.emplace(s.tree, false);
            mode_ = Mode::build;
            open_ = 1;
            return feed(*builder_);
        }
        case Mode::texts:
            texts_to_tree();
            ++open_;
            return feed(*builder_);
        case Mode::build: ++open_; return feed(*builder_);
        case Mode::skip: ++open_; return true;
        case Mode::whole: return feed(*builder_);
    }
    return true;
}

template <class Feed>
bool WorkEvents::close(Feed feed) {
    switch (mode_) {
        case Mode::texts: mode_ = Mode::members; return true;
        case Mode::build:
            feed(*builder_);
            if (--open_ == 0) {
                builder_.reset();
                mode_ = Mode::members;
            }
            return true;
        case Mode::skip:
            if (--open_ == 0) mode_ = Mode::members;
            return true;
        case Mode::whole: return feed(*builder_);
        case Mode::start:
        case Mode::members: return true;  // the work's own end: MemberStream ends the element
    }
    return true;
}

void WorkEvents::texts_to_tree() {
    Slot& s = slots_[member_];
    s.kind = Slot::Kind::tree;
    s.tree = json();
    builder_.emplace(s.tree, false);
    builder_->start_array(static_cast<std::size_t>(-1));
    for (std::string& t : s.texts) builder_->string(t);
    s.texts.clear();
    mode_ = Mode::build;
    open_ = 1;
}

bool WorkEvents::null() {
    return scalar([](Builder& b) { return b.null(); }, false, nullptr);
}
bool WorkEvents::boolean(bool v) {
    return scalar([v](Builder& b) { return b.boolean(v); }, false, nullptr);
}
bool WorkEvents::number_integer(json::number_integer_t v) {
    return scalar([v](Builder& b) { return b.number_integer(v); }, false, nullptr);
}
bool WorkEvents::number_unsigned(json::number_unsigned_t v) {
    return scalar([v](Builder& b) { return b.number_unsigned(v); }, false, nullptr);
}
bool WorkEvents::number_float(json::number_float_t v, const json::string_t& s) {
    return scalar([&](Builder& b) { return b.number_float(v, s); }, false, nullptr);
}
bool WorkEvents::string(json::string_t& v) {
    return scalar([&](Builder& b) { return b.string(v); }, true, &v);
}
bool WorkEvents::binary(json::binary_t& v) {
    return scalar([&](Builder& b) { return b.binary(v); }, false, nullptr);
}
bool WorkEvents::start_object(std::size_t n) {
    return open([n](Builder& b) { return b.start_object(n); }, false);
}
bool WorkEvents::start_array(std::size_t n) {
    return open([n](Builder& b) { return b.start_array(n); }, true);
}
bool WorkEvents::end_object() {
    return close([](Builder& b) { return b.end_object(); });
}
bool WorkEvents::end_array() {
    return close([](Builder& b) { return b.end_array(); });
}

bool WorkEvents::key(json::string_t& k) {
    switch (mode_) {
        case Mode::members:
            member_ = slot_of(k);
            if (member_ < 0) {
                unknown_.push_back(k);
            } else {  // a member written twice keeps its last value, as in nlohmann's tree
                Slot& s = slots_[member_];
                s.kind = Slot::Kind::absent;
                s.text.clear();
                s.texts.clear();
                s.tree = json();
            }
            return true;
        case Mode::build:
        case Mode::whole: return builder_->key(k);
        default: return true;
    }
}

bool WorkEvents::simple() const {
    if (mode_ != Mode::members || !unknown_.empty()) return false;
    if (slots_[kId].kind == Slot::Kind::absent || slots_[kTitle].kind == Slot::Kind::absent ||
        slots_[kDate].kind == Slot::Kind::absent || slots_[kCover].kind != Slot::Kind::absent ||
        slots_[kMedia].kind != Slot::Kind::absent)
        return false;
    for (int i = 0; i < kSlots; ++i) {
        const Slot& s = slots_[i];
        if (s.kind == Slot::Kind::absent) continue;
        if (i == kTags || i == kPeople) {
            if (s.kind != Slot::Kind::texts) return false;
        } else if (i == kDate || i == kBody) {
            if (s.kind != Slot::Kind::text && !(s.kind == Slot::Kind::tree && s.tree.is_null())) return false;
        } else if (s.kind != Slot::Kind::text) {
            return false;
        }
    }
    return true;
}

std::optional<std::string> WorkEvents::take(Work& w) {
    auto text = [&](int i, std::string& dst) {
        if (slots_[i].kind == Slot::Kind::text) dst = std::move(slots_[i].text);
    };
    text(kId, w.id);
    text(kTitle, w.title);
    text(kDateLabel, w.date_label);
    text(kKind, w.kind);
    text(kAttribution, w.attribution);
    text(kAttributionNote, w.attribution_note);
    text(kSection, w.section);
    text(kSource, w.source);
    text(kNotes, w.notes);
    if (slots_[kBody].kind == Slot::Kind::text) w.body = std::move(slots_[kBody].text);
    if (slots_[kTags].kind == Slot::Kind::texts) w.tags = std::move(slots_[kTags].texts);
    if (slots_[kPeople].kind == Slot::Kind::texts) w.people = std::move(slots_[kPeople].texts);
    if (slots_[kDate].kind == Slot::Kind::text) return std::move(slots_[kDate].text);
    return std::nullopt;
}

ElementReader::json WorkEvents::tree() {
    if (mode_ != Mode::members) return std::move(whole_);
    json obj = json::object();
    for (int i = 0; i < kSlots; ++i) {
        Slot& s = slots_[i];
        switch (s.kind) {
            case Slot::Kind::absent: break;
            case Slot::Kind::text: obj[members::Work::all[i]] = std::move(s.text); break;
            case Slot::Kind::texts: obj[members::Work::all[i]] = std::move(s.texts); break;
            case Slot::Kind::tree: obj[members::Work::all[i]] = std::move(s.tree); break;
        }
    }
    for (const std::string& k : unknown_) obj[k] = nullptr;  // only its name is checked
    return obj;
}

}  // namespace lectern
