// Answer-pattern generation and the coverage report over seeded random patterns.
#include "core/simulate.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

#include "core/scoring.hpp"

namespace rekindle::core {

namespace {

// Yes/no without explicit options still takes "yes"/"no".
std::vector<std::string> choiceIds(const Question& q, bool includeUnscored) {
    std::vector<std::string> ids;
    if (q.type == QuestionType::YesNo && q.options.empty()) return {"yes", "no"};
    for (const auto& o : q.options)
        if (includeUnscored || !o.unscored) ids.push_back(o.id);
    return ids;
}

int sliderSteps(const Question& q) {
    if (q.step <= 0 || q.max <= q.min) return 0;
    return static_cast<int>(std::floor((q.max - q.min) / q.step + 1e-9));
}

// uniform_int_distribution differs between standard libraries; a plain modulo keeps patterns reproducible.
uint64_t pick(std::mt19937_64& rng, uint64_t n) { return n == 0 ? 0 : rng() % n; }

enum class Extreme { Low, High };

Answer extremeAnswer(const Question& q, Extreme which) {
    const bool high = which == Extreme::High;
    switch (q.type) {
        case QuestionType::Likert:
            return Answer::ofNumber(high ? q.points : 1);
        case QuestionType::Slider:
            return Answer::ofNumber(high ? q.min + sliderSteps(q) * q.step : q.min);
        case QuestionType::SingleChoice:
        case QuestionType::YesNo: {
            auto ids = choiceIds(q, false);
            if (ids.empty()) return {};
            return Answer::ofChoice(high ? ids.back() : ids.front());
        }
        case QuestionType::MultipleChoice: {
            auto ids = choiceIds(q, false);
            if (ids.empty()) return {};
            if (!high) return Answer::ofChoices({ids.front()});
            if (q.maxPicks > 0 && static_cast<int>(ids.size()) > q.maxPicks) ids.resize(q.maxPicks);
            return Answer::ofChoices(ids);
        }
        case QuestionType::FreeText:
            return {};
    }
    return {};
}

Answer randomAnswer(const Question& q, std::mt19937_64& rng) {
    std::vector<std::string> extras;  // unscored options offered next to a scale
    for (const auto& o : q.options)
        if (o.unscored) extras.push_back(o.id);
    switch (q.type) {
        case QuestionType::Likert: {
            uint64_t k = pick(rng, static_cast<uint64_t>(q.points) + extras.size());
            if (k < static_cast<uint64_t>(q.points)) return Answer::ofNumber(static_cast<double>(k + 1));
            return Answer::ofChoice(extras[k - q.points]);
        }
        case QuestionType::Slider: {
            uint64_t steps = static_cast<uint64_t>(sliderSteps(q)) + 1;
            uint64_t k = pick(rng, steps + extras.size());
            if (k < steps) return Answer::ofNumber(q.min + static_cast<double>(k) * q.step);
            return Answer::ofChoice(extras[k - steps]);
        }
        case QuestionType::SingleChoice:
        case QuestionType::YesNo: {
            auto ids = choiceIds(q, true);
            if (ids.empty()) return {};
            return Answer::ofChoice(ids[pick(rng, ids.size())]);
        }
        case QuestionType::MultipleChoice: {
            std::vector<std::string> picks;
            for (const auto& o : q.options)
                if (pick(rng, 2) == 1) picks.push_back(o.id);
            if (q.maxPicks > 0 && static_cast<int>(picks.size()) > q.maxPicks) picks.resize(q.maxPicks);
            return Answer::ofChoices(picks);
        }
        case QuestionType::FreeText:
            return {};
    }
    return {};
}

// Option ids each question is tested for by some safety rule (equals / in, at any depth of all / any / not).
using NamedValues = std::map<std::string, std::set<std::string>>;
void collectNamed(const Condition& c, NamedValues& out) {
    for (const auto& v : c.values)
        if (v.option && !c.question.empty()) out[c.question].insert(*v.option);
    for (const auto& child : c.children) collectNamed(child, out);
}

Answer safeAnswer(const Question& q, const std::set<std::string>& named, std::mt19937_64& rng) {
    std::vector<std::string> left;
    for (const auto& id : choiceIds(q, true))
        if (!named.count(id)) left.push_back(id);
    if (q.type == QuestionType::YesNo && std::find(left.begin(), left.end(), "no") != left.end())
        return Answer::ofChoice("no");
    if (left.empty()) return {};
    return Answer::ofChoice(left[pick(rng, left.size())]);
}

// Everything a person could give as an answer to q, each once: points, steps, then options (unscored too).
std::vector<Answer> allAnswers(const Question& q) {
    std::vector<Answer> out;
    if (q.type == QuestionType::Likert)
        for (int p = 1; p <= q.points; ++p) out.push_back(Answer::ofNumber(p));
    if (q.type == QuestionType::Slider)
        for (int k = 0; k <= sliderSteps(q); ++k) out.push_back(Answer::ofNumber(q.min + k * q.step));
    if (q.type == QuestionType::MultipleChoice) {
        for (const auto& o : q.options) out.push_back(Answer::ofChoices({o.id}));
        return out;
    }
    if (q.type != QuestionType::FreeText)
        for (const auto& id : choiceIds(q, true)) out.push_back(Answer::ofChoice(id));
    return out;
}

std::vector<std::string> pickedIds(const Answer& a) {
    if (a.kind == Answer::Kind::Choice) return {a.choice};
    if (a.kind == Answer::Kind::Choices) return a.choices;
    return {};
}

// The points an answer adds over all dimensions and tips together, before normalising: what "lowest scores"
// minimises. Unscored options add nothing.
double answerPoints(const Question& q, const Answer& a) {
    auto sum = [](const Weights& w) {
        double s = 0;
        for (const auto& [id, v] : w.dimensions) s += v;
        for (const auto& [id, v] : w.tips) s += v;
        return s;
    };
    if ((q.type == QuestionType::Likert || q.type == QuestionType::Slider) && a.kind == Answer::Kind::Number) {
        double span = q.type == QuestionType::Likert ? q.points - 1 : q.max - q.min;
        double pos = span > 0 ? (q.type == QuestionType::Likert ? a.number - 1 : a.number - q.min) / span : 0;
        if (q.reverse) pos = 1 - pos;
        return pos * sum(q.weights);
    }
    double total = 0;
    for (const auto& id : pickedIds(a)) {
        const Option* o = q.findOption(id);
        if (o && !o->unscored) total += sum(o->weights);
    }
    return total;
}

template <typename Fn>
Answers walkVisible(const QuestionSet& set, Fn answerFor) {
    Answers answers;
    for (const auto& section : set.sections) {
        if (!isSectionVisible(section, answers)) continue;
        for (const auto& q : section.questions) {
            if (!isQuestionVisible(section, q, answers)) continue;
            Answer a = answerFor(q);
            if (a.isAnswered()) answers[q.id] = std::move(a);
        }
    }
    return answers;
}

bool canGivePoints(const Question& q, const std::string& id, bool tip) {
    auto positive = [&](const Weights& w) {
        const auto& m = tip ? w.tips : w.dimensions;
        auto it = m.find(id);
        return it != m.end() && it->second > 0;
    };
    if (q.type == QuestionType::Likert || q.type == QuestionType::Slider) return positive(q.weights);
    for (const auto& o : q.options)
        if (!o.unscored && positive(o.weights)) return true;
    return false;
}

bool reachable(const QuestionSet& set, const std::string& id, bool tip) {
    for (const auto& s : set.sections)
        for (const auto& q : s.questions)
            if (canGivePoints(q, id, tip)) return true;
    return false;
}

}  // namespace

Answers firstChoiceAnswers(const QuestionSet& set) {
    return walkVisible(set, [](const Question& q) { return extremeAnswer(q, Extreme::Low); });
}

Answers lastChoiceAnswers(const QuestionSet& set) {
    return walkVisible(set, [](const Question& q) { return extremeAnswer(q, Extreme::High); });
}

Answers scoreExtremeAnswers(const QuestionSet& set, ScoreExtreme which) {
    std::set<std::string> screened;  // questions some safety rule looks at
    NamedValues named;
    for (const auto& rule : set.safetyRules) collectNamed(rule.when, named);
    std::function<void(const Condition&)> collect = [&](const Condition& c) {
        if (!c.question.empty()) screened.insert(c.question);
        for (const auto& child : c.children) collect(child);
    };
    for (const auto& rule : set.safetyRules) collect(rule.when);
    auto anyRuleHolds = [&set](const Answers& answers) {
        for (const auto& rule : set.safetyRules)
            if (evaluate(rule.when, answers)) return true;
        return false;
    };

    Answers answers;
    for (const auto& section : set.sections) {
        if (!isSectionVisible(section, answers)) continue;
        for (const auto& q : section.questions) {
            if (!isQuestionVisible(section, q, answers)) continue;
            std::vector<Answer> candidates = allAnswers(q);
            // Lowest or highest points first; among equals, the earlier one, so the pattern is stable.
            std::stable_sort(candidates.begin(), candidates.end(), [&](const Answer& a, const Answer& b) {
                double pa = answerPoints(q, a), pb = answerPoints(q, b);
                return which == ScoreExtreme::Lowest ? pa < pb : pa > pb;
            });
            if (screened.count(q.id)) {
                // A screening question takes "no" when it has one, else the first candidate no rule names and
                // with which no rule holds so far: the pattern shows the tips, not the safety guidance.
                auto it = named.find(q.id);
                auto isNamed = [&](const Answer& a) {
                    if (it == named.end()) return false;
                    for (const auto& c : pickedIds(a))
                        if (it->second.count(c)) return true;
                    return false;
                };
                std::stable_partition(candidates.begin(), candidates.end(), [&](const Answer& a) {
                    return a.kind == Answer::Kind::Choice && a.choice == "no" && !isNamed(a);
                });
                const Answer* chosen = nullptr;
                for (const auto& c : candidates) {
                    Answers tried = answers;
                    tried[q.id] = c;
                    if (!isNamed(c) && !anyRuleHolds(tried)) {
                        chosen = &c;
                        break;
                    }
                }
                if (chosen) answers[q.id] = *chosen;
                continue;  // no safe answer: left unanswered rather than tripping a rule
            }
            if (!candidates.empty() && candidates.front().isAnswered()) answers[q.id] = candidates.front();
        }
    }
    return answers;
}

Answers randomAnswers(const QuestionSet& set, std::mt19937_64& rng) {
    return walkVisible(set, [&rng](const Question& q) { return randomAnswer(q, rng); });
}

Answers randomAnswersSafetyNo(const QuestionSet& set, std::mt19937_64& rng) {
    NamedValues named;
    for (const auto& rule : set.safetyRules) collectNamed(rule.when, named);
    return walkVisible(set, [&](const Question& q) {
        auto it = named.find(q.id);
        bool choice = q.type == QuestionType::SingleChoice || q.type == QuestionType::YesNo;
        return it != named.end() && choice ? safeAnswer(q, it->second, rng) : randomAnswer(q, rng);
    });
}

std::vector<std::string> CoverageReport::unreachableTips() const {
    std::vector<std::string> out;
    for (const auto& t : tips)
        if (!t.reachable) out.push_back(t.id);
    return out;
}

std::vector<std::string> CoverageReport::unreachableDimensions() const {
    std::vector<std::string> out;
    for (const auto& d : dimensions)
        if (!d.reachable) out.push_back(d.id);
    return out;
}

const TipCoverage* CoverageReport::findTip(const std::string& id) const {
    for (const auto& t : tips)
        if (t.id == id) return &t;
    return nullptr;
}

double CoverageReport::maxShare() const {
    double m = 0;
    for (const auto& t : tips) m = std::max(m, t.share);
    return m;
}

CoverageReport coverage(const QuestionSet& set, int patterns, uint64_t seed, int topN, bool safetyHeldAtNo) {
    CoverageReport report;
    report.safetyHeldAtNo = safetyHeldAtNo;
    report.patterns = std::max(patterns, 0);
    report.seed = seed;
    report.topN = topN;
    for (const auto& t : set.tips) report.tips.push_back({t.id, 0, 0, 0, reachable(set, t.id, true)});
    for (const auto& d : set.dimensions) report.dimensions.push_back({d.id, 0, reachable(set, d.id, false)});

    std::vector<int> dimensionCounts(report.dimensions.size(), 0);
    std::mt19937_64 rng(seed);
    for (int i = 0; i < report.patterns; ++i) {
        Answers answers = safetyHeldAtNo ? randomAnswersSafetyNo(set, rng) : randomAnswers(set, rng);
        ScoreResult result = score(set, answers);
        if (!result.safety.empty()) ++report.withSafety;
        for (const TipScore* t : result.topTips(topN))
            for (auto& c : report.tips)
                if (c.id == t->id) ++c.inTop;
        for (const auto& t : result.tips)
            if (t.suppressed)
                for (auto& c : report.tips)
                    if (c.id == t.id) ++c.suppressed;
        for (const auto& d : result.dimensions) {
            if (!d.enoughAnswers) continue;
            for (size_t k = 0; k < report.dimensions.size(); ++k)
                if (report.dimensions[k].id == d.id) {
                    report.dimensions[k].meanPercent += d.percent;
                    ++dimensionCounts[k];
                }
        }
    }
    for (auto& t : report.tips) t.share = report.patterns > 0 ? double(t.inTop) / report.patterns : 0;
    for (size_t k = 0; k < report.dimensions.size(); ++k)
        if (dimensionCounts[k] > 0) report.dimensions[k].meanPercent /= dimensionCounts[k];
    return report;
}

}  // namespace rekindle::core
