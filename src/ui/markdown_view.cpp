// Markdown drawing: the layout (ui/markdown_layout.h) drawn line by line, with the
// query's matches and the mouse's selection marked behind the text.
#include "ui/markdown_view.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include "ui/complex_text.h"
#include "ui/markdown_layout.h"
#include "ui/theme.h"

#include "core/text/utf8.h"

namespace lectern::ui {

namespace {

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
            dl->AddRectFilled(ImVec2(x, top), ImVec2(x + 3, o.y + l.y + l.h), current_theme().quote_rule);
        }
    }
    if (b.kind == md::BlockKind::rule) {
        const float y = o.y + l.y + l.h / 2;
        dl->AddLine(ImVec2(o.x + l.indent, y), ImVec2(o.x + L.width, y), current_theme().faint(60));
    }
    if (b.kind == md::BlockKind::code) {
        dl->AddRectFilled(ImVec2(o.x + l.indent - 4, o.y + l.y), ImVec2(o.x + L.width, o.y + l.y + l.h),
                          current_theme().faint(12));
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

// ---- positions in the text -----------------------------------------------------------

float text_width(const md::Document& doc, const Fonts& fonts, const MarkdownRun& r, std::uint32_t b, std::uint32_t e) {
    const char* t = doc.text.data();
    return font_of(fonts, r.face)->CalcTextSizeA(r.size, FLT_MAX, 0.0f, t + b, t + e).x;
}

std::size_t code_points(const std::string& text, std::uint32_t b, std::uint32_t e) {
    std::size_t n = 0;
    for (std::uint32_t i = b; i < e; ++i) n += !is_utf8_continuation(text[i]);
    return n;
}

// x of byte `at` (inside the run) from the line's indent. The platform shaped a run as a
// whole, so inside it the characters share its width evenly, from its right edge when
// it runs right to left.
float run_x(const md::Document& doc, const Fonts& fonts, const MarkdownRun& r, std::uint32_t at) {
    if (!r.shaped) return r.x + text_width(doc, fonts, r, r.begin, at);
    const std::size_t all = std::max<std::size_t>(1, code_points(doc.text, r.begin, r.end));
    const float part = r.w * static_cast<float>(code_points(doc.text, r.begin, at)) / static_cast<float>(all);
    return (r.level & 1) ? r.x + r.w - part : r.x + part;
}

// A line of left-to-right runs in the text's order (every line without right-to-left text).
bool line_is_plain(const MarkdownLayout& L, const MarkdownLine& l) {
    for (std::uint32_t i = l.run_begin; i < l.run_end; ++i)
        if (L.runs[i].level != 0) return false;
    return true;
}

// x of byte `at` from the line's indent: inside a run where it falls, at the end of the
// run before it in a gap (left to right) or at its own start (mixed directions), at the
// line's ends beyond them.
float line_x(const md::Document& doc, const MarkdownLayout& L, const MarkdownLine& l, const Fonts& fonts,
             std::uint32_t at) {
    if (l.run_end == l.run_begin) return 0;
    const MarkdownRun& first = L.runs[l.run_begin];
    if (at <= first.begin) return run_x(doc, fonts, first, first.begin);
    for (std::uint32_t i = l.run_begin; i < l.run_end; ++i) {
        const MarkdownRun& r = L.runs[i];
        if (at > r.end) continue;
        if (at < r.begin || (at == r.begin && line_is_plain(L, l)))
            return run_x(doc, fonts, L.runs[i - 1], L.runs[i - 1].end);
        return run_x(doc, fonts, r, at);
    }
    const MarkdownRun& last = L.runs[l.run_end - 1];
    return run_x(doc, fonts, last, last.end);
}

// The line holding byte `at`: the line of the last run beginning at or before it.
std::size_t line_of(const MarkdownLayout& L, std::uint32_t at) {
    const auto run = std::upper_bound(L.runs.begin(), L.runs.end(), at,
                                      [](std::uint32_t v, const MarkdownRun& r) { return v < r.begin; });
    const auto ri = static_cast<std::uint32_t>(run == L.runs.begin() ? 0 : run - L.runs.begin() - 1);
    const auto line =
        std::partition_point(L.lines.begin(), L.lines.end(), [&](const MarkdownLine& l) { return l.run_end <= ri; });
    return static_cast<std::size_t>(std::min(line - L.lines.begin(), static_cast<std::ptrdiff_t>(L.lines.size()) - 1));
}

// The character boundary of a run nearest x (from the line's indent).
std::uint32_t offset_in_run(const md::Document& doc, const Fonts& fonts, const MarkdownRun& r, float x) {
    if (r.shaped) {
        const std::size_t all = code_points(doc.text, r.begin, r.end);
        float part = r.w > 0 ? (x - r.x) / r.w : 0;
        if (r.level & 1) part = 1 - part;
        std::size_t k = static_cast<std::size_t>(std::lround(std::clamp(part, 0.0f, 1.0f) * static_cast<float>(all)));
        std::uint32_t at = r.begin;
        while (k-- > 0 && at < r.end) at = static_cast<std::uint32_t>(utf8_next_char_start(doc.text, at + 1));
        return std::min(at, r.end);
    }
    float pen = r.x;
    for (std::uint32_t at = r.begin; at < r.end;) {
        const std::uint32_t next = std::min<std::uint32_t>(
            r.end, at + static_cast<std::uint32_t>(utf8_lead_length(static_cast<unsigned char>(doc.text[at]))));
        const float w = text_width(doc, fonts, r, at, next);
        if (x < pen + w / 2) return at;
        pen += w;
        at = next;
    }
    return r.end;
}

std::pair<std::uint32_t, std::uint32_t> block_range(const md::Document& doc, std::uint32_t block) {
    const md::Block& b = doc.blocks[block];
    if (b.span_end == b.span_begin) return {0, 0};
    return {doc.spans[b.span_begin].begin, doc.spans[b.span_end - 1].end};
}

// ---- marks: matches and the selection --------------------------------------------------

void find_matches(const MarkdownCache& cache, MarkdownEntry& e) {
    if (e.match_query == cache.query) return;
    e.match_query = cache.query;
    e.matches = cache.query.empty() ? std::vector<TextRange>{} : document_matches(QueryMatcher(cache.query), e.doc);
    e.current_match = -1;
}

// Press, drag, Shift+click, double- and triple-click on the text's button.
void track_selection(MarkdownCache& cache, const MarkdownEntry& e, const Fonts& fonts, bool activated, bool active) {
    TextSelection& sel = cache.selection;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (activated) {
        const std::uint32_t at = markdown_offset_at(e, fonts, mouse.x, mouse.y);
        const int clicks = ImGui::GetMouseClickedCount(ImGuiMouseButton_Left);
        if (clicks == 2) {
            const TextRange w = word_at(e.doc.text, at);
            sel = {e.data, static_cast<std::uint32_t>(w.begin), static_cast<std::uint32_t>(w.end), false};
        } else if (clicks >= 3 && !e.layout.lines.empty()) {
            const auto [b, end] = block_range(e.doc, e.layout.lines[line_of(e.layout, at)].block);
            sel = {e.data, b, end, false};
        } else if (ImGui::GetIO().KeyShift && sel.text == e.data) {
            sel.caret = at;
            sel.dragging = true;
        } else {
            sel = {e.data, at, at, true};
        }
    } else if (sel.dragging && sel.text == e.data) {
        if (active) sel.caret = markdown_offset_at(e, fonts, mouse.x, mouse.y);
        else sel.dragging = false;
    }
}

// Behind one line's text: the matches' grounds, then the selection's.
void draw_marks(ImDrawList* dl, const MarkdownEntry& e, const MarkdownLine& l, const TextSelection& sel, ImVec2 o,
                const Fonts& fonts) {
    if (l.run_end == l.run_begin) return;
    const MarkdownLayout& L = e.layout;
    const Theme& t = current_theme();
    const std::uint32_t lb = L.runs[l.run_begin].begin, le = L.runs[l.run_end - 1].end;
    const float x = o.x + l.indent;
    auto m = std::partition_point(e.matches.begin(), e.matches.end(), [&](const TextRange& r) { return r.end <= lb; });
    for (; m != e.matches.end() && m->begin < le; ++m) {
        const ImU32 colour = (m - e.matches.begin()) == e.current_match ? t.match_current : t.match;
        for (std::uint32_t i = l.run_begin; i < l.run_end; ++i) {
            const MarkdownRun& r = L.runs[i];
            if (m->end <= r.begin || m->begin >= r.end) continue;
            const auto b = static_cast<std::uint32_t>(std::max<std::size_t>(m->begin, r.begin));
            const auto end = static_cast<std::uint32_t>(std::min<std::size_t>(m->end, r.end));
            const float xb = run_x(e.doc, fonts, r, b), xe = run_x(e.doc, fonts, r, end);
            const float x0 = std::min(xb, xe);
            float x1 = std::max(xb, xe);
            // A phrase across faces stays one mark (left to right; elsewhere each run has its own).
            if (m->end > r.end && i + 1 < l.run_end && r.level == 0 && L.runs[i + 1].level == 0) x1 = L.runs[i + 1].x;
            const float y = o.y + l.y + r.dy;
            dl->AddRectFilled(ImVec2(x + x0 - 1, y - 1), ImVec2(x + x1 + 1, y + r.size + 1), colour, 2.0f);
        }
    }
    if (sel.empty() || sel.text != e.data || sel.end() <= lb || sel.begin() >= le) return;
    if (!line_is_plain(L, l)) {  // runs out of the text's order: a ground behind each selected part
        for (std::uint32_t i = l.run_begin; i < l.run_end; ++i) {
            const MarkdownRun& r = L.runs[i];
            const std::uint32_t b = std::max(sel.begin(), r.begin), end = std::min(sel.end(), r.end);
            if (b >= end) continue;
            const float xb = run_x(e.doc, fonts, r, b), xe = run_x(e.doc, fonts, r, end);
            dl->AddRectFilled(ImVec2(x + std::min(xb, xe), o.y + l.y), ImVec2(x + std::max(xb, xe), o.y + l.y + l.h),
                              t.text_selection);
        }
        return;
    }
    const MarkdownRun& last = L.runs[l.run_end - 1];
    const float x0 = sel.begin() <= lb ? L.runs[l.run_begin].x : line_x(e.doc, L, l, fonts, sel.begin());
    float x1 = sel.end() >= le ? last.x + last.w : line_x(e.doc, L, l, fonts, sel.end());
    if (sel.end() > le) x1 += last.size * 0.3f;  // the line break is selected too
    if (x1 > x0) dl->AddRectFilled(ImVec2(x + x0, o.y + l.y), ImVec2(x + x1, o.y + l.y + l.h), t.text_selection);
}

}  // namespace

