// Worked scoring examples computed by hand (tests/fixtures/sets/valid/worked.json and ties.json).
#include <doctest/doctest.h>

#include <algorithm>

#include "core/scoring.hpp"
#include "storage/answers_json.hpp"
#include "storage/atomic_file.hpp"
#include "storage/question_set_json.hpp"
#include "fixture_library.hpp"

using namespace rekindle;

namespace {

using test::fixtureLibrary;
using test::kFixtures;

core::QuestionSet loadSet(const std::string& name) {
    auto loaded = storage::loadQuestionSet(kFixtures + "/sets/valid/" + name, fixtureLibrary());
    for (const auto& p : loaded.problems) MESSAGE(p.format());
    REQUIRE(loaded.valid());
    return *loaded.set;
}

core::Answers loadAnswers(const core::QuestionSet& set, const std::string& name) {
    auto a = storage::loadAnswers(kFixtures + "/answers/" + name, set);
    for (const auto& p : a.problems) MESSAGE(p.format());
    REQUIRE(a.valid());
    return a.answers;
}

const core::TipScore& tip(const core::ScoreResult& r, const std::string& id) {
    auto it = std::find_if(r.tips.begin(), r.tips.end(), [&](const auto& t) { return t.id == id; });
    REQUIRE(it != r.tips.end());
    return *it;
}

const core::DimensionScore& dim(const core::ScoreResult& r, const std::string& id) {
    auto it = std::find_if(r.dimensions.begin(), r.dimensions.end(), [&](const auto& d) { return d.id == id; });
    REQUIRE(it != r.dimensions.end());
    return *it;
}

const core::Contribution& contribution(const core::ScoreItem& s, const std::string& qid) {
    auto it = std::find_if(s.contributions.begin(), s.contributions.end(), [&](const auto& c) { return c.questionId == qid; });
    REQUIRE(it != s.contributions.end());
    return *it;
}

std::vector<std::string> rankedIds(const core::ScoreResult& r) {
    std::vector<std::string> out;
    for (const auto& t : r.tips) out.push_back(t.id);
    return out;
}

}  // namespace

