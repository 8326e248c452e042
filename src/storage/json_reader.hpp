// Typed, position-aware reading of JSON objects: every wrong type, missing field or unknown key becomes a Problem
// at the right line:column, and reading goes on so that all problems are reported, not only the first.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "storage/json_parse.hpp"

namespace rekindle::storage {

class JsonChecker {
public:
    JsonChecker(std::string fileName, const JsonPositions& positions, std::vector<Problem>& problems)
        : m_file(std::move(fileName)), m_positions(positions), m_problems(problems) {}

    void error(const std::string& pointer, const std::string& message) { add(pointer, message, false, false); }
    void warning(const std::string& pointer, const std::string& message) { add(pointer, message, true, false); }
    void errorAtKey(const std::string& pointer, const std::string& message) { add(pointer, message, false, true); }
    int errorCount() const { return countErrors(m_problems); }
    const std::string& file() const { return m_file; }

private:
    void add(const std::string& pointer, const std::string& message, bool warning, bool atKey);
    std::string m_file;
    const JsonPositions& m_positions;
    std::vector<Problem>& m_problems;
};

// One JSON object being read. Each accessor records the key as known; finish() reports the unknown ones.
// Keys are string_views kept until finish(): pass literals or strings that outlive the reader.
class ObjectReader {
public:
    // what: how the object is named in messages, e.g. "a question", "the tip library".
    ObjectReader(JsonChecker& checker, const nlohmann::json& value, std::string pointer, std::string what);
    bool ok() const { return m_ok; }
    const std::string& pointer() const { return m_pointer; }
    std::string child(std::string_view key) const { return m_pointer + "/" + pointerEscape(std::string(key)); }
    bool has(std::string_view key) const;
    void allow(std::initializer_list<const char*> keys);  // accepted without being read here

    const nlohmann::json* get(std::string_view key, bool required);
    // Strings are trimmed-checked for emptiness when required or nonEmpty.
    std::string string(std::string_view key, bool required, const std::string& fallback = {}, bool nonEmpty = true);
    std::string slug(std::string_view key, bool required);
    std::optional<double> number(std::string_view key, bool required);
    std::optional<int> integer(std::string_view key, bool required, int lo, int hi);
    bool boolean(std::string_view key, bool fallback);
    // An array (possibly empty); nullptr when missing or of the wrong type (reported).
    const nlohmann::json* array(std::string_view key, bool required, size_t minItems = 0);
    std::vector<std::string> stringArray(std::string_view key, bool required, size_t minItems, size_t maxItems);

    void finish();  // unknown keys become errors; "x" is always free for authors' notes

private:
    JsonChecker& m_checker;
    const nlohmann::json& m_value;
    std::string m_pointer;
    std::string m_what;
    bool m_ok = false;
    // A handful per object, so a flat list beats a set; it is searched only by finish().
    void know(std::string_view key);
    bool known(std::string_view key) const;
    std::string_view m_knownInline[24];
    size_t m_knownCount = 0;
    std::vector<std::string_view> m_knownMore;
};

// Text lengths in characters (not bytes), checked by ObjectReader::string and stringArray for every field; a
// title of 20,000 characters once overran ImGui's vertex limit. The table is in docs/question-sets.md.
constexpr size_t kMaxShortText = 200;   // titles, labels, author, version
constexpr size_t kMaxLongText = 2000;   // question text, help, descriptions, intros, band text, notices, tip prose
constexpr size_t kMaxListText = 500;    // one entry of a tip's "tryThisWeek" or "cautions"
size_t textLimit(std::string_view key);
size_t utf8Length(const std::string& s);

const char* jsonTypeName(const nlohmann::json& v);
bool isSlug(const std::string& s);  // [a-z0-9]+(-[a-z0-9]+)*, at most 64 characters
bool isBlank(const std::string& s);
std::string quote(const std::string& s);  // "…" for messages, shortened when long

}  // namespace rekindle::storage
