// Positions for JSON values: a scanner over text that has already parsed, indexing values and keys by pointer.
#include "storage/json_positions.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

namespace rekindle::storage {

std::string Problem::format() const {
    std::string out = file;
    // Line 0 means the file as a whole (it could not be read at all): no made-up place.
    out += line > 0 ? ":" + std::to_string(line) + ":" + std::to_string(column) + ": " : std::string(": ");
    out += severity == Severity::Error ? "error: " : "warning: ";
    if (!pointer.empty()) out += pointer + ": ";
    out += message;
    return out;
}

std::string Problem::formatWithExcerpt() const {
    return excerpt.empty() ? format() : format() + "\n" + excerpt;
}

int countErrors(const std::vector<Problem>& problems) {
    int n = 0;
    for (const auto& p : problems) n += p.severity == Problem::Severity::Error;
    return n;
}

int countWarnings(const std::vector<Problem>& problems) {
    int n = 0;
    for (const auto& p : problems) n += p.severity == Problem::Severity::Warning;
    return n;
}

std::string pointerEscape(const std::string& segment) {
    std::string out;
    for (char c : segment) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

TextPos positionOfOffset(std::string_view text, size_t offset) {
    TextPos p{1, 1};
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++p.column;  // count characters, not UTF-8 continuation bytes
        }
    }
    return p;
}

TextPos JsonPositions::of(const std::string& pointer) const {
    buildIndex();
    std::string p = pointer;
    while (true) {
        auto it = m_valueIndex.find(p);
        if (it != m_valueIndex.end()) return it->second;
        if (p.empty()) return {1, 1};
        p = p.substr(0, p.rfind('/'));
    }
}

TextPos JsonPositions::keyOf(const std::string& pointer) const {
    buildIndex();
    auto it = m_keyIndex.find(pointer);
    return it != m_keyIndex.end() ? it->second : of(pointer);
}

namespace {

// Walks text that has already parsed, so it can assume well-formed JSON and only tracks where things are.
class Scanner {
public:
    using Index = std::unordered_map<std::string, TextPos>;
    using Places = std::vector<std::pair<std::string, TextPos>>;
    // Any sink may be null; later entries win in the indexes, as the later of two duplicate keys does in the value.
    Scanner(std::string_view text, Index* values, Index* keys, Places* duplicates)
        : m_text(text), m_values(values), m_keys(keys), m_duplicates(duplicates) {}

    void run() {
        skipSpace();
        value("");
    }

private:
    std::string_view m_text;
    Index* m_values;
    Index* m_keys;
    Places* m_duplicates;
    size_t m_i = 0;
    TextPos m_pos{1, 1};

    bool done() const { return m_i >= m_text.size(); }
    char peek() const { return done() ? '\0' : m_text[m_i]; }
    void advance() {
        unsigned char c = static_cast<unsigned char>(m_text[m_i++]);
        if (c == '\n') {
            ++m_pos.line;
            m_pos.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++m_pos.column;
        }
    }
    void skipSpace() {
        while (!done() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) advance();
    }
    std::string string() {
        // The text has parsed, so the string is well-formed; only keys need decoding (for pointers), and only those
        // with an escape need more than a copy — nlohmann decodes them, so both agree on every escape.
        size_t start = m_i;
        bool escaped = false;
        advance();  // opening quote
        while (!done() && peek() != '"') {
            if (peek() == '\\') {
                escaped = true;
                advance();
            }
            if (!done()) advance();
        }
        if (!done()) advance();  // closing quote
        std::string_view raw = m_text.substr(start, m_i - start);
        if (!escaped) return std::string(raw.substr(1, raw.size() >= 2 ? raw.size() - 2 : 0));
        try {
            return nlohmann::json::parse(raw).get<std::string>();
        } catch (const nlohmann::json::exception&) {
            return std::string(raw);
        }
    }
    void value(const std::string& pointer) {
        if (m_values) (*m_values)[pointer] = m_pos;
        char c = peek();
        if (c == '{') {
            advance();
            skipSpace();
            std::set<std::string> seen;
            while (!done() && peek() != '}') {
                TextPos keyPos = m_pos;
                std::string key = string();
                std::string child = pointer + "/" + pointerEscape(key);
                if (m_duplicates && !seen.insert(key).second) m_duplicates->emplace_back(child, keyPos);
                if (m_keys) (*m_keys)[child] = keyPos;
                skipSpace();
                if (peek() == ':') advance();
                skipSpace();
                value(child);
                skipSpace();
                if (peek() == ',') advance();
                skipSpace();
            }
            if (!done()) advance();
        } else if (c == '[') {
            advance();
            skipSpace();
            size_t index = 0;
            while (!done() && peek() != ']') {
                value(pointer + "/" + std::to_string(index++));
                skipSpace();
                if (peek() == ',') advance();
                skipSpace();
            }
            if (!done()) advance();
        } else if (c == '"') {
            string();
        } else {
            while (!done() && peek() != ',' && peek() != '}' && peek() != ']' && peek() != ' ' && peek() != '\n' &&
                   peek() != '\r' && peek() != '\t')
                advance();
        }
    }
};

}  // namespace

void JsonPositions::buildIndex() const {
    if (m_indexed) return;
    Scanner(m_text, &m_valueIndex, &m_keyIndex, nullptr).run();
    m_indexed = true;
}

std::vector<std::pair<std::string, TextPos>> duplicateKeyPlaces(std::string_view text) {
    std::vector<std::pair<std::string, TextPos>> duplicates;
    Scanner(text, nullptr, nullptr, &duplicates).run();
    return duplicates;
}

}  // namespace rekindle::storage
