// MIA index page -> archive: split into blocks of lines, then read them in the
// page's order with a small state machine; every surprise names its line.
#include "core/import/mia_import.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <nlohmann/json.hpp>

#include "core/text/utf8.h"

namespace lectern {

std::string ImportProblem::to_string() const {
    return line > 0 ? "line " + std::to_string(line) + ": " + message : message;
}

namespace {

const std::string kNbsp = "\xC2\xA0";

// Trims ASCII whitespace and no-break spaces at both ends.
std::string trim(std::string_view s) {
    auto starts = [&](std::string_view t) { return s.substr(0, t.size()) == t; };
    auto ends = [&](std::string_view t) { return s.size() >= t.size() && s.substr(s.size() - t.size()) == t; };
    for (bool changed = true; changed;) {
        changed = false;
        while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1), changed = true;
        while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1), changed = true;
        if (starts(kNbsp)) s.remove_prefix(kNbsp.size()), changed = true;
        if (ends(kNbsp)) s.remove_suffix(kNbsp.size()), changed = true;
    }
    return std::string(s);
}

// Splits on ASCII spaces and no-break spaces.
std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == ' ' || s[i] == '\t') {
            ++i;
        } else if (s.substr(i, 2) == kNbsp) {
            i += 2;
        } else {
            cur += s[i++];
            if (i < s.size() && s[i] != ' ' && s[i] != '\t' && s.substr(i, 2) != kNbsp) continue;
        }
        if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

bool all_digits(std::string_view s, std::size_t n) {
    return s.size() == n && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int month_number(std::string_view w) {
    static const char* kNames[12] = {"january", "february", "march",     "april",   "may",      "june",
                                     "july",    "august",   "september", "october", "november", "december"};
    std::string lower;
    for (char c : w) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!lower.empty() && lower.back() == '.') lower.pop_back();  // "Aug."
    if (lower == "sept") lower = "sep";
    for (int m = 0; m < 12; ++m) {
        const std::string name = kNames[m];
        if (lower == name || (lower.size() == 3 && name.compare(0, 3, lower) == 0)) return m + 1;
    }
    return 0;
}

std::string pad(long v, int width) {
    std::string s = std::to_string(v);
    return std::string(static_cast<std::size_t>(std::max(0, width - static_cast<int>(s.size()))), '0') + s;
}

// "1938-44" and "1920/21": the second year shares the first's leading digits.
std::optional<std::string> year_range(std::string_view a, std::string_view b, std::string* why) {
    if (!all_digits(a, 4) || !(all_digits(b, 2) || all_digits(b, 4))) return std::nullopt;
    std::string end(b);
    if (b.size() == 2) {  // "1999-01" crosses into the next century
        end = std::string(a.substr(0, 2)) + std::string(b);
        if (end < a) end = std::to_string(std::stoi(std::string(a.substr(0, 2))) + 1) + std::string(b);
    }
    if (end < a) {
        if (why) *why = "the range ends before it starts";
        return std::string();  // recognised but wrong: the caller reports why
    }
    return std::string(a) + "/" + end;
}

struct Line {
    int number;
    std::string text;
};
using Block = std::vector<Line>;  // consecutive non-blank lines

