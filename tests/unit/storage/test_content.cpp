// The shipped content (assets/, questionnaires/) held to its promises (every tip reachable, own wording, safety first), and the answer-pattern simulator.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
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

// Sets answers so that a condition holds: the first value of equals / in, the bound of atLeast / atMost, every
// child of all, the first child of any. `not` is left alone (no shipped rule or showIf needs it).
void satisfy(const core::Condition& c, core::Answers& a) {
    using Op = core::Condition::Op;
    switch (c.op) {
        case Op::Equals:
        case Op::OneOf:
        case Op::AtLeast:
        case Op::AtMost: {
            const auto& v = c.values.front();
            a[c.question] = v.option ? core::Answer::ofChoice(*v.option) : core::Answer::ofNumber(*v.number);
            break;
        }
        case Op::All:
            for (const auto& child : c.children) satisfy(child, a);
            break;
        case Op::Any:
            satisfy(c.children.front(), a);
            break;
        case Op::Not: break;
    }
}

// The single-question conditions that make a rule hold on their own: the rule itself, or each branch of an `any`.
std::vector<core::Condition> triggers(const core::Condition& c) {
    if (c.op == core::Condition::Op::Any) return c.children;
    return {c};
}

// Option ids some safety rule tests a question for.
std::map<std::string, std::set<std::string>> namedByRules(const core::QuestionSet& set) {
    std::map<std::string, std::set<std::string>> out;
    std::function<void(const core::Condition&)> walk = [&](const core::Condition& c) {
        for (const auto& v : c.values)
            if (v.option) out[c.question].insert(*v.option);
        for (const auto& child : c.children) walk(child);
    };
    for (const auto& rule : set.safetyRules) walk(rule.when);
    return out;
}

// A calm baseline: every question at its lowest, and every question a rule looks at answered with a value no rule
// names ("no" on yes/no questions).
core::Answers calmBaseline(const core::QuestionSet& set) {
    core::Answers a = core::firstChoiceAnswers(set);
    for (const auto& [qid, named] : namedByRules(set)) {
        const core::Question* q = set.findQuestion(qid);
        REQUIRE(q != nullptr);
        if (q->type == core::QuestionType::YesNo) {
            a[qid] = core::Answer::ofChoice("no");
            continue;
        }
        for (const auto& o : q->options)
            if (!o.unscored && !named.count(o.id)) {
                a[qid] = core::Answer::ofChoice(o.id);
                break;
            }
    }
    return a;
}

// The calm baseline changed so that `trigger` holds, with whatever makes its question visible answered first.
core::Answers triggered(const core::QuestionSet& set, const core::Condition& trigger) {
    core::Answers a = calmBaseline(set);
    if (!trigger.question.empty())
        if (const core::Question* q = set.findQuestion(trigger.question); q && q->showIf) satisfy(*q->showIf, a);
    satisfy(trigger, a);
    return a;
}

bool ruleHolds(const core::ScoreResult& r, const std::string& ruleId) {
    for (const auto& s : r.safety)
        if (s.ruleId == ruleId) return true;
    return false;
}

const core::SafetyRule* findRule(const core::QuestionSet& set, const std::string& id) {
    for (const auto& r : set.safetyRules)
        if (r.id == id) return &r;
    return nullptr;
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
    CHECK(lib.guidance.lastReviewed == "2026-12-03");
    CHECK(lib.guidance.disclaimer.find("not therapy") != std::string::npos);
    CHECK(lib.guidance.disclaimer.find("not a diagnosis") != std::string::npos);
    CHECK(lib.guidance.disclaimer.find("not a verdict") != std::string::npos);
    for (const char* id : {"fear", "control", "violence", "self-harm", "their-safety", "escalation", "stalking",
                           "sexual-coercion", "their-fear", "children", "no-contact", "protecting-yourself",
                           "afraid-hurt-or-controlled"}) {
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
    CHECK(set.questionCount() <= 40);
    CHECK(set.estimatedMinutes < 12);
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
        CHECK(answers.answers.count("asked-for-space") == 1);
    }
}

TEST_CASE("content: with safety answered \"no\", no tip is featured in more than half of 10,000 patterns") {
    // Random answers trip a safety rule in nearly every pattern, which would measure suppression instead of the tips
    // (suppression has its own tests below). So every question a rule looks at gets a value no rule names.
    for (const char* id : kShippedSets) {
        auto set = loadShipped(id);
        auto report = core::coverage(set, 10000, 1, set.result.topTips, true);
        std::ostringstream dist;
        dist << id << ", 10000 patterns, seed 1, top " << set.result.topTips << ", safety held at no (a rule still held in " << report.withSafety
             << "):\n";
        for (const auto& t : report.tips) {
            char line[128];
            std::snprintf(line, sizeof line, "  %-26s %5.1f %%  (suppressed in %d)\n", t.id.c_str(), t.share * 100,
                          t.suppressed);
            dist << line;
        }
        MESSAGE(dist.str());
        for (const auto& t : report.tips) {
            INFO(id << ": tip " << t.id);
            CHECK(t.reachable);
            CHECK(t.inTop > 0);
            CHECK(t.share <= 0.50);
        }
        CHECK(report.unreachableDimensions().empty());
    }
}

