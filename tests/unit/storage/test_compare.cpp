// Worked examples for comparing two results: meaningful change vs within noise, top-N moves, changed answers,
// and what happens when the question set's version changed in between.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/compare.hpp"
#include "core/compare_summary.hpp"
#include "storage/result_store.hpp"

using namespace rekindle;
namespace fs = std::filesystem;

namespace {

core::ResultRecord fixture(const std::string& name) {
    std::string error;
    auto r = storage::ResultStore::loadFile(fs::path(REKINDLE_TEST_FIXTURES) / "results" / name, &error);
    REQUIRE_MESSAGE(r.has_value(), error);
    return *r;
}

const core::DimensionDelta& delta(const core::Comparison& c, const std::string& id) {
    for (const auto& d : c.dimensions)
        if (d.id == id) return d;
    FAIL("no dimension " << id);
    throw 0;
}

std::vector<std::string> ids(const std::vector<core::TipMove>& moves) {
    std::vector<std::string> out;
    for (const auto& m : moves) out.push_back(m.id);
    return out;
}

}  // namespace

TEST_CASE("a month apart: meaningful change and within noise by each dimension's threshold") {
    auto before = fixture("v1-check-in-1.json");
    auto after = fixture("v1-check-in-2.json");
    core::Comparison c = core::compareResults(before, after);
    REQUIRE(c.ok);
    CHECK(c.sameVersion);
    CHECK(c.notComparable.empty());
    REQUIRE(c.dimensions.size() == 3);

    // Closeness 40 -> 55: +15 against a threshold of 10.
    const auto& closeness = delta(c, "closeness");
    CHECK(closeness.before == 40);
    CHECK(closeness.after == 55);
    CHECK(closeness.delta == doctest::Approx(15));
    CHECK(closeness.meaningful);
    CHECK(std::string(closeness.verdict()) == "meaningful change");
    CHECK(closeness.bandBefore == "Middle");

    // Strain 60 -> 50: -10 is a real-looking drop, but this dimension's threshold is 15.
    const auto& strain = delta(c, "strain");
    CHECK(strain.delta == doctest::Approx(-10));
    CHECK(strain.threshold == 15);
    CHECK_FALSE(strain.meaningful);
    CHECK(std::string(strain.verdict()) == "within noise");

    // Self-care 50 -> 60: exactly the threshold counts as meaningful (|delta| >= threshold).
    const auto& selfCare = delta(c, "self-care");
    CHECK(selfCare.delta == doctest::Approx(10));
    CHECK(selfCare.meaningful);
    CHECK(c.meaningfulCount() == 2);

    // Tips: small-moments rose from #4 into the top 3, own-support fell out of it.
    CHECK(c.topN == 3);
    CHECK(ids(c.enteredTop) == std::vector<std::string>{"small-moments"});
    CHECK(c.enteredTop[0].rankBefore == 4);
    CHECK(c.enteredTop[0].rankAfter == 1);
    CHECK(ids(c.leftTop) == std::vector<std::string>{"own-support"});
    CHECK(c.leftTop[0].rankAfter == 4);
    CHECK(ids(c.rankMoves) == std::vector<std::string>{"small-moments", "listen-first", "slow-down", "own-support"});
    CHECK(c.rankMoves[1].rankBefore == 1);
    CHECK(c.rankMoves[1].rankAfter == 2);

    // Answers: talk and sleep changed; the free note was answered before and skipped after; support stayed.
    REQUIRE(c.answersChanged.size() == 3);
    CHECK(c.answersChanged[0].questionId == "q-talk");
    CHECK(c.answersChanged[0].before == "Rarely (2 of 5)");
    CHECK(c.answersChanged[0].after == "Often (4 of 5)");
    CHECK(c.answersChanged[0].question == "How often do you two talk about more than logistics?");
    CHECK(c.answersChanged[1].questionId == "q-sleep");
    CHECK(c.answersChanged[2].questionId == "q-note");
    CHECK(c.answersChanged[2].after.empty());
}

TEST_CASE("a wider top N changes what entered and left") {
    auto c = core::compareResults(fixture("v1-check-in-1.json"), fixture("v1-check-in-2.json"), 4);
    CHECK(c.enteredTop.empty());
    CHECK(c.leftTop.empty());
    CHECK(c.rankMoves.size() == 4);
}