std::vector<Block> blocks_of(std::string_view text) {
    std::vector<Block> out;
    Block cur;
    int n = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        ++n;
        std::string line = trim(text.substr(start, end - start));
        if (line.empty()) {
            if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
        } else {
            cur.push_back({n, std::move(line)});
        }
        start = end + 1;
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

std::string joined(const Block& b, const char* sep) {
    std::string s;
    for (std::size_t i = 0; i < b.size(); ++i) s += (i ? sep : "") + b[i].text;
    return s;
}

bool is_lifespan(std::string_view s) {
    return s.size() == 9 && all_digits(s.substr(0, 4), 4) && s[4] == '-' && all_digits(s.substr(5), 4);
}

// “Quote …” – Source, 1937.   ->   quote and cite
bool split_epigraph(const std::string& s, std::string& quote, std::string& cite) {
    const bool quoted = s.rfind("\xE2\x80\x9C", 0) == 0 || s.rfind("\"", 0) == 0;
    if (!quoted) return false;
    const std::string dash = " \xE2\x80\x93 ";  // " – "
    const auto at = s.rfind(dash);
    if (at == std::string::npos) {
        quote = s;
        return true;
    }
    quote = s.substr(0, at);
    cite = s.substr(at + dash.size());
    if (!cite.empty() && cite.back() == '.') cite.pop_back();
    return true;
}

class Importer {
public:
    explicit Importer(std::vector<ImportProblem>& problems) : problems_(problems) {}

    void run(const std::vector<Block>& blocks, Archive& a) {
        std::size_t i = 0;
        auto single = [&](std::size_t k) { return blocks[k].size() == 1; };
        auto text = [&](std::size_t k) -> const std::string& { return blocks[k][0].text; };

        if (blocks.empty()) return problem(1, "the page is empty; expected a header such as 'Marxist Writers: NAME'");
        // Header: "Subtitle: Title".
        const std::string& head = text(0);
        const auto colon = head.find(": ");
        if (!single(0) || colon == std::string::npos)
            return problem(blocks[0][0].number,
                           "expected a header such as 'Marxist Writers: NAME', found '" + head + "'");
        a.subtitle = head.substr(0, colon);
        a.title = head.substr(colon + 2);
        i = 1;

        // Front matter until "Biography" (or "Works:" on pages without one).
        int epigraphs = 0;
        for (; i < blocks.size() && text(i) != "Biography" && text(i) != "Works:"; ++i) {
            const int line = blocks[i][0].number;
            const std::string& t = joined(blocks[i], " ");
            std::string quote, cite;
            if (t == a.title) continue;  // the name repeated as a heading
            if (is_lifespan(t)) lifespan_ = t;
            else if (split_epigraph(t, quote, cite))  // page ids are unique: a second epigraph is "epigraph-2"
                a.pages.push_back({epigraphs++ ? "epigraph-" + std::to_string(epigraphs) : std::string("epigraph"),
                                   "",
                                   "quote",
                                   quote,
                                   cite,
                                   {}});
            else if (a.publisher.empty()) a.publisher = t;
            else return problem(line, "unexpected text before 'Biography': '" + t + "'");
        }

        if (i < blocks.size() && text(i) == "Biography") {
            Page bio{"biography", "Biography", "text", "", "", {}};
            ++i;
            for (; i < blocks.size() && single(i) && text(i) != "Works:"; ++i)
                bio.body += (bio.body.empty() ? "" : "\n\n") + text(i);
            if (bio.body.empty()) return problem(blocks[i - 1][0].number, "expected the biography after 'Biography'");
            a.pages.push_back(std::move(bio));
            // A block of several lines is a note (its line breaks kept); one-line blocks after it are its links.
            int notes = 0;
            for (; i < blocks.size() && text(i) != "Works:"; ++i) {
                if (!single(i)) {
                    a.pages.push_back({notes++ ? "note-" + std::to_string(notes) : std::string("note"),
                                       "",
                                       "note",
                                       joined(blocks[i], "  \n"),
                                       "",
                                       {}});
                } else if (!a.pages.empty() && a.pages.back().kind == "note") {
                    a.pages.back().links.push_back({text(i), ""});
                } else {
                    return problem(blocks[i][0].number, "unexpected text after the biography: '" + text(i) + "'");
                }
            }
        }
        if (i >= blocks.size() || text(i) != "Works:")
            return problem(i < blocks.size() ? blocks[i][0].number : last_line(blocks), "expected 'Works:'");
        ++i;
        i = read_works(blocks, i, "works", a);
        if (!problems_.empty()) return;

        if (i < blocks.size() && text(i) == "Appendix") {
            ++i;
            Page appendix{"appendix", "Appendix", "text", "", "", {}};
            for (; i < blocks.size() && !mia_date_to_edtf(text(i)) && !is_updated(text(i)); ++i)
                appendix.body += (appendix.body.empty() ? "" : "\n\n") + joined(blocks[i], " ");
            const std::size_t first = a.works.size();
            i = read_works(blocks, i, "appendix", a);
            for (std::size_t w = first; w < a.works.size(); ++w) {
                a.works[w].attribution = "disputed";
                a.works[w].attribution_note = appendix.body;
                a.works[w].kind = "document";
                a.works[w].people.clear();
            }
            a.pages.push_back(std::move(appendix));
        }
        if (i < blocks.size() && is_updated(text(i))) {
            read_updated(blocks[i][0], a);
            ++i;
        }
        if (i < blocks.size())
            problem(blocks[i][0].number, "unexpected text at the end of the page: '" + text(i) + "'");
    }

    const std::string& lifespan() const { return lifespan_; }

private:
    void problem(int line, std::string message) { problems_.push_back({line, std::move(message)}); }

    static int last_line(const std::vector<Block>& blocks) { return blocks.back().back().number; }
    static bool is_updated(const std::string& s) { return s.rfind("Updated on ", 0) == 0; }

    // Date line, then title line, until something that is not a date.
    std::size_t read_works(const std::vector<Block>& blocks, std::size_t i, const char* section, Archive& a) {
        for (; i < blocks.size(); ++i) {
            const Line& date_line = blocks[i][0];
            if (date_line.text == "Appendix" || is_updated(date_line.text)) break;
            std::string why;
            const auto edtf = mia_date_to_edtf(date_line.text, &why);
            if (!edtf) {
                problem(date_line.number,
                        "expected a date such as 'June 1908', '10 August 1936' or '1920/21', found '" + date_line.text +
                            "'" + (why.empty() ? "" : " (" + why + ")"));
                return blocks.size();
            }
            // The title is the next line: in the same block or the next one.
            std::string title;
            if (blocks[i].size() > 1) {
                title = joined(Block(blocks[i].begin() + 1, blocks[i].end()), " ");
            } else if (i + 1 < blocks.size() && !mia_date_to_edtf(blocks[i + 1][0].text) &&
                       !is_updated(blocks[i + 1][0].text) && blocks[i + 1][0].text != "Appendix") {
                title = joined(blocks[++i], " ");
            } else {
                problem(date_line.number,
                        "expected the title of the work dated '" + date_line.text + "' on the next line");
                return blocks.size();
            }
            Work w;
            w.title = title;
            w.date = parse_edtf(*edtf);
            w.date_label = date_line.text;
            w.kind = infer_kind(title);
            w.section = section;
            std::string id = make_work_id(*edtf, title);
            for (int n = 2; !ids_.insert(id).second; ++n) id = make_work_id(*edtf, title) + "-" + std::to_string(n);
            w.id = id;
            a.works.push_back(std::move(w));
        }
        return i;
    }

    void read_updated(const Line& line, Archive& a) {
        // "Updated on 4.9.2007": day.month.year
        const std::string d = line.text.substr(std::string("Updated on ").size());
        int day = 0, month = 0, year = 0;
        char dot1 = 0, dot2 = 0, extra = 0;
        if (std::sscanf(d.c_str(), "%d%c%d%c%d%c", &day, &dot1, &month, &dot2, &year, &extra) != 5 || dot1 != '.' ||
            dot2 != '.') {
            problem(line.number, "expected 'Updated on D.M.YYYY', found '" + line.text + "'");
            return;
        }
        const std::string edtf = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2);
        std::string why;
        a.updated = parse_edtf(edtf, &why);
        if (!a.updated) problem(line.number, "'" + d + "' is not a date: " + why);
        a.updated_label = d;
    }

    std::vector<ImportProblem>& problems_;
    std::set<std::string> ids_;
    std::string lifespan_;
};

