// libFuzzer target: a library's parts as a hostile host could serve them. The first byte
// picks the part (manifest, tile, id block, search root, dictionary block, postings); the
// rest is its text. Any text is read or refused with a message, never a crash, and a
// manifest that reads opens in a session, searches, and has its first requests answered
// with the same text (a tile or an index part that is not one).
#include "core/library/library_index.h"
#include "core/library/library_manifest.h"
#include "core/library/library_tile.h"
#include "core/session/session.h"
#include "fuzz_check.h"

using namespace lectern;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string text(fuzz::as_text(data + 1, size - 1));
    switch (data[0] % 6) {
        case 0: {
            const ManifestResult m = parse_manifest(text);
            FUZZ_CHECK(m.manifest.has_value() == m.error.empty());
            if (!m.manifest) return 0;
            for (std::uint32_t n = 0; n < m.manifest->works && n < 64; ++n) FUZZ_CHECK(m.manifest->tile_of(n) >= 0);
            FUZZ_CHECK(parse_manifest(manifest_to_json(*m.manifest)).manifest.has_value());
            Session s;
            std::string error;
            FUZZ_CHECK(s.open_library(text, error));
            s.open("w0");
            s.search("w0 \"a b\" c");
            for (int round = 0; round < 3; ++round)
                for (const LibraryRequest& r : s.take_library_requests()) s.library_answer(r.id, true, text, 1, "");
            FUZZ_CHECK(s.library()->pending() == 0);
            return 0;
        }
        case 1: {
            const TileRef ref{0, 3, 1900, 1950, {}};
            const TileResult t = parse_tile(text, ref, 2);
            FUZZ_CHECK(t.tile.has_value() == t.error.empty());
            if (t.tile) FUZZ_CHECK(t.tile->works.size() == 3 && t.tile->refs.size() == 3);
            return 0;
        }
        case 2: {
            const IdBlockResult b = parse_id_block(text, 1000);
            FUZZ_CHECK(b.block.has_value() == b.error.empty());
            return 0;
        }
        case 3: {  // a root, a directory or a year table: all JSON
            const IndexDirectoryResult d = parse_index_directory(text);
            FUZZ_CHECK(d.directory.has_value() == d.error.empty());
            if (d.directory) FUZZ_CHECK(d.directory->block_of("a") < static_cast<int>(d.directory->blocks.size()));
            const IndexYearsResult y = parse_index_years(text, 1000);
            FUZZ_CHECK(y.years.has_value() == y.error.empty());
            if (y.years)
                for (const auto& n : y.years->works_in_years(1900, 1950)) FUZZ_CHECK(n < 1000);
            const IndexRootResult r = parse_index_root(text, 1000);
            FUZZ_CHECK(r.root.has_value() == r.error.empty());
            if (!r.root) return 0;
            FUZZ_CHECK(parse_index_root(index_root_to_json(*r.root), 1000).root.has_value());
            FUZZ_CHECK(r.root->directory_of("a") < static_cast<int>(r.root->directories.size()));
            return 0;
        }
        case 4: {
            const IndexBlockResult b = parse_index_block(text, 1000);
            FUZZ_CHECK(b.block.has_value() == b.error.empty());
            if (!b.block) return 0;
            const IndexBlockResult again = parse_index_block(index_block_bytes(*b.block), 1000);
            FUZZ_CHECK(again.block && again.block->terms.size() == b.block->terms.size());
            return 0;
        }
        default: {
            // The postings of a term the dictionary says is in `docs` works of 1000.
            const std::uint32_t docs = text.empty() ? 1 : static_cast<unsigned char>(text[0]) % 64 + 1;
            const PostingsResult p = decode_postings(std::string_view(text).substr(text.empty() ? 0 : 1), 1000, docs);
            FUZZ_CHECK(p.postings.has_value() == p.error.empty());
            if (!p.postings) return 0;
            FUZZ_CHECK(p.postings->size() == docs);
            for (const Posting& x : *p.postings) FUZZ_CHECK(x.number < 1000 && x.count > 0);
            const PostingsResult again = decode_postings(encode_postings(*p.postings, 1000), 1000, docs);
            FUZZ_CHECK(again.postings && again.postings->size() == docs);
            return 0;
        }
    }
}
