// Markdown drawing: a word layout over runs of different faces (ImGui's own wrapping
// handles one font per call), done once per width and scale, drawn line by line.
#include "ui/markdown_view.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>


namespace lectern::ui {

namespace {

constexpr ImU32 kLinkColour = IM_COL32(28, 86, 160, 255);
constexpr ImU32 kCodeColour = IM_COL32(110, 62, 30, 255);
constexpr ImU32 kQuoteRule = IM_COL32(160, 150, 135, 255);
constexpr float kLineFactor = 1.45f;     // body leading
constexpr float kHeadingFactor = 1.25f;  // headings are set tighter

ImFont* font_of(const Fonts& f, Face face) {
    switch (face) {
    case Face::italic: return f.body_italic;
    case Face::bold: return f.body_bold;
    case Face::bold_italic: return f.body_bold_italic;
    case Face::code: return f.ui;
    case Face::heading: return f.heading;
    case Face::body: break;
    }
    return f.body;
}

std::size_t utf8_length(unsigned char lead) {
    if (lead < 0xC0) return 1;  // ASCII, or a stray continuation byte taken alone
    if (lead < 0xE0) return 2;
    if (lead < 0xF0) return 3;
    return 4;
}

// Lays out one document at one width: words placed on lines, runs merged while
// face and link stay the same, lines recorded with their block for decorations.
class Layouter {
public:
    Layouter(const md::Document& d, const Fonts& f, MarkdownLayout& out, float width, float scale)
        : doc_(d), fonts_(f), out_(out), width_(width), em_(f.body->FontSize * scale) {}

    void run() {
        out_.runs.clear();
        out_.lines.clear();
        out_.heading_y.clear();
        out_.runs.reserve(doc_.spans.size() + doc_.blocks.size());
        out_.lines.reserve(doc_.text.size() / 60 + doc_.blocks.size() + 1);
        for (std::uint32_t bi = 0; bi < doc_.blocks.size(); ++bi) block(bi);
        out_.height = y_;
    }

private:
    const md::Document& doc_;
    const Fonts& fonts_;
    MarkdownLayout& out_;
    float width_, em_;
    float y_ = 0;
    // the block being laid out
    std::uint32_t block_ = 0;
    float indent_ = 0, avail_ = 0, factor_ = kLineFactor;
    bool first_line_ = true;
    // the line being filled
    bool line_open_ = false;
    float pen_ = 0, pending_space_ = 0;
    std::uint32_t line_runs_ = 0;
    std::uint32_t last_span_ = UINT32_MAX;  // span of the last run, to merge words into it

    float block_gap(const md::Block& b, const md::Block* prev) const {
        if (!prev) return 0;
        if (b.kind == md::BlockKind::heading) return em_ * (b.level <= 2 ? 1.2f : 0.9f);
        if (prev->kind == md::BlockKind::heading) return em_ * 0.35f;
        if (b.list_depth > 0 && prev->list_depth > 0) return em_ * 0.3f;
        return em_ * 0.75f;
    }

    void block(std::uint32_t bi) {
        const md::Block& b = doc_.blocks[bi];
        y_ += block_gap(b, bi > 0 ? &doc_.blocks[bi - 1] : nullptr);
        block_ = bi;
        // Deep nesting shrinks the steps so the text keeps at least 40% of the width.
        const float want = b.quote_depth * em_ * 1.2f + b.list_depth * em_ * 1.6f;
        indent_ = std::min(want, width_ * 0.6f);
        avail_ = std::max(em_, width_ - indent_);
        factor_ = b.kind == md::BlockKind::heading ? kHeadingFactor : kLineFactor;
        first_line_ = true;
        if (b.kind == md::BlockKind::heading) out_.heading_y.push_back(y_);
        if (b.kind == md::BlockKind::rule || b.span_begin == b.span_end) {
            MarkdownLine l;
            l.y = y_;
            l.h = em_ * (b.kind == md::BlockKind::rule ? 1.0f : kLineFactor);
            l.block = bi;
            l.indent = indent_;
            l.first_of_block = true;
            l.run_begin = l.run_end = static_cast<std::uint32_t>(out_.runs.size());
            out_.lines.push_back(l);
            y_ += l.h;
            return;
        }
        for (std::uint32_t si = b.span_begin; si < b.span_end; ++si) span(b, si);
        if (line_open_) end_line();
    }

