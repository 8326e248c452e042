// The validator: exact messages and positions for invalid fixtures, warnings kept apart, no crash on any input.
#include <doctest/doctest.h>

#include <filesystem>
#include <functional>

#include "storage/atomic_file.hpp"
#include "storage/question_set_json.hpp"
#include "storage/set_reader.hpp"
#include "fixture_library.hpp"

using namespace rekindle;
using nlohmann::json;

namespace {

using test::fixtureLibrary;
using test::kFixtures;

std::string fixtureText(const std::string& rel) {
    auto text = storage::readFile(kFixtures + "/" + rel);
    REQUIRE(text);
    return *text;
}

// Problems as the CLI prints them, one per line, under the short file name.
std::string problemsOf(const std::string& name) {
    auto loaded = storage::parseQuestionSet(fixtureText("sets/invalid/" + name), name, fixtureLibrary());
    std::string out;
    for (const auto& p : loaded.problems) out += p.format() + "\n";
    return out;
}

}  // namespace

TEST_CASE("the fixture library loads without problems") {
    const auto& lib = fixtureLibrary();
    for (const auto& p : lib.problems) MESSAGE(p.format());
    CHECK(lib.problems.empty());
    CHECK(lib.tips.size() == 3);
    REQUIRE(lib.findTip("give-space"));
    CHECK(lib.findTip("give-space")->fromLibrary);
    CHECK(lib.guidance.find("fear"));
    CHECK(lib.guidance.lastReviewed == "2026-11-01");
}

TEST_CASE("valid fixture sets load with no errors and their hash is stable") {
    for (const char* name : {"worked.json", "ties.json"}) {
        auto a = storage::loadQuestionSet(kFixtures + "/sets/valid/" + name, fixtureLibrary());
        for (const auto& p : a.problems) MESSAGE(p.format());
        CHECK(a.valid());
        CHECK(a.errorCount() == 0);
        auto b = storage::loadQuestionSet(kFixtures + "/sets/valid/" + name, fixtureLibrary());
        CHECK(a.set->contentHash == b.set->contentHash);
    }
    // Whitespace does not change the hash (it is taken over the canonical dump); content does.
    std::string text = fixtureText("sets/valid/ties.json");
    auto base = storage::parseQuestionSet(text, "t.json", fixtureLibrary());
    auto spaced = storage::parseQuestionSet("\n\n" + text + "\n  ", "t.json", fixtureLibrary());
    std::string changed = text;
    changed.replace(changed.find("Things feel warm."), 17, "Things feel cold.");
    auto edited = storage::parseQuestionSet(changed, "t.json", fixtureLibrary());
    REQUIRE(base.valid());
    REQUIRE(edited.valid());
    CHECK(base.set->contentHash == spaced.set->contentHash);
    CHECK(base.set->contentHash != edited.set->contentHash);
}

TEST_CASE("the content hash is FNV-1a of the canonical dump, and hashes stored by earlier builds stay valid") {
    json value = json::parse(R"({"b": [1, -2, 3.25, 1e300, true, null], "a": "caf\u00e9 \"q\" \n\t\u0001\u007f\\ \/ \b\f\r\u001f",
                                "c": {"z": {}, "y": [], "\u2603": 18446744073709551615, "e\"k": [-0.0, 0.1, 1e-7]}})");
    CHECK(storage::canonicalHash(value) == storage::fnv1aHex(value.dump()));
    CHECK(storage::canonicalHash(json::parse("[1]")) != storage::canonicalHash(json::parse("[2]")));
    // Drafts and results written before the JSON path was simplified carry this hash for worked.json (made by the
    // earlier streaming hasher). A different value here would make every old draft say "the set changed".
    auto loaded = storage::loadQuestionSet(kFixtures + "/sets/valid/worked.json", fixtureLibrary());
    REQUIRE(loaded.valid());
    CHECK(loaded.set->contentHash == "37318a947ba40a01");
}

