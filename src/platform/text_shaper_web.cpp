// Text shaping on the web: the browser shapes, orders and rasterises a run with Canvas 2D
// (fillText falls back through the system's fonts as the page's own HTML text does), and
// finds Thai, Lao, Khmer and Burmese word breaks with Intl.Segmenter's dictionaries.
#include <emscripten.h>

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/text_shaper.h"

// clang-format off
EM_JS(void, lectern_shape_setup, (const char* faces), {
    if (Module.lecternShape) return;
    var canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(64, 64) : document.createElement('canvas');
    var ctx = canvas.getContext('2d', { willReadFrequently: true });
    var decoder = new TextDecoder('utf-8');
    // Each family's faces, first to last (ui::shaper_faces): names quoted, the generic last one not.
    var families = JSON.parse(UTF8ToString(faces)).map(function(list) {
        return list.map(function(n, i) { return i === list.length - 1 ? n : '"' + n + '"'; }).join(', ');
    });
    var notdef = {};   // per font: the width of a character no font has, and whether its box shows hex digits
    var missing = {};  // per font and cluster: how many of its characters draw as boxes (no glyph)
    var graphemes = typeof Intl !== 'undefined' && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
    function font(family, bold, italic, px) {
        return (italic ? 'italic ' : "") + (bold ? 'bold ' : "") + px + 'px ' + families[family];
    }
    function text(ptr, len) { return decoder.decode(HEAPU8.subarray(ptr, ptr + len)); }
    function pixels(f, s) {
        canvas.width = 96; canvas.height = 48;
        ctx.font = f; ctx.textBaseline = 'alphabetic'; ctx.fillStyle = '#000'; ctx.direction = 'ltr';
        ctx.fillText(s, 8, 36);
        return ctx.getImageData(0, 0, 96, 48).data.join(',');
    }
    // The box a drawing's ink spans, faint ink included: "left,right,top,bottom".
    function ink_box(f, s) {
        var d = pixels(f, s).split(','), x0 = 96, x1 = -1, y0 = 48, y1 = -1;
        for (var i = 3; i < d.length; i += 4) {
            if (+d[i] <= 32) continue;
            var x = (i >> 2) % 96, y = Math.floor((i >> 2) / 96);
            x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
        }
        return x0 + ',' + x1 + ',' + y0 + ',' + y1;
    }
    // A character no font has draws as the empty box of the first face, one box per code
    // point of its cluster: the width and pixels of as many U+0378, which Unicode leaves
    // unassigned. Clusters, not characters: a face may hold each character of a cluster
    // alone and the browser still draw the cluster as boxes. Firefox draws the box with the
    // code point's hex digits inside a faint frame, so boxes differ by their digits (U+0378
    // and U+0379 differ): there a box is known by its width and its frame, the box its ink spans.
    function cluster_missing(f, g) {
        var key = f + '|' + g;
        if (key in missing) return missing[key];
        var n = Array.from(g).length, box = String.fromCharCode(0x378);
        if (!(f in notdef)) {
            ctx.font = f;
            notdef[f] = { width: ctx.measureText(box).width, hex: pixels(f, box) !== pixels(f, String.fromCharCode(0x379)) };
        }
        var nd = notdef[f], boxes = box.repeat(n);
        ctx.font = f; ctx.direction = 'ltr';
        var boxed = Math.abs(ctx.measureText(g).width - n * nd.width) < 0.01 &&
                    (nd.hex ? ink_box(f, g) === ink_box(f, boxes) : pixels(f, g) === pixels(f, boxes));
        return (missing[key] = boxed ? n : 0);
    }
    function clusters(s) {
        if (!graphemes) return Array.from(s);
        var out = [];
        for (var g of graphemes.segment(s)) out.push(g.segment);
        return out;
    }
    Module.lecternShape = {
        font: font,  // the CSS font of a face: the browser tests draw the same text in it
        measure: function(ptr, len, family, bold, italic, px, rtl) {
            var s = text(ptr, len), f = font(family, bold, italic, 32);
            ctx.font = f; ctx.direction = rtl ? 'rtl' : 'ltr';
            var w = ctx.measureText(s).width * px / 32;  // measured at 32 px: widths scale
            var n = 0;
            for (var g of clusters(s)) if (g.codePointAt(0) >= 0x80 && g.trim() !== "") n += cluster_missing(f, g);
            Module.lecternShape.lastMissing = n;
            return w;
        },
        rasterize: function(ptr, len, family, bold, italic, px, rtl, density, info) {
            var s = text(ptr, len), f = font(family, bold, italic, px * density);
            ctx.font = f; ctx.direction = rtl ? 'rtl' : 'ltr'; ctx.textAlign = 'left';
            var m = ctx.measureText(s);
            var left = Math.ceil(m.actualBoundingBoxLeft) + 1, right = Math.ceil(m.actualBoundingBoxRight) + 1;
            var up = Math.ceil(m.actualBoundingBoxAscent) + 1, down = Math.ceil(m.actualBoundingBoxDescent) + 1;
            var w = Math.max(0, left + right), h = Math.max(0, up + down);
            if (w * h === 0 || w > 4096 || h > 4096) { HEAP32[info >> 2] = 0; HEAP32[(info >> 2) + 1] = 0; return; }
            if (canvas.width < w) canvas.width = w;
            if (canvas.height < h) canvas.height = h;
            ctx.clearRect(0, 0, w, h);
            ctx.font = f; ctx.direction = rtl ? 'rtl' : 'ltr'; ctx.textAlign = 'left';
            ctx.textBaseline = 'alphabetic'; ctx.fillStyle = '#000';
            ctx.fillText(s, left, up);
            Module.lecternShape.pixels = ctx.getImageData(0, 0, w, h).data;
            HEAP32[info >> 2] = w; HEAP32[(info >> 2) + 1] = h;
            HEAPF32[(info >> 2) + 2] = left; HEAPF32[(info >> 2) + 3] = up;
            HEAPF32[(info >> 2) + 4] = m.width;
        },
        take: function(out, n) {  // the coverage of the last run rasterised, one byte a pixel
            var p = Module.lecternShape.pixels;
            for (var i = 0; i < n; ++i) HEAPU8[out + i] = p[i * 4 + 3];
            Module.lecternShape.pixels = null;
        },
        breaks: function(ptr, len, out, max) {
            if (typeof Intl === 'undefined' || !Intl.Segmenter) return 0;
            var s = text(ptr, len), n = 0, bytes = 0;
            for (var seg of new Intl.Segmenter(undefined, { granularity: 'word' }).segment(s)) {
                if (seg.index > 0 && n < max) HEAPU32[(out >> 2) + n++] = bytes;
                for (var ch of seg.segment) { var c = ch.codePointAt(0); bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }
            }
            return n;
        },
    };
});
EM_JS(double, lectern_shape_measure, (const char* p, int len, int family, int bold, int italic, double px, int rtl), {
    return Module.lecternShape.measure(p, len, family, bold, italic, px, rtl);
});
EM_JS(int, lectern_shape_missing, (), { return Module.lecternShape.lastMissing | 0; });
EM_JS(void, lectern_shape_rasterize, (const char* p, int len, int family, int bold, int italic, double px, int rtl,
                                      double density, void* info), {
    Module.lecternShape.rasterize(p, len, family, bold, italic, px, rtl, density, info);
});
EM_JS(void, lectern_shape_take, (void* out, int n), { Module.lecternShape.take(out, n); });
EM_JS(int, lectern_shape_breaks, (const char* p, int len, void* out, int max), {
    return Module.lecternShape.breaks(p, len, out, max);
});
// clang-format on

