// The one JSON parse every reader uses: depth limit without recursion, syntax errors placed where the author types,
// a byte-order mark refused in hand-written files, and an excerpt with a caret under the place.
#include <doctest/doctest.h>

#include <string>

#include "storage/draft_store.hpp"
#include "storage/json_parse.hpp"
#include "storage/library.hpp"
#include "storage/question_set_json.hpp"
#include "storage/result_json.hpp"
#include "storage/settings.hpp"

using namespace rekindle;

namespace {

std::string deepArray(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// A result, a draft and settings with a 100,000-deep unknown field: once a SIGSEGV in history, export and at start.
std::string withDeepField(const std::string& head) { return head + ", \"extra\": " + deepArray(100000) + "}"; }

storage::JsonParseFailure failureOf(const std::string& text) {
    nlohmann::json v;
    storage::JsonParseFailure f;
    CHECK_FALSE(storage::parseJson(text, v, f, nullptr, storage::Bom::Refuse));
    CHECK(v.is_null());
    return f;
}

}  // namespace

TEST_CASE("a 100,000-deep value is refused by every reader without a crash, and the reason is given") {
    nlohmann::ordered_json ordered;
    storage::JsonParseFailure failure;
    CHECK_FALSE(storage::parseJson(deepArray(100000), ordered, failure));
    CHECK(failure.message.find("nests deeper than 64 levels") != std::string::npos);
    CHECK(failure.pos.line == 1);
    CHECK(failure.pos.column == 65);  // the 65th bracket is the first one too deep

    core::ResultRecord record;
    std::string why;
    CHECK_FALSE(storage::resultFromJson(withDeepField("{\"format\": \"rekindle.result/1\""), record, &why));
    CHECK(why.find("nests deeper than 64 levels") != std::string::npos);

    storage::Draft draft;
    why.clear();
    CHECK_FALSE(storage::draftFromJson(withDeepField("{\"format\": \"rekindle.draft/1\""), draft, &why));
    CHECK(why.find("nests deeper than 64 levels") != std::string::npos);

    auto settings = storage::parseSettings(withDeepField("{\"zoom\": 2"), "settings.json");
    CHECK(settings.problem.find("nests deeper than 64 levels") != std::string::npos);
    CHECK(settings.settings.zoom == 1.0f);  // defaults, not half-read values

    auto set = storage::parseQuestionSet(withDeepField("{\"format\": \"rekindle.question-set/1\""), "deep.json", storage::Library{});
    REQUIRE(set.problems.size() == 1);
    CHECK(set.problems[0].message.find("nests deeper than 64 levels") != std::string::npos);

    // 64 levels are still fine; the limit is on nesting, not on size.
    nlohmann::json ok;
    CHECK(storage::parseJson(deepArray(64), ok, failure));
}

TEST_CASE("a missing comma is placed right after the previous value, a trailing comma at itself") {
    auto missing = failureOf("{\n  \"a\": 1\n  \"b\": 2\n}");
    CHECK(missing.pos.line == 2);
    CHECK(missing.pos.column == 9);
    CHECK(missing.message.find("add a comma after line 2, column 8") != std::string::npos);

    auto afterObject = failureOf("[\n  {\"a\": 1}\n  {\"b\": 2}\n]");
    CHECK(afterObject.message.find("add a comma after line 2, column 10") != std::string::npos);

    auto inArray = failureOf("[\"x\" \"y\"]");
    CHECK(inArray.message.find("add a comma after line 1, column 4") != std::string::npos);

    auto trailing = failureOf("{\n  \"a\": [1, 2,\n  ],\n  \"b\": 1\n}");
    CHECK(trailing.pos.line == 2);
    CHECK(trailing.pos.column == 13);
    CHECK(trailing.message.find("trailing comma before the closing ']'") != std::string::npos);

    auto trailingKey = failureOf("{\"a\": 1,}");
    CHECK(trailingKey.pos.column == 8);
    CHECK(trailingKey.message.find("trailing comma before the closing '}'") != std::string::npos);

    // A file cut short is not a missing comma.
    auto truncated = failureOf("{\n  \"a\": 1\n");
    CHECK(truncated.message.find("add a comma") == std::string::npos);
}

TEST_CASE("a byte-order mark is refused in hand-written files and skipped in Rekindle's own") {
    const std::string bom = "\xEF\xBB\xBF";
    auto refused = failureOf(bom + "{\"a\": 1}");
    CHECK(refused.pos.line == 1);
    CHECK(refused.pos.column == 1);
    CHECK(refused.message.find("remove the byte-order mark at the start of the file") != std::string::npos);

    nlohmann::json v;
    storage::JsonParseFailure f;
    CHECK(storage::parseJson(bom + "{\"a\": 1}", v, f));  // Bom::Skip: results, drafts, settings
    CHECK(v["a"] == 1);
    auto settings = storage::parseSettings(bom + "{\"zoom\": 2}", "settings.json");
    CHECK(settings.problem.empty());
    CHECK(settings.settings.zoom == 2.0f);
}

TEST_CASE("problems carry the line's text with a caret under the place") {
    auto set = storage::parseQuestionSet("{\n  \"format\": \"rekindle.question-set/1\"\n  \"id\": \"x\"\n}", "s.json", storage::Library{});
    REQUIRE(set.problems.size() == 1);
    CHECK(set.problems[0].excerpt == "    \"format\": \"rekindle.question-set/1\"\n                                       ^");
    CHECK(set.problems[0].formatWithExcerpt() == set.problems[0].format() + "\n" + set.problems[0].excerpt);
    // Characters, not bytes, and tabs kept so the caret lines up in a terminal.
    CHECK(storage::excerptAt("\t\"é\": x", {1, 7}) == "  \t\"é\": x\n  \t     ^");
    // A minified file is one huge line: the excerpt is cut around the place.
    std::string line(5000, ' ');
    std::string cut = storage::excerptAt(line + "x", {1, 5001});
    CHECK(cut.size() < 300);
    CHECK(cut.substr(cut.size() - 1) == "^");
}
