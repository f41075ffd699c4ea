// A library's search index, written in two steps: postings gathered per work as the archives are
// read (spilled to sorted runs past the memory budget), then merged in term order into blocks.
#include "library_index_writer.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <queue>
#include <stdexcept>
#include <unordered_map>

#include <unistd.h>

#include "core/dates/date.h"
#include "core/library/library_manifest.h"
#include "core/search/search_documents.h"
#include "core/text/text_fold.h"
#include "platform/gzip.h"

namespace lectern::tool {

namespace {

namespace fs = std::filesystem;
using search_detail::Field;

constexpr std::size_t kPostingsPackBytes = 256 << 10;  // a postings pack is closed past this
constexpr std::size_t kTermOverhead = 128;             // a term's hash node and two strings, roughly

void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

std::uint64_t get_varint(const char*& p) {  // our own bytes, written just before
    std::uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
        const auto byte = static_cast<unsigned char>(*p++);
        v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
        if (byte < 0x80) return v;
    }
}

std::int64_t year_of(std::int64_t day) {
    auto y = static_cast<std::int64_t>(std::floor(day_to_year(day)));
    while (days_from_civil(y + 1, 1, 1) <= day) ++y;
    while (days_from_civil(y, 1, 1) > day) --y;
    return y;
}

// One term's postings from one run: (sequence number, count << 1 | in title) varint pairs.
struct RunEntry {
    std::string term, bytes;
};

// A sorted run on disk, read back entry by entry.
class RunFile {
public:
    explicit RunFile(const std::string& path) : in_(path, std::ios::binary) {}
    bool next(RunEntry& e) {
        std::uint32_t sizes[2];
        if (!in_.read(reinterpret_cast<char*>(sizes), sizeof sizes)) return false;
        e.term.resize(sizes[0]);
        e.bytes.resize(sizes[1]);
        in_.read(e.term.data(), sizes[0]);
        in_.read(e.bytes.data(), sizes[1]);
        if (!in_) throw std::runtime_error("a search index run was cut short");
        return true;
    }

private:
    std::ifstream in_;
};

}  // namespace

struct LibraryIndexWriter::State {
    std::string folder;
    std::size_t budget = 0, directory_blocks = kBlocksPerDirectory;
    std::unordered_map<std::string, std::string> postings;  // term -> entries, in sequence order
    std::size_t memory = 0;
    std::uint32_t seq = 0;
    std::vector<std::string> runs;
    std::uint64_t postings_bytes = 0, terms = 0;
    // One work's terms while it is read: (count, in title).
    std::unordered_map<std::string, std::pair<std::uint32_t, bool>> work;

    void count(const std::string& term, bool in_title) {
        auto& [n, title] = work[term];
        ++n;
        title = title || in_title;
    }
    void spill();
};

LibraryIndexWriter::LibraryIndexWriter(std::string spill_folder, std::size_t memory_budget,
                                       std::size_t directory_blocks)
    : s_(std::make_unique<State>()) {
    s_->folder = std::move(spill_folder);
    s_->budget = memory_budget;
    s_->directory_blocks = std::clamp<std::size_t>(directory_blocks, 1, kBlocksPerDirectory);
}

LibraryIndexWriter::~LibraryIndexWriter() {
    for (const std::string& run : s_->runs) std::remove(run.c_str());
}

std::size_t LibraryIndexWriter::runs() const { return s_->runs.size(); }
std::uint64_t LibraryIndexWriter::postings_bytes() const { return s_->postings_bytes; }
std::uint64_t LibraryIndexWriter::terms() const { return s_->terms; }

void LibraryIndexWriter::add_work(const Work& w, std::string_view collection_id) {
    State& s = *s_;
    s.work.clear();
    Token token;
    std::string previous;  // the last word, when it was a character word: the next one pairs with it
    search_detail::for_each_work_field(w, [&](Field field, std::string_view text) {
        const bool in_title = search_detail::is_title(field);
        previous.clear();  // positions leave a gap between fields: no phrase runs across
        for (TokenReader reader(text); reader.next(token);) {
            s.count(token.folded, in_title);
            if (!character_word(token.folded)) {
                previous.clear();
                continue;
            }
            if (!previous.empty()) s.count(pair_term(previous, token.folded), in_title);
            previous = token.folded;
        }
    });
    s.count(kind_term(w.kind), false);
    s.count(attribution_term(w.attribution), false);
    s.count(collection_term(collection_id), false);
    for (const auto& [term, value] : s.work) {
        auto [it, fresh] = s.postings.try_emplace(term);
        if (fresh) s.memory += term.size() + kTermOverhead;
        const std::size_t before = it->second.size();
        put_varint(it->second, s.seq);
        put_varint(it->second, (std::uint64_t{value.first} << 1) | (value.second ? 1 : 0));
        s.memory += it->second.size() - before;
    }
    ++s.seq;
    if (s.memory > s.budget) s.spill();
}

