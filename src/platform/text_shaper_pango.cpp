// Pango and Cairo behind the TextShaper interface; see text_shaper_pango.h.
#include "platform/text_shaper_pango.h"
#include "platform/text_shaper.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <string>

#include "core/text/utf8.h"

namespace lectern::platform {

namespace {

// Text Pango accepts, and where each of its characters began in the caller's bytes. Pango
// refuses ill-formed UTF-8 with a GLib warning (and GLib's validator stops at a NUL), so
// each such byte becomes U+FFFD: a box, as the page's canvas draws it.
struct CleanText {
    std::string text;
    std::vector<std::uint32_t> starts;  // byte offset in the input of each character
};

CleanText clean(std::string_view in) {
    CleanText out;
    out.text.reserve(in.size());
    for (std::size_t i = 0; i < in.size();) {
        std::size_t n = utf8_sequence_at(in, i);
        out.starts.push_back(static_cast<std::uint32_t>(i));
        if (n == 0 || in[i] == '\0') {
            utf8_append(out.text, kReplacementCharacter);
            n = 1;
        } else {
            out.text.append(in.substr(i, n));
        }
        i += n;
    }
    return out;
}

// A family's faces (ui::shaper_faces) as Pango's comma-separated list.
std::string pango_families(ui::ShapeFamily family) {
    std::string list;
    for (const std::string& face : ui::shaper_faces(family)) list += (list.empty() ? "" : ",") + face;
    return list;
}

const char* family_name(ui::ShapeFamily family) {
    static const std::string kLists[] = {pango_families(ui::ShapeFamily::sans), pango_families(ui::ShapeFamily::serif),
                                         pango_families(ui::ShapeFamily::mono)};
    return kLists[static_cast<int>(family)].c_str();
}

}  // namespace

struct PangoShaper::State {
    // One font map, context and layout for every call: creating them is what costs (the
    // font map loads fontconfig's configuration, a context caches fonts and fallbacks).
    PangoFontMap* map = pango_cairo_font_map_new();
    PangoContext* context = pango_font_map_create_context(map);
    PangoLayout* layout = nullptr;
    bool rtl = false;

    State() {
        // Unhinted advances at fractional positions: widths scale with the size, so a run
        // measured at 18 px is as wide as its bitmap at 36 px halved, and the look is the
        // browser's (grey antialiasing, slight hinting) rather than a snapped one.
        cairo_font_options_t* options = cairo_font_options_create();
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT);
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
        pango_cairo_context_set_font_options(context, options);
        cairo_font_options_destroy(options);
        pango_context_set_round_glyph_positions(context, FALSE);
        // Sizes are absolute (device pixels); 72 dpi makes a point a pixel too, should a
        // size ever be given in points.
        pango_cairo_context_set_resolution(context, 72);
        layout = pango_layout_new(context);
        pango_layout_set_width(layout, -1);  // one line, never wrapped
        pango_layout_set_single_paragraph_mode(layout, TRUE);
        // The run's direction is the caller's (core/text/bidi.h), not guessed from its first letter.
        pango_layout_set_auto_dir(layout, FALSE);
    }
    ~State() {
        g_object_unref(layout);
        g_object_unref(context);
        g_object_unref(map);
    }

