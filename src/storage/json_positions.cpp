// Positions for JSON values: a depth guard before nlohmann parses, and a scanner over the valid text afterwards.
#include "storage/json_positions.hpp"

#include "storage/json_fast_parse.hpp"

#include <cstdio>
#include <set>
#include <utility>

namespace rekindle::storage {

using nlohmann::json;

std::string Problem::format() const {
    std::string out = file;
    out += ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
    out += severity == Severity::Error ? "error: " : "warning: ";
    if (!pointer.empty()) out += pointer + ": ";
    out += message;
    return out;
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

void releaseJson(json& value) {
    if (value.is_array()) {
        auto& items = value.get_ref<json::array_t&>();
        for (auto& item : items) releaseJson(item);  // depth is bounded by kMaxJsonDepth
        items.clear();
        items.shrink_to_fit();
    } else if (value.is_object()) {
        auto& members = value.get_ref<json::object_t&>();
        for (auto& [key, member] : members) releaseJson(member);
        members.clear();
    }
    value = nullptr;
}

JsonDocument::~JsonDocument() { releaseJson(root); }

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
        // Only keys need decoding, and nlohmann already checked the escapes; decode the common ones for pointers.
        std::string out;
        advance();  // opening quote
        while (!done() && peek() != '"') {
            if (peek() == '\\') {
                advance();
                char e = peek();
                if (e == 'u') {
                    std::string hex(m_text.substr(m_i + 1, 4));
                    unsigned cp = unsigned(std::strtoul(hex.c_str(), nullptr, 16));
                    for (int k = 0; k < 5; ++k) advance();
                    if (cp >= 0xD800 && cp <= 0xDBFF && peek() == '\\' && m_i + 6 <= m_text.size() &&
                        m_text[m_i + 1] == 'u') {
                        std::string lo(m_text.substr(m_i + 2, 4));
                        unsigned low = unsigned(std::strtoul(lo.c_str(), nullptr, 16));
                        for (int k = 0; k < 6; ++k) advance();
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    appendUtf8(out, cp);
                    continue;
                }
                char plain = e;
                simpleEscape(e, plain);  // the text has parsed, so anything else is the character itself
                out += plain;
                advance();
                continue;
            }
            out += peek();
            advance();
        }
        if (!done()) advance();  // closing quote
        return out;
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

namespace {

// Builds the DOM as nlohmann's own SAX DOM parser does, but notices a key repeated within one object, which
// nlohmann silently lets the last one win. Only then is the text scanned again to place each repeat.
class DomBuilder {
public:
    explicit DomBuilder(json& root) : m_root(root) {}
    bool sawDuplicate() const { return m_duplicate; }
    bool tooDeep() const { return m_tooDeep; }

    bool null() { return place(nullptr); }
    bool boolean(bool v) { return place(v); }
    bool number_integer(json::number_integer_t v) { return place(v); }
    bool number_unsigned(json::number_unsigned_t v) { return place(v); }
    bool number_float(json::number_float_t v, const std::string&) { return place(v); }
    bool string(std::string& v) { return place(v); }
    bool binary(json::binary_t& v) { return place(json::binary(v)); }
    bool start_object(std::size_t) { return open(json::value_t::object); }
    bool key(std::string& k) {
        auto& members = m_stack.back()->get_ref<json::object_t&>();
        auto [it, fresh] = members.try_emplace(k);
        if (!fresh) m_duplicate = true;
        m_member = &it->second;
        return true;
    }
    bool end_object() {
        m_stack.pop_back();
        return true;
    }
    bool start_array(std::size_t) { return open(json::value_t::array); }
    bool end_array() {
        m_stack.pop_back();
        return true;
    }
    // Rethrown with its own type, so the caller can tell a syntax error from a number out of range.
    template <class Exception>
    bool parse_error(std::size_t, const std::string&, const Exception& e) {
        throw e;
    }

private:
    // Stops the parse (nothing deeper is built) once nesting passes the limit; the caller then finds the place.
    bool open(json::value_t kind) {
        if (m_stack.size() >= size_t(kMaxJsonDepth)) {
            m_tooDeep = true;
            return false;
        }
        m_stack.push_back(slot(kind));
        return true;
    }
    template <class V>
    json* slot(V&& v) {
        if (m_stack.empty()) {
            m_root = json(std::forward<V>(v));
            return &m_root;
        }
        json* parent = m_stack.back();
        if (parent->is_array()) {
            auto& items = parent->get_ref<json::array_t&>();
            items.emplace_back(std::forward<V>(v));
            return &items.back();
        }
        *m_member = json(std::forward<V>(v));
        return m_member;
    }
    template <class V>
    bool place(V&& v) {
        slot(std::forward<V>(v));
        return true;
    }

    json& m_root;
    std::vector<json*> m_stack;
    json* m_member = nullptr;
    bool m_duplicate = false;
    bool m_tooDeep = false;
};

// Finds the first bracket that nests deeper than the limit, outside strings; npos when none does.
size_t tooDeepAt(std::string_view text) {
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
            continue;
        }
        if (c == '"') inString = true;
        else if (c == '{' || c == '[') {
            if (++depth > kMaxJsonDepth) return i;
        } else if (c == '}' || c == ']') --depth;
    }
    return std::string_view::npos;
}

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1, column 2: "; keep the
// part after it, which says what was expected.
std::string parseErrorDetail(const std::string& rawWhat) {
    // "last read: '…'" echoes the raw bytes, which may be the very invalid UTF-8 being reported; drop it.
    std::string what = rawWhat.substr(0, rawWhat.find("; last read:"));
    auto at = what.find("column ");
    if (at != std::string::npos) {
        auto colon = what.find(": ", at);
        if (colon != std::string::npos) return what.substr(colon + 2);
    }
    auto bracket = what.find("] ");
    return bracket != std::string::npos ? what.substr(bracket + 2) : what;
}

}  // namespace

bool parseJsonDocument(std::string_view text, const std::string& fileName, JsonDocument& out,
                       std::vector<Problem>& problems) {
    auto report = [&](TextPos pos, std::string pointer, std::string message) {
        Problem p;
        p.file = fileName;
        p.line = pos.line;
        p.column = pos.column;
        p.pointer = std::move(pointer);
        p.message = std::move(message);
        problems.push_back(std::move(p));
    };
    out.positions = JsonPositions(text);
    bool duplicate = false;
    switch (fastParseJson(text, out.root, kMaxJsonDepth)) {
        case FastParse::Done: return true;
        case FastParse::Duplicate: duplicate = true; break;
        case FastParse::Fallback: break;
    }
    // Text the fast path refused (or a repeated key, which needs the places below) goes through nlohmann, whose
    // messages name what is wrong.
    if (!duplicate) {
        try {
            DomBuilder builder(out.root);
            json::sax_parse(text.begin(), text.end(), &builder);
            if (builder.tooDeep()) {
                out.root = nullptr;
                size_t deep = tooDeepAt(text);
                report(positionOfOffset(text, deep == std::string_view::npos ? 0 : deep), "",
                       "the JSON nests deeper than " + std::to_string(kMaxJsonDepth) +
                           " levels here; a question set never needs this, so look for unbalanced brackets");
                return false;
            }
            duplicate = builder.sawDuplicate();
        } catch (const json::parse_error& e) {
            out.root = nullptr;  // the builder may have got part-way; callers treat null as "no document"
            size_t offset = e.byte > 0 ? e.byte - 1 : 0;
            std::string detail = parseErrorDetail(e.what());
            // nlohmann stops after an unexpected string token; its opening quote is where the author should look.
            if (detail.find("string literal") != std::string::npos && offset < text.size() && text[offset] == '"') {
                size_t open = offset;
                while (open > 0) {
                    --open;
                    if (text[open] == '"' && (open == 0 || text[open - 1] != '\\')) break;
                }
                offset = open;
            }
            std::string message = "this is not valid JSON: " + detail;
            if (detail.find("UTF-8") != std::string::npos || detail.find("utf-8") != std::string::npos ||
                detail.find("invalid string") != std::string::npos)
                message += "; save the file as UTF-8 and check the text at this place";
            else
                message += "; fix the syntax at this place (a missing comma, quote or bracket is the usual cause)";
            report(positionOfOffset(text, offset), "", message);
            return false;
        } catch (const json::exception& e) {
            out.root = nullptr;
            // Out-of-range numbers: nlohmann gives no position but quotes the token ('1e999'); find it in the text.
            std::string what = e.what();
            TextPos pos{1, 1};
            auto q1 = what.find('\''), q2 = what.rfind('\'');
            if (q1 != std::string::npos && q2 > q1 + 1) {
                auto at = text.find(what.substr(q1 + 1, q2 - q1 - 1));
                if (at != std::string_view::npos) pos = positionOfOffset(text, at);
            }
            report(pos, "", std::string("the JSON could not be read: ") + parseErrorDetail(e.what()) +
                                   "; use ordinary numbers (no huge exponents)");
            return false;
        }
    }
    if (!duplicate) return true;
    std::vector<std::pair<std::string, TextPos>> duplicates;
    Scanner(text, nullptr, nullptr, &duplicates).run();
    for (const auto& [pointer, pos] : duplicates) {
        std::string key = pointer.substr(pointer.rfind('/') + 1);
        report(pos, pointer, "the key \"" + key + "\" appears twice in this object; keep one (only the last would count)");
    }
    return duplicates.empty();
}

}  // namespace rekindle::storage
