// libFuzzer target: a library's parts as a hostile host could serve them. The first byte
// picks the part (manifest, tile, id block); the rest is its text. Any text is read or
// refused with a message, never a crash, and a manifest that reads opens in a session
// whose first requests are then answered with the same text (a tile that is not one).
#include "core/library/library_manifest.h"
#include "core/library/library_tile.h"
#include "core/session/session.h"
#include "fuzz_check.h"

using namespace lectern;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string text(fuzz::as_text(data + 1, size - 1));
    switch (data[0] % 3) {
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
        default: {
            const IdBlockResult b = parse_id_block(text, 1000);
            FUZZ_CHECK(b.block.has_value() == b.error.empty());
            return 0;
        }
    }
}