    // Lays out `text` at `px` device pixels.
    void set(const std::string& text, const ui::ShapeStyle& style, bool right_to_left, float px) {
        if (right_to_left != rtl) {
            rtl = right_to_left;
            pango_context_set_base_dir(context, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
            pango_layout_context_changed(layout);
        }
        PangoFontDescription* font = pango_font_description_from_string(family_name(style.family));
        pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
        pango_font_description_set_absolute_size(font, std::max(px, 1.0f) * PANGO_SCALE);
        pango_layout_set_font_description(layout, font);  // a no-op when the style is the last one
        pango_font_description_free(font);
        pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    }
};

PangoShaper::PangoShaper() : state_(std::make_unique<State>()) {}
PangoShaper::~PangoShaper() = default;

ui::ShapedRun PangoShaper::measure(std::string_view utf8, const ui::ShapeStyle& style, bool rtl) {
    state_->set(clean(utf8).text, style, rtl, style.px);
    PangoRectangle logical;
    pango_layout_get_extents(state_->layout, nullptr, &logical);
    ui::ShapedRun run;
    run.advance = static_cast<float>(logical.width) / PANGO_SCALE;
    run.missing = pango_layout_get_unknown_glyphs_count(state_->layout);
    return run;
}

ui::ShapedRun PangoShaper::rasterize(std::string_view utf8, const ui::ShapeStyle& style, bool rtl, float density) {
    if (!(density > 0)) density = 1;
    const CleanText text = clean(utf8);
    state_->set(text.text, style, rtl, style.px * density);
    PangoRectangle ink, logical;
    pango_layout_get_extents(state_->layout, &ink, &logical);
    ui::ShapedRun run;
    run.advance = static_cast<float>(logical.width) / PANGO_SCALE / density;
    run.missing = pango_layout_get_unknown_glyphs_count(state_->layout);
    pango_extents_to_pixels(&ink, nullptr);             // outwards to whole pixels: no ink is cut off
    if (ink.width <= 0 || ink.height <= 0) return run;  // blank: spaces have an advance and no ink

    // One pixel of margin all round, for antialiasing that strays past the ink box.
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_A8, ink.width + 2, ink.height + 2);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {  // wider than Cairo draws (32,767 px)
        cairo_surface_destroy(surface);
        return run;
    }
    run.width = ink.width + 2;
    run.height = ink.height + 2;
    cairo_t* cr = cairo_create(surface);
    const double left = 1 - ink.x, top = 1 - ink.y;  // the layout's top-left in the bitmap
    cairo_move_to(cr, left, top);
    pango_cairo_show_layout(cr, state_->layout);
    cairo_destroy(cr);
    cairo_surface_flush(surface);

    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);  // rows are padded to 4 bytes
    run.alpha.resize(static_cast<std::size_t>(run.width) * static_cast<std::size_t>(run.height));
    for (int y = 0; y < run.height; ++y) {
        std::copy_n(data + static_cast<std::ptrdiff_t>(y) * stride, run.width,
                    run.alpha.begin() + static_cast<std::ptrdiff_t>(y) * run.width);
    }
    cairo_surface_destroy(surface);
    // The pen starts at the left of the logical box, whatever the direction: runs are
    // placed left to right in visual order, each one's glyphs already ordered within it.
    run.origin_x = static_cast<float>(left + static_cast<double>(logical.x) / PANGO_SCALE);
    run.baseline =
        static_cast<float>(top + static_cast<double>(pango_layout_get_baseline(state_->layout)) / PANGO_SCALE);
    return run;
}

std::vector<std::uint32_t> PangoShaper::word_breaks(std::string_view utf8) {
    const CleanText text = clean(utf8);
    const int chars = static_cast<int>(text.starts.size());
    std::vector<PangoLogAttr> attrs(static_cast<std::size_t>(chars) + 1);
    // Pango segments by script and hands Thai to libthai's dictionary (Debian's Pango links
    // it); the language is not what picks the dictionary, the script is.
    pango_get_log_attrs(text.text.data(), static_cast<int>(text.text.size()), -1, pango_language_get_default(),
                        attrs.data(), chars + 1);
    std::vector<std::uint32_t> breaks;
    for (int i = 1; i < chars; ++i) {  // attrs[i]: may the line break before character i
        if (attrs[static_cast<std::size_t>(i)].is_line_break)
            breaks.push_back(text.starts[static_cast<std::size_t>(i)]);
    }
    return breaks;
}

std::unique_ptr<ui::TextShaper> make_text_shaper() { return std::make_unique<PangoShaper>(); }

}  // namespace lectern::platform
