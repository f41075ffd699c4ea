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

// Runs one JSON command ({"open": id}, {"view": {start, end}}, {"fit": true}, {"load": text},
// {"search": text}, {"filter": {"kinds": [...], "years": [from, to], "attribution": "..."}},
// {"export": "csv" | "json"}, {"copy": "citation" | "link"}, {"link": "#work=...&view=...&q=..."},
// {"language": "ru" | ""} (the reader's choice: saved),
// {"prefs": {"theme", "system_theme", "reading_scale", "language", "browser_languages"}}
// (from storage or the system: not saved again));
// returns {"ok":true} or {"ok":false,"error":"..."}.
std::string command(Session& session, std::string_view json_text);

// Session::load(), answered like the "load" command; running out of memory is an answer
// too ({"ok":false,"memory":true}), not a crash.
std::string load_reply(Session& session, std::string_view json_text);

// {"archive":{...counts},"selected":id|null,"view":{start,end},"visible":{items,clusters},"reader":{scroll},
//  "eras":[{title,date,when,x0,x1,y0,y1,labelled,truncated}],"hovered_era":title|null,
//  "query","results","frames","theme","language","languages","bar":[labels],
//  "prefs":{theme,system_theme,reading_scale,language,browser_languages},
//  "embed":{compact,lanes,theme|null},"lanes":[keys of the lanes drawn],
//  "timings":{parse,index,fontAtlas,fontAtlases,firstLayout,firstDraw},
//  "images":[{src,state:"pending"|"ready"|"failed",width,height,pixels:[w,h],problem}],
//  "figures":[{src,look:"image"|"pending"|"alt",x0,y0,x1,y1}]}
// `drawn` is what the UI drew in the last frame (nothing, without a UI).
std::string state_json(const Session& session, const FrameReport& drawn = {});

}  // namespace lectern::protocol