TEST_CASE("comparing the same result shows no change") {
    auto r = fixture("v1-check-in-2.json");
    auto c = core::compareResults(r, r);
    REQUIRE(c.ok);
    CHECK(c.meaningfulCount() == 0);
    for (const auto& d : c.dimensions) CHECK(d.delta == 0);
    CHECK(c.enteredTop.empty());
    CHECK(c.rankMoves.empty());
    CHECK(c.answersChanged.empty());
}

TEST_CASE("version mismatch: compare what both share and say what is not comparable") {
    auto before = fixture("v1-check-in-2.json");  // set 1.0.0
    auto after = fixture("v1-check-in-3-newer-version.json");  // set 1.1.0: self-care and q-sleep gone, hope and q-hope new
    core::Comparison c = core::compareResults(before, after);
    REQUIRE(c.ok);
    CHECK_FALSE(c.sameVersion);
    CHECK(c.beforeVersion == "1.0.0");
    CHECK(c.afterVersion == "1.1.0");
    REQUIRE(c.dimensions.size() == 2);  // closeness and strain
    CHECK(delta(c, "closeness").delta == doctest::Approx(3));
    CHECK_FALSE(delta(c, "closeness").meaningful);
    CHECK(c.dimensionsOnlyBefore == std::vector<std::string>{"self-care"});
    CHECK(c.dimensionsOnlyAfter == std::vector<std::string>{"hope"});
    CHECK(c.questionsOnlyBefore == std::vector<std::string>{"q-sleep"});
    CHECK(c.questionsOnlyAfter == std::vector<std::string>{"q-hope"});
    // q-sleep is not reported as "changed": it is simply not in the newer version.
    for (const auto& a : c.answersChanged) CHECK(a.questionId != "q-sleep");
    REQUIRE(c.answersChanged.size() == 1);
    CHECK(c.answersChanged[0].questionId == "q-support");
    CHECK(c.answersChanged[0].before == "Yes");
    CHECK(c.answersChanged[0].after == "No");
    REQUIRE(c.notComparable.size() >= 5);
    CHECK(c.notComparable[0].find("1.0.0 to 1.1.0") != std::string::npos);
}

TEST_CASE("top-N moves with a suppressed tip") {
    auto c = core::compareResults(fixture("v1-check-in-2.json"), fixture("v1-check-in-3-newer-version.json"));
    // Before: small-moments, listen-first, slow-down. After: small-moments, own-support, listen-first.
    CHECK(ids(c.enteredTop) == std::vector<std::string>{"own-support"});
    CHECK(ids(c.leftTop) == std::vector<std::string>{"slow-down"});
    for (const auto& m : c.rankMoves) CHECK(m.id != "repair-talk");
}

TEST_CASE("not enough answers is never a meaningful change") {
    auto before = fixture("v1-check-in-1.json");
    auto after = fixture("v1-check-in-2.json");
    for (auto& d : after.dimensions)
        if (d.id == "closeness") d.enoughAnswers = false;
    auto c = core::compareResults(before, after);
    CHECK_FALSE(delta(c, "closeness").meaningful);
    CHECK_FALSE(delta(c, "closeness").comparable);
    CHECK(std::string(delta(c, "closeness").verdict()) == "not enough answers");
    CHECK(c.notComparable.back().find("Closeness") != std::string::npos);
}

TEST_CASE("results of different sets are not compared") {
    auto a = fixture("v1-check-in-1.json");
    auto b = fixture("v1-check-in-2.json");
    b.setId = "pulling-away";
    auto c = core::compareResults(a, b);
    CHECK_FALSE(c.ok);
    CHECK(c.error.find("different question sets") != std::string::npos);
    CHECK(c.dimensions.empty());
}

