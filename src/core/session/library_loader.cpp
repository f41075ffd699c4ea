// Bookkeeping of a library's fetches: each part asked for once, answers matched to requests.
#include "core/session/library_loader.h"

namespace lectern {

LibraryLoader::States& LibraryLoader::states_for(LibraryRequest::Kind kind) {
    switch (kind) {
        case LibraryRequest::Kind::front: return front_state_;
        case LibraryRequest::Kind::tile: return tile_state_;
        case LibraryRequest::Kind::ids: return ids_state_;
        case LibraryRequest::Kind::body: return body_state_;
        case LibraryRequest::Kind::index_root: return root_state_;
        case LibraryRequest::Kind::index_directory: return directory_state_;
        case LibraryRequest::Kind::index_years: return years_state_;
        case LibraryRequest::Kind::index_block: return block_state_;
        case LibraryRequest::Kind::offline_list: return offline_state_;
        case LibraryRequest::Kind::postings: break;
    }
    return postings_state_;
}

void LibraryLoader::want(States& states, LibraryRequest r) {
    State& s = states[r.index];
    if (s != State::none) return;
    s = State::asked;
    r.id = next_id_++;
    queued_.push_back(std::move(r));
}

void LibraryLoader::want_front(std::uint32_t c) {
    if (c >= manifest_.collections.size()) return;
    want(front_state_, {LibraryRequest::Kind::front, 0, c, manifest_.collections[c].front, 0, 0});
}

void LibraryLoader::want_tile(std::uint32_t t) {
    if (t >= manifest_.tiles.size()) return;
    want(tile_state_, {LibraryRequest::Kind::tile, 0, t, manifest_.tiles[t].shard, 0, 0});
}

void LibraryLoader::want_ids(std::uint32_t b) {
    if (b >= manifest_.ids.size()) return;
    want(ids_state_, {LibraryRequest::Kind::ids, 0, b, manifest_.ids[b].shard, 0, 0});
}

void LibraryLoader::want_body(std::uint32_t number, const ShardRef& pack, const BodyRef& body, bool alone) {
    want(body_state_, {LibraryRequest::Kind::body, 0, number, pack, body.offset, body.bytes, alone});
}

void LibraryLoader::want_offline_list(std::uint32_t c) {
    if (c >= manifest_.collections.size() || !manifest_.collections[c].offline) return;
    if (state_of(offline_state_, c) != State::asked) offline_state_.erase(c);
    want(offline_state_, {LibraryRequest::Kind::offline_list, 0, c, *manifest_.collections[c].offline, 0, 0});
}

void LibraryLoader::want_search(LibraryRequest::Kind kind, std::uint64_t key, const ShardRef& part,
                                std::uint64_t member_offset, std::uint64_t member_bytes) {
    want(states_for(kind), {kind, 0, key, part, member_offset, member_bytes, false});
}

std::vector<LibraryRequest> LibraryLoader::take_requests() {
    std::vector<LibraryRequest> out;
    out.swap(queued_);
    for (const LibraryRequest& r : out) in_flight_.emplace(r.id, r);
    requests_ += out.size();
    return out;
}

std::optional<LibraryArrival> LibraryLoader::answer(std::uint64_t id, bool ok, std::string text, std::uint64_t bytes,
                                                    std::string error) {
    auto it = in_flight_.find(id);
    if (it == in_flight_.end()) return std::nullopt;
    LibraryArrival a{it->second, ok, std::move(text), std::move(error)};
    in_flight_.erase(it);
    bytes_ += bytes;
    states_for(a.request.kind)[a.request.index] = ok ? State::here : State::failed;
    return a;
}

void LibraryLoader::arrived_but_unreadable(const LibraryRequest& r) { states_for(r.kind)[r.index] = State::failed; }

void LibraryLoader::retry() {
    for (States* states : {&front_state_, &tile_state_, &ids_state_, &body_state_, &root_state_, &directory_state_,
                           &block_state_, &years_state_, &postings_state_, &offline_state_})
        for (auto it = states->begin(); it != states->end();)
            it = it->second == State::failed ? states->erase(it) : std::next(it);
}

bool LibraryLoader::any_failed() const {
    for (const States* states : {&front_state_, &tile_state_, &ids_state_, &body_state_, &root_state_,
                                 &directory_state_, &block_state_, &years_state_, &postings_state_})
        for (const auto& [key, state] : *states)
            if (state == State::failed) return true;
    return false;
}

}  // namespace lectern