// Merges the hand-written events file, checked by the archive loader itself.
void merge_events(std::string_view events_json, const std::string& lifespan, Archive& a,
                  std::vector<ImportProblem>& problems) {
    Archive extra;
    if (!events_json.empty()) {
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(events_json.begin(), events_json.end());
        } catch (const nlohmann::json::parse_error& e) {
            problems.push_back({0, std::string("events file: ") + e.what()});
            return;
        }
        if (!j.is_object()) {
            problems.push_back({0, "events file: expected an object with people, events and eras"});
            return;
        }
        j["lectern"] = 1;
        j["title"] = a.title;
        j["works"] = nlohmann::json::array();
        const LoadResult r = load_archive(j.dump());
        for (const auto& d : r.diagnostics) problems.push_back({0, "events file: " + d.to_string()});
        if (!r.ok()) return;
        extra = *r.archive;
    }
    // The page's subject: the person the events file names with the page's title,
    // or one made from the header and life span.
    const std::string subject_id = make_work_id("", a.title);
    auto subject =
        std::find_if(extra.people.begin(), extra.people.end(), [&](const Person& p) { return p.name == a.title; });
    if (subject == extra.people.end() && !lifespan.empty()) {
        // The id made from the header is taken by someone else: a misspelt name, most likely.
        for (const Person& other : extra.people)
            if (other.id == subject_id) {
                problems.push_back({0, "events file: person '" + subject_id + "' is named '" + other.name + "', not '" +
                                           a.title + "' as the page's header says"});
                return;
            }
        Person p;
        p.id = subject_id;
        p.name = a.title;
        p.born = parse_edtf(lifespan.substr(0, 4));
        p.died = parse_edtf(lifespan.substr(5, 4));
        extra.people.insert(extra.people.begin(), std::move(p));
        subject = extra.people.begin();
    } else if (subject != extra.people.end() && !lifespan.empty()) {
        // The page's life span must agree with the events file.
        const bool born_ok = subject->born && subject->born->text.substr(0, 4) == lifespan.substr(0, 4);
        const bool died_ok = subject->died && subject->died->text.substr(0, 4) == lifespan.substr(5, 4);
        if (!born_ok || !died_ok)
            problems.push_back(
                {0, "events file: " + subject->name + "'s born/died disagree with the page's '" + lifespan + "'"});
    }
    if (subject != extra.people.end())
        for (Work& w : a.works)
            if (w.section == "works") w.people = {subject->id};
    a.people = std::move(extra.people);
    a.events = std::move(extra.events);
    a.eras = std::move(extra.eras);
}

}  // namespace

