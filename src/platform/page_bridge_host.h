// What each platform's page bridge does for bridge_send (page_bridge.cpp): one
// definition per platform, in page_bridge_web.cpp (the browser, through the page's
// script) and page_bridge_native.cpp (SDL and stdio). CMake picks the file.
#pragma once

#include <string>

namespace lectern::platform::host {

void open_url(const std::string& url);  // a web link, already checked
void copy_text(const std::string& text);
void copy_link(const std::string& fragment);  // the fragment (#...) of the open work
void save_prefs(const std::string& json);
void open_file();
void open_full_view(const std::string& fragment);
void download(const std::string& name, const std::string& mime, const std::string& bytes);

}  // namespace lectern::platform::host
