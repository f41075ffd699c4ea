// libFuzzer target (extra): the session's automation surface, as the page's test hook and the
// URL drive it. The bundled archive is loaded; each input line is a JSON command (or, when it
// starts with '#', a URL fragment). Every reply and the state stay JSON.
#include <fstream>
#include <sstream>
#include <nlohmann/json.hpp>

#include "core/session/session.h"
#include "core/session/protocol.h"
#include "fuzz_check.h"

using namespace lectern;

namespace {
std::string g_archive;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::ifstream in(LECTERN_SOURCE_DIR "/data/serge.json", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    g_archive = text.str();
    if (g_archive.empty()) fuzz::broken("data/serge.json is readable", __FILE__, __LINE__);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Session session;  // the archive loaded once: a reload per input would dominate the run
    static const bool loaded = session.load(g_archive).ok();
    FUZZ_CHECK(loaded);
    // Back to the same start for every input, so a crash replays from its file alone.
    session.close();
    protocol::command(session, R"({"fit": true})");
    session.apply_fragment("");
    protocol::command(session, R"({"search": ""})");
    protocol::command(session, R"({"filter": {}})");

    std::string_view rest = fuzz::as_text(data, size);
    while (!rest.empty()) {
        const auto nl = rest.find('\n');
        const std::string_view line = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
        if (!line.empty() && line[0] == '#') {
            const std::string notice = session.apply_fragment(line);
            FUZZ_CHECK(fuzz::valid_utf8(notice));
            continue;
        }
        if (line.rfind("{\"load\"", 0) == 0) continue;  // replacing the archive would change every later input
        const std::string reply = protocol::command(session, line);
        FUZZ_CHECK(nlohmann::json::accept(reply));
        FUZZ_CHECK(session.view().start < session.view().end);
    }
    FUZZ_CHECK(nlohmann::json::accept(protocol::state_json(session)));
    FUZZ_CHECK(fuzz::valid_utf8(session.fragment()));
    (void)session.take_outgoing();
    return 0;
}
