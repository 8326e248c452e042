// The core on its own: a question set built in C++ (no JSON, no files) is scored, gated by conditions and safety
// rules, and compared across two takes. This binary links rekindle_core and doctest only, which proves the core
// stands without storage, ImGui or the file system.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/answers.hpp"
#include "core/compare.hpp"
#include "core/result.hpp"
#include "core/scoring.hpp"
#include "core/simulate.hpp"

using namespace rekindle;

namespace {

core::Condition equals(const std::string& question, const std::string& option) {
    core::Condition c;
    c.op = core::Condition::Op::Equals;
    c.question = question;
    c.values.push_back({option, std::nullopt});
    return c;
}

core::Question likert(const std::string& id, std::map<std::string, double> dims, std::map<std::string, double> tips,
                      bool reverse = false) {
    core::Question q;
    q.id = id;
    q.type = core::QuestionType::Likert;
    q.text = "How often: " + id;
    q.points = 5;
    q.reverse = reverse;
    q.weights.dimensions = std::move(dims);
    q.weights.tips = std::move(tips);
    return q;
}

// One section: two likert questions, a yes/no screen, and a follow-up shown only after "yes".
core::QuestionSet smallSet() {
    core::QuestionSet set;
    set.format = "rekindle.question-set/1";
    set.id = "core-alone";
    set.version = "1.0.0";
    set.title = "Core alone";
    core::Section s;
    s.id = "s1";
    s.questions.push_back(likert("talk", {{"closeness", 2}}, {{"listen", 1}}));
    s.questions.push_back(likert("silence", {{"closeness", 1}}, {{"slow-down", 2}}, /*reverse=*/true));
    core::Question afraid;
    afraid.id = "afraid";
    afraid.type = core::QuestionType::YesNo;
    afraid.text = "Are you afraid?";
    afraid.options = {{"yes", "Yes", false, {}}, {"no", "No", false, {}}};
    afraid.options[0].weights.tips["get-support"] = 3;
    s.questions.push_back(afraid);
    core::Question followUp = likert("follow-up", {{"closeness", 4}}, {});
    followUp.showIf = equals("afraid", "yes");
    s.questions.push_back(followUp);
    set.sections.push_back(s);

    core::Dimension closeness;
    closeness.id = "closeness";
    closeness.label = "Closeness";
    closeness.bands = {{0, 50, "low", "Distant for now."}, {50, 100, "high", "Close."}};
    closeness.meaningfulChange = 10;
    set.dimensions.push_back(closeness);
    for (const char* id : {"listen", "slow-down", "get-support"}) {
        core::Tip t;
        t.id = id;
        t.title = std::string("Tip ") + id;
        set.tips.push_back(t);
    }
    core::SafetyRule rule;
    rule.id = "fear";
    rule.when = equals("afraid", "yes");
    rule.notice = "Your safety comes first.";
    rule.suppress = {"slow-down"};
    set.safetyRules.push_back(rule);
    return set;
}

const core::TipScore& tip(const core::ScoreResult& r, const std::string& id) {
    auto it = std::find_if(r.tips.begin(), r.tips.end(), [&](const auto& t) { return t.id == id; });
    REQUIRE(it != r.tips.end());
    return *it;
}

}  // namespace

TEST_CASE("core alone: likert weights, reverse scoring and bands, computed by hand") {
    core::QuestionSet set = smallSet();
    core::Answers a;
    a["talk"] = core::Answer::ofNumber(4);     // position 3/4 -> closeness 1.5 of 2, listen 0.75 of 1
    a["silence"] = core::Answer::ofNumber(2);  // reversed: 1 - 1/4 = 3/4 -> closeness 0.75 of 1, slow-down 1.5 of 2
    a["afraid"] = core::Answer::ofChoice("no");
    core::ScoreResult r = core::score(set, a);
    REQUIRE(r.dimensions.size() == 1);
    const core::DimensionScore& d = r.dimensions[0];
    CHECK(d.raw == doctest::Approx(2.25));
    CHECK(d.max == doctest::Approx(3));  // the hidden follow-up adds nothing to the maximum
    CHECK(d.percent == doctest::Approx(75));
    CHECK(d.bandLabel == "high");
    CHECK(d.questionsTargeting == 2);
    CHECK(tip(r, "listen").percent == doctest::Approx(75));
    CHECK(tip(r, "slow-down").percent == doctest::Approx(75));
    CHECK(tip(r, "slow-down").contributions.at(0).reversed);
    CHECK(r.safety.empty());
}