std::optional<std::string> mia_date_to_edtf(std::string_view label, std::string* why) {
    const std::vector<std::string> w = words(label);
    auto fail = [&](std::string reason) -> std::optional<std::string> {
        if (why) *why = std::move(reason);
        return std::nullopt;
    };
    std::optional<std::string> out;
    if (w.size() == 1) {
        const std::string& s = w[0];
        if (all_digits(s, 4)) return s;
        for (const char sep : {'/', '-'}) {
            const auto at = s.find(sep);
            if (at == std::string::npos) continue;
            std::string range_why;
            const auto r =
                year_range(std::string_view(s).substr(0, at), std::string_view(s).substr(at + 1), &range_why);
            if (r && r->empty()) return fail(range_why);
            if (r) return r;
        }
        return fail("not a year, a year range or a month and year");
    }
    if (w.size() == 2) {  // "June 1908", "Aug. 1926", "c. 1945"
        if ((w[0] == "c." || w[0] == "ca." || w[0] == "circa") && all_digits(w[1], 4)) return w[1] + "~";
        const int m = month_number(w[0]);
        if (m == 0) return fail("'" + w[0] + "' is not a month");
        if (!all_digits(w[1], 4)) return fail("'" + w[1] + "' is not a four-digit year");
        out = w[1] + "-" + pad(m, 2);
    } else if (w.size() == 3) {  // "10 August 1936"
        const int m = month_number(w[1]);
        if (!(all_digits(w[0], 1) || all_digits(w[0], 2))) return fail("'" + w[0] + "' is not a day");
        if (m == 0) return fail("'" + w[1] + "' is not a month");
        if (!all_digits(w[2], 4)) return fail("'" + w[2] + "' is not a four-digit year");
        out = w[2] + "-" + pad(m, 2) + "-" + pad(std::stol(w[0]), 2);
    } else {
        return fail(w.empty() ? "empty" : "too many words for a date");
    }
    std::string reason;
    if (!parse_edtf(*out, &reason)) return fail(reason);  // "31 February"
    return out;
}

