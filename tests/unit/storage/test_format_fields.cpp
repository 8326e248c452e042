// Question-set fields for plain words and safety: a dimension's `higherIs`, a band's `safetyText` and the result's
// `minRelevance`, read and checked by the validator, carried into the result file, and used by scoring.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/compare.hpp"
#include "core/result.hpp"
#include "core/scoring.hpp"
#include "storage/answers_json.hpp"
#include "storage/atomic_file.hpp"
#include "storage/question_set_json.hpp"
#include "fixture_library.hpp"
#include "storage/result_json.hpp"

using namespace rekindle;
using nlohmann::json;

namespace {

using test::fixtureLibrary;
using test::kFixtures;

json workedJson() {
    auto text = storage::readFile(kFixtures + "/sets/valid/worked.json");
    REQUIRE(text);
    return json::parse(*text);
}

storage::LoadedSet parse(const json& j) { return storage::parseQuestionSet(j.dump(2), "f.json", fixtureLibrary()); }

std::string problems(const storage::LoadedSet& s) {
    std::string out;
    for (const auto& p : s.problems) out += p.format() + "\n";
    return out;
}

core::Answers answers(const core::QuestionSet& set, const std::string& name) {
    auto a = storage::loadAnswers(kFixtures + "/answers/" + name, set);
    REQUIRE(a.valid());
    return a.answers;
}

}  // namespace

TEST_CASE("higherIs, safetyText and minRelevance are read, and a wrong value is placed and explained") {
    json j = workedJson();
    j["dimensions"][0]["higherIs"] = "better";
    j["dimensions"][1]["higherIs"] = "worse";
    j["dimensions"][0]["bands"][0]["safetyText"] = "While the guidance above applies, follow it first.";
    j["result"]["minRelevance"] = 40;
    auto loaded = parse(j);
    INFO(problems(loaded));
    REQUIRE(loaded.valid());
    CHECK(loaded.set->dimensions[0].higherIs == core::HigherIs::Better);
    CHECK(loaded.set->dimensions[1].higherIs == core::HigherIs::Worse);
    CHECK(loaded.set->dimensions[0].bands[0].safetyInterpretation == "While the guidance above applies, follow it first.");
    CHECK_FALSE(loaded.set->dimensions[0].bands[1].safetyInterpretation.has_value());
    CHECK(loaded.set->result.minRelevance == 40);

    j["dimensions"][0]["higherIs"] = "up";
    j["dimensions"][0]["bands"][0]["safetyText"] = "  ";
    j["result"]["minRelevance"] = 140;
    std::string out = problems(parse(j));
    CHECK(out.find("/dimensions/0/higherIs: \"higherIs\" says whether a higher score is good news") != std::string::npos);
    CHECK(out.find("/dimensions/0/bands/0/safetyText") != std::string::npos);
    CHECK(out.find("/result/minRelevance: \"minRelevance\" is a percent from 0 to 100") != std::string::npos);
}

TEST_CASE("a band's safety text replaces its text only while a safety rule holds") {
    json j = workedJson();
    for (auto& b : j["dimensions"][0]["bands"]) b["safetyText"] = "Safety variant of " + b["label"].get<std::string>();
    auto loaded = parse(j);
    REQUIRE(loaded.valid());
    const core::QuestionSet& set = *loaded.set;
    auto withRule = core::score(set, answers(set, "worked-a.json"));  // q4 = yes, q6 = 9: the "afraid" rule holds
    REQUIRE_FALSE(withRule.safety.empty());
    CHECK(withRule.dimensions[0].interpretation.rfind("Safety variant of ", 0) == 0);
    CHECK(withRule.dimensions[1].interpretation.find("Safety variant") == std::string::npos);  // none given there
    auto without = core::score(set, answers(set, "worked-b.json"));
    REQUIRE(without.safety.empty());
    CHECK(without.dimensions[0].interpretation.find("Safety variant") == std::string::npos);
}