TEST_CASE("older-format results compare with current ones") {
    auto c = core::compareResults(fixture("v0-check-in.json"), fixture("v1-check-in-1.json"));
    REQUIRE(c.ok);
    CHECK(delta(c, "closeness").delta == doctest::Approx(15));   // 25 -> 40
    CHECK(delta(c, "closeness").meaningful);                     // default threshold 10 from the newer record
    CHECK(delta(c, "strain").delta == doctest::Approx(-15));      // 75 -> 60, threshold 15
    CHECK(delta(c, "strain").meaningful);
    CHECK(c.dimensionsOnlyAfter == std::vector<std::string>{"self-care"});
}

TEST_CASE("previousOfSameSet picks the latest earlier take of that set") {
    std::vector<core::ResultRecord> all = {fixture("v1-check-in-3-newer-version.json"), fixture("v1-check-in-1.json"),
                                           fixture("v0-check-in.json"), fixture("v1-check-in-2.json")};
    core::ResultRecord other = all[3];
    other.id = "20261110T000000Z-other-0000";
    other.completedAt = "2026-11-10T00:00:00Z";
    other.setId = "other";
    all.push_back(other);
    const core::ResultRecord* prev = core::previousOfSameSet(all, all[0]);
    REQUIRE(prev != nullptr);
    CHECK(prev->id == "20261101T200000Z-check-in-demo-2c3d");
    prev = core::previousOfSameSet(all, all[1]);
    REQUIRE(prev != nullptr);
    CHECK(prev->id == "20260915T180000Z-check-in-demo-beef");
    CHECK(core::previousOfSameSet(all, all[2]) == nullptr);
    CHECK(core::previousOfSameSet(all, other) == nullptr);
}

TEST_CASE("an unsaved take finds the result saved in the same second as its previous one") {
    std::vector<core::ResultRecord> all = {fixture("v1-check-in-1.json"), fixture("v1-check-in-2.json")};
    core::ResultRecord unsaved = fixture("v1-check-in-2.json");
    unsaved.id.clear();  // just scored, not saved yet: the GUI compares it before saving
    const core::ResultRecord* prev = core::previousOfSameSet(all, unsaved);
    REQUIRE(prev != nullptr);
    CHECK(prev->id == "20261101T200000Z-check-in-demo-2c3d");
    unsaved.completedAt = "2026-10-15T00:00:00Z";
    prev = core::previousOfSameSet(all, unsaved);
    REQUIRE(prev != nullptr);
    CHECK(prev->id == "20261001T200000Z-check-in-demo-0a1b");
}

TEST_CASE("a change past the threshold is only \"possible\" when a score rests on one answer") {
    auto before = fixture("v1-check-in-1.json");
    auto after = fixture("v1-check-in-2.json");
    // Closeness 40 -> 55 passes its threshold of 10; with the later score resting on one answer (e.g. "we had no
    // contact" left one item) it can only be a possible change.
    for (auto& d : after.dimensions)
        if (d.id == "closeness") d.questionsAnswered = 1;
    const auto comparison = core::compareResults(before, after);  // delta() returns into it: keep it alive
    const auto& closeness = delta(comparison, "closeness");
    CHECK(closeness.singleAnswer);
    CHECK(closeness.possible);
    CHECK_FALSE(closeness.meaningful);
    CHECK(std::string(closeness.verdict()) == "possible change");
    CHECK(closeness.verdictText().find("single answer") != std::string::npos);
    // Below the threshold it stays within noise, single answer or not.
    for (auto& d : after.dimensions)
        if (d.id == "closeness") d.percent = 45;
    const auto smallerComparison = core::compareResults(before, after);
    const auto& small = delta(smallerComparison, "closeness");
    CHECK_FALSE(small.possible);
    CHECK(std::string(small.verdict()) == "within noise");
    CHECK(small.thresholdText() == "A change of 10 points or more counts as meaningful here. Smaller moves are within "
                                   "the usual ups and downs of answering the same questions twice.");
    // Older files that did not record how many answers a score rests on (0) are judged by the threshold alone.
    for (auto& d : after.dimensions)
        if (d.id == "closeness") {
            d.percent = 55;
            d.questionsAnswered = 0;
        }
    CHECK(delta(core::compareResults(before, after), "closeness").meaningful);
}

