// Reads and writes a library's search index: the root (JSON), dictionary blocks and postings
// (varints, checked as they are read: every part is input from a host).
#include "core/library/library_index.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/library/library_json.h"
#include "core/library/library_manifest.h"
#include "core/text/line_break.h"
#include "core/text/utf8.h"

namespace lectern {

using library_json::Bad;
using nlohmann::json;

namespace {

constexpr std::string_view kBlockMagic = "LXB1";
constexpr std::size_t kMaxIndexBlocks = 1'000'000;
constexpr std::uint64_t kMaxTermBytes = 1024;

void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

// Reads varints and bytes from a part, refusing to run past its end.
struct Reader {
    std::string_view in;
    std::size_t at = 0;

    std::uint64_t varint(const char* what, std::uint64_t most) {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at >= in.size()) throw Bad{what, "cut short"};
            const auto byte = static_cast<unsigned char>(in[at++]);
            v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
            if (byte < 0x80) {
                if (v > most) throw Bad{what, std::to_string(v) + " is more than " + std::to_string(most)};
                return v;
            }
        }
        throw Bad{what, "not a number"};
    }
    std::string_view bytes(const char* what, std::uint64_t n) {
        if (n > in.size() - at) throw Bad{what, "cut short"};
        const std::string_view s = in.substr(at, n);
        at += n;
        return s;
    }
};

}  // namespace

bool character_word(std::string_view folded) {
    std::size_t n = 0;
    return !folded.empty() && written_without_spaces(utf8_decode(folded, 0, n));
}

// ---- root -----------------------------------------------------------------------------

namespace {
// The last of `refs` whose first term is not after `term`, or -1.
int last_not_after(const std::vector<IndexBlockRef>& refs, std::string_view term) {
    auto it = std::upper_bound(refs.begin(), refs.end(), term,
                               [](std::string_view t, const IndexBlockRef& b) { return t < b.first_term; });
    return static_cast<int>(it - refs.begin()) - 1;
}

// [[first term, part], …] in order, as the root's directories and a directory's blocks are.
std::vector<IndexBlockRef> read_refs(const json& j, const char* key, std::size_t most) {
    std::vector<IndexBlockRef> out;
    const json& refs = library_json::array_at(j, key, most);
    for (std::size_t i = 0; i < refs.size(); ++i) {
        const std::string where = std::string(key) + "[" + std::to_string(i) + "]";
        if (!refs[i].is_array() || refs[i].size() != 2 || !refs[i][0].is_string())
            throw Bad{where, "expected [first term, part]"};
        IndexBlockRef b{refs[i][0].get<std::string>(), library_json::ref_from(refs[i][1], where + "[1]")};
        if (!out.empty() && !(out.back().first_term < b.first_term)) throw Bad{where, "out of order"};
        out.push_back(std::move(b));
    }
    return out;
}

nlohmann::ordered_json refs_json(const std::vector<IndexBlockRef>& refs) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const IndexBlockRef& b : refs) out.push_back({b.first_term, library_json::ref_json(b.shard)});
    return out;
}
}  // namespace

int LibraryIndexRoot::directory_of(std::string_view term) const { return last_not_after(directories, term); }
int IndexDirectory::block_of(std::string_view term) const { return last_not_after(blocks, term); }

IndexDirectoryResult parse_index_directory(std::string_view text) {
    IndexDirectoryResult r;
    const json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        r.error = "not a search index directory (expected a JSON object)";
        return r;
    }
    try {
        IndexDirectory d;
        d.blocks = read_refs(j, "blocks", kBlocksPerDirectory);
        if (d.blocks.empty()) throw Bad{"blocks", "no block"};
        r.directory = std::move(d);
    } catch (const Bad& bad) { r.error = bad.text(); }
    return r;
}

std::string index_directory_to_json(const IndexDirectory& d) {
    nlohmann::ordered_json j;
    j["blocks"] = refs_json(d.blocks);
    return j.dump();
}

