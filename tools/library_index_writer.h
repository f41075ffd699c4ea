// The search index of a library (core/library/library_index.h), written by `lectern-tool pack`
// as it reads the archives: each work's words are counted once, when the work is read, into
// postings in memory; past a memory budget those are written out sorted (a run) and memory
// starts again. At the end, when every work has its number in the library's time order, the
// runs are merged term by term into dictionary blocks and postings packs. Memory stays near
// the budget, whatever the library's size.
//
//   LibraryIndexWriter w(spill_folder, 256 << 20);
//   w.add_work(work, "serge");                  // in reading order: the work's sequence number
//   LibraryIndexRoot root = w.finish(numbers, days, put_part);   // numbers[seq]: its number
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/archive/archive.h"
#include "core/library/library_index.h"

namespace lectern::tool {

class LibraryIndexWriter {
public:
    // `directory_blocks`: dictionary blocks per directory (at most kBlocksPerDirectory; fewer
    // only to test libraries of many directories with few terms).
    LibraryIndexWriter(std::string spill_folder, std::size_t memory_budget,
                       std::size_t directory_blocks = kBlocksPerDirectory);
    ~LibraryIndexWriter();  // removes the runs
    LibraryIndexWriter(const LibraryIndexWriter&) = delete;
    LibraryIndexWriter& operator=(const LibraryIndexWriter&) = delete;

    // Reads a work's searched fields (core/search/search_documents.h), its kind, attribution
    // and collection. Works are counted in the order they are added.
    void add_work(const Work& work, std::string_view collection_id);

    // Stores a part (kind 'r' root, 'd' dictionary block, 'p' postings pack) and says where.
    using PutPart = std::function<ShardRef(char kind, const std::string& stored)>;
    // `numbers[seq]`: the library's number of the work added seq-th; `dated_days[n]`: the
    // earliest and latest day of dated work n (the first dated_days.size() numbers are dated).
    // Returns the root, already stored (its part in root_part).
    LibraryIndexRoot finish(const std::vector<std::uint32_t>& numbers,
                            const std::vector<std::pair<std::int64_t, std::int64_t>>& dated_days, const PutPart& put,
                            ShardRef& root_part);

    std::size_t runs() const;              // sorted runs written to disk so far
    std::uint64_t postings_bytes() const;  // postings stored, before gzip
    std::uint64_t terms() const;

private:
    struct State;
    std::unique_ptr<State> s_;
};

}  // namespace lectern::tool
