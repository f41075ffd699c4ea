// Packs archives into a library: texts compressed per collection as each archive is read,
// then tiles, id blocks and the manifest written in time order from the works' records.
#include "library_pack.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "core/archive/archive_json.h"
#include "core/library/library_manifest.h"
#include "core/library/library_tile.h"
#include "core/library/shard.h"
#include "core/timeline/timeline_layout.h"
#include "file_io.h"
#include "library_index_writer.h"
#include "platform/gzip.h"

namespace lectern::tool {

namespace {

namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;

constexpr std::size_t kIdsPerBlock = 4096;
constexpr std::size_t kDensityBins = 512;
// The lanes in the order the timeline draws them (core/timeline/timeline_layout.cpp).
const char* const kLaneOrder[] = {"article", "letter", "book", "fiction", "notebook", "obituary", "document", "other"};

struct Failed {
    std::string what;
};

// Writes each part once, under its content name, into the folder and/or the container's
// data section (a temporary file until the manifest's size is known).
class PartSink {
public:
    PartSink(const PackOptions& o, PackReport& report) : folder_(o.folder), report_(report) {
        if (!folder_.empty()) {
            std::error_code ec;
            fs::create_directories(folder_, ec);
            if (ec) throw Failed{"cannot create " + folder_ + ": " + ec.message()};
        }
        if (!o.container.empty()) {
            data_path_ = o.container + ".data.tmp-lectern";
            data_.open(data_path_, std::ios::binary | std::ios::trunc);
            if (!data_) throw Failed{"cannot write " + data_path_ + ": " + std::strerror(errno)};
        }
    }
    ~PartSink() {
        if (!data_path_.empty()) std::remove(data_path_.c_str());
    }

    ShardRef put(char kind, const std::string& stored) {
        if (stored.empty()) throw Failed{"could not compress a part (zlib failed)"};
        if (stored.size() > kMaxPartBytes)  // readers refuse it: say so here instead
            throw Failed{"a part of " + std::to_string(stored.size()) + " bytes, more than a reader accepts (" +
                         std::to_string(kMaxPartBytes >> 20) + " MB): a text that large cannot be packed"};
        ShardRef ref{shard_name(kind, stored), offset_, stored.size()};
        auto seen = written_.find(ref.name);
        if (seen != written_.end()) return seen->second;  // the same bytes: one part
        if (!folder_.empty()) {
            std::ofstream out(fs::path(folder_) / ref.name, std::ios::binary | std::ios::trunc);
            out.write(stored.data(), static_cast<std::streamsize>(stored.size()));
            if (!out) throw Failed{"cannot write " + (fs::path(folder_) / ref.name).string()};
        }
        if (data_.is_open()) {
            data_.write(stored.data(), static_cast<std::streamsize>(stored.size()));
            if (!data_) throw Failed{"cannot write " + data_path_};
        }
        offset_ += stored.size();
        ++report_.parts;
        report_.part_bytes += stored.size();
        report_.largest_part = std::max<std::uint64_t>(report_.largest_part, stored.size());
        written_.emplace(ref.name, ref);
        return ref;
    }

