// Conditions, visibility and text variants: what the person sees depends only on earlier answers.
#include <doctest/doctest.h>

#include "core/answers.hpp"
#include "storage/question_set_json.hpp"

using namespace rekindle;
using core::Answer;

namespace {

// Every question type, with conditions of every form. Kept inline so the ids sit next to the checks.
const char* kSet = R"({
  "format": "rekindle.question-set/1", "id": "conds", "version": "1.0.0", "title": "Conditions",
  "description": "Condition forms.",
  "sections": [
    {"id": "s1", "title": "First", "questions": [
      {"id": "rel", "type": "single", "text": "Who is it?", "options": [
        {"id": "partner", "label": "Partner", "tips": {"t": 1}}, {"id": "friend", "label": "Friend", "tips": {"t": 1}},
        {"id": "other", "label": "Someone else", "unscored": true}]},
      {"id": "yn", "type": "yesno", "text": "Do you live together?"},
      {"id": "lk", "type": "likert", "points": 7, "text": "How close do you feel?",
       "labels": ["1","2","3","4","5","6","7"], "tips": {"t": 1}},
      {"id": "sl", "type": "slider", "text": "How long (years)?", "min": 0, "max": 20, "step": 0.5, "tips": {"t": 1}},
      {"id": "mu", "type": "multiple", "text": "What changed?", "options": [
        {"id": "calls", "label": "Calls", "tips": {"t": 1}}, {"id": "visits", "label": "Visits", "tips": {"t": 1}}]},
      {"id": "tx", "type": "text", "text": "Anything else?", "required": false,
       "variants": [{"when": {"question": "rel", "equals": "partner"}, "text": "Anything else about your partner?"},
                    {"when": {"question": "rel", "in": ["friend", "other"]}, "text": "Anything else about them?"}]}
    ]},
    {"id": "s2", "title": "Living together", "showIf": {"question": "yn", "equals": "yes"}, "questions": [
      {"id": "home", "type": "likert", "text": "Home feels calm.", "labels": ["a","b","c","d","e"], "tips": {"t": 1}},
      {"id": "after", "type": "yesno", "text": "Follow-up?", "showIf": {"question": "home", "atMost": 2}}
    ]},
    {"id": "s3", "title": "Combinations", "questions": [
      {"id": "c-all", "type": "text", "text": "all", "showIf": {"all": [{"question": "lk", "atLeast": 5}, {"question": "sl", "atMost": 3.5}]}},
      {"id": "c-any", "type": "text", "text": "any", "showIf": {"any": [{"question": "mu", "equals": "calls"}, {"question": "lk", "equals": 1}]}},
      {"id": "c-not", "type": "text", "text": "not", "showIf": {"not": {"question": "yn", "equals": "yes"}}}
    ]}
  ],
  "tips": [{"id": "t", "title": "T", "summary": "S.", "why": "W.", "tryThisWeek": ["Do."]}]
})";

core::QuestionSet conditionSet() {
    storage::Library empty;
    auto loaded = storage::parseQuestionSet(kSet, "conds.json", empty);
    for (const auto& p : loaded.problems) MESSAGE(p.format());
    REQUIRE(loaded.valid());
    return *loaded.set;
}

std::vector<std::string> visibleIds(const core::QuestionSet& set, const core::Answers& a) {
    std::vector<std::string> out;
    for (auto ref : core::visibleQuestions(set, a)) out.push_back(set.sections[ref.section].questions[ref.question].id);
    return out;
}