TEST_CASE("a rule that only adds a notice keeps each area's own wording: it sets no advice aside") {
    json j = workedJson();
    for (auto& b : j["dimensions"][0]["bands"]) b["safetyText"] = "Safety variant of " + b["label"].get<std::string>();
    j["safetyRules"][0].erase("suppress");  // the "afraid" rule now only adds its notice and guidance
    auto loaded = parse(j);
    INFO(problems(loaded));
    REQUIRE(loaded.valid());
    auto r = core::score(*loaded.set, answers(*loaded.set, "worked-a.json"));
    REQUIRE(r.safety.size() == 1);  // the rule still holds and its notice is shown
    CHECK_FALSE(core::setsAdviceAside(r.safety));
    CHECK(r.dimensions[0].interpretation.find("Safety variant") == std::string::npos);
}

TEST_CASE("minRelevance: a tip below it is ranked but never featured, also when read back from the file") {
    json j = workedJson();
    auto plain = parse(j);
    REQUIRE(plain.valid());
    auto a = answers(*plain.set, "worked-a.json");  // featured: 100 % and 86 %
    auto base = core::score(*plain.set, a);
    auto featured = base.topTips(2);
    REQUIRE(featured.size() == 2);
    REQUIRE(featured.back()->percent < featured.front()->percent);
    double lowest = featured.back()->percent;
    j["result"]["minRelevance"] = lowest + 0.5;
    auto strict = parse(j);
    INFO(problems(strict));
    REQUIRE(strict.valid());
    auto r = core::score(*strict.set, a);
    CHECK(r.topTips(2).size() == featured.size() - 1);
    for (const auto* t : r.topTips(2)) CHECK(t->percent >= lowest + 0.5);
    // The same in the saved result, which keeps the threshold so History and exports feature the same tips.
    auto rec = core::makeResult(*strict.set, a, {}, r, "2026-11-25T22:15:00Z", "20261125T221500Z-worked-0001");
    core::ResultRecord back;
    std::string error;
    REQUIRE_MESSAGE(storage::resultFromJson(storage::resultToJson(rec), back, &error), error);
    CHECK(back.minRelevance == doctest::Approx(lowest + 0.5));
    CHECK(back.topTipRecords().size() == featured.size() - 1);
    CHECK(back == rec);
}

TEST_CASE("a result keeps which way is good and the reflection prompts, and older files read as before") {
    json j = workedJson();
    j["dimensions"][0]["higherIs"] = "better";
    j["sections"][0]["reflection"] = "What stood out for you?";
    auto loaded = parse(j);
    REQUIRE(loaded.valid());
    auto a = answers(*loaded.set, "worked-b.json");
    auto rec = core::makeResult(*loaded.set, a, {{j["sections"][0]["id"].get<std::string>(), "The quiet evenings."}},
                                core::score(*loaded.set, a), "2026-11-25T22:15:00Z", "20261125T221500Z-worked-0002");
    REQUIRE(rec.notePrompts.size() == 1);
    CHECK(rec.notePrompts[0].prompt == "What stood out for you?");
    std::string text = storage::resultToJson(rec);
    CHECK(text.find("\"higherIs\": \"better\"") != std::string::npos);
    CHECK(text.find("\"higherIs\": \"neutral\"") == std::string::npos);  // only written when the set says which way
    core::ResultRecord back;
    std::string error;
    REQUIRE_MESSAGE(storage::resultFromJson(text, back, &error), error);
    CHECK(back.dimensions[0].higherIs == core::HigherIs::Better);
    CHECK(back.dimensions[1].higherIs == core::HigherIs::Neutral);
    CHECK(back == rec);
    // Compare then says "better" for a rise in closeness.
    core::ResultRecord later = back;
    later.dimensions[0].percent += 20;
    auto c = core::compareResults(back, later);
    CHECK(std::string(c.dimensions[0].direction()) == "better");
}
