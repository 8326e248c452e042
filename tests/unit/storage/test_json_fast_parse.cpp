// The fast JSON path against nlohmann's parser: whatever it accepts must be the identical value (types included),
// and the files Rekindle ships must take it. Anything it refuses is nlohmann's to report.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "../../common/json_same_value.hpp"
#include "storage/json_fast_parse.hpp"
#include "test_support.hpp"

using nlohmann::json;
using rekindle::storage::FastParse;
using rekindle::storage::fastParseJson;
namespace fs = std::filesystem;

namespace {

using rekindle::test::sameValue;

struct Outcome {
    FastParse fast;
    bool agrees;
};

// Parses text both ways; agrees is false when the fast path accepted something nlohmann refuses or built a
// different value.
template <class Json = json>
Outcome compare(const std::string& text) {
    Json fast;
    FastParse r = fastParseJson(text, fast, 64);
    if (r == FastParse::Fallback) return {r, fast.is_null()};
    try {
        Json reference = Json::parse(text);
        return {r, sameValue(fast, reference)};
    } catch (const typename Json::exception&) {
        return {r, false};
    }
}

}  // namespace

TEST_CASE("the fast JSON path builds exactly nlohmann's value, or leaves the text to nlohmann") {
    const std::vector<std::string> accepted = {
        "0", "-0", "7", "-7", "18446744073709551615", "18446744073709551616", "-9223372036854775808",
        "-9223372036854775809", "0.5", "-0.0", "1e5", "1E+5", "2.5e-3", "123.456e-7", "1.7976931348623157e308",
        "0.1", "3.141592653589793238462643383279", "true", "false", "null", "\"\"", "\"plain\"",
        "\"esc \\\" \\\\ \\/ \\b \\f \\n \\r \\t\"", "\"\\u00e9\\u2603\\uD83D\\uDE00\\u0000\"", "\"caf\xC3\xA9 \xE2\x98\x83 \xF0\x9F\x98\x80\"",
        "[]", "{}", " [ 1 , 2 ,3 ] ", "{\"a\":{\"b\":[{}]}}", "\r\n\t{\"k\" : [true,false,null]}\n",
        "{\"\\u006b\": 1}", "[\"\xED\x9F\xBF\", \"\xEE\x80\x80\", \"\xF4\x8F\xBF\xBF\"]",
    };
    for (const auto& text : accepted) {
        CAPTURE(text);
        Outcome o = compare(text);
        CHECK(o.fast == FastParse::Done);
        CHECK(o.agrees);
    }
    const std::vector<std::string> refused = {
        "", " ", "01", "1.", ".5", "-", "+1", "1e", "1e+", "--1", "0x10", "1e999", "-1e999", "tru", "nul", "True",
        "\"open", "\"bad \\x escape\"", "\"\\u12\"", "\"\\uD800\"", "\"\\uDC00\"", "\"\\uD800\\u0041\"",
        "\"tab\there\"", "\"\xC0\x80\"", "\"\xE0\x80\x80\"", "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"", "\"\xF5\x80\x80\x80\"",
        "\"\x80\"", "\"\xC3\"", "[1,]", "[1 2]", "{\"a\" 1}", "{\"a\":1,}", "{a:1}", "{\"a\":1", "[", "]", "[1]]",
        "[1] x", "\xEF\xBB\xBF[1]", "/* c */ 1",
    };
    for (const auto& text : refused) {
        CAPTURE(text);
        Outcome o = compare(text);
        CHECK(o.fast == FastParse::Fallback);
        CHECK(o.agrees);
    }
}

TEST_CASE("the fast JSON path stops at the depth limit and notices repeated keys") {
    std::string deep64 = std::string(64, '[') + std::string(64, ']');
    std::string deep65 = std::string(65, '[') + std::string(65, ']');
    CHECK(compare(deep64).fast == FastParse::Done);
    CHECK(compare(deep65).fast == FastParse::Fallback);
    json v;
    CHECK(fastParseJson(R"({"a": 1, "b": {"a": 2}})", v, 64) == FastParse::Done);
    CHECK(fastParseJson(R"({"a": 1, "a": [2]})", v, 64) == FastParse::Duplicate);
    CHECK(v == json::parse(R"({"a": [2]})"));  // the last value wins, as in nlohmann
    nlohmann::ordered_json ordered;
    CHECK(fastParseJson(R"({"z": 1, "a": 2, "z": 3})", ordered, 64) == FastParse::Duplicate);
    CHECK(ordered.dump() == nlohmann::ordered_json::parse(R"({"z": 1, "a": 2, "z": 3})").dump());  // {"z":3,"a":2}
}

TEST_CASE("every JSON file in the repository, and damaged copies of some, agree with nlohmann") {
    const fs::path root = REKINDLE_TEST_SOURCE_DIR;
    int files = 0, damaged = 0, fastOnDamaged = 0;
    for (const char* dir : {"questionnaires", "assets", "docs", "tests/fixtures", "tests/fuzz"}) {
        for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
            if (!entry.is_regular_file()) continue;
            // Raw bytes: storage::readFile would open a sealed seed (tests/fuzz/seeds/sealed) instead of returning it.
            std::ifstream in(entry.path(), std::ios::binary);
            std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            std::string rel = fs::relative(entry.path(), root).string();
            CAPTURE(rel);
            Outcome o = compare(text);
            CHECK(o.agrees);
            CHECK(compare<nlohmann::ordered_json>(text).agrees);  // results and drafts keep keys in file order
            ++files;
            bool shipped = rel.rfind("questionnaires/", 0) == 0 || rel.rfind("assets/", 0) == 0 ||
                           rel.rfind("docs/examples/", 0) == 0;
            if (shipped && entry.path().extension() == ".json") CHECK(o.fast == FastParse::Done);
        }
    }
    CHECK(files > 100);
    // One byte deleted, replaced or cut off at every place of a real set, with the bytes that matter to JSON.
    std::string base = rekindle::test::readText(root / "tests/fixtures/sets/valid/worked.json");
    const char replacements[] = {'"', '\\', ',', '}', ']', '0', '-', 'e', '.', ' ', '\x80', '\xC3', '\x01'};
    for (size_t i = 0; i < base.size(); i += 3) {
        std::vector<std::string> variants = {base.substr(0, i), base.substr(0, i) + base.substr(i + 1)};
        for (char r : replacements) variants.push_back(base.substr(0, i) + r + base.substr(i + 1));
        for (const auto& v : variants) {
            Outcome o = compare(v);
            ++damaged;
            fastOnDamaged += o.fast != FastParse::Fallback;
            if (!o.agrees) {
                CAPTURE(i);
                CAPTURE(v);
                CHECK(o.agrees);
            }
        }
    }
    CHECK(damaged > 10000);
    CHECK(fastOnDamaged > 100);  // some damage leaves valid JSON (inside strings, digits): those took the fast path
}