void LibraryIndexWriter::State::spill() {
    std::vector<std::unordered_map<std::string, std::string>::iterator> order;
    order.reserve(postings.size());
    for (auto it = postings.begin(); it != postings.end(); ++it) order.push_back(it);
    std::sort(order.begin(), order.end(), [](const auto& x, const auto& y) { return x->first < y->first; });
    // Beside the output (where there is room for it), named for this process: removed when done.
    const std::string path =
        (fs::path(folder) / (".lectern-index-" + std::to_string(::getpid()) + "-run-" + std::to_string(runs.size())))
            .string();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    for (const auto& it : order) {
        const std::uint32_t sizes[2] = {static_cast<std::uint32_t>(it->first.size()),
                                        static_cast<std::uint32_t>(it->second.size())};
        out.write(reinterpret_cast<const char*>(sizes), sizeof sizes);
        out.write(it->first.data(), static_cast<std::streamsize>(it->first.size()));
        out.write(it->second.data(), static_cast<std::streamsize>(it->second.size()));
    }
    if (!out) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
    runs.push_back(path);
    decltype(postings)().swap(postings);
    memory = 0;
}

namespace {

// Lays terms out into dictionary blocks and their large postings into packs. A block that
// names the pack still being filled waits for it, so every part is written complete once.
class BlockWriter {
public:
    BlockWriter(std::uint32_t works, const LibraryIndexWriter::PutPart& put) : works_(works), put_(put) {}

    void add(const std::string& term, const std::vector<Posting>& postings) {
        IndexTerm t;
        t.term = term;
        t.docs = static_cast<std::uint32_t>(postings.size());
        const std::string bytes = encode_postings(postings, works_);
        postings_bytes_ += bytes.size();
        if (bytes.size() <= kInlinePostingsBytes) {
            t.postings = bytes;
            block_bytes_ += bytes.size();
        } else {
            const std::string member = platform::gzip(bytes);
            if (!pack_.empty() && pack_.size() + member.size() > kPostingsPackBytes) flush_pack();
            const auto global = static_cast<std::uint32_t>(packs_.size());  // the pack being filled
            auto local = std::find(block_packs_.begin(), block_packs_.end(), global);
            if (local == block_packs_.end()) local = block_packs_.insert(block_packs_.end(), global);
            t.pack = static_cast<std::uint32_t>(local - block_packs_.begin());
            t.member_offset = pack_.size();
            t.member_bytes = member.size();
            pack_ += member;
        }
        block_bytes_ += term.size() + 12;
        block_.terms.push_back(std::move(t));
        if (block_bytes_ >= kIndexBlockBytes || block_.terms.size() == kMaxBlockTerms) close_block();
    }

    std::vector<IndexBlockRef> finish() {
        close_block();
        flush_pack();
        return std::move(refs_);
    }
    std::uint64_t postings_bytes() const { return postings_bytes_; }

private:
    struct Waiting {
        IndexBlock block;
        std::vector<std::uint32_t> packs;  // global pack numbers, by the block's own
    };

    void close_block() {
        if (block_.terms.empty()) return;
        waiting_.push_back({std::move(block_), std::move(block_packs_)});
        block_ = {};
        block_packs_.clear();
        block_bytes_ = 0;
        write_ready();
    }
    void flush_pack() {
        if (pack_.empty()) return;
        packs_.push_back(put_('p', pack_));
        pack_.clear();
        write_ready();
    }
    // Blocks in order, each once every pack it names is written.
    void write_ready() {
        while (!waiting_.empty()) {
            Waiting& w = waiting_.front();
            for (const std::uint32_t p : w.packs)
                if (p >= packs_.size()) return;
            for (const std::uint32_t p : w.packs) w.block.packs.push_back(packs_[p]);
            const std::string first = w.block.terms.front().term;
            refs_.push_back({first, put_('d', platform::gzip(index_block_bytes(w.block), 9))});
            waiting_.erase(waiting_.begin());
        }
    }

