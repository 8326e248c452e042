// Recursive descent over the bytes, building nlohmann values in place. nlohmann's lexer reads one character at a
// time through an input adapter and keeps every token's text for its error messages, which made it half of a
// large set's load time; valid text never needs those messages, so it is read here and only refusals go there.
#include "storage/json_fast_parse.hpp"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <system_error>

namespace rekindle::storage {

namespace {

template <class json>
class FastParser {
public:
    FastParser(std::string_view text, int maxDepth) : m_p(text.data()), m_end(text.data() + text.size()), m_maxDepth(maxDepth) {}

    bool run(json& out) {
        // A byte-order mark is rare and nlohmann handles it; keep this path to plain text.
        if (m_p != m_end && static_cast<unsigned char>(*m_p) == 0xEF) return false;
        skipSpace();
        if (!value(out)) return false;
        skipSpace();
        return m_p == m_end;
    }
    bool sawDuplicate() const { return m_duplicate; }

private:
    const char* m_p;
    const char* m_end;
    int m_maxDepth;
    int m_depth = 0;
    bool m_duplicate = false;

    void skipSpace() {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t')) ++m_p;
    }

    bool literal(const char* word, size_t n) {
        if (size_t(m_end - m_p) < n || std::memcmp(m_p, word, n) != 0) return false;
        m_p += n;
        return true;
    }

    bool value(json& slot) {
        if (m_p == m_end) return false;
        switch (*m_p) {
            case '{': return object(slot);
            case '[': return array(slot);
            case '"': {
                std::string s;
                if (!string(s)) return false;
                slot = std::move(s);
                return true;
            }
            case 't':
                if (!literal("true", 4)) return false;
                slot = true;
                return true;
            case 'f':
                if (!literal("false", 5)) return false;
                slot = false;
                return true;
            case 'n':
                if (!literal("null", 4)) return false;
                slot = nullptr;
                return true;
            default: return number(slot);
        }
    }

    // Objects and arrays alike: items separated by commas up to the closing bracket; readItem reads one.
    template <class ReadItem>
    bool items(char close, ReadItem readItem) {
        if (++m_depth > m_maxDepth) return false;
        ++m_p;  // the opening bracket
        skipSpace();
        bool first = true;
        for (;;) {
            if (m_p == m_end) return false;
            if (*m_p == close && first) break;
            if (!readItem()) return false;
            first = false;
            skipSpace();
            if (m_p == m_end) return false;
            if (*m_p == close) break;
            if (*m_p != ',') return false;
            ++m_p;
            skipSpace();
        }
        ++m_p;
        --m_depth;
        return true;
    }

    bool object(json& slot) {
        slot = json::value_t::object;
        auto& members = slot.template get_ref<typename json::object_t&>();
        return items('}', [&] {
            if (*m_p != '"') return false;
            std::string key;
            if (!string(key)) return false;
            skipSpace();
            if (m_p == m_end || *m_p != ':') return false;
            ++m_p;
            skipSpace();
            auto [it, fresh] = members.emplace(std::move(key), json());
            if (!fresh) m_duplicate = true;  // the later value replaces the earlier, as in nlohmann
            return value(it->second);
        });
    }

    bool array(json& slot) {
        slot = json::value_t::array;
        auto& list = slot.template get_ref<typename json::array_t&>();
        return items(']', [&] {
            list.emplace_back();
            return value(list.back());
        });
    }

