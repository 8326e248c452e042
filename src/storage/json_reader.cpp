// Position-aware JSON object reading shared by the question-set, library and answers parsers.
#include "storage/json_reader.hpp"

#include <algorithm>
#include <cmath>

namespace rekindle::storage {

using nlohmann::json;

void JsonChecker::add(const std::string& pointer, const std::string& message, bool warning, bool atKey) {
    Problem p;
    p.severity = warning ? Problem::Severity::Warning : Problem::Severity::Error;
    p.file = m_file;
    TextPos pos = atKey ? m_positions.keyOf(pointer) : m_positions.of(pointer);
    p.line = pos.line;
    p.column = pos.column;
    p.pointer = pointer;
    p.message = message;
    p.excerpt = excerptAt(m_positions.text(), pos);
    m_problems.push_back(std::move(p));
}

const char* jsonTypeName(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "true/false";
        case json::value_t::string: return "a string";
        case json::value_t::array: return "a list";
        case json::value_t::object: return "an object";
        case json::value_t::binary: return "binary data";
        case json::value_t::discarded: return "nothing";
        default: return "a number";
    }
}

bool isSlug(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    bool prevDash = true;  // a leading dash is as bad as a double one
    for (char c : s) {
        bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (c == '-') {
            if (prevDash) return false;
            prevDash = true;
        } else if (alnum) {
            prevDash = false;
        } else {
            return false;
        }
    }
    return !prevDash;
}

bool isBlank(const std::string& s) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
    return true;
}

std::string quote(const std::string& s) {
    if (s.size() <= 60) return "\"" + s + "\"";
    size_t cut = 57;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
    return "\"" + s.substr(0, cut) + "…\"";
}