TEST_CASE("the safety text names only the tips its rule really set aside") {
    core::ResultRecord r;
    for (auto [id, title] : {std::pair{"give-space", "Give them room"}, std::pair{"be-patient", "Let change take its time"},
                             std::pair{"stay-calm", "Steady yourself"}}) {
        core::TipRecord t;
        t.id = id;
        t.title = title;
        r.tips.push_back(t);
    }
    core::SafetyRecord rule;
    rule.ruleId = "fear";
    rule.guidance = "fear";
    rule.suppress = {"give-space", "be-patient", "not-in-this-set"};
    CHECK(core::setAsideText(rule, r) ==
          "While this applies, these tips are set aside: \u201cGive them room\u201d and \u201cLet change take its time\u201d.");
    rule.suppress = {"stay-calm"};
    CHECK(core::setAsideText(rule, r) == "While this applies, this tip is set aside: \u201cSteady yourself\u201d.");
    rule.suppress.clear();
    CHECK(core::setAsideText(rule, r).empty());
}

TEST_CASE("Compare says better or worse in words when the dimension says which way is good") {
    auto before = fixture("v1-check-in-1.json");
    auto after = fixture("v1-check-in-2.json");
    // Closeness rose 40 -> 55, strain fell 60 -> 50.
    CHECK(std::string(delta(core::compareResults(before, after), "closeness").direction()) == "higher");
    for (auto& d : after.dimensions) {
        if (d.id == "closeness") d.higherIs = core::HigherIs::Better;
        if (d.id == "strain") d.higherIs = core::HigherIs::Worse;
    }
    auto c = core::compareResults(before, after);
    CHECK(std::string(delta(c, "closeness").direction()) == "better");
    CHECK(std::string(delta(c, "strain").direction()) == "better");
    for (auto& d : after.dimensions)
        if (d.id == "strain") d.percent = 70;
    CHECK(std::string(delta(core::compareResults(before, after), "strain").direction()) == "worse");
    CHECK(std::string(delta(core::compareResults(before, before), "strain").direction()) == "no change");
}

TEST_CASE("Compare's summary says in words which areas moved, which stayed within noise, and puts safety first") {
    CHECK(core::joinWords({}) == "");
    CHECK(core::joinWords({"A"}) == "A");
    CHECK(core::joinWords({"A", "B"}) == "A and B");
    CHECK(core::joinWords({"A", "B", "C"}) == "A, B and C");
    CHECK(core::joinWords({"Worry and chasing", "Strain on you"}) == "Worry and chasing, and Strain on you");

    auto before = fixture("v1-check-in-1.json");
    auto after = fixture("v1-check-in-2.json");
    // These v1 files say nothing about which way is good, so a real move is "higher" or "lower".
    auto lines = core::compareSummary(core::compareResults(before, after), before, after);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "Closeness and Looking after yourself are clearly higher.");
    CHECK(lines[1] == "Day-to-day strain stayed within the usual ups and downs.");
    CHECK(lines[2].rfind("New in your top 3: ", 0) == 0);

    // Once the later set says higher closeness is better and less strain is better, the words follow.
    for (auto& d : after.dimensions) {
        if (d.id == "closeness") d.higherIs = core::HigherIs::Better;
        if (d.id == "strain") d.higherIs = core::HigherIs::Worse;
        if (d.id == "strain") d.percent = 30;  // 60 -> 30: past its threshold of 15, and less strain
    }
    lines = core::compareSummary(core::compareResults(before, after), before, after);
    REQUIRE(lines.size() >= 3);
    CHECK(lines[0] == "Closeness and Day-to-day strain are clearly better.");
    CHECK(lines[1] == "Looking after yourself is clearly higher.");

    // A later take with safety guidance leads the summary, before any change.
    after.safety.push_back(core::SafetyRecord{"fear", "Your safety comes first.", "", {}});
    lines = core::compareSummary(core::compareResults(before, after), before, after);
    REQUIRE(!lines.empty());
    CHECK(lines[0].find("safety guidance") != std::string::npos);

    // Nothing moved: one sentence says so, and the same tips.
    lines = core::compareSummary(core::compareResults(before, before), before, before);
    CHECK(lines == std::vector<std::string>{"No area moved more than the usual ups and downs.",
                                            "Your top 3 tips are the same ones as before."});
}
