// Checks the archive format's objects, one at a time, as JSON trees: each read_* fills one
// object of the model and records its problems with their member paths, in the order a
// reader of the format expects them (core/archive/archive_load.cpp calls them in turn).
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/archive/archive.h"
#include "core/text/utf8.h"

namespace lectern {

using nlohmann::json;

// Reads JSON values into the model, recording every problem with its path.
class Reader {
public:
    explicit Reader(std::vector<Diagnostic>& out) : out_(out) {}

    void error(const std::string& path, Message what) {
        out_.push_back({Diagnostic::Severity::error, path, 0, 0, std::move(what)});
    }
    void warning(const std::string& path, Message what) {
        out_.push_back({Diagnostic::Severity::warning, path, 0, 0, std::move(what)});
    }
    std::size_t count() const { return out_.size(); }
    // Wraps the problems recorded since count() was `first` in `key`, which holds each as
    // {problem} beside `args` (an era's title after its problems).
    void note_since(std::size_t first, const char* key, std::vector<MessageArg> args) {
        for (std::size_t i = first; i < out_.size(); ++i) {
            Message wrapped{key, args};
            wrapped.args.emplace_back("problem", std::move(out_[i].what));
            out_[i].what = std::move(wrapped);
        }
    }
    bool has_errors() const {
        for (const auto& d : out_)
            if (d.severity == Diagnostic::Severity::error) return true;
        return false;
    }

    static std::string member(const std::string& path, const char* key) {
        return path.empty() ? std::string(key) : path + "." + key;
    }
    static std::string item(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

    bool expect_object(const json& j, const std::string& path) {
        if (j.is_object()) return true;
        error(path, {"check.expected_object", {{"found", describe(j)}}});
        return false;
    }

    // `known`: the object's table (core/archive/archive_members.h), e.g. members::Person::all.
    template <std::size_t N>
    void warn_unknown(const json& obj, const std::string& path, const char* const (&known)[N]) {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            bool found = false;
            for (const char* k : known) found = found || it.key() == k;
            if (!found) warning(member(path, shown_input(it.key()).c_str()), {"check.unknown_member"});
        }
    }

    // Reads obj[key] as a string. Absent: error when required. Returns whether a value was read.
    bool text(const json& obj, const std::string& path, const char* key, std::string& dst, bool required = false) {
        const auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) error(member(path, key), {"check.missing"});
            return false;
        }
        if (!it->is_string()) {
            error(member(path, key), {"check.expected_string", {{"found", describe(*it)}}});
            return false;
        }
        dst = it->get<std::string>();
        return true;
    }

    // A string that may also be null (work.body).
    void nullable_text(const json& obj, const std::string& path, const char* key, std::optional<std::string>& dst) {
        const auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return;
        if (!it->is_string()) {
            error(member(path, key), {"check.expected_string_or_null", {{"found", describe(*it)}}});
            return;
        }
        dst = it->get<std::string>();
    }

    void date(const json& obj, const std::string& path, const char* key, std::optional<EdtfDate>& dst,
              bool required = false, bool nullable = false) {
        const auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) error(member(path, key), {nullable ? "check.missing_date" : "check.missing"});
            return;
        }
        if (it->is_null() && nullable) return;
        if (!it->is_string()) {
            error(member(path, key), {"check.expected_date", {{"found", describe(*it)}}});
            return;
        }
        date_text(path, key, it->get_ref<const std::string&>(), dst);
    }

    // A date written as `text`, parsed into dst, or the reason it is not one.
    void date_text(const std::string& path, const char* key, const std::string& text, std::optional<EdtfDate>& dst) {
        Message why;
        dst = parse_edtf(text, &why);
        if (!dst)
            error(member(path, key), {"check.invalid_date", {{"date", shown_input(text)}, {"reason", std::move(why)}}});
    }

    void strings(const json& obj, const std::string& path, const char* key, std::vector<std::string>& dst) {
        const auto it = obj.find(key);
        if (it == obj.end()) return;
        const std::string p = member(path, key);
        if (!it->is_array()) {
            error(p, {"check.expected_strings", {{"found", describe(*it)}}});
            return;
        }
        for (std::size_t i = 0; i < it->size(); ++i) {
            const json& v = (*it)[i];
            if (v.is_string()) dst.push_back(v.get<std::string>());
            else error(item(p, i), {"check.expected_string", {{"found", describe(v)}}});
        }
    }

    // Calls fn(element, path) for each element of the array obj[key]; `path` is obj's own path,
    // so a nested array's problems name it whole ("pages[2].links", not "links").
    template <class Fn>
    void each(const json& obj, const std::string& path, const char* key, bool required, Fn fn) {
        const std::string at = member(path, key);
        const auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) error(at, {"check.missing_array"});
            return;
        }
        if (!it->is_array()) {
            error(at, {"check.expected_array", {{"found", describe(*it)}}});
            return;
        }
        for (std::size_t i = 0; i < it->size(); ++i) {
            const std::string p = item(at, i);
            if (expect_object((*it)[i], p)) fn((*it)[i], p);
        }
    }

    // What a value is, for "expected ..., found {found}".
    static Message describe(const json& j) {
        switch (j.type()) {
            case json::value_t::null: return {"check.found.null"};
            case json::value_t::object: return {"check.found.object"};
            case json::value_t::array: return {"check.found.array"};
            case json::value_t::string: return {"check.found.string"};
            case json::value_t::boolean: return {"check.found.boolean"};
            case json::value_t::number_integer:
            case json::value_t::number_unsigned:
            case json::value_t::number_float: return {"check.found.number"};
            default: return {"check.found.other"};
        }
    }

private:
    std::vector<Diagnostic>& out_;
};

// The archive's own members other than its arrays: unknown members of `root`, then lectern,
// title, subtitle, publisher, language, updated_label, updated.
void read_archive_members(Reader& r, const json& root, Archive& a);

// One element of an array, `j` an object at `p` ("works[3]"). `seen`: the ids (titles for
// eras) of the elements before it in the same array.
void read_person(Reader& r, const json& j, const std::string& p, std::set<std::string>& seen, Person& person);
void read_page(Reader& r, const json& j, const std::string& p, std::set<std::string>& seen, Page& page);
void read_era(Reader& r, const json& j, const std::string& p, std::set<std::string>& seen, Era& era);
// An event's and a work's people are read here, and checked against the archive's people by
// check_people_refs once every person is known (the people may come after the works).
void read_event(Reader& r, const json& j, const std::string& p, Event& e);
void read_work(Reader& r, const json& j, const std::string& p, std::set<std::string>& seen, Work& w);
// A work read without a tree (core/archive/work_events.h), its members all of their usual
// type: the checks read_work makes of their values. `date`: its text; nullopt when null.
void check_work_values(Reader& r, const std::string& p, std::set<std::string>& seen, Work& w,
                       const std::optional<std::string>& date);
// Each of `refs`, the people of element `index` of `array` ("works"), must name one of `person_ids`.
void check_people_refs(Reader& r, const char* array, std::size_t index, const std::vector<std::string>& refs,
                       const std::set<std::string>& person_ids);

}  // namespace lectern
