// One JSON parse for every reader: nlohmann's SAX parser with a depth-limited DOM builder, and syntax errors moved
// from where nlohmann stopped to where the author must type (after the value missing a comma, on a trailing comma).
#include "storage/json_parse.hpp"

#include <algorithm>

namespace rekindle::storage {

using nlohmann::json;

namespace {

// Builds the DOM as nlohmann's own SAX DOM parser does, but stops (building nothing deeper) once nesting passes
// kMaxJsonDepth, and notices a key repeated within one object, which nlohmann silently lets the last one win.
// nlohmann's SAX parser keeps its own state in a vector, not on the call stack, so a 100,000-deep file costs
// neither parser nor builder any recursion; the value stays at most 64 deep, so freeing it is shallow too.
template <class Json>
class DomBuilder {
public:
    explicit DomBuilder(Json& root) : m_root(root) {}
    bool sawDuplicate() const { return m_duplicate; }
    bool tooDeep() const { return m_tooDeep; }

    bool null() { return place(nullptr); }
    bool boolean(bool v) { return place(v); }
    bool number_integer(typename Json::number_integer_t v) { return place(v); }
    bool number_unsigned(typename Json::number_unsigned_t v) { return place(v); }
    bool number_float(typename Json::number_float_t v, const std::string&) { return place(v); }
    bool string(std::string& v) { return place(std::move(v)); }
    bool binary(typename Json::binary_t& v) { return place(Json::binary(v)); }
    bool start_object(std::size_t) { return open(Json::value_t::object); }
    bool key(std::string& k) {
        auto& members = m_stack.back()->template get_ref<typename Json::object_t&>();
        auto found = members.find(k);
        if (found != members.end()) {
            m_duplicate = true;
            m_member = &found->second;
        } else {
            m_member = &members.emplace(std::move(k), Json()).first->second;
        }
        return true;
    }
    bool end_object() {
        m_stack.pop_back();
        return true;
    }
    bool start_array(std::size_t) { return open(Json::value_t::array); }
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
    bool open(typename Json::value_t kind) {
        if (m_stack.size() >= size_t(kMaxJsonDepth)) {
            m_tooDeep = true;
            return false;
        }
        m_stack.push_back(slot(Json(kind)));
        return true;
    }
    Json* slot(Json&& v) {
        if (m_stack.empty()) {
            m_root = std::move(v);
            return &m_root;
        }
        Json* parent = m_stack.back();
        if (parent->is_array()) {
            auto& items = parent->template get_ref<typename Json::array_t&>();
            items.push_back(std::move(v));
            return &items.back();
        }
        *m_member = std::move(v);
        return m_member;
    }
    template <class V>
    bool place(V&& v) {
        slot(Json(std::forward<V>(v)));
        return true;
    }

    Json& m_root;
    std::vector<Json*> m_stack;
    Json* m_member = nullptr;
    bool m_duplicate = false;
    bool m_tooDeep = false;
};

// The first bracket that nests deeper than the limit, outside strings; npos when none does.
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

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Where the token nlohmann stopped on begins. It reports the byte after the token; a string token is walked back
// to its opening quote, a literal or number to its first character.
size_t tokenStart(std::string_view text, size_t last) {
    if (last >= text.size()) return text.size();
    if (text[last] == '"') {
        size_t open = last;
        while (open > 0) {
            --open;
            if (text[open] == '"' && (open == 0 || text[open - 1] != '\\')) return open;
        }
        return last;
    }
    auto literal = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'E'; };
    size_t start = last;
    while (start > 0 && literal(text[last]) && literal(text[start - 1])) --start;
    return start;
}

// The last non-space byte before offset; npos when there is none.
size_t previousSignificant(std::string_view text, size_t offset) {
    while (offset > 0) {
        --offset;
        if (!isSpace(text[offset])) return offset;
    }
    return std::string_view::npos;
}

std::string placeText(TextPos p) { return "line " + std::to_string(p.line) + ", column " + std::to_string(p.column); }

// Turns nlohmann's parse error into a place and a sentence the author can act on.
JsonParseFailure syntaxFailure(std::string_view text, const json::parse_error& e) {
    JsonParseFailure f;
    size_t last = e.byte > 0 ? e.byte - 1 : 0;
    std::string detail = parseErrorDetail(e.what());
    size_t start = tokenStart(text, last);
    char token = start < text.size() ? text[start] : '\0';
    size_t before = previousSignificant(text, start);
    bool afterValue = detail.find("expected '}'") != std::string::npos || detail.find("expected ']'") != std::string::npos;
    bool closer = token == '}' || token == ']';
    bool atEnd = detail.find("end of input") != std::string::npos;
    if (closer && before != std::string_view::npos && text[before] == ',') {
        f.offset = before;
        f.message = std::string("this is not valid JSON: a trailing comma before the closing '") + token +
                    "'; remove this comma (JSON allows no comma after the last entry of a list or object)";
    } else if (afterValue && !closer && !atEnd && token != ':' && token != ',' && before != std::string_view::npos) {
        // nlohmann stops on the next value; the comma belongs right after the previous one, often a line earlier.
        TextPos end = positionOfOffset(text, before);
        f.offset = before + 1;
        f.message = "this is not valid JSON: a comma is missing between two entries; add a comma after " + placeText(end);
    } else if (detail.find("UTF-8") != std::string::npos || detail.find("utf-8") != std::string::npos ||
               detail.find("invalid string") != std::string::npos) {
        f.offset = last;
        f.message = "this is not valid JSON: " + detail + "; save the file as UTF-8 and check the text at this place";
    } else {
        f.offset = token == '"' ? start : last;
        f.message = "this is not valid JSON: " + detail +
                    "; fix the syntax at this place (a missing comma, quote or bracket is the usual cause)";
    }
    f.pos = positionOfOffset(text, f.offset);
    return f;
}

}  // namespace

