// A finished take as plain data: what is saved as a result file, listed in History and compared over time.
// It snapshots everything compare, trends and export need (labels, bands, thresholds), so they never need the set.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/answers.hpp"
#include "core/question_set.hpp"
#include "core/scoring.hpp"

namespace rekindle::core {

constexpr int kResultFormatVersion = 1;  // written as "rekindle.result/1"

struct BandRecord {
    double minPercent = 0;
    double maxPercent = 100;
    std::string label;
    bool operator==(const BandRecord&) const = default;
};

struct DimensionRecord {
    std::string id;
    std::string label;
    double raw = 0;
    double max = 0;
    double percent = 0;
    int band = -1;  // index into bands; -1 when not enough answers
    std::string bandLabel;
    std::string interpretation;
    double meaningfulChange = 10;  // percentage points; a smaller change is "within noise"
    HigherIs higherIs = HigherIs::Neutral;
    bool enoughAnswers = true;
    int questionsTargeting = 0;
    int questionsAnswered = 0;
    std::vector<BandRecord> bands;  // snapshot, so trends can shade bands without the set file
    std::vector<Contribution> contributions;
    std::string extra;  // JSON object text of fields this build does not know; written back unchanged
    bool operator==(const DimensionRecord&) const = default;
};

struct TipRecord {
    std::string id;
    std::string title;
    double relevance = 0;  // percent 0..100
    double raw = 0;
    double max = 0;
    int rank = 0;  // 1-based among offered tips; 0 when suppressed or not enough answers
    bool suppressed = false;
    std::string suppressedBy;  // safety rule id
    bool enoughAnswers = true;
    std::vector<Contribution> contributions;
    std::string extra;
    bool operator==(const TipRecord&) const = default;
};

struct SafetyRecord {
    std::string ruleId;
    std::string guidance;
    std::string notice;
    std::vector<std::string> suppress;
    bool operator==(const SafetyRecord&) const = default;
};

// Whether any rule that holds sets tips aside (SafetyRecord or SafetyOutcome). Only then does a result read "tips
// that are still safe to try" with each area's safety wording: a rule that only adds a notice (low mood) or points
// to guidance leaves the advice as it is, and must not make the result read like a danger warning.
template <class Outcomes>
bool setsAdviceAside(const Outcomes& outcomes) {
    for (const auto& o : outcomes)
        if (!o.suppress.empty()) return true;
    return false;
}

// What a person saw for one answered question, frozen at the time of the take.
struct AnswerLabel {
    std::string question;  // the displayed text (after variants)
    std::string answer;    // describeAnswer(), e.g. "Often (4 of 5)"
    bool operator==(const AnswerLabel&) const = default;
};

struct NotePrompt {
    std::string section;  // the key in ResultRecord::notes
    std::string prompt;
    bool operator==(const NotePrompt&) const = default;
};

struct ResultRecord {
    int formatVersion = kResultFormatVersion;  // the version the file was read from; always written as current
    std::string id;           // e.g. 20261125T221500Z-pulling-away-7f3a; also the file name without .json
    std::string createdAt;    // UTC RFC 3339: when the take started
    std::string completedAt;  // UTC RFC 3339: when it was finished
    std::string appVersion;
    std::string setId;
    std::string setVersion;
    std::string setHash;
    std::string setTitle;
    std::vector<std::string> questionIds;  // every question of the set in order, so compare can tell
                                           // "not in this version" from "skipped"
    Answers answers;                       // by question id
    std::map<std::string, AnswerLabel> answerLabels;  // by question id, answered ones only
    std::map<std::string, std::string> notes;  // section id -> reflection; "note" -> the free note
    // The reflection prompts as they were asked, in the set's order, so a report shows the question, not an id.
    std::vector<NotePrompt> notePrompts;
    std::vector<DimensionRecord> dimensions;   // declared order
    std::vector<TipRecord> tips;               // ranked first (rank 1..), then unranked in declared order
    std::vector<SafetyRecord> safety;
    int topTips = 3;
    double minRelevance = 0;  // the set's at the time: tips below it were not featured
    int visibleQuestions = 0;
    int answeredQuestions = 0;
    std::string extra;  // JSON object text of unknown top-level fields, kept across a re-write

    bool operator==(const ResultRecord&) const = default;

    const DimensionRecord* findDimension(const std::string& dimensionId) const {
        for (const auto& d : dimensions)
            if (d.id == dimensionId) return &d;
        return nullptr;
    }
    const TipRecord* findTip(const std::string& tipId) const {
        for (const auto& t : tips)
            if (t.id == tipId) return &t;
        return nullptr;
    }
    // The featured tips: ranked 1..n (n defaults to topTips), best first.
    std::vector<const TipRecord*> topTipRecords(int n = 0) const;
    const TipRecord* topTip() const;  // rank 1, or nullptr
    // All notes joined with newlines, for search and export.
    std::string notesText() const;
};

// Builds the record of a finished take. startedAt defaults to completedAt; appVersion is filled by storage on save
// when left empty (core does not know the build).
ResultRecord makeResult(const QuestionSet& set, const Answers& answers, const std::map<std::string, std::string>& notes,
                        const ScoreResult& score, std::string completedAt, std::string id, std::string startedAt = {});

// What a holding rule really set aside, built from its suppress list and the tips' titles:
// "While this applies, these tips are set aside: “A”, “B” and “C”." Empty when it set nothing aside.
std::string setAsideText(const SafetyRecord& rule, const ResultRecord& record);
std::string setAsideText(const std::vector<std::string>& suppress, const QuestionSet& set);

// A compact rendering of a raw answer when no label was saved ("often" -> option id, 4 -> "4").
std::string rawAnswerText(const Answer& answer);

// The label saved for a question, else the raw rendering; "" when not answered.
std::string answerText(const ResultRecord& record, const std::string& questionId);

}  // namespace rekindle::core
