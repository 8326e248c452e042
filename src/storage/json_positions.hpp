// Where things are in JSON text: line:column of every value and key by JSON pointer, of a byte offset, and of each
// repeated key. nlohmann keeps no positions, so a small scanner walks the (already parsed) text when a problem asks.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "storage/problem.hpp"

namespace rekindle::storage {

struct TextPos {
    int line = 0, column = 0;
};

struct JsonPositions {
    // A valid file asks for no position at all, so nothing is recorded while parsing: the first query scans the
    // text once and indexes every pointer. The text must outlive the queries — every reader checks while its text
    // is in hand.
    explicit JsonPositions(std::string_view text = {}) : m_text(text) {}
    TextPos of(const std::string& pointer) const;     // the value, else the nearest enclosing value
    TextPos keyOf(const std::string& pointer) const;  // the key, else the value
    std::string_view text() const { return m_text; }

private:
    void buildIndex() const;
    std::string_view m_text;
    mutable bool m_indexed = false;
    mutable std::unordered_map<std::string, TextPos> m_valueIndex, m_keyIndex;
};

// Every key that repeats one before it in the same object: its pointer and the place of the repeat.
std::vector<std::pair<std::string, TextPos>> duplicateKeyPlaces(std::string_view text);

// "/a/b~1c" style escaping of one pointer segment; the only one in Rekindle.
std::string pointerEscape(const std::string& segment);

// 1-based line and column (in characters, not bytes) of a byte offset.
TextPos positionOfOffset(std::string_view text, size_t offset);

}  // namespace rekindle::storage