size_t utf8Length(const std::string& s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

size_t textLimit(std::string_view key) {
    // Names shown in one line (titles, labels, buttons) and longer prose; docs/question-sets.md, "Text lengths".
    static const std::string_view shortText[] = {"title", "label", "labels", "minLabel", "maxLabel", "author", "version", "language"};
    for (auto k : shortText)
        if (k == key) return kMaxShortText;
    if (key == "tryThisWeek" || key == "cautions") return kMaxListText;
    return kMaxLongText;
}

namespace {

void checkLength(JsonChecker& checker, const std::string& pointer, std::string_view key, const std::string& s, bool item) {
    size_t limit = textLimit(key), length = utf8Length(s);
    if (length <= limit) return;
    checker.error(pointer, std::string(item ? "this entry of \"" : "\"") + std::string(key) + "\" is " + std::to_string(length) + " characters long; keep it to at most " +
                               std::to_string(limit) + "; shorten it");
}

}  // namespace

ObjectReader::ObjectReader(JsonChecker& checker, const json& value, std::string pointer, std::string what)
    : m_checker(checker), m_value(value), m_pointer(std::move(pointer)), m_what(std::move(what)) {
    m_ok = value.is_object();
    if (!m_ok)
        m_checker.error(m_pointer, m_what + " must be a JSON object ({ … }), not " + jsonTypeName(value));
}

bool ObjectReader::has(std::string_view key) const { return m_ok && m_value.contains(key); }

void ObjectReader::know(std::string_view key) {
    if (known(key)) return;
    if (m_knownCount < std::size(m_knownInline)) m_knownInline[m_knownCount++] = key;
    else m_knownMore.push_back(key);
}

bool ObjectReader::known(std::string_view key) const {
    for (size_t i = 0; i < m_knownCount; ++i)
        if (m_knownInline[i] == key) return true;
    for (auto k : m_knownMore)
        if (k == key) return true;
    return false;
}

void ObjectReader::allow(std::initializer_list<const char*> keys) {
    for (const char* k : keys) know(k);
}

const json* ObjectReader::get(std::string_view key, bool required) {
    know(key);
    if (!m_ok) return nullptr;
    auto it = m_value.find(key);
    if (it == m_value.end()) {
        if (required) m_checker.error(m_pointer, m_what + " is missing the required field \"" + std::string(key) + "\"; add it");
        return nullptr;
    }
    return &*it;
}

std::string ObjectReader::string(std::string_view key, bool required, const std::string& fallback, bool nonEmpty) {
    const json* v = get(key, required);
    if (!v) return fallback;
    if (!v->is_string()) {
        m_checker.error(child(key), "\"" + std::string(key) + "\" must be a string (text in quotes), not " + jsonTypeName(*v));
        return fallback;
    }
    std::string s = v->get<std::string>();
    if ((required || nonEmpty) && isBlank(s)) {
        m_checker.error(child(key), "\"" + std::string(key) + "\" is empty; write the text" +
                                        (required ? std::string() : std::string(" or remove the field")));
    }
    checkLength(m_checker, child(key), key, s, false);
    return s;
}

std::string ObjectReader::slug(std::string_view key, bool required) {
    const json* v = get(key, required);
    if (!v) return {};
    if (!v->is_string()) {
        m_checker.error(child(key), "\"" + std::string(key) + "\" must be a string id such as \"my-id\", not " + jsonTypeName(*v));
        return {};
    }
    std::string s = v->get<std::string>();
    if (!isSlug(s))
        m_checker.error(child(key), quote(s) + " is not a valid id; use lowercase letters, digits and single dashes "
                                               "(like \"feels-distant\"), at most 64 characters");
    return s;
}

std::optional<double> ObjectReader::number(std::string_view key, bool required) {
    const json* v = get(key, required);
    if (!v) return std::nullopt;
    if (!v->is_number()) {
        m_checker.error(child(key), "\"" + std::string(key) + "\" must be a number, not " + jsonTypeName(*v));
        return std::nullopt;
    }
    double d = v->get<double>();
    if (!std::isfinite(d) || std::fabs(d) > 1e9) {
        m_checker.error(child(key), "\"" + std::string(key) + "\" is too large; use a number between -1000000000 and 1000000000");
        return std::nullopt;
    }
    return d;
}

std::optional<int> ObjectReader::integer(std::string_view key, bool required, int lo, int hi) {
    const json* v = get(key, required);
    if (!v) return std::nullopt;
    bool whole = v->is_number_integer() || (v->is_number_float() && std::isfinite(v->get<double>()) &&
                                            std::floor(v->get<double>()) == v->get<double>());
    if (!whole) {
        m_checker.error(child(key), "\"" + std::string(key) + "\" must be a whole number from " + std::to_string(lo) + " to " +
                                        std::to_string(hi) + ", not " + (v->is_number() ? "a fraction" : jsonTypeName(*v)));
        return std::nullopt;
    }
    double d = v->get<double>();
    if (d < lo || d > hi) {
        m_checker.error(child(key), "\"" + std::string(key) + "\" must be from " + std::to_string(lo) + " to " + std::to_string(hi) +
                                        "; change the value");
        return std::nullopt;
    }
    return int(d);
}

bool ObjectReader::boolean(std::string_view key, bool fallback) {
    const json* v = get(key, false);
    if (!v) return fallback;
    if (!v->is_boolean()) {
        m_checker.error(child(key), "\"" + std::string(key) + "\" must be true or false (without quotes), not " + jsonTypeName(*v));
        return fallback;
    }
    return v->get<bool>();
}

const json* ObjectReader::array(std::string_view key, bool required, size_t minItems) {
    const json* v = get(key, required);
    if (!v) return nullptr;
    if (!v->is_array()) {
        m_checker.error(child(key), "\"" + std::string(key) + "\" must be a list ([ … ]), not " + jsonTypeName(*v));
        return nullptr;
    }
    if (v->size() < minItems)
        m_checker.error(child(key), "\"" + std::string(key) + "\" needs at least " + std::to_string(minItems) +
                                        (minItems == 1 ? " entry" : " entries") + "; add more");
    return v;
}

std::vector<std::string> ObjectReader::stringArray(std::string_view key, bool required, size_t minItems,
                                                   size_t maxItems) {
    std::vector<std::string> out;
    const json* v = array(key, required, minItems);
    if (!v) return out;
    if (v->size() > maxItems)
        m_checker.error(child(key), "\"" + std::string(key) + "\" has " + std::to_string(v->size()) + " entries; keep at most " +
                                        std::to_string(maxItems));
    for (size_t i = 0; i < v->size(); ++i) {
        const json& item = (*v)[i];
        std::string p = child(key) + "/" + std::to_string(i);
        if (!item.is_string()) {
            m_checker.error(p, "each entry of \"" + std::string(key) + "\" must be a string, not " + jsonTypeName(item));
            continue;
        }
        std::string s = item.get<std::string>();
        if (isBlank(s)) m_checker.error(p, "this entry of \"" + std::string(key) + "\" is empty; write the text or remove it");
        else checkLength(m_checker, p, key, s, true);
        out.push_back(std::move(s));
    }
    return out;
}

void ObjectReader::finish() {
    if (!m_ok) return;
    for (auto it = m_value.begin(); it != m_value.end(); ++it) {
        if (it.key() == "x" || known(it.key())) continue;
        std::vector<std::string_view> names(m_knownInline, m_knownInline + m_knownCount);
        names.insert(names.end(), m_knownMore.begin(), m_knownMore.end());
        std::sort(names.begin(), names.end());
        std::string list;
        for (auto k : names) {
            if (!list.empty()) list += ", ";
            list += k;
        }
        m_checker.errorAtKey(child(it.key()), "\"" + it.key() + "\" is not a field of " + m_what +
                                                  "; check the spelling or remove it (known fields: " + list + ")");
    }
}

}  // namespace rekindle::storage
