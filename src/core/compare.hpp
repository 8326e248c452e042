// Comparing two results of the same question set: dimension deltas judged against the set's noise threshold,
// movements in the featured tips, and changed answers. Works from the saved records alone.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"

namespace rekindle::core {

struct DimensionDelta {
    std::string id;
    std::string label;
    double before = 0;  // percent
    double after = 0;
    double delta = 0;      // after - before
    double threshold = 10; // meaningfulChange of the later result (the newer set's judgement)
    bool meaningful = false;  // |delta| >= threshold and both scores rest on more than one answer
    bool possible = false;    // |delta| >= threshold, but a score rests on a single answer: one answer can swing it
    bool singleAnswer = false;  // either side's score rests on one answered question
    bool comparable = true;   // false when either side has not enough answers
    std::string bandBefore;
    std::string bandAfter;
    HigherIs higherIs = HigherIs::Neutral;  // the later result's
    // Which way it moved, in words: "better" / "worse" when the dimension says which is good, else "higher" /
    // "lower"; "no change" at 0.
    const char* direction() const;
    // The change in words: "12 points better", "5 points higher", "no change" (rounded as shown).
    std::string changeText() const;
    // "meaningful change", "possible change", "within noise" or "not enough answers"
    const char* verdict() const {
        return !comparable ? "not enough answers"
               : meaningful ? "meaningful change"
               : possible   ? "possible change"
                            : "within noise";
    }
    // The threshold and the verdict in plain words, for Compare and the report.
    std::string thresholdText() const;
    std::string verdictText() const;
};

struct TipMove {
    std::string id;
    std::string title;
    int rankBefore = 0;  // 0 = not ranked (suppressed, not enough answers, or absent)
    int rankAfter = 0;
    double relevanceBefore = 0;
    double relevanceAfter = 0;
    bool heldBackBefore = false;  // suppressed by a safety rule: say so, not "not ranked"
    bool heldBackAfter = false;
};

struct AnswerChange {
    std::string questionId;
    std::string question;  // the later wording when both have one
    std::string before;    // "" = not answered
    std::string after;
};

struct Comparison {
    bool ok = true;
    std::string error;  // when !ok: why the two cannot be compared (different sets)
    std::string beforeId, afterId;
    std::string setId;
    std::string beforeVersion, afterVersion;
    bool sameVersion = true;
    int topN = 3;
    std::vector<DimensionDelta> dimensions;  // in the later result's order, only ids present in both
    std::vector<TipMove> enteredTop;   // in the top N after, not before (after's rank order)
    std::vector<TipMove> leftTop;      // in the top N before, not after (before's rank order)
    std::vector<TipMove> rankMoves;    // ranked in both, rank changed (after's rank order)
    std::vector<AnswerChange> answersChanged;  // questions in both versions, in the later set's order
    // What could not be compared because the versions differ: ids present in only one of them.
    std::vector<std::string> dimensionsOnlyBefore, dimensionsOnlyAfter;
    std::vector<std::string> questionsOnlyBefore, questionsOnlyAfter;
    std::vector<std::string> tipsOnlyBefore, tipsOnlyAfter;
    // Plain sentences about what is not comparable, for the UI and the CLI.
    std::vector<std::string> notComparable;

    int meaningfulCount() const;
};

// before and after as given (callers pass the older first). topN 0 = the later result's topTips.
Comparison compareResults(const ResultRecord& before, const ResultRecord& after, int topN = 0);

// The latest result of the same set completed before `current` (by completedAt, then id); nullptr when none.
const ResultRecord* previousOfSameSet(const std::vector<ResultRecord>& all, const ResultRecord& current);

}  // namespace rekindle::core