    std::uint32_t works_;
    const LibraryIndexWriter::PutPart& put_;
    IndexBlock block_;
    std::vector<std::uint32_t> block_packs_;
    std::size_t block_bytes_ = 0;
    std::string pack_;
    std::vector<ShardRef> packs_;
    std::vector<Waiting> waiting_;
    std::vector<IndexBlockRef> refs_;
    std::uint64_t postings_bytes_ = 0;
};

}  // namespace

LibraryIndexRoot LibraryIndexWriter::finish(const std::vector<std::uint32_t>& numbers,
                                            const std::vector<std::pair<std::int64_t, std::int64_t>>& dated_days,
                                            const PutPart& put, ShardRef& root_part) {
    State& s = *s_;
    if (numbers.size() != s.seq) throw std::logic_error("every work added needs a number");
    const auto works = static_cast<std::uint32_t>(numbers.size());
    LibraryIndexRoot root;
    root.works = works;
    BlockWriter blocks(works, put);

    // The sources to merge: the runs on disk, and what is still in memory.
    std::vector<std::unique_ptr<RunFile>> files;
    for (const std::string& run : s.runs) files.push_back(std::make_unique<RunFile>(run));
    std::vector<std::unordered_map<std::string, std::string>::iterator> memory;
    for (auto it = s.postings.begin(); it != s.postings.end(); ++it) memory.push_back(it);
    std::sort(memory.begin(), memory.end(), [](const auto& x, const auto& y) { return x->first < y->first; });
    std::size_t memory_at = 0;
    const std::size_t sources = files.size() + 1;
    std::vector<RunEntry> head(sources);
    const auto advance = [&](std::size_t i) {
        if (i < files.size()) return files[i]->next(head[i]);
        if (memory_at == memory.size()) return false;
        head[i].term = memory[memory_at]->first;
        head[i].bytes = std::move(memory[memory_at]->second);
        ++memory_at;
        return true;
    };
    using Item = std::pair<std::string, std::size_t>;  // (term, source): the smallest first
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    for (std::size_t i = 0; i < sources; ++i)
        if (advance(i)) queue.push({head[i].term, i});

    std::vector<Posting> postings;
    while (!queue.empty()) {
        const std::string term = queue.top().first;
        postings.clear();
        while (!queue.empty() && queue.top().first == term) {
            const std::size_t i = queue.top().second;
            queue.pop();
            const char* p = head[i].bytes.data();
            const char* end = p + head[i].bytes.size();
            while (p < end) {
                Posting posting;
                posting.number = numbers[get_varint(p)];
                const std::uint64_t v = get_varint(p);
                posting.count = static_cast<std::uint32_t>(std::min<std::uint64_t>(v >> 1, 0xFFFFFFFFu));
                posting.title = (v & 1) != 0;
                postings.push_back(posting);
            }
            if (advance(i)) queue.push({head[i].term, i});
        }
        std::sort(postings.begin(), postings.end(),
                  [](const Posting& x, const Posting& y) { return x.number < y.number; });
        blocks.add(term, postings);
        ++root.terms;
    }
    // Directories of kBlocksPerDirectory blocks each: the root names only them.
    const std::vector<IndexBlockRef> all = blocks.finish();
    for (std::size_t at = 0; at < all.size(); at += s.directory_blocks) {
        IndexDirectory d;
        d.blocks.assign(all.begin() + static_cast<std::ptrdiff_t>(at),
                        all.begin() + static_cast<std::ptrdiff_t>(std::min(all.size(), at + s.directory_blocks)));
        root.directories.push_back(
            {d.blocks.front().first_term, put('x', platform::gzip(index_directory_to_json(d), 9))});
    }
    s.postings_bytes = blocks.postings_bytes();
    s.terms = root.terms;
    decltype(s.postings)().swap(s.postings);

    // The year filter's table: works are numbered by their earliest day.
    // One entry per year in which a work starts: as many as the works at most, whatever the span.
    IndexYears years;
    years.dated = static_cast<std::uint32_t>(dated_days.size());
    for (std::uint32_t i = 0; i < dated_days.size(); ++i) {
        const std::int64_t first = year_of(dated_days[i].first), last = year_of(dated_days[i].second);
        if (years.year_starts.empty() || years.year_starts.back().first != first)
            years.year_starts.emplace_back(first, i);
        if (last > first) years.spanning.emplace_back(i, last);
    }
    root.years = put('y', platform::gzip(index_years_to_json(years), 9));
    root_part = put('r', platform::gzip(index_root_to_json(root), 9));
    return root;
}

}  // namespace lectern::tool