TEST_CASE("duplicate keys are found at any depth, each at its own place, and only real repeats count") {
    auto problems = [](const std::string& text) {
        std::string out;
        auto loaded = storage::parseQuestionSet(text, "d.json", fixtureLibrary());
        for (const auto& p : loaded.problems)
            if (p.message.find("appears twice") != std::string::npos) out += p.format() + "\n";
        return out;
    };
    CHECK(problems(R"({"sections": [{"questions": [{"id": "a", "x": 1, "x": 2}]}]})") ==
          "d.json:1:50: error: /sections/0/questions/0/x: the key \"x\" appears twice in this object; keep one (only the last would count)\n");
    // The same key in sibling objects, or escaped differently but equal once decoded.
    CHECK(problems(R"({"a": {"k": 1}, "b": {"k": 2}})").empty());
    CHECK(problems("{\"k\": 1,\n \"\\u006b\": 2}") ==
          "d.json:2:2: error: /k: the key \"k\" appears twice in this object; keep one (only the last would count)\n");
}

TEST_CASE("many-problems.json: every problem is reported, with its place and what to change") {
    CHECK(problemsOf("many-problems.json") ==
          "many-problems.json:3:9: error: /id: \"Many Problems\" is not a valid id; use lowercase letters, digits and single dashes (like \"feels-distant\"), at most 64 characters\n"
          "many-problems.json:4:14: error: /version: \"1.0\" is not a semantic version; write three numbers like \"1.0.0\"\n"
          "many-problems.json:5:12: error: /title: \"title\" is empty; write the text\n"
          "many-problems.json:7:3: error: /colour: \"colour\" is not a field of a question set; check the spelling or remove it (known fields: $schema, author, description, dimensions, estimatedMinutes, format, id, language, result, safetyRules, sections, tips, title, version)\n"
          "many-problems.json:15:21: error: /sections/0/questions/0/labels: this likert question has 5 points but 4 labels; give exactly one label per point (\"points\" defaults to 5)\n"
          "many-problems.json:16:26: error: /sections/0/questions/0/dimensions/closenes: there is no dimension \"closenes\" in this set; add it to \"dimensions\" or use one of: closeness\n"
          "many-problems.json:16:68: error: /sections/0/questions/0/tips/ghost-tip: there is no tip \"ghost-tip\" in this set or the tip library; fix the id or define the tip in \"tips\"\n"
          "many-problems.json:20:34: error: /sections/0/questions/1/showIf/question: condition refers to \"a3\", which comes later in the set; conditions may only look at earlier questions\n"
          "many-problems.json:23:20: error: /sections/0/questions/1/options/1/id: option id \"x\" is used twice in this question; give each option its own id\n"
          "many-problems.json:28:59: error: /sections/0/questions/2/showIf/any/0/equals: \"z\" is not an option of \"a2\"; use one of: x\n"
          "many-problems.json:28:78: error: /sections/0/questions/2/showIf/any/1/question: condition refers to \"nope\", which is not a question in this set; use the id of an earlier question\n"
          "many-problems.json:28:132: error: /sections/0/questions/2/showIf/any/2/atLeast: \"a1\" is a 5-point likert question; compare with a whole number from 1 to 5\n"
          "many-problems.json:30:16: error: /sections/0/questions/3/id: question id \"a1\" is already used at /sections/0/questions/0; question ids must be unique across the whole set\n"
          "many-problems.json:31:90: error: /sections/0/questions/4/step: the range 0–10 is not a whole number of steps of 3; change \"step\" or the range\n"
          "many-problems.json:31:105: error: /sections/0/questions/4/required: \"required\" must be true or false (without quotes), not a string\n"
          "many-problems.json:32:30: error: /sections/0/questions/5/type: unknown question type \"dropdown\"; use likert, single, multiple, yesno, slider or text\n"
          "many-problems.json:37:5: error: /dimensions/0: no answer can raise dimension \"closeness\", so it would always score 0; give it a positive weight on a question or option\n"
          "many-problems.json:41:17: error: /dimensions/0/bands/1/min: the bands leave a gap between 40 and 50; either end the band before it (/dimensions/0/bands/0) at 50, or start this band at 40\n"
          "many-problems.json:42:17: error: /dimensions/0/bands/2/min: this band overlaps the one at /dimensions/0/bands/1 (70–80); start it at 80\n"
          "many-problems.json:42:58: error: /dimensions/0/bands/2/text: \"text\" is empty; write the text\n"
          "many-problems.json:48:5: error: /tips/1: tip \"no-such-library-tip\" is not in the tip library (assets/tips.json); fix the id or define the tip here as an object\n"
          "many-problems.json:49:5: error: /tips/2: no answer can make tip \"give-space\" relevant, so it would never be ranked; give it a positive weight on a question or option, or remove it\n"
          "many-problems.json:52:26: error: /safetyRules/0/when: a condition takes exactly one of equals / in / atLeast / atMost / all / any / not, but this one has equals, in; split it with \"all\" or \"any\"\n"
          "many-problems.json:52:86: error: /safetyRules/0/guidance: there is no safety guidance entry \"panic\"; use one of: fear\n"
          "many-problems.json:52:108: error: /safetyRules/0/suppress/0: tip \"ghost-tip\" is not one of this set's tips, so there is nothing to suppress; fix the id or add the tip to \"tips\"\n"
          "many-problems.json:54:25: error: /result/topTips: \"topTips\" must be from 1 to 10; change the value\n"
          "many-problems.json:54:40: error: /result/tieBreak: the only tie-break is \"declared-order\" (earlier in \"tips\" wins); use it or remove the field\n"
          "many-problems.json:47:5: warning: /tips/0: tip \"lonely-tip\" is reachable through one question only (\"a1\"), so a single answer decides it; consider weighting it from a second question\n");
    auto loaded = storage::parseQuestionSet(fixtureText("sets/invalid/many-problems.json"), "m.json", fixtureLibrary());
    CHECK_FALSE(loaded.valid());
    CHECK(loaded.errorCount() == 27);
    CHECK(loaded.warningCount() == 1);
}

