// lectern-tool mirror: the archive as the page's text mirror (HTML), for the page
// builder to put in the page before any script runs: what a visitor reads until the
// viewer starts, and what readers without JavaScript and search engines get.
#include <cstdio>

#include "commands.h"
#include "core/archive/archive.h"
#include "core/export/html_mirror.h"
#include "core/timeline/timeline_items.h"
#include "file_io.h"

namespace lectern::tool {

namespace {

const char* kHelp =
    "usage: lectern-tool mirror FILE\n"
    "\n"
    "Prints the archive as HTML: its front matter and every work in time order, as the\n"
    "page shows it until the viewer starts and then keeps it, hidden, for screen readers,\n"
    "the browser's find and search engines.\n"
    "Problems go to standard error as in 'check'. Exit status as for 'check'.\n";

int mirror_command(const Args& args) {
    if (args.size() != 1) {
        std::fputs(kHelp, stderr);
        return 2;
    }
    int status = 0;
    const std::shared_ptr<const Archive> archive = load_archive_file(args[0], status);
    if (!archive) return status;
    const std::string html = archive_mirror_html(*archive, build_timeline_items(*archive));
    std::fwrite(html.data(), 1, html.size(), stdout);
    return 0;
}

}  // namespace

const Command kMirror = {"mirror", "FILE", "print the archive as the page's HTML text mirror", kHelp, mirror_command};

}  // namespace lectern::tool
