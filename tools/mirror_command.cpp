// lectern-tool mirror: the archive as the page's text mirror (HTML), for the page
// builder to put in the page before any script runs (search engines, <noscript>).
#include <cstdio>

#include "commands.h"
#include "core/archive/archive.h"
#include "core/export/html_mirror.h"
#include "core/timeline/timeline_items.h"
#include "file_io.h"

namespace lectern::tool {

namespace {

const char* kHelp =
    "usage: lectern-tool mirror FILE [--noscript]\n"
    "\n"
    "Prints the archive as HTML: its front matter and every work in time order, as the\n"
    "page's hidden text mirror holds it for screen readers, the browser's find and search\n"
    "engines. With --noscript, only the title and the list of works (the page's <noscript>).\n"
    "Problems go to standard error as in 'check'. Exit status as for 'check'.\n";

int mirror_command(const Args& args) {
    const bool noscript = args.size() == 2 && args[1] == "--noscript";
    if (args.size() != 1 && !noscript) {
        std::fputs(kHelp, stderr);
        return 2;
    }
    int status = 0;
    const std::shared_ptr<const Archive> archive = load_archive_file(args[0], status);
    if (!archive) return status;
    const TimelineItems items = build_timeline_items(*archive);
    const std::string html = noscript ? works_noscript_html(*archive, items) : archive_mirror_html(*archive, items);
    std::fwrite(html.data(), 1, html.size(), stdout);
    return 0;
}

}  // namespace

const Command kMirror = {"mirror", "FILE [--noscript]", "print the archive as the page's HTML text mirror", kHelp,
                         mirror_command};

}  // namespace lectern::tool