bool shows(const core::QuestionSet& set, const core::Answers& a, const std::string& id) {
    auto ids = visibleIds(set, a);
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

TEST_CASE("every question type loads with its defaults") {
    auto set = conditionSet();
    CHECK(set.findQuestion("rel")->type == core::QuestionType::SingleChoice);
    const auto* yn = set.findQuestion("yn");
    CHECK(yn->type == core::QuestionType::YesNo);
    REQUIRE(yn->options.size() == 2);  // plain Yes / No when no options are given
    CHECK(yn->options[0].id == "yes");
    CHECK(yn->options[1].label == "No");
    CHECK(set.findQuestion("lk")->points == 7);
    CHECK(set.findQuestion("home")->points == 5);
    CHECK(set.findQuestion("sl")->step == 0.5);
    CHECK(set.findQuestion("mu")->maxPicks == 0);
    CHECK(set.findQuestion("tx")->type == core::QuestionType::FreeText);
    CHECK_FALSE(set.findQuestion("tx")->required);
    CHECK(set.findQuestion("rel")->required);
    CHECK(set.estimatedMinutes == 5);
    CHECK(set.language == "en");
    CHECK(set.result.topTips == 3);
    CHECK(set.result.minAnsweredShare == 0.5);
    CHECK(set.contentHash.size() == 16);
}

TEST_CASE("comparisons: equals, in, atLeast, atMost, and unanswered questions") {
    auto set = conditionSet();
    core::Answers a;
    // Nothing answered: every comparison is false, so `not` of one is true.
    CHECK_FALSE(shows(set, a, "c-all"));
    CHECK_FALSE(shows(set, a, "c-any"));
    CHECK(shows(set, a, "c-not"));
    CHECK_FALSE(shows(set, a, "home"));

    a["lk"] = Answer::ofNumber(5);
    a["sl"] = Answer::ofNumber(3.5);
    CHECK(shows(set, a, "c-all"));  // 5 ≥ 5 and 3.5 ≤ 3.5: both bounds inclusive
    a["sl"] = Answer::ofNumber(4);
    CHECK_FALSE(shows(set, a, "c-all"));
    a["lk"] = Answer::ofNumber(1);
    CHECK(shows(set, a, "c-any"));  // equals on a likert point
    a["lk"] = Answer::ofNumber(2);
    CHECK_FALSE(shows(set, a, "c-any"));
    a["mu"] = Answer::ofChoices({"calls", "visits"});
    CHECK(shows(set, a, "c-any"));  // equals on multiple: the value is among the picks
    a["mu"] = Answer::ofChoices({"visits"});
    CHECK_FALSE(shows(set, a, "c-any"));
}

TEST_CASE("a hidden section hides its questions, and stale answers behind it stop counting") {
    auto set = conditionSet();
    core::Answers a;
    a["yn"] = Answer::ofChoice("yes");
    a["home"] = Answer::ofNumber(2);
    CHECK(shows(set, a, "home"));
    CHECK(shows(set, a, "after"));  // home ≤ 2
    CHECK_FALSE(shows(set, a, "c-not"));

    a["yn"] = Answer::ofChoice("no");  // the section hides; "home" keeps its old answer in the map
    CHECK_FALSE(shows(set, a, "home"));
    CHECK_FALSE(shows(set, a, "after"));  // would show if the stale "home" answer still counted
    CHECK(shows(set, a, "c-not"));
    auto eff = core::effectiveAnswers(set, a);
    CHECK(eff.count("home") == 0);
    CHECK(eff.count("yn") == 1);
}

TEST_CASE("text variants: the first whose condition holds replaces the text") {
    auto set = conditionSet();
    const auto& tx = *set.findQuestion("tx");
    core::Answers a;
    CHECK(core::displayText(tx, a) == "Anything else?");
    a["rel"] = Answer::ofChoice("partner");
    CHECK(core::displayText(tx, a) == "Anything else about your partner?");
    a["rel"] = Answer::ofChoice("other");  // `in`, and an unscored option still counts as the answer given
    CHECK(core::displayText(tx, a) == "Anything else about them?");
}

TEST_CASE("describeAnswer renders each answer kind for explanations") {
    auto set = conditionSet();
    CHECK(core::describeAnswer(*set.findQuestion("lk"), Answer::ofNumber(3)) == "3 (3 of 7)");
    CHECK(core::describeAnswer(*set.findQuestion("home"), Answer::ofNumber(2)) == "b (2 of 5)");
    CHECK(core::describeAnswer(*set.findQuestion("yn"), Answer::ofChoice("yes")) == "Yes");
    CHECK(core::describeAnswer(*set.findQuestion("sl"), Answer::ofNumber(2.5)) == "2.5 on 0–20");
    CHECK(core::describeAnswer(*set.findQuestion("mu"), Answer::ofChoices({"calls", "visits"})) == "Calls, Visits");
    CHECK(core::describeAnswer(*set.findQuestion("mu"), Answer::ofChoices({})) == "none of these");
    CHECK(core::describeAnswer(*set.findQuestion("rel"), Answer{}) == "no answer");
}