TEST_CASE("worked example A: reverse items, negative weights, multiple with maxPicks, slider, suppression") {
    auto set = loadSet("worked.json");
    auto answers = loadAnswers(set, "worked-a.json");  // q1=4 q2=2 q3=a q4=yes q5=[x,z] q6=9 q7=text
    auto r = core::score(set, answers);
    CHECK(r.visibleQuestions == 7);  // q4=yes shows "details"; q1=4 >= 3 shows q6
    CHECK(r.answeredQuestions == 7);

    // closeness: q1 likert 4 of 5 → p = 3/4, 4 × 0.75 = 3 of 4.
    //            q2 reverse, 2 of 5 → p = 1 − 1/4 = 0.75, 2 × 0.75 = 1.5 of 2.  4.5 / 6 = 75 % → "High" (70–100).
    const auto& closeness = dim(r, "closeness");
    CHECK(closeness.raw == doctest::Approx(4.5));
    CHECK(closeness.max == doctest::Approx(6));
    CHECK(closeness.percent == doctest::Approx(75));
    CHECK(closeness.bandLabel == "High");
    CHECK(closeness.band == 2);
    CHECK(contribution(closeness, "q2").reversed);
    CHECK(contribution(closeness, "q2").points == doctest::Approx(1.5));
    CHECK(contribution(closeness, "q1").answer == "Often (4 of 5)");

    // strain: q3 "a" has no strain weight → 0 of 2 (c's 2 is the best scored option);
    //         q4 yes → 3 of 3; q6 slider 9 on 0–10 → 5 × 0.9 = 4.5 of 5.  7.5 / 10 = 75 % → "Higher".
    const auto& strain = dim(r, "strain");
    CHECK(strain.raw == doctest::Approx(7.5));
    CHECK(strain.max == doctest::Approx(10));
    CHECK(strain.bandLabel == "Higher");
    CHECK(contribution(strain, "q3").points == 0);
    CHECK(contribution(strain, "q3").maxPoints == doctest::Approx(2));
    CHECK(contribution(strain, "q6").points == doctest::Approx(4.5));
    CHECK(contribution(strain, "q6").answer == "9 on 0–10");

    // write-it-down: q3 a → 2 of 2; q5 [x,z] → x 1 + z 0 = 1, max = best ≤2 positive weights = 1.  3 / 3 = 100 %.
    CHECK(tip(r, "write-it-down").percent == doctest::Approx(100));
    // keep-own-life: q4 yes → 2 of 2; q5 [x,z] → 1 + 3 = 4, max = 3 + 2 (maxPicks 2) = 5.  6 / 7 = 85.714 %.
    CHECK(tip(r, "keep-own-life").percent == doctest::Approx(600.0 / 7));
    CHECK(contribution(tip(r, "keep-own-life"), "q5").maxPoints == doctest::Approx(5));
    CHECK(contribution(tip(r, "keep-own-life"), "q5").answer == "Money, Time");  // set order, not answer order
    // ask-open-questions: q1 2 × 0.75 = 1.5 of 2; q4 yes → 0 of 1.  1.5 / 3 = 50 %.
    CHECK(tip(r, "ask-open-questions").percent == doctest::Approx(50));
    // give-space: q2 3 × 0.75 = 2.25 of 3; q3 a → −1 of 0 (no positive weight); q6 2 × 0.9 = 1.8 of 2.
    //             3.05 / 5 = 61 %, but rule "afraid" (q4 yes and q6 ≥ 8) holds and suppresses it.
    const auto& space = tip(r, "give-space");
    CHECK(space.raw == doctest::Approx(3.05));
    CHECK(space.percent == doctest::Approx(61));
    CHECK(contribution(space, "q3").points == doctest::Approx(-1));
    CHECK(contribution(space, "q3").maxPoints == 0);
    CHECK(space.suppressed);
    CHECK(space.suppressedBy == "afraid");
    CHECK(space.rank == 0);
    REQUIRE(r.safety.size() == 1);
    CHECK(r.safety[0].ruleId == "afraid");
    CHECK(r.safety[0].guidance == "fear");

    CHECK(rankedIds(r) == std::vector<std::string>{"write-it-down", "keep-own-life", "ask-open-questions", "give-space"});
    CHECK(tip(r, "write-it-down").rank == 1);
    CHECK(tip(r, "ask-open-questions").rank == 3);
    auto top = r.topTips(set.result.topTips);  // topTips 2
    REQUIRE(top.size() == 2);
    CHECK(top[0]->id == "write-it-down");
    CHECK(top[1]->id == "keep-own-life");
}

TEST_CASE("worked example B: hidden questions, unscored options, not enough answers, ties at zero") {
    auto set = loadSet("worked.json");
    // q1 "I don't know", q2=5, q3 "Prefer not to say", q4=no; q5 and q6 have stale answers but "details" is hidden.
    auto answers = loadAnswers(set, "worked-b.json");
    auto r = core::score(set, answers);
    CHECK(r.visibleQuestions == 4);
    CHECK(r.answeredQuestions == 4);

    // closeness: q1 unscored → counts as targeting, not answered; q2 reverse 5 → p = 0 → 0 of 2.
    //            1 of 2 answered ≥ 0.5 → enough; 0 % → "Low".
    const auto& closeness = dim(r, "closeness");
    CHECK(closeness.questionsTargeting == 2);
    CHECK(closeness.questionsAnswered == 1);
    CHECK(closeness.enoughAnswers);
    CHECK(closeness.max == doctest::Approx(2));
    CHECK(closeness.percent == 0);
    CHECK(closeness.bandLabel == "Low");
    // strain: q6 is hidden, so it is neither answered nor missing: q3 (unscored) and q4 no → 0 of 3.
    CHECK(dim(r, "strain").questionsTargeting == 2);
    CHECK(dim(r, "strain").max == doctest::Approx(3));
    // ask-open-questions: q1 unscored; q4 no → 1 of 1 → 100 %.
    CHECK(tip(r, "ask-open-questions").percent == doctest::Approx(100));
    // write-it-down: only q3 targets it (q5 hidden) and q3 was "Prefer not to say" → 0 of 1 answered.
    CHECK_FALSE(tip(r, "write-it-down").enoughAnswers);
    CHECK(tip(r, "write-it-down").rank == 0);
    // give-space 0 % (declared 2nd) and keep-own-life 0 % (declared 4th) tie: declared order decides.
    CHECK(rankedIds(r) == std::vector<std::string>{"ask-open-questions", "give-space", "keep-own-life", "write-it-down"});
    CHECK(r.safety.empty());
    // Zero-relevance tips are ranked but never featured.
    auto top = r.topTips(3);
    REQUIRE(top.size() == 1);
    CHECK(top[0]->id == "ask-open-questions");
}

