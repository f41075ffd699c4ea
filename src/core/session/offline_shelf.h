// A library's collections the reader keeps offline ("keep this collection offline"): whether
// the platform can keep anything (and why not), each collection's state and progress, and
// what the reader asked of the platform. The session owns one per library shown and turns a
// reader's "keep" into the collection's offline list (docs/library-format.md); the platform
// (web/library.js and web/sw.js) downloads the parts into the site's offline cache and
// reports back here.
//
//   shelf.set_available("");                       // the platform can keep parts
//   shelf.keep("paris", parts, bytes);             // the list arrived: an ask for the platform
//   for (OfflineAsk& a : shelf.take_asks()) platform.keep(a);
//   shelf.progress("paris", done, total);          // as parts land
//   shelf.finished("paris", true, "");
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/library/shard.h"

namespace lectern {

// What the reader asked of the platform: keep these parts of a collection, or forget them
// (the parts no other kept collection lists).
struct OfflineAsk {
    enum class Kind { keep, forget } kind = Kind::keep;
    std::string collection;
    std::vector<ShardRef> parts;  // keep: every part, the offline list first
    std::uint64_t bytes = 0;      // keep: their stored size in all
};

class OfflineShelf {
public:
    enum class State {
        none,     // not kept (or the platform cannot keep)
        listing,  // the reader asked: its offline list is on its way
        keeping,  // the platform downloads its parts (done of total bytes)
        kept,     // every part is kept
        stale,    // kept for another build of the library: its parts are not this one's
        failed    // the last keep failed (error)
    };
    struct Entry {
        State state = State::none;
        std::uint64_t done = 0, total = 0;
        std::string error;
    };

    // Why the platform keeps nothing: "" when it can; otherwise a code the reader is told in
    // their language ("no-worker": the page has no offline worker; "elsewhere": the library is
    // outside the site's folder; "disk": read from a file, offline already; "native").
    void set_available(std::string why) { unavailable_ = std::move(why); }
    bool available() const { return unavailable_.empty(); }
    const std::string& unavailable() const { return unavailable_; }

    const Entry& entry(const std::string& collection) const;
    bool busy(const std::string& collection) const {
        const State s = entry(collection).state;
        return s == State::listing || s == State::keeping;
    }

    // The reader asked to keep a collection of `bytes`: its list is being fetched.
    void listing(const std::string& collection, std::uint64_t bytes);
    // The list arrived: the platform is asked to keep `parts` (the list's own part first).
    void keep(const std::string& collection, std::vector<ShardRef> parts, std::uint64_t bytes);
    // The reader no longer wants it kept (or stopped a keep under way).
    void forget(const std::string& collection);

    // From the platform: a collection kept on an earlier visit by the list `list` (stale
    // when that is not `current`, the manifest's list now), a keep's progress, its end (or,
    // from the session, its list that could not be read).
    void recorded(const std::string& collection, const std::string& list, const std::string& current,
                  std::uint64_t bytes);
    void progress(const std::string& collection, std::uint64_t done, std::uint64_t total);
    void finished(const std::string& collection, bool ok, std::string error);

    std::vector<OfflineAsk> take_asks() { return std::exchange(asks_, {}); }
    const std::map<std::string, Entry>& entries() const { return entries_; }

private:
    std::string unavailable_ = "native";
    std::map<std::string, Entry> entries_;
    std::vector<OfflineAsk> asks_;
};

}  // namespace lectern
