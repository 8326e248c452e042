// Turns answers into dimension scores and ranked tips, each carrying the contributions that produced it.
#pragma once

#include <string>
#include <vector>

#include "core/answers.hpp"
#include "core/question_set.hpp"

namespace rekindle::core {

// One answer's share in a score: what the person answered and how many points it gave.
struct Contribution {
    std::string questionId;
    std::string answer;  // describeAnswer() of the answer
    double weight = 0;   // the author's weight for this target
    bool reversed = false;
    double points = 0;     // what this answer added (may be negative)
    double maxPoints = 0;  // the most this question could add to this target
    bool operator==(const Contribution&) const = default;
};

struct ScoreItem {
    std::string id;
    double raw = 0;
    double max = 0;       // sum of the visible, answered, scored questions' maxima
    double percent = 0;   // clamp(raw / max, 0, 1) * 100; 0 when max <= 0
    int questionsTargeting = 0;  // visible questions that can contribute
    int questionsAnswered = 0;   // of those, answered with a scored answer
    bool enoughAnswers = true;   // answered share >= minAnsweredShare
    std::vector<Contribution> contributions;  // in question order
};

struct DimensionScore : ScoreItem {
    int band = -1;  // index into Dimension::bands, -1 when not enough answers
    std::string bandLabel;
    std::string interpretation;  // the band's text, or its safety variant while a safety rule holds ("" = hidden)
};

struct TipScore : ScoreItem {
    int rank = 0;  // 1-based among non-suppressed tips with enough answers; 0 otherwise
    bool suppressed = false;
    std::string suppressedBy;  // safety rule id
    int declaredIndex = 0;
};

struct SafetyOutcome {
    std::string ruleId;
    std::string guidance;
    std::string notice;
    std::vector<std::string> suppress;
};

struct ScoreResult {
    std::vector<DimensionScore> dimensions;  // in declared order
    std::vector<TipScore> tips;              // ranked: relevance desc, then declared order; suppressed and
                                             // not-enough-answers tips follow, in declared order
    std::vector<SafetyOutcome> safety;       // rules that hold, in declared order
    int visibleQuestions = 0;
    int answeredQuestions = 0;
    double minRelevance = 0;  // the set's: tips below it are not featured
    // The featured tips: ranked, above 0 and at least minRelevance, at most n.
    std::vector<const TipScore*> topTips(int n) const;
};

ScoreResult score(const QuestionSet& set, const Answers& answers);

// A percent as it is shown: a whole number, rounded half to even like printf's "%.0f". Bands are chosen on it.
double shownPercent(double percent);

// How well a tip fits, in words, for people: a relevance percent reads like a probability, which it is not.
// "strong fit" from kStrongFit, "some fit" from kSomeFit, else "slight fit" (docs/content-notes.md says why).
constexpr double kStrongFit = 60;
constexpr double kSomeFit = 35;
const char* relevanceWord(double percent);

}  // namespace rekindle::core
