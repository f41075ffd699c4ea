// The faces the platform shapers ask for.
#include "ui/text_shaper.h"

namespace lectern::ui {

std::vector<std::string> shaper_faces(ShapeFamily family) {
    static const char* const kScripts[] = {"Arabic",   "Hebrew",  "Devanagari", "Bengali", "Gurmukhi",  "Gujarati",
                                           "Oriya",    "Tamil",   "Telugu",     "Kannada", "Malayalam", "Sinhala",
                                           "Thai",     "Lao",     "Khmer",      "Myanmar", "Georgian",  "Armenian",
                                           "Ethiopic", "Tibetan", "Syriac",     "Thaana"};
    std::vector<std::string> faces;
    const auto noto = [&](const char* style) {
        for (const char* script : kScripts) faces.push_back(std::string("Noto ") + style + " " + script);
    };
    switch (family) {
        case ShapeFamily::sans:
            faces = {"DejaVu Sans", "Noto Sans"};
            noto("Sans");
            faces.push_back("sans-serif");
            break;
        case ShapeFamily::mono:
            faces = {"DejaVu Sans Mono", "Noto Sans Mono"};
            noto("Sans");
            faces.push_back("monospace");
            break;
        case ShapeFamily::serif:
            // Arabic has no "Noto Serif Arabic" in Debian's Noto: Naskh is its book face.
            faces = {"DejaVu Serif", "Noto Serif", "Noto Naskh Arabic"};
            noto("Serif");
            noto("Sans");  // the scripts with no serif face
            faces.push_back("serif");
            break;
    }
    return faces;
}

}  // namespace lectern::ui