namespace lectern::platform {

namespace {

class CanvasShaper : public ui::TextShaper {
public:
    ui::ShapedRun measure(std::string_view text, const ui::ShapeStyle& st, bool rtl) override {
        set_up();
        ui::ShapedRun r;
        r.advance = static_cast<float>(lectern_shape_measure(
            text.data(), static_cast<int>(text.size()), static_cast<int>(st.family), st.bold, st.italic, st.px, rtl));
        r.missing = lectern_shape_missing();
        return r;
    }

    ui::ShapedRun rasterize(std::string_view text, const ui::ShapeStyle& st, bool rtl, float density) override {
        set_up();
        struct Info {
            std::int32_t width, height;
            float origin_x, baseline, advance;
        } info{};
        lectern_shape_rasterize(text.data(), static_cast<int>(text.size()), static_cast<int>(st.family), st.bold,
                                st.italic, st.px, rtl, density, &info);
        ui::ShapedRun r;
        r.advance = info.advance / density;
        if (info.width <= 0 || info.height <= 0) return r;
        r.width = info.width;
        r.height = info.height;
        r.origin_x = info.origin_x;
        r.baseline = info.baseline;
        r.alpha.resize(static_cast<std::size_t>(r.width) * static_cast<std::size_t>(r.height));
        lectern_shape_take(r.alpha.data(), static_cast<int>(r.alpha.size()));
        return r;
    }

    std::vector<std::uint32_t> word_breaks(std::string_view text) override {
        set_up();
        std::vector<std::uint32_t> out(text.size());
        const int n =
            lectern_shape_breaks(text.data(), static_cast<int>(text.size()), out.data(), static_cast<int>(out.size()));
        out.resize(static_cast<std::size_t>(n));
        return out;
    }

private:
    bool set_up_ = false;
    // The page's canvas and segmenter are made when the first text needs them (about 10 ms):
    // an archive in scripts the embedded faces draw alone never does.
    void set_up() {
        if (set_up_) return;
        set_up_ = true;
        nlohmann::json faces = nlohmann::json::array();  // in ShapeFamily's order
        for (const ui::ShapeFamily f : {ui::ShapeFamily::sans, ui::ShapeFamily::serif, ui::ShapeFamily::mono})
            faces.push_back(ui::shaper_faces(f));
        lectern_shape_setup(faces.dump().c_str());
    }
};

}  // namespace

std::unique_ptr<ui::TextShaper> make_text_shaper() { return std::make_unique<CanvasShaper>(); }

}  // namespace lectern::platform
