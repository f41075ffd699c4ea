// The reader's kept collections: state moves none → listing → keeping → kept (or failed),
// and any of them back to none when the reader forgets it.
#include "core/session/offline_shelf.h"

namespace lectern {

const OfflineShelf::Entry& OfflineShelf::entry(const std::string& collection) const {
    static const Entry none;
    auto it = entries_.find(collection);
    return it == entries_.end() ? none : it->second;
}

void OfflineShelf::listing(const std::string& collection, std::uint64_t bytes) {
    Entry& e = entries_[collection];
    e.state = State::listing;
    e.done = 0;
    e.total = bytes;
    e.error.clear();
}

void OfflineShelf::keep(const std::string& collection, std::vector<ShardRef> parts, std::uint64_t bytes) {
    Entry& e = entries_[collection];
    if (e.state != State::listing) return;  // forgotten while its list was on its way
    e.state = State::keeping;
    e.done = 0;
    e.total = bytes;
    asks_.push_back({OfflineAsk::Kind::keep, collection, std::move(parts), bytes});
}

void OfflineShelf::forget(const std::string& collection) {
    auto it = entries_.find(collection);
    if (it == entries_.end()) return;
    // A list still on its way asked nothing of the platform yet; anything later has parts to drop.
    if (it->second.state != State::listing) asks_.push_back({OfflineAsk::Kind::forget, collection, {}, 0});
    entries_.erase(it);
}

void OfflineShelf::recorded(const std::string& collection, const std::string& list, const std::string& current,
                            std::uint64_t bytes) {
    Entry& e = entries_[collection];
    if (e.state == State::listing || e.state == State::keeping) return;  // the reader's newer ask wins
    e.state = list == current ? State::kept : State::stale;
    e.done = e.total = bytes;
    e.error.clear();
}

void OfflineShelf::progress(const std::string& collection, std::uint64_t done, std::uint64_t total) {
    auto it = entries_.find(collection);
    if (it == entries_.end() || it->second.state != State::keeping) return;  // forgotten meanwhile
    it->second.done = done;
    it->second.total = total;
}

void OfflineShelf::finished(const std::string& collection, bool ok, std::string error) {
    auto it = entries_.find(collection);
    if (it == entries_.end() || !busy(collection)) return;  // forgotten meanwhile
    Entry& e = it->second;
    if (ok) {
        e.state = State::kept;
        e.done = e.total;
    } else {
        e.state = State::failed;
        e.error = std::move(error);
    }
}

}  // namespace lectern