    void style(const md::Block& b, const md::Span& s, Face& face, float& size) const {
        const bool strong = s.style & md::kStrong, em = s.style & md::kEmphasis;
        if (b.kind == md::BlockKind::heading) {
            face = b.level == 1 ? Face::heading : (em ? Face::bold_italic : Face::bold);
            size = b.level == 1 ? em_ * fonts_.heading->FontSize / fonts_.body->FontSize
                                : em_ * (b.level == 2 ? 1.25f : 1.05f);
            return;
        }
        size = em_;
        if (b.kind == md::BlockKind::code || (s.style & md::kCode)) {
            face = Face::code;
            size = em_ * 0.85f;
        } else if (strong && em) {
            face = Face::bold_italic;
        } else if (strong) {
            face = Face::bold;
        } else if (em) {
            face = Face::italic;
        } else {
            face = Face::body;
        }
    }

    float measure(ImFont* f, float size, std::uint32_t b, std::uint32_t e) const {
        const char* t = doc_.text.data();
        return f->CalcTextSizeA(size, FLT_MAX, 0.0f, t + b, t + e).x;
    }

    void span(const md::Block& b, std::uint32_t si) {
        const md::Span& s = doc_.spans[si];
        Face face;
        float size;
        style(b, s, face, size);
        ImFont* f = font_of(fonts_, face);
        const bool verbatim = b.kind == md::BlockKind::code;  // spaces are kept, lines break only at '\n'
        const std::string& t = doc_.text;
        std::uint32_t i = s.begin;
        while (i < s.end) {
            if (t[i] == '\n') {
                if (!line_open_) open_line();
                end_line();
                ++i;
                continue;
            }
            if (t[i] == ' ' && !verbatim) {
                std::uint32_t j = i;
                while (j < s.end && t[j] == ' ') ++j;
                if (line_open_) pending_space_ += measure(f, size, i, j);
                i = j;
                continue;
            }
            std::uint32_t j = i;
            while (j < s.end && t[j] != '\n' && (verbatim || t[j] != ' ')) ++j;
            word(f, face, size, s.link, si, i, j);
            i = j;
        }
    }

    void word(ImFont* f, Face face, float size, std::int32_t link, std::uint32_t si, std::uint32_t b,
              std::uint32_t e) {
        const float w = measure(f, size, b, e);
        if (line_open_ && pen_ > 0 && pen_ + pending_space_ + w > avail_) end_line();
        if (w <= avail_ - (line_open_ ? pen_ + pending_space_ : 0)) {
            place(face, size, link, si, b, e, w);
            return;
        }
        // Longer than the measure: break anywhere, between characters.
        std::uint32_t at = b;
        while (at < e) {
            if (!line_open_) open_line();
            const float room = avail_ - pen_ - pending_space_;
            std::uint32_t end = at;
            float used = 0;
            while (end < e) {
                const std::uint32_t next =
                    std::min<std::uint32_t>(e, end + static_cast<std::uint32_t>(utf8_length(
                                                         static_cast<unsigned char>(doc_.text[end]))));
                const float cw = measure(f, size, end, next);
                if (used + cw > room && (end > at || pen_ > 0)) break;
                used += cw;
                end = next;
            }
            if (end == at) {  // nothing fits after what the line holds: start a new one
                end_line();
                continue;
            }
            place(face, size, link, si, at, end, used);
            at = end;
            if (at < e) end_line();
        }
    }

    void open_line() {
        line_open_ = true;
        pen_ = pending_space_ = 0;
        line_runs_ = static_cast<std::uint32_t>(out_.runs.size());
        last_span_ = UINT32_MAX;
    }

