// Markdown layout: a word layout over runs of different faces (ImGui's own wrapping
// handles one font per call), done once per width and scale.
#include "ui/markdown_layout.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>

#include "core/text/bidi.h"
#include "core/text/utf8.h"
#include "ui/complex_text.h"

namespace lectern::ui {

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

namespace {

// Lays out one document at one width: words (or pieces of words: ui/complex_text.h)
// placed on lines, runs merged while face, link and direction stay the same, lines
// recorded with their block for decorations.
class Layouter {
public:
    Layouter(const md::Document& d, const Fonts& f, MarkdownLayout& out, float width, float scale)
        : doc_(d), fonts_(f), out_(out), width_(width), em_(f.body->FontSize * scale) {}

    void run() {
        out_.runs.clear();
        out_.lines.clear();
        out_.heading_y.clear();
        out_.image_y.assign(doc_.images.size(), 0.0f);
        out_.runs.reserve(doc_.spans.size() + doc_.blocks.size());
        out_.lines.reserve(doc_.text.size() / 60 + doc_.blocks.size() + 1);
        for (std::uint32_t bi = 0; bi < doc_.blocks.size(); ++bi) block(bi);
        images_after(static_cast<std::uint32_t>(doc_.blocks.size()));  // an image outside any block: at the end
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
    std::vector<float> gaps_;  // the space before each run of the line, as the text has it
    // Embedding levels of the block's bytes (indexed by Document::text offsets), when the
    // block holds right-to-left text; block_rtl_: its paragraph direction.
    std::vector<std::uint8_t> levels_;
    bool block_has_levels_ = false, block_rtl_ = false;
    std::vector<TextPiece> pieces_;         // reused
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
        direction(b);
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
            images_after(bi);
            return;
        }
        for (std::uint32_t si = b.span_begin; si < b.span_end; ++si) span(b, si);
        if (line_open_) end_line();
        images_after(bi);
    }

    // The block's paragraph direction and levels (rules P2-P3 and X-I of UAX #9), for text
    // that holds right-to-left characters; anything else stays left to right with no work.
    void direction(const md::Block& b) {
        block_has_levels_ = block_rtl_ = false;
        if (b.span_begin == b.span_end) return;
        const std::uint32_t from = doc_.spans[b.span_begin].begin, to = doc_.spans[b.span_end - 1].end;
        const std::string_view text = std::string_view(doc_.text).substr(from, to - from);
        if (!bidi::has_rtl(text)) return;
        block_rtl_ = bidi::is_rtl_paragraph(text);
        const std::vector<std::uint8_t> lv = bidi::levels(text, block_rtl_);
        if (levels_.size() < doc_.text.size()) levels_.resize(doc_.text.size(), 0);
        std::copy(lv.begin(), lv.end(), levels_.begin() + from);
        block_has_levels_ = true;
    }

    // The rooms for the images the block holds, one under another.
    void images_after(std::uint32_t bi) {
        for (std::size_t k = 0; k < doc_.images.size() && k < out_.image_h.size(); ++k) {
            if (doc_.images[k].block != bi) continue;
            y_ += em_ * 0.4f;
            out_.image_y[k] = y_;
            y_ += out_.image_h[k];
        }
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
            if (block_has_levels_ || needs_complex(f, std::string_view(t).substr(i, j - i)))
                complex_word(f, face, size, s.link, si, i, j);
            else word(f, face, size, s.link, si, i, j);
            i = j;
        }
    }