TEST_CASE("ties: equal relevance reached by different arithmetic is broken by declared order") {
    auto set = loadSet("ties.json");
    auto r = core::score(set, loadAnswers(set, "ties.json"));  // t1 = 3 of 4 (p = 2/3), t2 = p
    // tip-a: 0.3 × 2/3 + 0.1 = 0.3 of 0.4 → 75 % (in doubles 74.99999999999999)
    // tip-b: 3 × 2/3 + 1 = 3 of 4 → 75 %; tip-c: 2 + 0 = 2 of 4 → 50 %.
    // tip-a is declared before tip-b, so it wins the tie although its double is a hair smaller.
    CHECK(tip(r, "tip-a").percent == doctest::Approx(75));
    CHECK(tip(r, "tip-b").percent == doctest::Approx(75));
    CHECK(rankedIds(r) == std::vector<std::string>{"tip-a", "tip-b", "tip-c"});
    CHECK(tip(r, "tip-c").rank == 3);
}

TEST_CASE("percent is clamped at 0 when negative weights outweigh the rest") {
    auto set = loadSet("worked.json");
    core::Answers a;
    a["q1"] = core::Answer::ofChoice("dont-know");
    a["q2"] = core::Answer::ofNumber(5);    // reversed → 0 of 3 for give-space
    a["q3"] = core::Answer::ofChoice("a");  // −1 for give-space
    a["q4"] = core::Answer::ofChoice("no");
    auto r = core::score(set, a);
    CHECK(tip(r, "give-space").raw == doctest::Approx(-1));
    CHECK(tip(r, "give-space").max == doctest::Approx(3));
    CHECK(tip(r, "give-space").percent == 0);
}

TEST_CASE("an unscored option changes no score at all") {
    auto set = loadSet("worked.json");
    core::Answers base;
    base["q2"] = core::Answer::ofNumber(3);
    base["q4"] = core::Answer::ofChoice("no");
    auto withUnscored = base;
    withUnscored["q1"] = core::Answer::ofChoice("dont-know");
    auto r1 = core::score(set, base), r2 = core::score(set, withUnscored);
    for (size_t i = 0; i < r1.dimensions.size(); ++i) {
        CHECK(r1.dimensions[i].raw == r2.dimensions[i].raw);
        CHECK(r1.dimensions[i].max == r2.dimensions[i].max);
    }
    for (size_t i = 0; i < r1.tips.size(); ++i) {
        CHECK(r1.tips[i].raw == r2.tips[i].raw);
        CHECK(r1.tips[i].max == r2.tips[i].max);
    }
    // A multiple-choice answer of only unscored picks is not a scored answer either.
    core::Answers m = base;
    m["q4"] = core::Answer::ofChoice("yes");
    m["q5"] = core::Answer::ofChoices({"n"});
    auto r3 = core::score(set, m);
    CHECK(tip(r3, "write-it-down").questionsTargeting == 2);
    CHECK(tip(r3, "write-it-down").questionsAnswered == 0);
}

TEST_CASE("scoring is deterministic and independent of how the answers were written") {
    auto set = loadSet("worked.json");
    auto a = loadAnswers(set, "worked-a.json");
    auto b = a;
    b["q5"] = core::Answer::ofChoices({"x", "z"});  // file said ["z","x"]; storage normalises to set order
    CHECK(a == b);
    auto r1 = core::score(set, a), r2 = core::score(set, b);
    REQUIRE(r1.tips.size() == r2.tips.size());
    for (size_t i = 0; i < r1.tips.size(); ++i) {
        CHECK(r1.tips[i].id == r2.tips[i].id);
        CHECK(r1.tips[i].percent == r2.tips[i].percent);  // exact, not approximate
        CHECK(r1.tips[i].contributions.size() == r2.tips[i].contributions.size());
    }
    CHECK(storage::answersToJson(set, a) == storage::answersToJson(set, b));
}