    void place(Face face, float size, std::int32_t link, std::uint32_t si, std::uint32_t b, std::uint32_t e,
               float w) {
        if (!line_open_) open_line();
        const float x = pen_ + pending_space_;
        MarkdownRun* last = out_.runs.size() > line_runs_ ? &out_.runs.back() : nullptr;
        if (last && last_span_ == si) {
            // Same span on the same line: the run covers the spaces between the words too.
            last->end = e;
            last->w = x + w - last->x;
        } else {
            MarkdownRun r;
            r.begin = b;
            r.end = e;
            r.x = x;
            r.w = w;
            r.size = size;
            r.face = face;
            r.link = link;
            out_.runs.push_back(r);
            last_span_ = si;
        }
        pen_ = x + w;
        pending_space_ = 0;
    }

    void end_line() {
        MarkdownLine l;
        l.y = y_;
        l.block = block_;
        l.indent = indent_;
        l.first_of_block = first_line_;
        l.run_begin = line_runs_;
        l.run_end = static_cast<std::uint32_t>(out_.runs.size());
        // Baselines line up across faces and sizes; each run keeps its own half-leading.
        float baseline = 0, h = em_ * factor_;
        for (std::uint32_t i = l.run_begin; i < l.run_end; ++i) {
            const MarkdownRun& r = out_.runs[i];
            const ImFont* f = font_of(fonts_, r.face);
            const float lead = r.size * (factor_ - 1) / 2;
            baseline = std::max(baseline, lead + f->Ascent * r.size / f->FontSize);
        }
        for (std::uint32_t i = l.run_begin; i < l.run_end; ++i) {
            MarkdownRun& r = out_.runs[i];
            const ImFont* f = font_of(fonts_, r.face);
            r.dy = baseline - f->Ascent * r.size / f->FontSize;
            h = std::max(h, r.dy + r.size * (factor_ + 1) / 2);
        }
        l.h = h;
        out_.lines.push_back(l);
        y_ += h;
        first_line_ = false;
        line_open_ = false;
        pen_ = pending_space_ = 0;
        line_runs_ = static_cast<std::uint32_t>(out_.runs.size());
    }
};

void draw_decorations(ImDrawList* dl, const md::Document& doc, const MarkdownLayout& L, std::size_t li, ImVec2 o,
                      float em, const Fonts& fonts, ImU32 text_colour) {
    const MarkdownLine& l = L.lines[li];
    const md::Block& b = doc.blocks[l.block];
    const float want = b.quote_depth * em * 1.2f + b.list_depth * em * 1.6f;
    const float k = want > 0 ? l.indent / want : 1.0f;  // the same squeeze as the layout
    if (b.quote_depth > 0) {
        const MarkdownLine* prev = li > 0 ? &L.lines[li - 1] : nullptr;
        const int prev_depth = prev ? doc.blocks[prev->block].quote_depth : 0;
        for (int d = 0; d < b.quote_depth; ++d) {
            const float x = o.x + d * em * 1.2f * k + 2;
            const float top = d < prev_depth ? o.y + prev->y + prev->h : o.y + l.y;
            dl->AddRectFilled(ImVec2(x, top), ImVec2(x + 3, o.y + l.y + l.h), kQuoteRule);
        }
    }
    if (b.kind == md::BlockKind::rule) {
        const float y = o.y + l.y + l.h / 2;
        dl->AddLine(ImVec2(o.x + l.indent, y), ImVec2(o.x + L.width, y), IM_COL32(0, 0, 0, 60));
    }
    if (b.kind == md::BlockKind::code) {
        dl->AddRectFilled(ImVec2(o.x + l.indent - 4, o.y + l.y), ImVec2(o.x + L.width, o.y + l.y + l.h),
                          IM_COL32(0, 0, 0, 12));
    }
    if (l.first_of_block && b.marker != md::Marker::none) {
        char label[16];
        if (b.marker == md::Marker::bullet) std::snprintf(label, sizeof label, "\xE2\x80\xA2");  // •
        else std::snprintf(label, sizeof label, "%u.", b.number);
        const float w = fonts.body->CalcTextSizeA(em, FLT_MAX, 0, label).x;
        const float dy = l.run_end > l.run_begin ? L.runs[l.run_begin].dy : em * (kLineFactor - 1) / 2;
        dl->AddText(fonts.body, em, ImVec2(o.x + l.indent - w - em * 0.45f, o.y + l.y + dy), text_colour, label);
    }
}

}  // namespace

MarkdownEntry& markdown_entry(MarkdownCache& cache, std::string_view text) {
    for (MarkdownEntry& e : cache.entries) {
        if (e.data == text.data() && e.size == text.size()) {
            e.used = cache.frame;
            return e;
        }
    }
    cache.entries.emplace_back();
    MarkdownEntry& e = cache.entries.back();
    e.data = text.data();
    e.size = text.size();
    e.doc = md::parse(text);
    e.used = cache.frame;
    ++cache.parses;
    return e;
}

MarkdownDrawn draw_markdown(MarkdownCache& cache, MarkdownEntry& e, const Fonts& fonts, float width, float scale) {
    width = std::max(1.0f, std::floor(width));
    MarkdownLayout& L = e.layout;
    if (L.width != width || L.scale != scale) {
        Layouter(e.doc, fonts, L, width, scale).run();
        L.width = width;
        L.scale = scale;
        ++cache.layouts;
    }
    MarkdownDrawn drawn;
    drawn.top = ImGui::GetCursorPosY();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    ImGui::PushID(static_cast<const void*>(e.data));  // not the char* overload: that would hash the text
    const bool clicked = ImGui::InvisibleButton("##text", ImVec2(width, std::max(1.0f, L.height)));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float clip_top = dl->GetClipRectMin().y, clip_bottom = dl->GetClipRectMax().y;
    const ImU32 text_colour = ImGui::GetColorU32(ImGuiCol_Text);
    const ImVec2 mouse = ImGui::GetMousePos();
    const float em = fonts.body->FontSize * scale;
    const char* text = e.doc.text.data();
    // The first line reaching into the clip rectangle, by binary search on y.
    auto first = std::partition_point(L.lines.begin(), L.lines.end(), [&](const MarkdownLine& l) {
        return o.y + l.y + l.h < clip_top;
    });
    for (auto it = first; it != L.lines.end() && o.y + it->y <= clip_bottom; ++it) {
        const MarkdownLine& l = *it;
        draw_decorations(dl, e.doc, L, static_cast<std::size_t>(it - L.lines.begin()), o, em, fonts, text_colour);
        for (std::uint32_t ri = l.run_begin; ri < l.run_end; ++ri) {
            const MarkdownRun& r = L.runs[ri];
            const ImVec2 p(o.x + l.indent + r.x, o.y + l.y + r.dy);
            ImU32 colour = r.face == Face::code ? kCodeColour : text_colour;
            if (r.link >= 0) {
                colour = kLinkColour;
                const std::string& href = e.doc.links[static_cast<std::size_t>(r.link)];
                dl->AddLine(ImVec2(p.x, p.y + r.size * 1.02f), ImVec2(p.x + r.w, p.y + r.size * 1.02f), colour);
                const bool over = hovered && mouse.x >= p.x && mouse.x < p.x + r.w && mouse.y >= o.y + l.y &&
                                  mouse.y < o.y + l.y + l.h;
                if (over) {
                    ImGui::SetTooltip("%s", href.c_str());
                    if (md::is_web_link(href)) {
                        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                        if (clicked) drawn.open_url = href;
                    }
                }
            }
            dl->AddText(font_of(fonts, r.face), r.size, p, colour, text + r.begin, text + r.end);
        }
    }
    return drawn;
}

void markdown_cache_frame(MarkdownCache& cache) {
    ++cache.frame;
    // Texts not drawn for a few seconds give their memory back.
    cache.entries.remove_if([&](const MarkdownEntry& e) { return e.used + 600 < cache.frame; });
}

void markdown_cache_clear(MarkdownCache& cache) { cache.entries.clear(); }

}  // namespace lectern::ui