std::vector<std::uint32_t> IndexYears::works_in_years(std::optional<int> from, std::optional<int> to) const {
    std::vector<std::uint32_t> out;
    // The first number whose earliest day is in year y or later.
    const auto start_of = [&](std::int64_t y) -> std::uint32_t {
        auto it = std::lower_bound(
            year_starts.begin(), year_starts.end(), y,
            [](const std::pair<std::int64_t, std::uint32_t>& e, std::int64_t v) { return e.first < v; });
        return it == year_starts.end() ? dated : it->second;
    };
    // Earliest no later than `to`: numbers below the start of the year after it.
    const std::uint32_t end = to ? start_of(std::int64_t{*to} + 1) : dated;
    // Latest no earlier than `from`: every work starting in it or later, and the earlier ones
    // that run into it.
    const std::uint32_t begin = from ? std::min(start_of(*from), end) : 0;
    if (from)
        for (const auto& [number, latest] : spanning)
            if (number < begin && latest >= *from) out.push_back(number);
    for (std::uint32_t n = begin; n < end; ++n) out.push_back(n);
    return out;
}

IndexRootResult parse_index_root(std::string_view text, std::uint32_t works) {
    IndexRootResult r;
    const json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        r.error = "not a search index root (expected a JSON object)";
        return r;
    }
    try {
        LibraryIndexRoot root;
        const json& version = library_json::member(j, "lectern_index", "");
        if (!version.is_number_integer() || version.get<long long>() != kLibraryIndexVersion)
            throw Bad{"lectern_index", "version " + version.dump() + ", this viewer reads version " +
                                           std::to_string(kLibraryIndexVersion)};
        root.works = library_json::count_at(j, "works", kMaxLibraryWorks);
        if (root.works != works) throw Bad{"works", "expected " + std::to_string(works) + ", as the library has"};
        root.terms = library_json::count_at(j, "terms", 0xFFFFFFFFu);
        root.directories = read_refs(j, "directories", kMaxIndexBlocks / kBlocksPerDirectory);
        root.years = library_json::ref_at(j, "years");
        r.root = std::move(root);
    } catch (const Bad& bad) { r.error = bad.text(); }
    return r;
}

std::string index_root_to_json(const LibraryIndexRoot& root) {
    nlohmann::ordered_json j;
    j["lectern_index"] = root.version;
    j["works"] = root.works;
    j["terms"] = root.terms;
    j["directories"] = refs_json(root.directories);
    j["years"] = library_json::ref_json(root.years);
    return j.dump();
}

IndexYearsResult parse_index_years(std::string_view text, std::uint32_t works) {
    IndexYearsResult r;
    const json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        r.error = "not a year table (expected a JSON object)";
        return r;
    }
    try {
        IndexYears years;
        years.dated = library_json::count_at(j, "dated", works);
        const auto year = [](const json& v) {
            return v.is_number_integer() && std::llabs(v.get<long long>()) <= 1'000'000'000;
        };
        const json& starts = library_json::array_at(j, "year_starts", years.dated);
        for (std::size_t i = 0; i < starts.size(); ++i) {
            const std::string where = "year_starts[" + std::to_string(i) + "]";
            const json& e = starts[i];
            if (!e.is_array() || e.size() != 2 || !year(e[0]) || !e[1].is_number_unsigned() ||
                e[1].get<std::uint64_t>() >= years.dated)
                throw Bad{where, "expected [year, the number of a dated work]"};
            const std::pair<std::int64_t, std::uint32_t> p{e[0].get<std::int64_t>(), e[1].get<std::uint32_t>()};
            if (i == 0 && p.second != 0) throw Bad{where, "the first year starts at work 0"};
            if (!years.year_starts.empty() &&
                (p.first <= years.year_starts.back().first || p.second <= years.year_starts.back().second))
                throw Bad{where, "out of order"};
            years.year_starts.push_back(p);
        }
        if (years.dated > 0 && years.year_starts.empty()) throw Bad{"year_starts", "dated works, and no year"};
        const json& spanning = library_json::array_at(j, "spanning", years.dated);
        for (std::size_t i = 0; i < spanning.size(); ++i) {
            const std::string where = "spanning[" + std::to_string(i) + "]";
            const json& e = spanning[i];
            if (!e.is_array() || e.size() != 2 || !e[0].is_number_unsigned() ||
                e[0].get<std::uint64_t>() >= years.dated || !year(e[1]))
                throw Bad{where, "expected [the number of a dated work, year]"};
            const std::pair<std::uint32_t, std::int64_t> p{e[0].get<std::uint32_t>(), e[1].get<std::int64_t>()};
            if (!years.spanning.empty() && p.first <= years.spanning.back().first) throw Bad{where, "out of order"};
            years.spanning.push_back(p);
        }
        r.years = std::move(years);
    } catch (const Bad& bad) { r.error = bad.text(); }
    return r;
}