TEST_CASE("core alone: a condition shows the follow-up, and the safety rule suppresses its tip") {
    core::QuestionSet set = smallSet();
    core::Answers a;
    a["afraid"] = core::Answer::ofChoice("yes");
    const core::Section& s = set.sections[0];
    CHECK(core::isQuestionVisible(s, s.questions[3], a));
    a["afraid"] = core::Answer::ofChoice("no");
    CHECK_FALSE(core::isQuestionVisible(s, s.questions[3], a));
    a["afraid"] = core::Answer::ofChoice("yes");
    a["follow-up"] = core::Answer::ofNumber(1);  // position 0: closeness 0 of 4
    a["talk"] = core::Answer::ofNumber(5);
    a["silence"] = core::Answer::ofNumber(1);
    core::ScoreResult r = core::score(set, a);
    REQUIRE(r.safety.size() == 1);
    CHECK(r.safety[0].ruleId == "fear");
    CHECK(tip(r, "slow-down").suppressed);
    CHECK(tip(r, "slow-down").rank == 0);
    CHECK(tip(r, "get-support").rank >= 1);
    CHECK(r.dimensions[0].max == doctest::Approx(7));  // 2 + 1 + 4 now that the follow-up shows
    CHECK(r.dimensions[0].raw == doctest::Approx(3));
}

TEST_CASE("core alone: two takes compared, a change past the threshold is meaningful") {
    core::QuestionSet set = smallSet();
    core::Answers before, after;
    before["talk"] = core::Answer::ofNumber(1);
    before["silence"] = core::Answer::ofNumber(5);
    before["afraid"] = core::Answer::ofChoice("no");
    after = before;
    after["talk"] = core::Answer::ofNumber(5);  // closeness 0 % -> 66.7 %
    auto first = core::makeResult(set, before, {}, core::score(set, before), "2026-11-01T10:00:00Z", "a");
    auto second = core::makeResult(set, after, {}, core::score(set, after), "2026-11-08T10:00:00Z", "b");
    core::Comparison c = core::compareResults(first, second);
    REQUIRE(c.ok);
    REQUIRE(c.dimensions.size() == 1);
    CHECK(c.dimensions[0].delta == doctest::Approx(200.0 / 3));
    CHECK(c.dimensions[0].meaningful);
    core::Comparison same = core::compareResults(second, second);
    CHECK_FALSE(same.dimensions[0].meaningful);
}

TEST_CASE("core alone: the simulator's patterns do what their names say") {
    core::QuestionSet set = smallSet();
    core::Question mood;
    mood.id = "mood";
    mood.type = core::QuestionType::SingleChoice;
    mood.text = "Mood";
    mood.options = {{"low", "Low", false, {}}, {"even", "Even", false, {}}, {"unsure", "Not sure", true, {}}};
    mood.options[0].weights.dimensions["closeness"] = 2;
    set.sections[0].questions.push_back(mood);
    auto holds = [&](const core::Answers& a) {
        for (const auto& rule : set.safetyRules)
            if (core::evaluate(rule.when, a)) return true;
        return false;
    };

    // "First option everywhere" answers yes to the screening question: that is why it is not called "lowest".
    core::Answers first = core::firstChoiceAnswers(set);
    CHECK(first.at("afraid").choice == "yes");
    CHECK(holds(first));

    core::Answers low = core::scoreExtremeAnswers(set, core::ScoreExtreme::Lowest);
    CHECK(low.at("talk").number == 1);
    CHECK(low.at("silence").number == 5);  // reversed: the top point adds nothing
    CHECK(low.at("afraid").choice == "no");
    CHECK(low.at("mood").choice == "even");  // 0 points, and before the unscored option of equal points
    CHECK_FALSE(low.count("follow-up"));     // hidden after "no"
    CHECK_FALSE(holds(low));

    core::Answers high = core::scoreExtremeAnswers(set, core::ScoreExtreme::Highest);
    CHECK(high.at("talk").number == 5);
    CHECK(high.at("silence").number == 1);
    CHECK(high.at("afraid").choice == "no");  // the "yes" option carries 3 points, yet safety is held at "no"
    CHECK(high.at("mood").choice == "low");
    CHECK_FALSE(holds(high));
    auto lowScore = core::score(set, low), highScore = core::score(set, high);
    CHECK(lowScore.dimensions.front().percent < highScore.dimensions.front().percent);
}