std::string infer_kind(std::string_view title) {
    auto has = [&](std::string_view s) { return title.find(s) != std::string_view::npos; };
    if (has("(poem)")) return "poem";
    if (has("(novel)")) return "novel";
    if (has("(prose)")) return "prose";
    if (title.rfind("Letter to", 0) == 0 || title.rfind("Open Letter", 0) == 0) return "letter";
    if (title.rfind("Obituary:", 0) == 0) return "obituary";
    if (has("Notebooks")) return "notebook";
    return "article";
}

std::string make_work_id(std::string_view edtf, std::string_view title) {
    // Accented Latin letters fold to their base letter; other non-ASCII text is dropped.
    static const std::pair<const char*, char> kFold[] = {
        {"à", 'a'}, {"á", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"ã", 'a'}, {"å", 'a'}, {"ç", 'c'}, {"è", 'e'},
        {"é", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"ì", 'i'}, {"í", 'i'}, {"î", 'i'}, {"ï", 'i'}, {"ñ", 'n'},
        {"ò", 'o'}, {"ó", 'o'}, {"ô", 'o'}, {"ö", 'o'}, {"õ", 'o'}, {"ù", 'u'}, {"ú", 'u'}, {"û", 'u'},
        {"ü", 'u'}, {"ý", 'y'}, {"É", 'e'}, {"À", 'a'}, {"Ç", 'c'}, {"Ö", 'o'}, {"Ü", 'u'}, {"Ä", 'a'}};
    std::string slug;
    bool dash = false;
    auto add = [&](char c) {
        if (dash && !slug.empty()) slug += '-';
        dash = false;
        slug += c;
    };
    for (std::size_t i = 0; i < title.size();) {
        const unsigned char c = static_cast<unsigned char>(title[i]);
        if (std::isalnum(c)) {
            add(static_cast<char>(std::tolower(c)));
            ++i;
        } else if (c == '\'' || title.substr(i, 3) == "\xE2\x80\x99") {  // apostrophes join: "Years’" -> "years"
            i += c == '\'' ? 1 : 3;
        } else if (c >= 0x80) {
            bool folded = false;
            for (const auto& [from, to] : kFold)
                if (title.substr(i, std::char_traits<char>::length(from)) == from) {
                    add(to);
                    i += std::char_traits<char>::length(from);
                    folded = true;
                    break;
                }
            if (!folded) {
                dash = true;
                ++i;
                i = utf8_next_char_start(title, i);
            }
        } else {
            dash = true;
            ++i;
        }
    }
    if (slug.size() > 60) slug = slug.substr(0, slug.find_last_of('-', 60));
    const std::string start(edtf.substr(0, edtf.find('/')));
    std::string prefix;
    for (char c : start)
        if ((c >= '0' && c <= '9') || c == '-') prefix += c;
    if (!prefix.empty() && prefix.front() == '-') prefix = "bce" + prefix;  // ids may not start with a bare '-'
    if (prefix.empty()) return slug.empty() ? "untitled" : slug;
    return slug.empty() ? prefix : prefix + "-" + slug;
}

ImportResult import_mia_index(std::string_view page_text, std::string_view events_json) {
    ImportResult result;
    // Every text of the page ends up in the archive's JSON, which must be UTF-8: a page saved in
    // another encoding is refused at its first bad byte, not when the archive is written.
    if (const std::size_t bad = valid_utf8_prefix(page_text); bad < page_text.size()) {
        static const char* kHex = "0123456789ABCDEF";
        const auto byte = static_cast<unsigned char>(page_text[bad]);
        const int line = 1 + static_cast<int>(std::count(page_text.begin(),
                                                         page_text.begin() + static_cast<std::ptrdiff_t>(bad), '\n'));
        result.problems.push_back({line, std::string("the page is not UTF-8 text (byte 0x") + kHex[byte >> 4] +
                                             kHex[byte & 15] + "); save it as UTF-8"});
        return result;
    }
    Archive a;
    a.language = "en";
    Importer importer(result.problems);
    importer.run(blocks_of(page_text), a);
    if (!result.problems.empty()) return result;
    merge_events(events_json, importer.lifespan(), a, result.problems);
    if (!result.problems.empty()) return result;
    result.archive = std::move(a);
    return result;
}

}  // namespace lectern
