// What a session showing a library has fetched, is fetching and still wants: the parts
// (docs/library-format.md) asked for, each once, answered by the platform, which fetches
// them from a folder, by HTTP Range or from a file on disk. It keeps no archive of its own:
// the session turns arrived parts into works (core/session/session.h).
//
//   LibraryLoader l(manifest);
//   l.want_tile(3);
//   for (LibraryRequest& r : l.take_requests()) platform.fetch(r);   // after each frame
//   LibraryArrival a = l.answer(id, ok, text, bytes, error);           // as each one lands
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/library/library_manifest.h"
#include "core/library/library_tile.h"

namespace lectern {

// One fetch for the platform. The part is `part` (a file of the folder layout, or `bytes` at
// `offset` in the container's data section); `member_bytes` > 0 asks for only that slice of
// it (a work's text or a term's postings: one gzip member, at member_offset). The platform
// checks a whole part against its name (shard_matches) and inflates the gzip before answering.
// `alone`: the member is wanted by itself (a search result's text): on a folder host that
// answers Range requests the platform fetches only it, not its whole pack.
struct LibraryRequest {
    // The numbers are the page's (web/library.js): keep them.
    enum class Kind {
        front = 0,
        tile = 1,
        ids = 2,
        body = 3,
        index_root = 4,
        index_block = 5,
        postings = 6,
        index_directory = 7,
        index_years = 8,
        offline_list = 9
    };
    Kind kind = Kind::tile;
    std::uint64_t id = 0;
    // collection (front, offline_list), tile, id block, (body) work number, or the search's key (LibrarySearchPart)
    std::uint64_t index = 0;
    ShardRef part;
    std::uint64_t member_offset = 0, member_bytes = 0;
    bool alone = false;
};

struct LibraryArrival {
    LibraryRequest request;
    bool ok = false;
    std::string text, error;  // the inflated part, or why not
};

class LibraryLoader {
public:
    explicit LibraryLoader(LibraryManifest manifest) : manifest_(std::move(manifest)) {}
    const LibraryManifest& manifest() const { return manifest_; }

    // Asks for a part unless it is here, on its way, or failed (retry() asks again).
    void want_front(std::uint32_t collection);
    void want_tile(std::uint32_t tile);
    void want_ids(std::uint32_t block);
    void want_body(std::uint32_t number, const ShardRef& pack, const BodyRef& body, bool alone = false);
    // A collection's offline list (the reader asked to keep it offline): asked for again
    // each time, even when it came before or failed.
    void want_offline_list(std::uint32_t collection);
    // The search index's parts (kind index_root, index_block or postings), by the search's key.
    void want_search(LibraryRequest::Kind kind, std::uint64_t key, const ShardRef& part, std::uint64_t member_offset,
                     std::uint64_t member_bytes);

    bool tile_here(std::uint32_t tile) const { return state_of(tile_state_, tile) == State::here; }
    bool tile_failed(std::uint32_t tile) const { return state_of(tile_state_, tile) == State::failed; }
    bool body_failed(std::uint32_t number) const { return state_of(body_state_, number) == State::failed; }
    bool body_pending(std::uint32_t number) const { return state_of(body_state_, number) == State::asked; }

    std::vector<LibraryRequest> take_requests();
    // Drops the requests in flight that `unwanted` picks (a search's parts a new query no longer
    // needs): their answers are ignored, they may be asked for again, and take_cancels() gives
    // their ids so the platform can stop fetching them.
    template <class Unwanted>
    void cancel_if(Unwanted&& unwanted) {
        for (auto it = in_flight_.begin(); it != in_flight_.end();) {
            if (!unwanted(it->second)) {
                ++it;
                continue;
            }
            states_for(it->second.kind).erase(it->second.index);
            cancelled_.push_back(it->first);
            it = in_flight_.erase(it);
        }
    }
    std::vector<std::uint64_t> take_cancels() { return std::exchange(cancelled_, {}); }
    // The platform's answer to request `id`; nullopt for an id not in flight (a stale answer).
    std::optional<LibraryArrival> answer(std::uint64_t id, bool ok, std::string text, std::uint64_t bytes,
                                         std::string error);
    // A part that arrived but could not be read (a tile that is not a tile) counts as failed.
    void arrived_but_unreadable(const LibraryRequest& r);
    // A part that failed is asked for again when next wanted.
    void retry();
    bool any_failed() const;

    std::uint64_t requests() const { return requests_; }
    std::uint64_t bytes() const { return bytes_; }
    std::size_t pending() const { return in_flight_.size(); }

private:
    enum class State { none, asked, here, failed };
    using States = std::map<std::uint64_t, State>;
    static State state_of(const States& s, std::uint64_t key) {
        auto it = s.find(key);
        return it == s.end() ? State::none : it->second;
    }
    void want(States& states, LibraryRequest r);
    States& states_for(LibraryRequest::Kind kind);

    LibraryManifest manifest_;
    States front_state_, tile_state_, ids_state_, body_state_, root_state_, directory_state_, block_state_,
        postings_state_, years_state_, offline_state_;
    std::vector<LibraryRequest> queued_;
    std::map<std::uint64_t, LibraryRequest> in_flight_;
    std::vector<std::uint64_t> cancelled_;
    std::uint64_t next_id_ = 1, requests_ = 0, bytes_ = 0;
};

}  // namespace lectern
