// makeResult: freezes a scored take into a ResultRecord. Its own file so that code which only reads saved results
// does not link scoring and answer rendering.
#include "core/result.hpp"

namespace rekindle::core {

ResultRecord makeResult(const QuestionSet& set, const Answers& answers, const std::map<std::string, std::string>& notes,
                        const ScoreResult& score, std::string completedAt, std::string id, std::string startedAt) {
    ResultRecord r;
    r.id = std::move(id);
    r.createdAt = startedAt.empty() ? completedAt : std::move(startedAt);
    r.completedAt = std::move(completedAt);
    r.setId = set.id;
    r.setVersion = set.version;
    r.setHash = set.contentHash;
    r.setTitle = set.title;
    r.topTips = set.result.topTips;
    r.minRelevance = set.result.minRelevance;
    r.visibleQuestions = score.visibleQuestions;
    r.answeredQuestions = score.answeredQuestions;
    for (const auto& [key, text] : notes)
        if (!text.empty()) r.notes[key] = text;
    for (const auto& section : set.sections)
        if (!section.reflectionPrompt.empty() && r.notes.count(section.id)) r.notePrompts.push_back({section.id, section.reflectionPrompt});

    for (const auto& section : set.sections)
        for (const auto& q : section.questions) {
            r.questionIds.push_back(q.id);
            auto a = answers.find(q.id);
            if (a == answers.end() || !a->second.isAnswered()) continue;
            // Answers to questions hidden by later changes are not part of the take.
            if (!isQuestionVisible(section, q, answers)) continue;
            r.answers[q.id] = a->second;
            r.answerLabels[q.id] = AnswerLabel{displayText(q, answers), describeAnswer(q, a->second)};
        }

    for (const auto& ds : score.dimensions) {
        DimensionRecord d;
        d.id = ds.id;
        d.raw = ds.raw;
        d.max = ds.max;
        d.percent = ds.percent;
        d.band = ds.band;
        d.bandLabel = ds.bandLabel;
        d.interpretation = ds.interpretation;
        d.enoughAnswers = ds.enoughAnswers;
        d.questionsTargeting = ds.questionsTargeting;
        d.questionsAnswered = ds.questionsAnswered;
        d.contributions = ds.contributions;
        if (const Dimension* def = set.findDimension(ds.id)) {
            d.label = def->label;
            d.meaningfulChange = def->meaningfulChange;
            d.higherIs = def->higherIs;
            for (const auto& b : def->bands) d.bands.push_back(BandRecord{b.minPercent, b.maxPercent, b.label});
        } else {
            d.label = ds.id;
        }
        r.dimensions.push_back(std::move(d));
    }

    for (const auto& ts : score.tips) {
        TipRecord t;
        t.id = ts.id;
        const Tip* def = set.findTip(ts.id);
        t.title = def ? def->title : ts.id;
        t.relevance = ts.percent;
        t.raw = ts.raw;
        t.max = ts.max;
        t.rank = ts.rank;
        t.suppressed = ts.suppressed;
        t.suppressedBy = ts.suppressedBy;
        t.enoughAnswers = ts.enoughAnswers;
        t.contributions = ts.contributions;
        r.tips.push_back(std::move(t));
    }

    for (const auto& s : score.safety) r.safety.push_back(SafetyRecord{s.ruleId, s.guidance, s.notice, s.suppress});
    return r;
}

}  // namespace rekindle::core