MarkdownEntry& markdown_entry(MarkdownCache& cache, std::string_view text) {
    for (MarkdownEntry& e : cache.entries) {
        if (e.data == text.data() && e.size == text.size()) {
            e.used = cache.frame;
            find_matches(cache, e);
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
    find_matches(cache, e);
    return e;
}

TextPoint markdown_point(const MarkdownEntry& e, const Fonts& fonts, std::uint32_t at) {
    const MarkdownLayout& L = e.layout;
    if (L.lines.empty()) return {e.x, e.y, 0};
    const MarkdownLine& l = L.lines[line_of(L, at)];
    return {e.x + l.indent + line_x(e.doc, L, l, fonts, at), e.y + l.y, l.h};
}

std::uint32_t markdown_offset_at(const MarkdownEntry& e, const Fonts& fonts, float sx, float sy) {
    const MarkdownLayout& L = e.layout;
    const float x = sx - e.x, y = sy - e.y;
    if (L.runs.empty() || y < 0) return 0;
    if (y >= L.height) return static_cast<std::uint32_t>(e.doc.text.size());
    auto li = static_cast<std::size_t>(
        std::partition_point(L.lines.begin(), L.lines.end(), [&](const MarkdownLine& l) { return l.y + l.h <= y; }) -
        L.lines.begin());
    li = std::min(li, L.lines.size() - 1);
    // A line without text (a rule, an empty item): the start of the text after it, or the end of the text before.
    for (std::size_t j = li; j < L.lines.size(); ++j)
        if (L.lines[j].run_end > L.lines[j].run_begin) {
            if (j > li) return L.runs[L.lines[j].run_begin].begin;
            break;
        }
    if (L.lines[li].run_end == L.lines[li].run_begin) return static_cast<std::uint32_t>(e.doc.text.size());
    const MarkdownLine& l = L.lines[li];
    const float lx = x - l.indent;
    if (!line_is_plain(L, l)) {  // the run under x, or the nearest run's nearer end
        std::uint32_t best = l.run_begin;
        float best_d = FLT_MAX;
        for (std::uint32_t i = l.run_begin; i < l.run_end; ++i) {
            const MarkdownRun& r = L.runs[i];
            const float d = lx < r.x ? r.x - lx : lx > r.x + r.w ? lx - r.x - r.w : 0;
            if (d < best_d) best_d = d, best = i;
        }
        return offset_in_run(e.doc, fonts, L.runs[best], lx);
    }
    for (std::uint32_t i = l.run_begin; i < l.run_end; ++i) {
        const MarkdownRun& r = L.runs[i];
        if (lx >= r.x + r.w) continue;
        if (lx >= r.x) return offset_in_run(e.doc, fonts, r, lx);
        if (i == l.run_begin) return r.begin;
        const MarkdownRun& prev = L.runs[i - 1];  // in the gap between two runs: the nearer end
        return lx - (prev.x + prev.w) < r.x - lx ? prev.end : r.begin;
    }
    return L.runs[l.run_end - 1].end;
}

std::string plain_text(const md::Document& doc, std::uint32_t begin, std::uint32_t end) {
    std::string out;
    const md::Block* prev = nullptr;
    for (std::uint32_t bi = 0; bi < doc.blocks.size(); ++bi) {
        const auto [bb, be] = block_range(doc, bi);
        if (be <= begin) continue;
        if (bb >= end) break;
        const std::uint32_t from = std::max(bb, begin), to = std::min(be, end);
        if (from >= to) continue;
        const md::Block& b = doc.blocks[bi];
        if (prev) out += prev->list_depth > 0 && b.list_depth > 0 ? "\n" : "\n\n";
        out.append(doc.text, from, to - from);
        prev = &b;
    }
    return out;
}

std::string selected_text(const MarkdownCache& cache) {
    const TextSelection& sel = cache.selection;
    if (sel.empty()) return {};
    for (const MarkdownEntry& e : cache.entries)
        if (e.data == sel.text)
            return plain_text(e.doc, sel.begin(), std::min(sel.end(), static_cast<std::uint32_t>(e.doc.text.size())));
    return {};
}

MarkdownDrawn draw_markdown(MarkdownCache& cache, MarkdownEntry& e, const Fonts& fonts, float width, float scale,
                            const std::vector<float>& image_heights) {
    width = std::max(1.0f, std::floor(width));
    MarkdownLayout& L = e.layout;
    if (L.width != width || L.scale != scale || L.fonts != fonts.generation || L.image_h != image_heights) {
        L.image_h = image_heights;
        lay_out_markdown(e.doc, fonts, L, width, scale);
        L.width = width;
        L.scale = scale;
        L.fonts = fonts.generation;
        ++cache.layouts;
    }
    MarkdownDrawn drawn;
    drawn.top = ImGui::GetCursorPosY();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    e.x = o.x;
    e.y = o.y;
    ImGui::PushID(static_cast<const void*>(e.data));  // not the char* overload: that would hash the text
    const bool clicked = ImGui::InvisibleButton("##text", ImVec2(width, std::max(1.0f, L.height)));
    const bool hovered = ImGui::IsItemHovered();
    track_selection(cache, e, fonts, ImGui::IsItemActivated(), ImGui::IsItemActive());
    ImGui::PopID();
    bool over_link = false;

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float clip_top = dl->GetClipRectMin().y, clip_bottom = dl->GetClipRectMax().y;
    const ImU32 text_colour = ImGui::GetColorU32(ImGuiCol_Text);
    const ImVec2 mouse = ImGui::GetMousePos();
    const float em = fonts.body->FontSize * scale;
    const char* text = e.doc.text.data();
    // The first line reaching into the clip rectangle, by binary search on y.
    auto first = std::partition_point(L.lines.begin(), L.lines.end(),
                                      [&](const MarkdownLine& l) { return o.y + l.y + l.h < clip_top; });
    for (auto it = first; it != L.lines.end() && o.y + it->y <= clip_bottom; ++it) {
        const MarkdownLine& l = *it;
        draw_decorations(dl, e.doc, L, static_cast<std::size_t>(it - L.lines.begin()), o, em, fonts, text_colour);
        draw_marks(dl, e, l, cache.selection, o, fonts);
        for (std::uint32_t ri = l.run_begin; ri < l.run_end; ++ri) {
            const MarkdownRun& r = L.runs[ri];
            const ImVec2 p(o.x + l.indent + r.x, o.y + l.y + r.dy);
            ImU32 colour = r.face == Face::code ? current_theme().code : text_colour;
            if (r.link >= 0) {
                colour = current_theme().link;
                const std::string& href = e.doc.links[static_cast<std::size_t>(r.link)];
                dl->AddLine(ImVec2(p.x, p.y + r.size * 1.02f), ImVec2(p.x + r.w, p.y + r.size * 1.02f), colour);
                const bool over = hovered && mouse.x >= p.x && mouse.x < p.x + r.w && mouse.y >= o.y + l.y &&
                                  mouse.y < o.y + l.y + l.h;
                if (over) {
                    ImGui::SetTooltip("%s", href.c_str());
                    if (md::is_web_link(href)) {
                        over_link = true;
                        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                        // A click opens the link; a drag that ends on it selected text.
                        const TextSelection& sel = cache.selection;
                        if (clicked && (sel.empty() || sel.text != e.data)) drawn.open_url = href;
                    }
                }
            }
            if (r.shaped)
                draw_piece(dl, fonts, font_of(fonts, r.face), r.size, p, colour, e.doc.text,
                           {r.begin, r.end, r.level, true, false});
            else dl->AddText(font_of(fonts, r.face), r.size, p, colour, text + r.begin, text + r.end);
        }
    }
    if (hovered && !over_link) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    return drawn;
}

void markdown_cache_frame(MarkdownCache& cache) {
    ++cache.frame;
    // Texts not drawn for a few seconds give their memory back.
    cache.entries.remove_if([&](const MarkdownEntry& e) { return e.used + 600 < cache.frame; });
}

void markdown_cache_clear(MarkdownCache& cache) {
    cache.entries.clear();
    cache.selection = {};
    cache.walk = {};
}

}  // namespace lectern::ui