    static int hexDigit(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    bool hex4(unsigned& out) {
        if (m_end - m_p < 4) return false;
        out = 0;
        for (int i = 0; i < 4; ++i) {
            int d = hexDigit(m_p[i]);
            if (d < 0) return false;
            out = out * 16 + unsigned(d);
        }
        m_p += 4;
        return true;
    }

    // One UTF-8 sequence starting at m_p, well-formed by RFC 3629 (the ranges nlohmann's lexer checks).
    bool utf8Sequence() {
        auto byte = [&](size_t i) { return static_cast<unsigned char>(m_p[i]); };
        auto in = [](unsigned char c, unsigned char lo, unsigned char hi) { return c >= lo && c <= hi; };
        size_t left = size_t(m_end - m_p);
        unsigned char c = byte(0);
        size_t n = 0;
        if (in(c, 0xC2, 0xDF)) n = 2;
        else if (in(c, 0xE0, 0xEF)) n = 3;
        else if (in(c, 0xF0, 0xF4)) n = 4;
        else return false;
        if (left < n) return false;
        unsigned char c1 = byte(1);
        unsigned char lo = 0x80, hi = 0xBF;
        if (c == 0xE0) lo = 0xA0;
        else if (c == 0xED) hi = 0x9F;
        else if (c == 0xF0) lo = 0x90;
        else if (c == 0xF4) hi = 0x8F;
        if (!in(c1, lo, hi)) return false;
        for (size_t i = 2; i < n; ++i)
            if (!in(byte(i), 0x80, 0xBF)) return false;
        m_p += n;
        return true;
    }

    bool string(std::string& out) {
        ++m_p;  // opening quote
        const char* run = m_p;
        for (;;) {
            if (m_p == m_end) return false;
            unsigned char c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                out.append(run, size_t(m_p - run));
                ++m_p;
                return true;
            }
            if (c < 0x20) return false;  // control characters must be escaped
            if (c < 0x80 && c != '\\') {
                ++m_p;
                continue;
            }
            if (c >= 0x80) {
                if (!utf8Sequence()) return false;
                continue;
            }
            // An escape: keep the run so far, then decode it.
            out.append(run, size_t(m_p - run));
            ++m_p;
            if (m_p == m_end) return false;
            char e = *m_p++;
            char plain = 0;
            if (simpleEscape(e, plain)) {
                out += plain;
                run = m_p;
                continue;
            }
            if (e != 'u') return false;
            unsigned cp = 0;
            if (!hex4(cp)) return false;
            if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate on its own
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                unsigned low = 0;
                if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u') return false;
                m_p += 2;
                if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            appendUtf8(out, cp);
            run = m_p;
        }
    }

    static bool digit(char c) { return c >= '0' && c <= '9'; }

    bool number(json& slot) {
        const char* start = m_p;
        if (m_p != m_end && *m_p == '-') ++m_p;
        if (m_p == m_end || !digit(*m_p)) return false;
        if (*m_p == '0') ++m_p;  // no leading zeros
        else
            while (m_p != m_end && digit(*m_p)) ++m_p;
        bool integer = true;
        if (m_p != m_end && *m_p == '.') {
            integer = false;
            ++m_p;
            if (m_p == m_end || !digit(*m_p)) return false;
            while (m_p != m_end && digit(*m_p)) ++m_p;
        }
        if (m_p != m_end && (*m_p == 'e' || *m_p == 'E')) {
            integer = false;
            ++m_p;
            if (m_p != m_end && (*m_p == '+' || *m_p == '-')) ++m_p;
            if (m_p == m_end || !digit(*m_p)) return false;
            while (m_p != m_end && digit(*m_p)) ++m_p;
        }
        // As nlohmann: whole numbers that fit are signed (negative) or unsigned; the rest are doubles.
        if (integer) {
            if (*start == '-') {
                typename json::number_integer_t v = 0;
                auto r = std::from_chars(start, m_p, v);
                if (r.ec == std::errc() && r.ptr == m_p) {
                    slot = v;
                    return true;
                }
            } else {
                typename json::number_unsigned_t v = 0;
                auto r = std::from_chars(start, m_p, v);
                if (r.ec == std::errc() && r.ptr == m_p) {
                    slot = v;
                    return true;
                }
            }
        }
        double d = 0;
        auto r = std::from_chars(start, m_p, d);
        // Out of range (nlohmann rejects overflow and rounds underflow its own way): let it decide.
        if (r.ec != std::errc() || r.ptr != m_p) return false;
        slot = d;
        return true;
    }
};

template <class Json>
FastParse parseWith(std::string_view text, Json& out, int maxDepth) {
    FastParser<Json> parser(text, maxDepth);
    if (!parser.run(out)) {
        out = nullptr;
        return FastParse::Fallback;
    }
    return parser.sawDuplicate() ? FastParse::Duplicate : FastParse::Done;
}

}  // namespace

FastParse fastParseJson(std::string_view text, nlohmann::json& out, int maxDepth) { return parseWith(text, out, maxDepth); }

FastParse fastParseJson(std::string_view text, nlohmann::ordered_json& out, int maxDepth) {
    return parseWith(text, out, maxDepth);
}

bool simpleEscape(char e, char& out) {
    switch (e) {
        case '"': out = '"'; return true;
        case '\\': out = '\\'; return true;
        case '/': out = '/'; return true;
        case 'b': out = '\b'; return true;
        case 'f': out = '\f'; return true;
        case 'n': out = '\n'; return true;
        case 'r': out = '\r'; return true;
        case 't': out = '\t'; return true;
        default: return false;
    }
}

void appendUtf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

}  // namespace rekindle::storage