TEST_CASE("broken JSON is reported at its place") {
    CHECK(problemsOf("syntax.json") ==
          "syntax.json:3:17: error: this is not valid JSON: a comma is missing between two entries; add a comma after line 3, column 16\n");
    CHECK(problemsOf("bad-utf8.json") ==
          "bad-utf8.json:3:17: error: this is not valid JSON: syntax error while parsing value - invalid string: ill-formed UTF-8 byte; save the file as UTF-8 and check the text at this place\n");
    CHECK(problemsOf("deep.json") ==
          "deep.json:1:75: error: the JSON nests deeper than 64 levels here; Rekindle's files never need this, so look for unbalanced brackets\n");
    CHECK(problemsOf("not-an-object.json") == "not-an-object.json:1:1: error: a question set must be a JSON object ({ … }), not a list\n");
    CHECK(problemsOf("duplicate-key.json") ==
          "duplicate-key.json:4:3: error: /id: the key \"id\" appears twice in this object; keep one (only the last would count)\n");
    auto huge = storage::parseQuestionSet("{\n  \"estimatedMinutes\": 1e999\n}", "huge.json", fixtureLibrary());
    REQUIRE(huge.problems.size() == 1);
    CHECK(huge.problems[0].format() ==
          "huge.json:2:23: error: the JSON could not be read: number overflow parsing '1e999'; use ordinary numbers (no huge exponents)");
}

TEST_CASE("an unreadable file is a problem, not a crash") {
    auto missing = storage::loadQuestionSet(kFixtures + "/sets/does-not-exist.json", fixtureLibrary());
    CHECK_FALSE(missing.valid());
    REQUIRE(missing.problems.size() == 1);
    CHECK(missing.problems[0].line == 0);
    auto lib = storage::loadLibrary(kFixtures + "/no-such-folder");
    CHECK(lib.problems.size() == 2);  // tips.json and safety-guidance.json
    CHECK(lib.tips.empty());
}