    // The container: header, manifest, then the data section copied in.
    void finish_container(const std::string& path, const std::string& manifest) {
        if (!data_.is_open()) return;
        data_.close();
        const std::string tmp = path + ".tmp-lectern";
        {
            std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
            const std::string head = container_header(manifest.size());
            out.write(head.data(), static_cast<std::streamsize>(head.size()));
            out.write(manifest.data(), static_cast<std::streamsize>(manifest.size()));
            std::ifstream in(data_path_, std::ios::binary);
            std::vector<char> buf(1 << 20);
            while (in) {
                in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
                out.write(buf.data(), in.gcount());
            }
            if (!out) throw Failed{"cannot write " + tmp};
            report_.container_bytes = static_cast<std::uint64_t>(out.tellp());
        }
        if (std::rename(tmp.c_str(), path.c_str()) != 0)
            throw Failed{"cannot replace " + path + ": " + std::strerror(errno)};
    }

private:
    std::string folder_, data_path_;
    std::ofstream data_;
    std::uint64_t offset_ = 0;
    std::unordered_map<std::string, ShardRef> written_;
    PackReport& report_;
};

// What is kept of each work until the tiles are written.
struct WorkRecord {
    double start = 0, end = 0;
    bool dated = false;
    std::uint32_t collection = 0, order = 0;
    std::string id, lane, json;  // json: the work without its text
    std::uint32_t seq = 0;       // the order it was read in (the search index's name for it until numbered)
    std::int64_t first_day = 0, last_day = 0;
    std::int64_t pack = -1;  // index into the packs written so far; -1: no text
    std::uint64_t offset = 0, bytes = 0;
};

struct Collection {
    std::string id;
    Archive front;  // the archive without its works
    std::uint32_t works = 0;
};

std::string slug(const std::string& stem) {
    std::string out;
    for (char c : stem) {
        const char l = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        const bool ok = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9');
        if (ok) out += l;
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "collection" : out;
}

class Packer {
public:
    Packer(const PackOptions& o, PackReport& r)
        : options_(o), report_(r), sink_(o, r), index_(spill_folder(o), o.index_memory, o.index_directory_blocks) {}

    void add_archive(const std::string& path) {
        int status = 0;
        std::shared_ptr<const Archive> a = load_archive_file(path, status);
        if (!a) throw Failed{path + ": not a valid archive (the problems are listed above)"};
        Collection c;
        c.id = unique_collection_id(slug(fs::path(path).stem().string()));
        c.front = *a;
        c.front.works.clear();
        c.works = static_cast<std::uint32_t>(a->works.size());
        const auto collection = static_cast<std::uint32_t>(collections_.size());
        collections_.push_back(std::move(c));

        // Neighbours in time share a pack, so reading on from a work often finds the next
        // one's text already fetched.
        std::vector<std::size_t> order(a->works.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        auto start_of = [&](std::size_t i) {
            const Work& w = a->works[i];
            return w.date ? day_to_year(w.date->earliest_day) : 1e9;
        };
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t x, std::size_t y) { return start_of(x) < start_of(y); });
        for (std::size_t i : order) add_work(a->works[i], collection, static_cast<std::uint32_t>(i));
        flush_pack();
    }

    void finish() {
        if (records_.empty() && collections_.empty()) throw Failed{"no archives to pack"};
        if (records_.size() > kMaxLibraryWorks)
            throw Failed{std::to_string(records_.size()) + " works, more than a reader accepts in one library (" +
                         std::to_string(kMaxLibraryWorks) + ")"};
        settle_ids();
        std::stable_sort(records_.begin(), records_.end(), [](const WorkRecord& a, const WorkRecord& b) {
            if (a.dated != b.dated) return a.dated;
            if (!a.dated) return std::tie(a.collection, a.order) < std::tie(b.collection, b.order);
            return std::tie(a.start, a.end, a.collection, a.order) < std::tie(b.start, b.end, b.collection, b.order);
        });
        LibraryManifest m;
        m.works = static_cast<std::uint32_t>(records_.size());
        m.dated = static_cast<std::uint32_t>(
            std::count_if(records_.begin(), records_.end(), [](const WorkRecord& r) { return r.dated; }));
        write_fronts(m);
        write_tiles(m);
        write_ids(m);
        write_offline_lists(m);
        write_index(m);
        describe(m);
        const std::string manifest = manifest_to_json(m);
        report_.manifest_bytes = manifest.size();
        report_.works = m.works;
        report_.collections = m.collections.size();
        // The container's manifest is gzipped: a range answer is never compressed by the host,
        // and the manifest is what the first screen waits for (600 collections: 112 KB, 26 KB gzipped).
        if (!options_.container.empty()) sink_.finish_container(options_.container, platform::gzip(manifest, 9));
        std::string error;
        if (!options_.folder.empty() &&
            !write_file_atomically((fs::path(options_.folder) / "library.json").string(), manifest, error))
            throw Failed{error};
    }

private:
    std::string unique_collection_id(const std::string& base) {
        std::string id = base;
        for (int n = 2; taken_collections_.count(id); ++n) id = base + "-" + std::to_string(n);
        taken_collections_.insert(id);
        return id;
    }

    void add_work(const Work& w, std::uint32_t collection, std::uint32_t order) {
        WorkRecord r;
        r.collection = collection;
        r.order = order;
        r.seq = static_cast<std::uint32_t>(records_.size());
        index_.add_work(w, collections_[collection].id);
        r.id = w.id;
        r.lane = lane_key_for_kind(w.kind);
        if (w.date) {
            r.dated = true;
            r.start = day_to_year(w.date->earliest_day);
            r.end = day_to_year(w.date->latest_day + 1);
            r.first_day = w.date->earliest_day;
            r.last_day = w.date->latest_day;
        }
        if (w.body) {
            report_.text_bytes += w.body->size();
            const std::string member = platform::gzip(*w.body);
            if (!pack_.empty() && pack_.size() + member.size() > options_.pack_bytes) flush_pack();
            r.pack = static_cast<std::int64_t>(packs_.size());
            r.offset = pack_.size();
            r.bytes = member.size();
            pack_ += member;
        }
        Work bare = w;
        bare.body.reset();
        r.json = work_to_json(bare);
        records_.push_back(std::move(r));
    }

    void flush_pack() {
        if (pack_.empty()) return;
        packs_.push_back(sink_.put('b', pack_));
        pack_.clear();
    }

    // A work or person id two collections share is written as "collection-id" in both;
    // an id only one collection uses is kept, so links into a one-collection library are
    // the archive's own.
    void settle_ids() {
        std::map<std::string, std::set<std::uint32_t>> work_owners, person_owners;
        for (const WorkRecord& r : records_) work_owners[r.id].insert(r.collection);
        for (std::uint32_t c = 0; c < collections_.size(); ++c)
            for (const Person& p : collections_[c].front.people) person_owners[p.id].insert(c);
        std::set<std::string> taken;
        for (const WorkRecord& r : records_)
            if (work_owners[r.id].size() == 1) taken.insert(r.id);
        for (WorkRecord& r : records_) {
            if (work_owners[r.id].size() == 1) continue;
            std::string id = collections_[r.collection].id + "-" + r.id;
            for (int n = 2; taken.count(id); ++n)
                id = collections_[r.collection].id + "-" + r.id + "-" + std::to_string(n);
            taken.insert(id);
            r.id = id;
        }
        for (std::uint32_t c = 0; c < collections_.size(); ++c)
            for (const auto& [id, owners] : person_owners)
                if (owners.size() > 1 && owners.count(c)) person_renames_[c][id] = collections_[c].id + "-" + id;
    }

    std::string person_id(std::uint32_t collection, const std::string& id) const {
        auto c = person_renames_.find(collection);
        if (c == person_renames_.end()) return id;
        auto it = c->second.find(id);
        return it == c->second.end() ? id : it->second;
    }

    void rename_people(std::uint32_t collection, std::vector<std::string>& ids) const {
        for (std::string& id : ids) id = person_id(collection, id);
    }

    void write_fronts(LibraryManifest& m) {
        for (std::uint32_t c = 0; c < collections_.size(); ++c) {
            Archive& front = collections_[c].front;
            for (Person& p : front.people) p.id = person_id(c, p.id);
            for (Event& e : front.events) rename_people(c, e.people);
            CollectionRef ref;
            ref.id = collections_[c].id;
            ref.title = front.title;
            ref.works = collections_[c].works;
            ref.front = sink_.put('c', platform::gzip(archive_to_json(front)));
            m.collections.push_back(std::move(ref));
        }
    }

    void write_tiles(LibraryManifest& m) {
        for (std::size_t first = 0; first < records_.size();) {
            std::size_t end = std::min(records_.size(), first + options_.tile_works);
            // Dated and undated works never share a tile: a tile's span means something.
            if (first < m.dated && end > m.dated) end = m.dated;
            m.tiles.push_back(write_tile(first, end));
            first = end;
        }
    }

    TileRef write_tile(std::size_t first, std::size_t end) {
        LibraryTile tile;
        std::map<std::int64_t, std::uint32_t> local_pack;
        std::map<std::pair<std::uint32_t, std::string>, bool> people;
        ojson works = ojson::array();
        TileRef ref;
        ref.first = static_cast<std::uint32_t>(first);
        ref.count = static_cast<std::uint32_t>(end - first);
        ref.start = records_[first].dated ? records_[first].start : 0;
        ref.end = ref.start;
        for (std::size_t i = first; i < end; ++i) {
            const WorkRecord& r = records_[i];
            if (r.dated) ref.end = std::max(ref.end, r.end);
            TileWork tw;
            tw.collection = r.collection;
            if (r.pack >= 0) {
                auto [it, fresh] = local_pack.emplace(r.pack, static_cast<std::uint32_t>(tile.packs.size()));
                if (fresh) tile.packs.push_back(packs_[static_cast<std::size_t>(r.pack)]);
                tw.body = BodyRef{it->second, r.offset, r.bytes};
            }
            tile.refs.push_back(tw);
            ojson w = ojson::parse(r.json);
            w["id"] = r.id;
            if (w.contains("people"))
                for (auto& p : w["people"]) {
                    p = person_id(r.collection, p.get<std::string>());
                    people[{r.collection, p.get<std::string>()}] = true;
                }
            works.push_back(std::move(w));
        }
        ojson archive;
        archive["lectern"] = 1;
        archive["title"] = title();
        archive["people"] = ojson::array();
        for (const auto& [key, unused] : people)
            for (const Person& p : collections_[key.first].front.people)
                if (p.id == key.second) archive["people"].push_back(ojson::parse(person_to_json(p)));
        archive["works"] = std::move(works);
        ref.shard = sink_.put('t', platform::gzip(tile_to_json(tile, ref.first, archive.dump())));
        return ref;
    }

    void write_ids(LibraryManifest& m) {
        IdBlock all;
        all.reserve(records_.size());
        for (std::size_t i = 0; i < records_.size(); ++i)
            all.emplace_back(records_[i].id, static_cast<std::uint32_t>(i));
        std::sort(all.begin(), all.end());
        for (std::size_t at = 0; at < all.size(); at += kIdsPerBlock) {
            IdBlock block(all.begin() + static_cast<std::ptrdiff_t>(at),
                          all.begin() + static_cast<std::ptrdiff_t>(std::min(all.size(), at + kIdsPerBlock)));
            m.ids.push_back({block.front().first, sink_.put('i', platform::gzip(id_block_to_json(block)))});
            std::vector<std::uint32_t> numbers;
            for (const auto& entry : block) numbers.push_back(entry.second);
            id_block_numbers_.push_back(std::move(numbers));
        }
    }

    // Each collection's offline list: what a reader needs to read it with no network (its
    // front matter, the tiles and packs holding its works, the id blocks holding their ids),
    // so "keep this collection offline" knows its size from the manifest and fetches no
    // tile to learn it. Tiles and id blocks are shared with other collections; the search
    // index is the whole library's and is not listed (docs/library-format.md).
    void write_offline_lists(LibraryManifest& m) {
        std::vector<std::set<std::size_t>> tiles(collections_.size()), blocks(collections_.size());
        std::vector<std::set<std::int64_t>> packs(collections_.size());
        for (std::size_t t = 0; t < m.tiles.size(); ++t)
            for (std::size_t i = m.tiles[t].first; i < m.tiles[t].first + m.tiles[t].count; ++i) {
                tiles[records_[i].collection].insert(t);
                if (records_[i].pack >= 0) packs[records_[i].collection].insert(records_[i].pack);
            }
        for (std::size_t b = 0; b < id_block_numbers_.size(); ++b)
            for (std::uint32_t number : id_block_numbers_[b]) blocks[records_[number].collection].insert(b);
        for (std::size_t c = 0; c < collections_.size(); ++c) {
            std::vector<ShardRef> parts{m.collections[c].front};
            for (std::size_t t : tiles[c]) parts.push_back(m.tiles[t].shard);
            for (std::int64_t p : packs[c]) parts.push_back(packs_[static_cast<std::size_t>(p)]);
            for (std::size_t b : blocks[c]) parts.push_back(m.ids[b].shard);
            const ShardRef list = sink_.put('o', platform::gzip(offline_list_to_json(parts)));
            std::uint64_t bytes = list.bytes;
            for (const ShardRef& p : parts) bytes += p.bytes;
            m.collections[c].offline = list;
            m.collections[c].offline_bytes = bytes;
        }
    }

    // The search index (tools/library_index_writer.h): every work's words were counted as it
    // was read; now that the works have their numbers, the postings are written in that order.
    void write_index(LibraryManifest& m) {
        std::vector<std::uint32_t> numbers(records_.size());
        std::vector<std::pair<std::int64_t, std::int64_t>> days;
        for (std::size_t i = 0; i < records_.size(); ++i) {
            numbers[records_[i].seq] = static_cast<std::uint32_t>(i);
            if (records_[i].dated) days.emplace_back(records_[i].first_day, records_[i].last_day);
        }
        ShardRef root;
        index_.finish(
            numbers, days, [&](char kind, const std::string& stored) { return sink_.put(kind, stored); }, root);
        m.search = root;
        report_.index_runs = index_.runs();
        report_.index_terms = index_.terms();
    }

    static std::string spill_folder(const PackOptions& o) {
        if (!o.folder.empty()) return o.folder;
        const fs::path parent = fs::path(o.container).parent_path();
        return parent.empty() ? "." : parent.string();
    }

    std::string title() const {
        if (!options_.title.empty()) return options_.title;
        return collections_.size() == 1 ? collections_.front().front.title : std::string("Library");
    }

    void describe(LibraryManifest& m) {
        m.title = title();
        if (collections_.size() == 1) {
            m.subtitle = collections_.front().front.subtitle;
            m.language = collections_.front().front.language;
        }
        if (m.dated == 0) return;
        m.first = records_.front().start;
        m.last = m.first;
        for (std::size_t i = 0; i < m.dated; ++i) m.last = std::max(m.last, records_[i].end);
        std::map<std::string, std::vector<std::uint32_t>> bins;
        for (std::size_t i = 0; i < m.dated; ++i) {
            auto& counts = bins[records_[i].lane];
            counts.resize(kDensityBins);
            ++counts[m.density_bin(records_[i].start, kDensityBins)];
        }
        for (const char* lane : kLaneOrder)
            if (bins.count(lane)) m.density.push_back({lane, bins[lane]});
    }

    const PackOptions& options_;
    PackReport& report_;
    PartSink sink_;
    std::vector<Collection> collections_;
    std::set<std::string> taken_collections_;
    std::vector<WorkRecord> records_;
    std::vector<ShardRef> packs_;
    std::vector<std::vector<std::uint32_t>> id_block_numbers_;  // the works each id block holds
    std::string pack_;
    std::map<std::uint32_t, std::map<std::string, std::string>> person_renames_;
    LibraryIndexWriter index_;
};

}  // namespace

bool pack_library(const std::vector<std::string>& archives, const PackOptions& options, PackReport& report,
                  std::string& error) {
    if (options.tile_works == 0 || options.pack_bytes == 0) {
        error = "tiles and packs must hold at least one work";
        return false;
    }
    try {
        Packer packer(options, report);
        for (const std::string& path : archives) packer.add_archive(path);
        packer.finish();
        return true;
    } catch (const Failed& f) {
        error = f.what;
        return false;
    }
}

}  // namespace lectern::tool