std::string index_years_to_json(const IndexYears& years) {
    nlohmann::ordered_json j;
    j["dated"] = years.dated;
    j["year_starts"] = nlohmann::ordered_json::array();
    for (const auto& [y, n] : years.year_starts) j["year_starts"].push_back({y, n});
    j["spanning"] = nlohmann::ordered_json::array();
    for (const auto& [n, y] : years.spanning) j["spanning"].push_back({n, y});
    return j.dump();
}

// ---- dictionary blocks ----------------------------------------------------------------

IndexBlockResult parse_index_block(std::string_view bytes, std::uint32_t works) {
    IndexBlockResult r;
    try {
        Reader in{bytes};
        if (in.bytes("magic", kBlockMagic.size()) != kBlockMagic) throw Bad{"", "not a dictionary block"};
        IndexBlock block;
        const std::uint64_t packs = in.varint("packs", 4096);
        for (std::uint64_t i = 0; i < packs; ++i) {
            ShardRef p;
            p.name = std::string(in.bytes("packs", in.varint("packs", 64)));
            if (!valid_shard_name(p.name)) throw Bad{"packs", "'" + p.name + "' is not the name of a library part"};
            p.offset = in.varint("packs", std::numeric_limits<std::uint64_t>::max() / 2);
            p.bytes = in.varint("packs", kMaxPartBytes);
            block.packs.push_back(std::move(p));
        }
        const std::uint64_t terms = in.varint("terms", kMaxBlockTerms);
        block.terms.reserve(terms);
        std::string previous;
        for (std::uint64_t i = 0; i < terms; ++i) {
            IndexTerm t;
            const std::uint64_t shared = in.varint("terms", previous.size());
            const std::uint64_t suffix = in.varint("terms", kMaxTermBytes);
            if (shared + suffix > kMaxTermBytes)
                throw Bad{"terms", "a term longer than " + std::to_string(kMaxTermBytes) + " bytes"};
            t.term = previous.substr(0, shared);
            t.term += in.bytes("terms", suffix);
            if (i > 0 && !(previous < t.term)) throw Bad{"terms", "out of order at '" + t.term + "'"};
            t.docs = static_cast<std::uint32_t>(in.varint("docs", works));
            if (t.docs == 0) throw Bad{"docs", "a term in no work"};
            if (in.varint("postings", 1) == 0) {
                t.postings = std::string(in.bytes("postings", in.varint("postings", kMaxPartBytes)));
                if (t.postings.empty()) throw Bad{"postings", "empty"};
            } else {
                t.pack = static_cast<std::uint32_t>(in.varint("postings", block.packs.size() - (packs ? 1 : 0)));
                if (packs == 0) throw Bad{"postings", "in a pack the block does not name"};
                const ShardRef& pack = block.packs[t.pack];
                t.member_offset = in.varint("postings", pack.bytes);
                t.member_bytes = in.varint("postings", pack.bytes - t.member_offset);
                if (t.member_bytes == 0) throw Bad{"postings", "empty"};
            }
            previous = t.term;
            block.terms.push_back(std::move(t));
        }
        if (in.at != bytes.size()) throw Bad{"", "bytes after the last term"};
        r.block = std::move(block);
    } catch (const Bad& bad) { r.error = bad.text(); }
    return r;
}