TEST_CASE("warnings are kept apart and do not make a set invalid") {
    std::string text = fixtureText("sets/valid/ties.json");
    // Drop tip-c's weight on t2: tip-c is then reachable only through t1.
    text.replace(text.find("{\"tip-c\": 1}"), 12, "{}");
    auto loaded = storage::parseQuestionSet(text, "ties.json", fixtureLibrary());
    CHECK(loaded.valid());
    REQUIRE(loaded.warningCount() == 1);
    CHECK(loaded.errorCount() == 0);
    CHECK(loaded.problems[0].severity == storage::Problem::Severity::Warning);
    CHECK(loaded.problems[0].pointer == "/tips/0");
}

TEST_CASE("a \"use one of\" list names 20 ids at most, then how many more: a huge set makes a short message") {
    CHECK(storage::idList({}) == "none");
    CHECK(storage::idList({"b", "a", "b"}) == "b, a");
    std::vector<std::string> many;
    for (int i = 0; i < 100000; ++i) many.push_back("o" + std::to_string(i));
    std::string listed = storage::idList(many);
    CHECK(listed.starts_with("o0, o1, "));
    CHECK(listed.find("o19, ") == std::string::npos);
    CHECK(listed.ends_with("o19 and 99980 more"));
    CHECK(listed.size() < 200);
}

TEST_CASE("tip library problems are reported with positions") {
    storage::Library lib;
    storage::parseTipLibrary(R"({"format": "rekindle.tip-library/1", "tips": [
  {"id": "a", "title": "A", "summary": "S.", "why": "W.", "tryThisWeek": []},
  {"id": "a", "title": "A", "summary": "S.", "why": "W.", "tryThisWeek": ["x"], "colour": 1}
]})", "tips.json", lib);
    std::string out;
    for (const auto& p : lib.problems) out += p.format() + "\n";
    CHECK(out ==
          "tips.json:2:74: error: /tips/0/tryThisWeek: \"tryThisWeek\" needs at least 1 entry; add more\n"
          "tips.json:3:81: error: /tips/1/colour: \"colour\" is not a field of a tip; check the spelling or remove it (known fields: cautionFirst, cautions, id, summary, title, tryThisWeek, why)\n"
          "tips.json:3:10: error: /tips/1/id: tip id \"a\" is used twice in the library; give each tip its own id\n");
    CHECK(lib.tips.size() == 1);
}

TEST_CASE("no input crashes the loader: every value replaced by every wrong type, and every truncation") {
    const std::string text = fixtureText("sets/valid/worked.json");
    const json original = json::parse(text);
    std::vector<json::json_pointer> pointers;
    std::function<void(const json&, const json::json_pointer&)> walk = [&](const json& v, const json::json_pointer& p) {
        pointers.push_back(p);
        if (v.is_object())
            for (auto it = v.begin(); it != v.end(); ++it) walk(it.value(), p / it.key());
        else if (v.is_array())
            for (size_t i = 0; i < v.size(); ++i) walk(v[i], p / i);
    };
    walk(original, json::json_pointer());
    const std::vector<json> replacements = {nullptr, true, -1, 1e300, "", "zz", json::array(), json::object(),
                                            json::array({1, "a", nullptr})};
    int invalid = 0, runs = 0;
    for (const auto& p : pointers) {
        if (p.empty()) continue;
        for (const auto& r : replacements) {
            json mutated = original;
            mutated[p] = r;
            auto loaded = storage::parseQuestionSet(mutated.dump(1), "m.json", fixtureLibrary());
            ++runs;
            if (!loaded.valid()) {
                ++invalid;
                for (const auto& pr : loaded.problems) CHECK(pr.line > 0);  // every problem has a place
            }
        }
    }
    MESSAGE(runs << " mutations, " << invalid << " reported invalid");
    CHECK(invalid > runs / 2);
    for (size_t n = 0; n < text.size(); n += 7) {
        auto loaded = storage::parseQuestionSet(text.substr(0, n), "cut.json", fixtureLibrary());
        CHECK_FALSE(loaded.valid());
        CHECK(loaded.errorCount() >= 1);
    }
}
