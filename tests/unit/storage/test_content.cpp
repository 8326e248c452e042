// The shipped content (assets/, questionnaires/) held to its promises (every tip reachable, own wording, safety first), and the answer-pattern simulator.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/scoring.hpp"
#include "core/simulate.hpp"
#include "storage/answers_json.hpp"
#include "storage/library.hpp"
#include "storage/question_set_json.hpp"

using namespace rekindle;
namespace fs = std::filesystem;

namespace {

const fs::path kRoot = REKINDLE_TEST_SOURCE_DIR;
const fs::path kFixtures = REKINDLE_TEST_FIXTURES;
const char* kShippedSets[] = {"pulling-away", "weekly-check-in", "looking-after-yourself"};

const storage::Library& library() {
    static storage::Library lib = storage::loadLibrary(kRoot / "assets");
    return lib;
}

core::QuestionSet loadShipped(const std::string& id) {
    auto loaded = storage::loadQuestionSet(kRoot / "questionnaires" / (id + ".json"), library());
    for (const auto& p : loaded.problems)
        if (p.severity == storage::Problem::Severity::Error) FAIL_CHECK(p.format());
    REQUIRE(loaded.valid());
    return *loaded.set;
}

std::string readText(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool inTop(const core::ScoreResult& r, const std::string& tip, int n) {
    for (const auto* t : r.topTips(n))
        if (t->id == tip) return true;
    return false;
}

const core::TipScore* findTipScore(const core::ScoreResult& r, const std::string& id) {
    for (const auto& t : r.tips)
        if (t.id == id) return &t;
    return nullptr;
}

// Every value a condition on one question tests for (Equals / OneOf on option ids); nested forms are skipped.
std::vector<std::string> triggeringChoices(const core::Condition& c) {
    std::vector<std::string> out;
    if (c.op == core::Condition::Op::Equals || c.op == core::Condition::Op::OneOf)
        for (const auto& v : c.values)
            if (v.option) out.push_back(*v.option);
    return out;
}

// A calm baseline: every question at its lowest, every safety screen answered "no".
core::Answers calmBaseline(const core::QuestionSet& set) {
    core::Answers a = core::lowestAnswers(set);
    for (const auto& rule : set.safetyRules) a[rule.when.question] = core::Answer::ofChoice("no");
    return a;
}

}  // namespace

TEST_CASE("content: the tip library and safety guidance load without problems") {
    const auto& lib = library();
    for (const auto& p : lib.problems) FAIL_CHECK(p.format());
    CHECK(lib.tips.size() == 15);
    for (const auto& t : lib.tips) {
        INFO("tip " << t.id);
        CHECK(t.tryThisWeek.size() >= 3);
        CHECK(t.tryThisWeek.size() <= 5);
        CHECK(!t.cautions.empty());
    }
    CHECK(lib.guidance.lastReviewed == "2026-11-25");
    CHECK(lib.guidance.disclaimer.find("not therapy") != std::string::npos);
    CHECK(lib.guidance.disclaimer.find("not a diagnosis") != std::string::npos);
    CHECK(lib.guidance.disclaimer.find("not a verdict") != std::string::npos);
    for (const char* id : {"fear", "control", "violence", "self-harm", "their-safety"}) {
        INFO("guidance " << id);
        const auto* e = lib.guidance.find(id);
        REQUIRE(e != nullptr);
        CHECK(e->steps.size() >= 3);
    }
}

TEST_CASE("content: the safety guidance gives no phone number we cannot verify") {
    // Three digits in a row would be the start of a number; the guidance names services, never numbers.
    std::string text = readText(kRoot / "assets" / "safety-guidance.json");
    std::string body = text.substr(text.find("\"entries\""));
    CHECK_FALSE(std::regex_search(body, std::regex("[0-9]{3}")));
}

TEST_CASE("content: every shipped question set validates") {
    for (const char* id : kShippedSets) {
        INFO("set " << id);
        auto loaded = storage::loadQuestionSet(kRoot / "questionnaires" / (std::string(id) + ".json"), library());
        for (const auto& p : loaded.problems) MESSAGE(p.format());
        CHECK(loaded.errorCount() == 0);
        CHECK(loaded.valid());
    }
}

TEST_CASE("content: the main set has the promised shape") {
    auto set = loadShipped("pulling-away");
    CHECK(set.questionCount() >= 24);
    CHECK(set.questionCount() <= 36);
    CHECK(set.sections.size() >= 5);
    CHECK(set.sections.size() <= 7);
    // every library tip is offered by the main set
    for (const auto& t : library().tips) CHECK_MESSAGE(set.findTip(t.id) != nullptr, t.id);
    int withVariants = 0, withDontKnow = 0;
    for (const auto& s : set.sections)
        for (const auto& q : s.questions) {
            if (!q.variants.empty()) ++withVariants;
            for (const auto& o : q.options)
                if (o.unscored && o.label == "I don't know") ++withDontKnow;
        }
    CHECK(withVariants >= 3);
    CHECK(withDontKnow >= 3);

    auto checkIn = loadShipped("weekly-check-in");
    CHECK(checkIn.questionCount() >= 6);
    CHECK(checkIn.questionCount() <= 10);
    CHECK(!checkIn.safetyRules.empty());
}

TEST_CASE("content: for every tip a kept answer pattern puts it in the main set's top 3") {
    auto set = loadShipped("pulling-away");
    for (const auto& tip : set.tips) {
        INFO("tip " << tip.id);
        fs::path file = kFixtures / "content" / "pulling-away" / ("top-" + tip.id + ".json");
        REQUIRE(fs::exists(file));
        auto answers = storage::loadAnswers(file, set);
        for (const auto& p : answers.problems) FAIL_CHECK(p.format());
        auto result = core::score(set, answers.answers);
        CHECK(result.safety.empty());
        CHECK(inTop(result, tip.id, 3));
    }
}

TEST_CASE("content: over 10,000 seeded random patterns no tip dominates the main set's top 3") {
    auto set = loadShipped("pulling-away");
    auto report = core::coverage(set, 10000, 1, 3);
    std::ostringstream dist;
    dist << "pulling-away, 10000 patterns, seed 1, top 3 (safety rule held in " << report.withSafety << "):\n";
    for (const auto& t : report.tips) {
        char line[128];
        std::snprintf(line, sizeof line, "  %-26s %5.1f %%  (suppressed in %d)\n", t.id.c_str(), t.share * 100,
                      t.suppressed);
        dist << line;
    }
    MESSAGE(dist.str());
    for (const auto& t : report.tips) {
        INFO("tip " << t.id);
        CHECK(t.reachable);
        CHECK(t.share <= 0.60);
    }
    CHECK(report.unreachableDimensions().empty());
}

TEST_CASE("content: answering an unscored option changes no tip's or dimension's score") {
    for (const char* id : kShippedSets) {
        auto set = loadShipped(id);
        std::mt19937_64 rng(7);
        std::vector<core::Answers> bases = {core::highestAnswers(set), core::lowestAnswers(set)};
        for (int i = 0; i < 20; ++i) bases.push_back(core::randomAnswers(set, rng));
        int compared = 0;
        for (const auto& s : set.sections)
            for (const auto& q : s.questions)
                for (const auto& o : q.options) {
                    if (!o.unscored) continue;
                    for (const auto& base : bases) {
                        if (!base.count(q.id)) continue;  // hidden in this pattern
                        core::Answers withUnscored = base, without = base;
                        withUnscored[q.id] = core::Answer::ofChoice(o.id);
                        without.erase(q.id);
                        auto a = core::score(set, withUnscored);
                        auto b = core::score(set, without);
                        INFO(id << ": " << q.id << " = " << o.id);
                        REQUIRE(a.tips.size() == b.tips.size());
                        for (const auto& ta : a.tips) {
                            const auto* tb = findTipScore(b, ta.id);
                            REQUIRE(tb != nullptr);
                            CHECK(ta.raw == tb->raw);
                            CHECK(ta.max == tb->max);
                            CHECK(ta.percent == tb->percent);
                        }
                        for (size_t k = 0; k < a.dimensions.size(); ++k) {
                            CHECK(a.dimensions[k].raw == b.dimensions[k].raw);
                            CHECK(a.dimensions[k].max == b.dimensions[k].max);
                            CHECK(a.dimensions[k].percent == b.dimensions[k].percent);
                        }
                        ++compared;
                    }
                }
        MESSAGE(std::string(id) << ": " << compared << " unscored answers compared with leaving the question unanswered");
        CHECK(compared > 0);
    }
}

TEST_CASE("content: every safety answer shows its guidance first and suppresses the listed tips") {
    for (const char* id : kShippedSets) {
        auto set = loadShipped(id);
        REQUIRE(!set.safetyRules.empty());
        // Every yes/no in a safety section is covered by a rule for "yes".
        for (const auto& s : set.sections) {
            if (s.id != "safety") continue;
            for (const auto& q : s.questions) {
                auto a = calmBaseline(set);
                a[q.id] = core::Answer::ofChoice("yes");
                INFO(id << ": " << q.id << " = yes");
                CHECK(!core::score(set, a).safety.empty());
            }
        }
        for (const auto& rule : set.safetyRules) {
            auto choices = triggeringChoices(rule.when);
            REQUIRE(!choices.empty());
            for (const auto& choice : choices) {
                INFO(id << ": rule " << rule.id << " via " << rule.when.question << " = " << choice);
                auto answers = calmBaseline(set);
                CHECK(core::score(set, answers).safety.empty());
                answers[rule.when.question] = core::Answer::ofChoice(choice);
                auto result = core::score(set, answers);
                bool shown = false;
                for (const auto& s : result.safety)
                    if (s.ruleId == rule.id) shown = true;
                CHECK(shown);
                REQUIRE(library().guidance.find(rule.guidance) != nullptr);
                for (const auto& tip : rule.suppress) {
                    const auto* t = findTipScore(result, tip);
                    REQUIRE(t != nullptr);
                    CHECK(t->suppressed);
                    CHECK(!inTop(result, tip, set.result.topTips));
                }
            }
        }
    }
}

TEST_CASE("content: the main set's fear, control and violence screens suppress the tips that could do harm") {
    auto set = loadShipped("pulling-away");
    for (const char* rule : {"fear", "control", "violence", "fear-unsure", "control-unsure", "violence-unsure",
                             "self-harm", "their-safety"}) {
        INFO("rule " << rule);
        const core::SafetyRule* r = nullptr;
        for (const auto& sr : set.safetyRules)
            if (sr.id == rule) r = &sr;
        REQUIRE(r != nullptr);
        for (const char* harmful : {"give-space", "be-patient", "let-go-of-grudges"})
            CHECK(std::find(r->suppress.begin(), r->suppress.end(), harmful) != r->suppress.end());
    }
}

TEST_CASE("simulate: the same seed gives the same report, another seed another sample") {
    auto set = loadShipped("pulling-away");
    auto a = core::coverage(set, 500, 42, 3);
    auto b = core::coverage(set, 500, 42, 3);
    auto c = core::coverage(set, 500, 43, 3);
    REQUIRE(a.tips.size() == b.tips.size());
    bool differs = false;
    for (size_t i = 0; i < a.tips.size(); ++i) {
        CHECK(a.tips[i].inTop == b.tips[i].inTop);
        CHECK(a.tips[i].suppressed == b.tips[i].suppressed);
        if (a.tips[i].inTop != c.tips[i].inTop) differs = true;
    }
    CHECK(a.withSafety == b.withSafety);
    CHECK(differs);
    int total = 0;
    for (const auto& t : a.tips) total += t.inTop;
    CHECK(total == 500 * 3);  // the main set always has at least three tips left to feature

    std::mt19937_64 r1(9), r2(9);
    CHECK(core::randomAnswers(set, r1) == core::randomAnswers(set, r2));
}

TEST_CASE("simulate: lowest, highest and random answers are valid answers to visible questions") {
    for (const char* id : kShippedSets) {
        auto set = loadShipped(id);
        std::mt19937_64 rng(3);
        std::vector<core::Answers> patterns = {core::lowestAnswers(set), core::highestAnswers(set)};
        for (int i = 0; i < 50; ++i) patterns.push_back(core::randomAnswers(set, rng));
        for (size_t n = 0; n < patterns.size(); ++n) {
            const auto& answers = patterns[n];
            INFO(id << " pattern " << n);
            auto visible = core::visibleQuestions(set, answers);
            std::set<std::string> visibleIds;
            for (const auto& ref : visible) visibleIds.insert(set.sections[ref.section].questions[ref.question].id);
            for (const auto& [qid, answer] : answers) {
                INFO("question " << qid);
                CHECK(visibleIds.count(qid) == 1);
                const auto* q = set.findQuestion(qid);
                REQUIRE(q != nullptr);
                switch (answer.kind) {
                    case core::Answer::Kind::Number:
                        if (q->type == core::QuestionType::Likert) {
                            CHECK(answer.number >= 1);
                            CHECK(answer.number <= q->points);
                        } else {
                            CHECK(q->type == core::QuestionType::Slider);
                        }
                        break;
                    case core::Answer::Kind::Choice:
                        if (q->type == core::QuestionType::YesNo && q->options.empty())
                            CHECK((answer.choice == "yes" || answer.choice == "no"));
                        else
                            CHECK(q->findOption(answer.choice) != nullptr);
                        break;
                    case core::Answer::Kind::Choices:
                        for (const auto& c : answer.choices) CHECK(q->findOption(c) != nullptr);
                        if (q->maxPicks > 0) CHECK(static_cast<int>(answer.choices.size()) <= q->maxPicks);
                        break;
                    default:
                        FAIL_CHECK("unexpected answer kind");
                }
            }
            // The answers file round trip accepts them, which is what `rekindle score` reads.
            auto back = storage::parseAnswers(storage::answersToJson(set, answers), "pattern.json", set);
            for (const auto& p : back.problems) FAIL_CHECK(p.format());
            CHECK(back.answers == answers);
        }
        // Lowest and highest answer every visible scored question.
        for (const auto& answers : {patterns[0], patterns[1]}) {
            for (const auto& ref : core::visibleQuestions(set, answers)) {
                const auto& q = set.sections[ref.section].questions[ref.question];
                if (q.isScored()) CHECK_MESSAGE(answers.count(q.id) == 1, q.id);
            }
        }
    }
}
