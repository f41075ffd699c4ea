// The automation protocol: what the page's test hook (window.lectern) and the fuzzers
// say to a session and read back, as JSON. Commands are one table (protocol.cpp), each
// a name and a handler; the replies and the state are the same bytes the page reads.
//
//   protocol::command(session, R"({"open": "1936-08-10-letter"})");  // {"ok":true}
//   protocol::state_json(session, ui.report);                         // what is shown, and what was drawn
#pragma once

#include <string>
#include <string_view>

#include "core/session/frame_report.h"
#include "core/session/session.h"

namespace lectern::protocol {

// The commands, their replies and state()'s members are described once, for the page and
// for scripts, in README.md ("Automation: window.lectern"); the table in protocol.cpp is
// the list this code answers.
//
// Runs one JSON command ({"open": id}, {"search": text}, ...); returns {"ok":true} or
// {"ok":false,"error":"..."} (English: for scripts).
std::string command(Session& session, std::string_view json_text);

// Session::load(), answered like the "load" command; running out of memory is an answer
// too ({"ok":false,"memory":true}), not a crash.
std::string load_reply(Session& session, std::string_view json_text);

// What the viewer shows, as one JSON object: state() in README.md.
// `drawn` is what the UI drew in the last frame (nothing, without a UI).
std::string state_json(const Session& session, const FrameReport& drawn = {});

}  // namespace lectern::protocol
