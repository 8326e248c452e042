// JSON text → nlohmann value plus the line:column of every value and key, so each problem can name its place.
// nlohmann keeps no positions, so a small scanner walks the (already valid) text when a problem asks for a place.
#pragma once

#include <unordered_map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "storage/problem.hpp"

namespace rekindle::storage {

constexpr int kMaxJsonDepth = 64;  // deeper nesting is refused before parsing: no real file needs it

struct TextPos {
    int line = 0, column = 0;
};

struct JsonPositions {
    // A valid file asks for no position at all, so nothing is recorded while parsing: the first query scans the
    // text once and indexes every pointer (a 10,000-question set has ~300,000 of them; recording them up front was
    // most of its load time). The text must outlive the queries — every reader checks while its text is in hand.
    explicit JsonPositions(std::string_view text = {}) : m_text(text) {}
    TextPos of(const std::string& pointer) const;     // the value, else the nearest enclosing value
    TextPos keyOf(const std::string& pointer) const;  // the key, else the value

private:
    void buildIndex() const;
    std::string_view m_text;
    mutable bool m_indexed = false;
    mutable std::unordered_map<std::string, TextPos> m_valueIndex, m_keyIndex;
};

struct JsonDocument {
    nlohmann::json root;
    JsonPositions positions;

    JsonDocument() = default;
    JsonDocument(JsonDocument&&) = default;
    JsonDocument& operator=(JsonDocument&&) = default;
    ~JsonDocument();  // frees the tree leaves first (see releaseJson)
};

// Empties a value bottom-up, children before their parents. nlohmann's own destructor flattens a tree into a
// growing vector first; for a large document those vectors pass glibc's 64 KB mark, and each such free makes
// malloc consolidate every small chunk freed so far — a third of a 10,000-question set's load time.
void releaseJson(nlohmann::json& value);

// Parses text, reporting syntax errors, invalid UTF-8, too-deep nesting, numbers out of range and duplicate keys
// into problems (with positions). Returns false when there is no usable document.
bool parseJsonDocument(std::string_view text, const std::string& fileName, JsonDocument& out,
                       std::vector<Problem>& problems);

// "/a/b~1c" style escaping of one pointer segment.
std::string pointerEscape(const std::string& segment);

// 1-based line and column (in characters, not bytes) of a byte offset.
TextPos positionOfOffset(std::string_view text, size_t offset);

}  // namespace rekindle::storage