template <class Json>
bool parseJson(std::string_view text, Json& out, JsonParseFailure& failure, bool* duplicate, Bom bom) {
    auto fail = [&](size_t offset, std::string message) {
        out = nullptr;  // the builder may have got part-way; callers treat null as "no value"
        failure.offset = offset;
        failure.pos = positionOfOffset(text, offset);
        failure.message = std::move(message);
        return false;
    };
    std::string_view body = text;
    size_t skipped = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        if (bom == Bom::Refuse)
            return fail(0, "the file starts with a byte-order mark (an invisible character some editors add); remove the "
                           "byte-order mark at the start of the file: save it as \"UTF-8\", not \"UTF-8 with BOM\"");
        body = text.substr(3);
        skipped = 3;
    }
    try {
        DomBuilder<Json> builder(out);
        Json::sax_parse(body.begin(), body.end(), &builder);
        if (builder.tooDeep()) {
            size_t deep = tooDeepAt(body);
            return fail(skipped + (deep == std::string_view::npos ? 0 : deep),
                        "the JSON nests deeper than " + std::to_string(kMaxJsonDepth) +
                            " levels here; Rekindle's files never need this, so look for unbalanced brackets");
        }
        if (duplicate) *duplicate = builder.sawDuplicate();
        return true;
    } catch (const json::parse_error& e) {
        JsonParseFailure f = syntaxFailure(body, e);
        return fail(skipped + f.offset, f.message);
    } catch (const json::exception& e) {
        // Out-of-range numbers: nlohmann gives no position but quotes the token ('1e999'); find it in the text.
        std::string what = e.what();
        size_t at = 0;
        auto q1 = what.find('\''), q2 = what.rfind('\'');
        if (q1 != std::string::npos && q2 > q1 + 1) at = std::min(body.find(what.substr(q1 + 1, q2 - q1 - 1)), body.size());
        return fail(skipped + at, "the JSON could not be read: " + parseErrorDetail(what) + "; use ordinary numbers (no huge exponents)");
    }
}

template bool parseJson(std::string_view, json&, JsonParseFailure&, bool*, Bom);
template bool parseJson(std::string_view, nlohmann::ordered_json&, JsonParseFailure&, bool*, Bom);

std::string describe(const JsonParseFailure& failure) { return placeText(failure.pos) + ": " + failure.message; }

std::string excerptAt(std::string_view text, TextPos pos) {
    if (pos.line <= 0) return {};
    size_t begin = 0;
    for (int line = 1; line < pos.line; ++line) {
        begin = text.find('\n', begin);
        if (begin == std::string_view::npos) return {};
        ++begin;
    }
    size_t end = std::min(text.find('\n', begin), text.size());
    std::string_view line = text.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // Cut to about 100 characters around the place: a minified file is one line of megabytes.
    std::vector<size_t> starts;  // byte offset of each character
    for (size_t i = 0; i < line.size(); ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) starts.push_back(i);
    size_t col = size_t(std::max(pos.column, 1)) - 1;
    size_t from = col > 60 ? col - 60 : 0, to = std::min(starts.size(), from + 100);
    std::string shown, caret;
    if (from > 0) shown += "…", caret += " ";
    for (size_t c = from; c < to; ++c) {
        size_t b = starts[c], e = c + 1 < starts.size() ? starts[c + 1] : line.size();
        std::string_view ch = line.substr(b, e - b);
        bool tab = ch == "\t";
        bool control = ch.size() == 1 && static_cast<unsigned char>(ch[0]) < 0x20 && !tab;
        shown += control ? std::string_view(" ") : ch;  // keep the terminal sane; the caret stays aligned
        if (c < col) caret += tab ? '\t' : ' ';
    }
    if (to < starts.size()) shown += "…";
    return "  " + shown + "\n  " + caret + "^";
}

void releaseJson(json& value) {
    if (value.is_array()) {
        auto& items = value.get_ref<json::array_t&>();
        for (auto& item : items) releaseJson(item);
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

bool parseJsonDocument(std::string_view text, const std::string& fileName, JsonDocument& out,
                       std::vector<Problem>& problems) {
    auto report = [&](TextPos pos, std::string pointer, std::string message) {
        Problem p;
        p.file = fileName;
        p.line = pos.line;
        p.column = pos.column;
        p.pointer = std::move(pointer);
        p.message = std::move(message);
        p.excerpt = excerptAt(text, pos);
        problems.push_back(std::move(p));
    };
    out.positions = JsonPositions(text);
    JsonParseFailure failure;
    bool duplicate = false;
    if (!parseJson(text, out.root, failure, &duplicate, Bom::Refuse)) {
        report(failure.pos, "", failure.message);
        return false;
    }
    if (!duplicate) return true;
    auto duplicates = duplicateKeyPlaces(text);
    for (const auto& [pointer, pos] : duplicates) {
        std::string key = pointer.substr(pointer.rfind('/') + 1);
        report(pos, pointer, "the key \"" + key + "\" appears twice in this object; keep one (only the last would count)");
    }
    return duplicates.empty();
}

}  // namespace rekindle::storage
