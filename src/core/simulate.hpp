// Answer patterns for exercising a question set: lowest, highest and seeded random answers, and a coverage report
// (how often each tip reaches the top N, and what no answer can reach). Shared by tests, `rekindle simulate` and
// the GUI simulator.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/answers.hpp"
#include "core/question_set.hpp"

namespace rekindle::core {

// "First option everywhere": every visible question answered with its first scored choice (likert/slider: the
// lowest point; single/yes-no: the first scored option, so "yes" on a yes/no question; multiple: the first scored
// option alone). Free text is left unanswered.
Answers firstChoiceAnswers(const QuestionSet& set);
// The same with the last point / last scored option; multiple picks every scored option up to maxPicks.
Answers lastChoiceAnswers(const QuestionSet& set);
// "Lowest scores" / "highest scores": each visible question takes the answer that adds the fewest (most) points
// over all dimensions and tips, reversed scales included. Questions a safety rule looks at are answered so that
// no rule holds ("no" on a yes/no question), so the pattern shows the ranked tips rather than safety guidance.
enum class ScoreExtreme { Lowest, Highest };
Answers scoreExtremeAnswers(const QuestionSet& set, ScoreExtreme which);
// Walks the questions in order and answers only those visible given the earlier answers. Each choice is
// uniform over everything a person could pick, unscored options included; multiple choice picks each option
// with probability 1/2 (then keeps the first maxPicks). Uses only rng() % n so a seed gives the same pattern
// with any standard library.
Answers randomAnswers(const QuestionSet& set, std::mt19937_64& rng);
// The same, but every question a safety rule looks at is answered with a value no rule names: "no" on a yes/no
// question, else a uniform pick among the remaining options. So no rule that tests for a picked option
// holds, and a coverage report measures the tips themselves rather than which few survive suppression.
Answers randomAnswersSafetyNo(const QuestionSet& set, std::mt19937_64& rng);

struct TipCoverage {
    std::string id;
    int inTop = 0;           // patterns in which the tip was among the top N
    double share = 0;        // inTop / patterns
    int suppressed = 0;      // patterns in which a safety rule suppressed it
    bool reachable = false;  // some answer to some visible-able question gives it more than 0 points
};

struct DimensionCoverage {
    std::string id;
    double meanPercent = 0;  // over patterns with enough answers
    bool reachable = false;
};

struct CoverageReport {
    int patterns = 0;
    uint64_t seed = 0;
    int topN = 3;
    bool safetyHeldAtNo = false;  // patterns came from randomAnswersSafetyNo
    int withSafety = 0;  // patterns in which at least one safety rule held
    std::vector<TipCoverage> tips;              // in declared order
    std::vector<DimensionCoverage> dimensions;  // in declared order
    std::vector<std::string> unreachableTips() const;
    std::vector<std::string> unreachableDimensions() const;
    const TipCoverage* findTip(const std::string& id) const;
    double maxShare() const;
};

CoverageReport coverage(const QuestionSet& set, int patterns, uint64_t seed, int topN, bool safetyHeldAtNo = false);

}  // namespace rekindle::core