    void word(ImFont* f, Face face, float size, std::int32_t link, std::uint32_t si, std::uint32_t b, std::uint32_t e) {
        const float w = measure(f, size, b, e);
        if (line_open_ && pen_ > 0 && pen_ + pending_space_ + w > avail_) end_line();
        if (w <= avail_ - (line_open_ ? pen_ + pending_space_ : 0)) {
            place(face, size, link, si, b, e, w, 0, false);
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
                const std::uint32_t next = std::min<std::uint32_t>(
                    e, end + static_cast<std::uint32_t>(utf8_lead_length(static_cast<unsigned char>(doc_.text[end]))));
                const float cw = measure(f, size, end, next);
                if (used + cw > room && (end > at || pen_ > 0)) break;
                used += cw;
                end = next;
            }
            if (end == at) {  // nothing fits after what the line holds: start a new one
                end_line();
                continue;
            }
            place(face, size, link, si, at, end, used, 0, false);
            at = end;
            if (at < e) end_line();
        }
    }

    // A word the faces cannot draw alone, or in a block with right-to-left text: its pieces
    // kept together up to each place a line may break inside the word.
    void complex_word(ImFont* f, Face face, float size, std::int32_t link, std::uint32_t si, std::uint32_t b,
                      std::uint32_t e) {
        pieces_.clear();
        word_pieces(fonts_, f, doc_.text, b, e, block_has_levels_ ? levels_.data() : nullptr, pieces_);
        for (std::size_t k = 0; k < pieces_.size();) {
            std::size_t end = k + 1;  // the unit: pieces up to the next break opportunity
            while (end < pieces_.size() && !pieces_[end].break_before) ++end;
            float w = 0;
            for (std::size_t q = k; q < end; ++q) w += piece_width(fonts_, f, size, doc_.text, pieces_[q]);
            if (line_open_ && pen_ > 0 && pen_ + pending_space_ + w > avail_) end_line();
            for (std::size_t q = k; q < end; ++q) {
                const TextPiece& p = pieces_[q];
                const float pw = piece_width(fonts_, f, size, doc_.text, p);
                if (line_open_ && pen_ > 0 && pen_ + pending_space_ + pw > avail_) end_line();
                if (pw > avail_ && p.end - p.begin > 1) {
                    overlong_piece(f, face, size, link, si, p);
                    continue;
                }
                place(face, size, link, si, p.begin, p.end, pw, p.level, p.shaped);
            }
            k = end;
        }
    }

    // A piece wider than the measure (a long word with no place to break): cut between
    // characters, each part still drawn in its direction.
    void overlong_piece(ImFont* f, Face face, float size, std::int32_t link, std::uint32_t si, const TextPiece& p) {
        TextPiece part = p;
        for (std::uint32_t at = p.begin; at < p.end;) {
            std::uint32_t end = at;
            float used = 0;
            while (end < p.end) {
                const auto next =
                    static_cast<std::uint32_t>(std::min<std::size_t>(p.end, utf8_next_char_start(doc_.text, end + 1)));
                part.begin = at;
                part.end = next;
                const float w = piece_width(fonts_, f, size, doc_.text, part);
                if (w > avail_ - (line_open_ ? pen_ + pending_space_ : 0) && end > at) break;
                used = w;
                end = next;
            }
            place(face, size, link, si, at, end, used, p.level, p.shaped);
            at = end;
            if (at < p.end) end_line();
        }
    }

    void open_line() {
        line_open_ = true;
        pen_ = pending_space_ = 0;
        line_runs_ = static_cast<std::uint32_t>(out_.runs.size());
        last_span_ = UINT32_MAX;
        gaps_.clear();
    }

    void place(Face face, float size, std::int32_t link, std::uint32_t si, std::uint32_t b, std::uint32_t e, float w,
               std::uint8_t level, bool shaped) {
        if (!line_open_) open_line();
        const float x = pen_ + pending_space_;
        MarkdownRun* last = out_.runs.size() > line_runs_ ? &out_.runs.back() : nullptr;
        // Runs the faces draw merge; a shaped piece stays one run, drawn as the platform shaped it.
        if (last && last_span_ == si && !shaped && !last->shaped && level == 0 && last->level == 0) {
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
            r.level = level;
            r.shaped = shaped;
            out_.runs.push_back(r);
            gaps_.push_back(pending_space_);
            last_span_ = si;
        }
        pen_ = x + w;
        pending_space_ = 0;
    }

    // Runs stand in the text's order; with right-to-left text their x follow the visual
    // order (rule L2), and a right-to-left paragraph's lines end at the right edge.
    void visual_order(const MarkdownLine& l) {
        if (!block_has_levels_) return;
        std::vector<std::uint8_t> levels;
        std::vector<float> widths, x;
        for (std::uint32_t i = l.run_begin; i < l.run_end; ++i) {
            levels.push_back(out_.runs[i].level);
            widths.push_back(out_.runs[i].w);
        }
        std::vector<float> gaps(gaps_.begin(), gaps_.begin() + std::min(gaps_.size(), levels.size()));
        gaps.resize(levels.size(), 0.0f);
        const float line_w = visual_positions(levels, widths, gaps, x);
        const float shift = block_rtl_ ? std::max(0.0f, avail_ - line_w) : 0.0f;
        for (std::uint32_t i = l.run_begin; i < l.run_end; ++i) out_.runs[i].x = x[i - l.run_begin] + shift;
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
        visual_order(l);
        out_.lines.push_back(l);
        y_ += h;
        first_line_ = false;
        line_open_ = false;
        pen_ = pending_space_ = 0;
        line_runs_ = static_cast<std::uint32_t>(out_.runs.size());
        gaps_.clear();
    }
};

}  // namespace

void lay_out_markdown(const md::Document& doc, const Fonts& fonts, MarkdownLayout& out, float width, float scale) {
    Layouter(doc, fonts, out, width, scale).run();
}

}  // namespace lectern::ui
