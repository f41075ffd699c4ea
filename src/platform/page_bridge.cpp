// The page bridge's one shared part: what the viewer may ask of the platform and
// which requests go where. How each is carried out is the platform's, in
// page_bridge_web.cpp or page_bridge_native.cpp (see page_bridge_host.h).
#include "platform/page_bridge.h"

#include "platform/page_bridge_host.h"

namespace lectern::platform {

void bridge_send(const Outgoing& o) {
    switch (o.kind) {
        case Outgoing::Kind::open_url:
            // Only web links leave the viewer; the views never offer anything else, but be sure.
            if (o.text.rfind("http://", 0) != 0 && o.text.rfind("https://", 0) != 0) return;
            host::open_url(o.text);
            return;
        case Outgoing::Kind::copy: host::copy_text(o.text); return;
        case Outgoing::Kind::copy_link: host::copy_link(o.text); return;
        case Outgoing::Kind::save_prefs: host::save_prefs(o.text); return;
        case Outgoing::Kind::open_file: host::open_file(); return;
        case Outgoing::Kind::open_full_view: host::open_full_view(o.text); return;
        case Outgoing::Kind::load_image: return;  // main.cpp hands it to platform::load_image
        case Outgoing::Kind::download: host::download(o.name, o.mime, o.text); return;
    }
}

}  // namespace lectern::platform
