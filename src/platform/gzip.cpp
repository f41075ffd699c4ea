// gzip and gunzip over zlib's deflate/inflate with the gzip wrapper (window bits 15 + 16).
#include "platform/gzip.h"

#include <zlib.h>

namespace lectern::platform {

std::string gzip(std::string_view data, int level) {
    z_stream z{};
    if (deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return rc == Z_STREAM_END ? out : std::string();
}

std::optional<std::string> gunzip(std::string_view data, std::size_t most) {
    std::string out;
    std::size_t at = 0;
    char buf[1 << 16];
    while (at < data.size()) {
        z_stream z{};
        if (inflateInit2(&z, 15 + 16) != Z_OK) return std::nullopt;
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + at));
        z.avail_in = static_cast<uInt>(data.size() - at);
        int rc = Z_OK;
        while (rc == Z_OK) {
            z.next_out = reinterpret_cast<Bytef*>(buf);
            z.avail_out = sizeof buf;
            rc = inflate(&z, Z_NO_FLUSH);
            out.append(buf, sizeof buf - z.avail_out);
            if (out.size() > most) rc = Z_BUF_ERROR;
        }
        at += z.total_in;
        inflateEnd(&z);
        if (rc != Z_STREAM_END) return std::nullopt;
    }
    return out;
}

}  // namespace lectern::platform