std::string index_block_bytes(const IndexBlock& block) {
    std::string out(kBlockMagic);
    put_varint(out, block.packs.size());
    for (const ShardRef& p : block.packs) {
        put_varint(out, p.name.size());
        out += p.name;
        put_varint(out, p.offset);
        put_varint(out, p.bytes);
    }
    put_varint(out, block.terms.size());
    std::string_view previous;
    for (const IndexTerm& t : block.terms) {
        std::size_t shared = 0;
        while (shared < previous.size() && shared < t.term.size() && previous[shared] == t.term[shared]) ++shared;
        put_varint(out, shared);
        put_varint(out, t.term.size() - shared);
        out.append(t.term, shared, std::string::npos);
        put_varint(out, t.docs);
        if (!t.in_pack()) {
            put_varint(out, 0);
            put_varint(out, t.postings.size());
            out += t.postings;
        } else {
            put_varint(out, 1);
            put_varint(out, t.pack);
            put_varint(out, t.member_offset);
            put_varint(out, t.member_bytes);
        }
        previous = t.term;
    }
    return out;
}

// ---- postings -------------------------------------------------------------------------

PostingsResult decode_postings(std::string_view bytes, std::uint32_t works, std::uint32_t docs) {
    PostingsResult r;
    try {
        Reader in{bytes};
        std::vector<Posting> out;
        out.reserve(std::min<std::size_t>(docs, bytes.size()));  // a count the bytes cannot hold is caught below
        const auto value = [&](Posting& p) {
            const std::uint64_t v = in.varint("postings", (std::uint64_t{0xFFFFFFFFu} << 1) | 1);
            if ((v >> 1) == 0) throw Bad{"postings", "a work where the term occurs no time"};
            p.count = static_cast<std::uint32_t>(v >> 1);
            p.title = (v & 1) != 0;
        };
        const std::uint64_t form = in.varint("postings", 1);
        if (form == 0) {
            std::uint64_t next = 0;  // the last number read, plus one
            for (std::uint32_t i = 0; i < docs; ++i) {
                const std::uint64_t delta = in.varint("postings", works);
                if (delta == 0 || next + delta > works) throw Bad{"postings", "a work number out of order or range"};
                next += delta;
                Posting p;
                p.number = static_cast<std::uint32_t>(next - 1);
                value(p);
                out.push_back(p);
            }
        } else {
            const std::string_view bits = in.bytes("postings", (std::uint64_t{works} + 7) / 8);
            for (std::uint32_t n = 0; n < works; ++n)
                if ((static_cast<unsigned char>(bits[n / 8]) >> (n % 8)) & 1) {
                    if (out.size() == docs) throw Bad{"postings", "more works than the dictionary says"};
                    Posting p;
                    p.number = n;
                    out.push_back(p);
                }
            if (works % 8 && (static_cast<unsigned char>(bits.back()) >> (works % 8)))
                throw Bad{"postings", "a work number out of range"};
            if (out.size() != docs) throw Bad{"postings", "fewer works than the dictionary says"};
            for (Posting& p : out) value(p);
        }
        if (in.at != bytes.size()) throw Bad{"postings", "bytes after the last work"};
        r.postings = std::move(out);
    } catch (const Bad& bad) { r.error = bad.text(); }
    return r;
}

std::string encode_postings(const std::vector<Posting>& postings, std::uint32_t works) {
    std::string values;
    for (const Posting& p : postings) put_varint(values, (std::uint64_t{p.count} << 1) | (p.title ? 1 : 0));
    std::string list;
    put_varint(list, 0);
    std::uint32_t next = 0;
    for (std::size_t i = 0; i < postings.size(); ++i) {
        put_varint(list, postings[i].number + 1 - next);
        next = postings[i].number + 1;
        put_varint(list, (std::uint64_t{postings[i].count} << 1) | (postings[i].title ? 1 : 0));
    }
    const std::size_t bitmap_bytes = 1 + (std::size_t{works} + 7) / 8 + values.size();
    if (list.size() <= bitmap_bytes) return list;
    std::string bitmap;
    put_varint(bitmap, 1);
    std::string bits((std::size_t{works} + 7) / 8, '\0');
    for (const Posting& p : postings)
        bits[p.number / 8] = static_cast<char>(bits[p.number / 8] | (1 << (p.number % 8)));
    bitmap += bits;
    bitmap += values;
    return bitmap;
}

}  // namespace lectern