TEST_CASE("simulate: holding safety at \"no\" never picks a value a rule names") {
    auto set = loadShipped("pulling-away");
    auto named = namedByRules(set);
    std::mt19937_64 rng(5);
    std::set<std::string> spaceAnswers;
    for (int i = 0; i < 300; ++i) {
        auto a = core::randomAnswersSafetyNo(set, rng);
        for (const auto& [qid, values] : named) {
            auto it = a.find(qid);
            if (it == a.end()) continue;
            INFO(qid << " = " << it->second.choice);
            CHECK(values.count(it->second.choice) == 0);
            if (set.findQuestion(qid)->type == core::QuestionType::YesNo) CHECK(it->second.choice == "no");
        }
        spaceAnswers.insert(a.at("asked-for-space").choice);
    }
    // A single-choice question a rule looks at still varies over the values no rule names.
    CHECK(spaceAnswers == std::set<std::string>{"no", "hinted", "space"});
}

TEST_CASE("content: answering an unscored option changes no tip's or dimension's score") {
    for (const char* id : kShippedSets) {
        auto set = loadShipped(id);
        std::mt19937_64 rng(7);
        std::vector<core::Answers> bases = {core::lastChoiceAnswers(set), core::firstChoiceAnswers(set)};
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
        CHECK(core::score(set, calmBaseline(set)).safety.empty());
        // Every yes/no in a safety section is covered by a rule for "yes", asked where it can be seen.
        for (const auto& s : set.sections) {
            if (s.id != "safety") continue;
            for (const auto& q : s.questions) {
                core::Condition yes;
                yes.question = q.id;
                yes.values.push_back({std::string("yes"), std::nullopt});
                INFO(id << ": " << q.id << " = yes");
                CHECK(!core::score(set, triggered(set, yes)).safety.empty());
            }
        }
        for (const auto& rule : set.safetyRules) {
            for (const auto& trigger : triggers(rule.when)) {
                INFO(id << ": rule " << rule.id << " via " << trigger.question);
                auto result = core::score(set, triggered(set, trigger));
                CHECK(ruleHolds(result, rule.id));
                if (!rule.guidance.empty()) REQUIRE(library().guidance.find(rule.guidance) != nullptr);
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

TEST_CASE("content: \"not sure\" and \"I'd rather not say\" on any safety question get a gentle notice") {
    for (const char* id : kShippedSets) {
        auto set = loadShipped(id);
        for (const auto& s : set.sections) {
            if (s.id != "safety") continue;
            for (const auto& q : s.questions)
                for (const char* choice : {"not-sure", "prefer-not"}) {
                    if (!q.findOption(choice)) continue;
                    core::Condition c;
                    c.question = q.id;
                    c.values.push_back({std::string(choice), std::nullopt});
                    auto result = core::score(set, triggered(set, c));
                    INFO(id << ": " << q.id << " = " << choice);
                    bool notice = false;
                    for (const auto& o : result.safety) {
                        const auto* rule = findRule(set, o.ruleId);
                        REQUIRE(rule != nullptr);
                        // the rule that the answer itself triggered, not one its visibility needed
                        bool own = false;
                        for (const auto& t : triggers(rule->when)) own = own || t.question == q.id;
                        if (own && !o.notice.empty()) notice = true;
                        if (own && std::string(choice) == "prefer-not")
                            CHECK(o.notice.find("When to get help") != std::string::npos);
                    }
                    CHECK(notice);
                }
        }
    }
    // The guidance reads right after "not sure" and when opened from the menu: it never tells people what their
    // answers suggest, and it never claims what was set aside (the result builds that from the rule's suppress list).
    for (const auto& e : library().guidance.entries) {
        INFO("guidance " << e.id);
        CHECK(e.text.find("answers suggest") == std::string::npos);
        CHECK(e.text.find("set aside") == std::string::npos);
    }
}

TEST_CASE("content: the main set's screens suppress the tips that could do harm") {
    auto set = loadShipped("pulling-away");
    for (const char* rule : {"fear", "control", "violence", "escalation", "stalking", "sexual-pressure", "fear-unsure",
                             "control-unsure", "violence-unsure", "escalation-unsure", "stalking-unsure",
                             "sexual-pressure-unsure", "self-harm", "self-harm-unsure", "their-safety",
                             "their-safety-unsure"}) {
        INFO("rule " << rule);
        const core::SafetyRule* r = findRule(set, rule);
        REQUIRE(r != nullptr);
        for (const char* harmful : {"give-space", "be-patient", "let-go-of-grudges"})
            CHECK(std::find(r->suppress.begin(), r->suppress.end(), harmful) != r->suppress.end());
    }
    // A request for no contact sets aside every tip that needs contact, and its guidance names what stays allowed.
    const core::SafetyRule* noContact = findRule(set, "no-contact");
    REQUIRE(noContact != nullptr);
    CHECK(!noContact->notice.empty());
    for (const char* contact : {"keep-the-door-open", "ask-what-they-want", "understand-the-reason", "repair-and-reset",
                                "offer-support", "give-space", "respect-in-hard-moments"})
        CHECK_MESSAGE(std::find(noContact->suppress.begin(), noContact->suppress.end(), contact) != noContact->suppress.end(),
                      contact);
    const auto* entry = library().guidance.find(noContact->guidance);
    REQUIRE(entry != nullptr);
    std::string steps;
    for (const auto& st : entry->steps) steps += st + "\n";
    CHECK(steps.find("get in touch with you first") != std::string::npos);
    CHECK(steps.find("children") != std::string::npos);
    CHECK(steps.find("shared home") != std::string::npos);
    // When they may be afraid of the user: stop, make them safe, get help to change; no blame.
    const auto* theirFear = library().guidance.find("their-fear");
    REQUIRE(theirFear != nullptr);
    std::string all = theirFear->text;
    for (const auto& st : theirFear->steps) all += "\n" + st;
    for (const char* part : {"Stop anything that could frighten them", "Respect the distance", "Get help to change"})
        CHECK_MESSAGE(all.find(part) != std::string::npos, part);
    CHECK(all.find("not a verdict") != std::string::npos);
    // Escalation is urgent and says why.
    const auto* escalation = library().guidance.find("escalation");
    REQUIRE(escalation != nullptr);
    CHECK(escalation->title.find("act now") != std::string::npos);
    CHECK(escalation->text.find("strongest warning signs") != std::string::npos);
    // The control entry covers shared devices.
    std::string control;
    for (const auto& st : library().guidance.find("control")->steps) control += st;
    CHECK(control.find("share a phone, computer or accounts") != std::string::npos);
}

TEST_CASE("content: the weekly check-in's rules each show their own guidance, never the generic fear entry") {
    auto set = loadShipped("weekly-check-in");
    std::map<std::string, std::set<std::string>> entriesByQuestion;
    for (const auto& r : set.safetyRules) {
        CHECK(r.guidance != "fear");
        if (!r.guidance.empty()) entriesByQuestion[r.when.question].insert(r.guidance);
    }
    CHECK(entriesByQuestion.size() == 2);
    std::set<std::string> all;
    for (const auto& [q, entries] : entriesByQuestion) {
        CHECK(entries.size() == 1);
        all.insert(entries.begin(), entries.end());
    }
    CHECK(all.size() == entriesByQuestion.size());
}

TEST_CASE("content: a change is called meaningful only past a threshold above a one-step wobble on one item") {
    // For dimensions built from likert items only: one step on one item moves the percent by weight / (points - 1)
    // over the sum of the items' weights. The threshold must be at least two such steps (docs/content-notes.md).
    for (const char* id : kShippedSets) {
        auto set = loadShipped(id);
        for (const auto& d : set.dimensions) {
            double total = 0, largestStep = 0;
            bool likertOnly = true;
            int items = 0;
            for (const auto& s : set.sections)
                for (const auto& q : s.questions) {
                    bool targets = q.weights.dimensions.count(d.id) > 0;
                    for (const auto& o : q.options) targets = targets || o.weights.dimensions.count(d.id) > 0;
                    if (!targets) continue;
                    if (q.type != core::QuestionType::Likert) {
                        likertOnly = false;
                        continue;
                    }
                    double w = std::max(q.weights.dimensions.at(d.id), 0.0);
                    total += w;
                    largestStep = std::max(largestStep, w / (q.points - 1));
                    ++items;
                }
            if (!likertOnly || total <= 0) continue;
            double step = largestStep / total * 100;
            INFO(id << ": " << d.id << " (" << items << " items), one step = " << step << " points, threshold "
                    << d.meaningfulChange);
            CHECK(d.meaningfulChange >= 2 * step - 1e-9);
        }
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
        std::vector<core::Answers> patterns = {core::firstChoiceAnswers(set), core::lastChoiceAnswers(set)};
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
