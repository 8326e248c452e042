// The scoring engine: turns answers into dimension and tip scores that each keep the answers that produced them.
#include "core/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

#include "core/result.hpp"

namespace rekindle::core {

namespace {

enum class Target { Dimension, Tip };

const std::map<std::string, double>& weightsFor(const Weights& w, Target t) {
    return t == Target::Dimension ? w.dimensions : w.tips;
}

double weightOf(const Weights& w, Target t, const std::string& id) {
    const auto& m = weightsFor(w, t);
    auto it = m.find(id);
    return it == m.end() ? 0.0 : it->second;
}

bool usesOptionWeights(const Question& q) {
    return q.type == QuestionType::SingleChoice || q.type == QuestionType::MultipleChoice ||
           q.type == QuestionType::YesNo;
}

// The most q can add to the target: what the percent is measured against.
double maxFor(const Question& q, Target t, const std::string& id) {
    if (q.type == QuestionType::Likert || q.type == QuestionType::Slider) return std::max(weightOf(q.weights, t, id), 0.0);
    if (q.type == QuestionType::MultipleChoice) {
        std::vector<double> positive;
        for (const auto& o : q.options) {
            double w = o.unscored ? 0 : weightOf(o.weights, t, id);
            if (w > 0) positive.push_back(w);
        }
        std::sort(positive.begin(), positive.end(), std::greater<>());
        size_t n = q.maxPicks > 0 ? std::min(positive.size(), size_t(q.maxPicks)) : positive.size();
        double sum = 0;
        for (size_t i = 0; i < n; ++i) sum += positive[i];
        return sum;
    }
    double best = 0;
    for (const auto& o : q.options)
        if (!o.unscored) best = std::max(best, weightOf(o.weights, t, id));
    return best;
}

double position(const Question& q, double value) {
    double p = 0;
    if (q.type == QuestionType::Likert) p = q.points > 1 ? (value - 1) / double(q.points - 1) : 0;
    else p = q.max > q.min ? (value - q.min) / (q.max - q.min) : 0;
    p = std::clamp(p, 0.0, 1.0);
    return q.reverse ? 1 - p : p;
}

// Fills contribution.points when the answer is a scored one; false for unscored picks and non-answers.
bool scoredPoints(const Question& q, const Answer& a, Target t, const std::string& id, Contribution& c) {
    c.weight = 0;
    switch (q.type) {
        case QuestionType::Likert:
        case QuestionType::Slider:
            if (a.kind != Answer::Kind::Number || !std::isfinite(a.number)) return false;  // e.g. "I don't know"
            c.weight = weightOf(q.weights, t, id);
            c.reversed = q.reverse;
            c.points = c.weight * position(q, a.number);
            return true;
        case QuestionType::SingleChoice:
        case QuestionType::YesNo: {
            if (a.kind != Answer::Kind::Choice) return false;
            const Option* o = q.findOption(a.choice);
            if (!o || o->unscored) return false;
            c.weight = weightOf(o->weights, t, id);
            c.points = c.weight;
            return true;
        }
        case QuestionType::MultipleChoice: {
            if (a.kind != Answer::Kind::Choices) return false;
            bool anyScored = a.choices.empty();  // an empty pick list is a deliberate "none of these"
            double sum = 0;
            for (const auto& pick : a.choices) {
                const Option* o = q.findOption(pick);
                if (!o || o->unscored) continue;
                anyScored = true;
                sum += weightOf(o->weights, t, id);
            }
            if (!anyScored) return false;
            c.weight = sum;
            c.points = sum;
            return true;
        }
        case QuestionType::FreeText: return false;
    }
    return false;
}

// Adds one visible question's part to a target it can move (one of targetIds()).
void addQuestion(const Question& q, const Answer* answer, Target t, ScoreItem& item) {
    ++item.questionsTargeting;
    if (!answer || !answer->isAnswered()) return;
    Contribution c;
    if (!scoredPoints(q, *answer, t, item.id, c)) return;
    c.questionId = q.id;
    ++item.questionsAnswered;
    c.answer = describeAnswer(q, *answer);
    c.maxPoints = maxFor(q, t, item.id);
    item.raw += c.points;
    item.max += c.maxPoints;
    item.contributions.push_back(std::move(c));
}

void finishItem(const QuestionSet& set, ScoreItem& item) {
    item.percent = item.max > 0 ? std::clamp(item.raw / item.max, 0.0, 1.0) * 100.0 : 0.0;
    // At least one scored answer is always needed: a score built from nothing is not a score.
    item.enoughAnswers = item.questionsAnswered > 0 &&
                         double(item.questionsAnswered) >= set.result.minAnsweredShare * double(item.questionsTargeting) - 1e-9;
}

// The ids q can move for one kind of target, each once: its own weights (likert, slider) or those of its scored
// options. Only these questions count towards a target's answered share.
void targetIds(const Question& q, Target t, std::vector<const std::string*>& out) {
    out.clear();
    if (!q.isScored()) return;
    if (!usesOptionWeights(q)) {
        for (const auto& [id, w] : weightsFor(q.weights, t)) out.push_back(&id);
        return;
    }
    for (const auto& o : q.options)
        if (!o.unscored)
            for (const auto& [id, w] : weightsFor(o.weights, t)) out.push_back(&id);
    std::sort(out.begin(), out.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
    out.erase(std::unique(out.begin(), out.end(), [](const std::string* a, const std::string* b) { return *a == *b; }), out.end());
}

// The band is chosen on the percent as people see it, a whole number (rounded like printf's %.0f, half to even), so
// "34 %" never sits in the band that ends at 34. Band edges are whole numbers in every shipped set.
int findBand(const Dimension& d, double percent) {
    percent = shownPercent(percent);
    for (size_t i = 0; i < d.bands.size(); ++i) {
        const Band& b = d.bands[i];
        bool last = i + 1 == d.bands.size();
        if (percent >= b.minPercent && (percent < b.maxPercent || (last && percent <= b.maxPercent))) return int(i);
    }
    return -1;
}

// Percent quantised so that two routes to the same value (3/4 vs 6/8) tie exactly instead of by rounding luck.
long long rankKey(double percent) { return std::llround(percent * 1e6); }

}  // namespace

double shownPercent(double percent) { return std::nearbyint(percent); }

const char* relevanceWord(double percent) {
    if (percent >= kStrongFit) return "strong fit";
    if (percent >= kSomeFit) return "some fit";
    return "slight fit";
}

std::vector<const TipScore*> ScoreResult::topTips(int n) const {
    std::vector<const TipScore*> out;
    for (const auto& t : tips) {
        if (int(out.size()) >= n) break;
        if (t.rank > 0 && t.percent > 0 && t.percent + 1e-9 >= minRelevance) out.push_back(&t);
    }
    return out;
}

ScoreResult score(const QuestionSet& set, const Answers& answers) {
    ScoreResult r;
    Answers effective = effectiveAnswers(set, answers);
    r.dimensions.resize(set.dimensions.size());
    std::vector<TipScore> tips(set.tips.size());
    std::map<std::string_view, ScoreItem*> dimensionItems, tipItems;
    for (size_t i = 0; i < set.dimensions.size(); ++i) {
        r.dimensions[i].id = set.dimensions[i].id;
        dimensionItems.emplace(r.dimensions[i].id, &r.dimensions[i]);
    }
    for (size_t i = 0; i < set.tips.size(); ++i) {
        tips[i].id = set.tips[i].id;
        tips[i].declaredIndex = int(i);
        tipItems.emplace(tips[i].id, &tips[i]);
    }
    // One walk over the questions, each adding itself to the targets it can move, keeps scoring linear in the
    // number of questions (walking every question once per dimension and per tip did not).
    std::vector<const std::string*> ids;
    for (const auto& s : set.sections) {
        if (!isSectionVisible(s, effective)) continue;
        for (const auto& q : s.questions) {
            if (q.showIf && !evaluate(*q.showIf, effective)) continue;
            ++r.visibleQuestions;
            auto it = effective.find(q.id);
            const Answer* answer = it != effective.end() ? &it->second : nullptr;
            if (answer && answer->isAnswered()) ++r.answeredQuestions;
            for (auto [t, items] : {std::pair{Target::Dimension, &dimensionItems}, std::pair{Target::Tip, &tipItems}}) {
                targetIds(q, t, ids);
                for (const std::string* id : ids) {
                    auto item = items->find(*id);
                    if (item != items->end()) addQuestion(q, answer, t, *item->second);
                }
            }
        }
    }

    for (const auto& rule : set.safetyRules) {
        if (!evaluate(rule.when, effective)) continue;
        r.safety.push_back({rule.id, rule.guidance, rule.notice, rule.suppress});
    }
    r.minRelevance = set.result.minRelevance;
    const bool asideWording = setsAdviceAside(r.safety);

    for (size_t i = 0; i < set.dimensions.size(); ++i) {
        const Dimension& d = set.dimensions[i];
        DimensionScore& ds = r.dimensions[i];
        finishItem(set, ds);
        if (ds.enoughAnswers) {
            ds.band = findBand(d, ds.percent);
            if (ds.band >= 0) {
                ds.bandLabel = d.bands[size_t(ds.band)].label;
                const Band& band = d.bands[size_t(ds.band)];
                ds.interpretation = asideWording && band.safetyInterpretation ? *band.safetyInterpretation
                                                                                    : band.interpretation;
            }
        }
    }


    for (auto& ts : tips) {
        finishItem(set, ts);
        for (const auto& outcome : r.safety) {
            if (std::find(outcome.suppress.begin(), outcome.suppress.end(), ts.id) != outcome.suppress.end()) {
                ts.suppressed = true;
                ts.suppressedBy = outcome.ruleId;
                break;
            }
        }
    }
    std::stable_sort(tips.begin(), tips.end(), [](const TipScore& a, const TipScore& b) {
        bool ra = !a.suppressed && a.enoughAnswers, rb = !b.suppressed && b.enoughAnswers;
        if (ra != rb) return ra;
        if (ra && rankKey(a.percent) != rankKey(b.percent)) return rankKey(a.percent) > rankKey(b.percent);
        return a.declaredIndex < b.declaredIndex;
    });
    int rank = 0;
    for (auto& t : tips)
        if (!t.suppressed && t.enoughAnswers) t.rank = ++rank;
    r.tips = std::move(tips);
    return r;
}

}  // namespace rekindle::core