TEST_CASE("answers files: every question type round-trips, and mistakes are reported with their place") {
    auto set = loadSet("worked.json");
    auto a = loadAnswers(set, "worked-a.json");
    CHECK(a.at("q1").kind == core::Answer::Kind::Number);
    CHECK(a.at("q3").kind == core::Answer::Kind::Choice);
    CHECK(a.at("q5").kind == core::Answer::Kind::Choices);
    CHECK(a.at("q6").kind == core::Answer::Kind::Number);
    CHECK(a.at("q7").kind == core::Answer::Kind::Text);
    auto again = storage::parseAnswers(storage::answersToJson(set, a), "round-trip.json", set);
    CHECK(again.valid());
    CHECK(again.answers == a);

    const char* bad = R"({
  "format": "rekindle.answers/1",
  "set": "worked",
  "answers": {
    "q1": 6,
    "q2": "often",
    "q3": ["a"],
    "q5": ["x", "y", "z"],
    "q6": 2.5,
    "q9": 1
  },
  "notes": {"nowhere": "x"}
})";
    auto parsed = storage::parseAnswers(bad, "bad.json", set);
    std::vector<std::string> got;
    for (const auto& p : parsed.problems) got.push_back(p.format());
    std::vector<std::string> want = {
        "bad.json:5:11: error: /answers/q1: \"q1\" has 5 points; answer with a whole number from 1 to 5",
        "bad.json:6:11: error: /answers/q2: \"q2\" is a likert question; answer it with a number, not a string",
        "bad.json:7:11: error: /answers/q3: \"q3\" takes one option id as a string (a, b, c, skip), not a list",
        "bad.json:8:11: error: /answers/q5: \"q5\" allows at most 2 picks, but 3 are given; remove some",
        "bad.json:9:11: error: /answers/q6: \"q6\" is a slider; answer with a number from 0 to 10 in steps of 1",
        "bad.json:10:5: error: /answers/q9: there is no question \"q9\" in set \"worked\"; remove it or fix the id",
        "bad.json:12:13: error: /notes/nowhere: there is no section \"nowhere\" in set \"worked\"; use a section id",
    };
    std::string gotText, wantText;
    for (const auto& g : got) gotText += g + "\n";
    for (const auto& w : want) wantText += w + "\n";
    CHECK(gotText == wantText);
}

TEST_CASE("bands are chosen on the percent as shown, so \"34 %\" is never in the band that ends at 34") {
    core::QuestionSet set;
    set.id = "edges";
    core::Question q;
    q.id = "s";
    q.type = core::QuestionType::Slider;
    q.min = 0;
    q.max = 1000;
    q.weights.dimensions["d"] = 1;
    set.sections.push_back(core::Section{"one", "One", "", "", std::nullopt, {q}});
    core::Dimension d;
    d.id = "d";
    d.label = "D";
    d.bands = {{0, 34, "low", ""}, {34, 67, "middle", ""}, {67, 100, "high", ""}};
    set.dimensions.push_back(d);
    auto bandAt = [&](double value) {
        core::Answers a;
        a["s"] = core::Answer::ofNumber(value);
        return dim(core::score(set, a), "d").bandLabel;
    };
    CHECK(bandAt(336) == "middle");  // 33.6 shows as 34
    CHECK(bandAt(335) == "middle");  // 33.5 shows as 34 (half to even, like printf)
    CHECK(bandAt(334) == "low");     // 33.4 shows as 33
    CHECK(bandAt(665) == "middle");  // 66.5 shows as 66
    CHECK(bandAt(666) == "high");    // 66.6 shows as 67
    CHECK(bandAt(1000) == "high");
    CHECK(core::shownPercent(33.5) == 34);
    CHECK(core::shownPercent(66.5) == 66);
}

TEST_CASE("relevance is said in words, not as a percent that reads like a probability") {
    CHECK(std::string(core::relevanceWord(100)) == "strong fit");
    CHECK(std::string(core::relevanceWord(core::kStrongFit)) == "strong fit");
    CHECK(std::string(core::relevanceWord(core::kStrongFit - 0.1)) == "some fit");
    CHECK(std::string(core::relevanceWord(core::kSomeFit)) == "some fit");
    CHECK(std::string(core::relevanceWord(core::kSomeFit - 0.1)) == "slight fit");
    CHECK(std::string(core::relevanceWord(0)) == "slight fit");
}
