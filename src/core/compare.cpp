// Compare logic: the threshold test, top-N set differences and the version-mismatch bookkeeping.
#include "core/compare.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace rekindle::core {

namespace {

// Saved percents carry floating-point noise (66.66666666666667); a delta that equals the threshold on paper must
// count as meaningful, so compare with a small tolerance.
constexpr double kEpsilon = 1e-9;

std::vector<std::string> onlyIn(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::set<std::string> inB(b.begin(), b.end());
    std::vector<std::string> out;
    for (const auto& id : a)
        if (!inB.count(id)) out.push_back(id);
    return out;
}

template <class T>
std::vector<std::string> ids(const std::vector<T>& items) {
    std::vector<std::string> out;
    for (const auto& i : items) out.push_back(i.id);
    return out;
}

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) {
        if (!out.empty()) out += ", ";
        out += s;
    }
    return out;
}

TipMove makeMove(const std::string& id, const TipRecord* b, const TipRecord* a) {
    TipMove m;
    m.id = id;
    m.title = a ? a->title : b ? b->title : id;
    if (b) {
        m.rankBefore = b->suppressed ? 0 : b->rank;
        m.relevanceBefore = b->relevance;
        m.heldBackBefore = b->suppressed;
    }
    if (a) {
        m.rankAfter = a->suppressed ? 0 : a->rank;
        m.relevanceAfter = a->relevance;
        m.heldBackAfter = a->suppressed;
    }
    return m;
}

}  // namespace

const char* DimensionDelta::direction() const {
    if (std::fabs(delta) <= 0.5) return "no change";  // shown as a whole number: "0 points better" would be odd
    bool up = delta > 0;
    switch (higherIs) {
        case HigherIs::Better: return up ? "better" : "worse";
        case HigherIs::Worse: return up ? "worse" : "better";
        case HigherIs::Neutral: break;
    }
    return up ? "higher" : "lower";
}

std::string DimensionDelta::changeText() const {
    if (std::fabs(delta) <= 0.5) return "no change";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", std::fabs(delta));
    return std::string(buf) + (std::string(buf) == "1" ? " point " : " points ") + direction();
}

std::string DimensionDelta::thresholdText() const {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f", threshold);
    return std::string("A change of ") + buf +
           " points or more counts as meaningful here. Smaller moves are within the usual ups and downs of "
           "answering the same questions twice.";
}

std::string DimensionDelta::verdictText() const {
    if (!comparable) return "One of the two takes has too few answers here to compare.";
    if (meaningful) return "This moved by more than the usual ups and downs, so it is likely a real change.";
    if (possible)
        return "This moved by more than the usual ups and downs, but one of the scores rests on a single answer, so "
               "treat it as a possible change.";
    return "This moved less than the usual ups and downs, so it may be noise rather than a real change.";
}

int Comparison::meaningfulCount() const {
    int n = 0;
    for (const auto& d : dimensions) n += d.meaningful ? 1 : 0;
    return n;
}

Comparison compareResults(const ResultRecord& before, const ResultRecord& after, int topN) {
    Comparison c;
    c.beforeId = before.id;
    c.afterId = after.id;
    c.setId = after.setId;
    c.beforeVersion = before.setVersion;
    c.afterVersion = after.setVersion;
    c.sameVersion = before.setVersion == after.setVersion;
    c.topN = topN > 0 ? topN : std::max(1, after.topTips);
    if (before.setId != after.setId) {
        c.ok = false;
        c.error = "these results are from different question sets (" + before.setId + " and " + after.setId +
                  "); only results of the same set can be compared";
        return c;
    }

    // Dimensions present in both, in the later order.
    for (const auto& da : after.dimensions) {
        const DimensionRecord* db = before.findDimension(da.id);
        if (!db) continue;
        DimensionDelta d;
        d.id = da.id;
        d.label = da.label.empty() ? db->label : da.label;
        d.before = db->percent;
        d.after = da.percent;
        d.delta = da.percent - db->percent;
        d.threshold = da.meaningfulChange > 0 ? da.meaningfulChange : db->meaningfulChange;
        d.comparable = da.enoughAnswers && db->enoughAnswers;
        // 0 answered is an older file that did not record it; only a recorded single answer makes a change "possible".
        d.singleAnswer = da.questionsAnswered == 1 || db->questionsAnswered == 1;
        bool past = d.comparable && std::fabs(d.delta) + kEpsilon >= d.threshold;
        d.meaningful = past && !d.singleAnswer;
        d.possible = past && d.singleAnswer;
        d.bandBefore = db->bandLabel;
        d.bandAfter = da.bandLabel;
        d.higherIs = da.higherIs;
        c.dimensions.push_back(std::move(d));
    }
    c.dimensionsOnlyBefore = onlyIn(ids(before.dimensions), ids(after.dimensions));
    c.dimensionsOnlyAfter = onlyIn(ids(after.dimensions), ids(before.dimensions));
    c.tipsOnlyBefore = onlyIn(ids(before.tips), ids(after.tips));
    c.tipsOnlyAfter = onlyIn(ids(after.tips), ids(before.tips));

    // Tips: membership of the top N and rank changes among tips both results know.
    auto topBefore = before.topTipRecords(c.topN);
    auto topAfter = after.topTipRecords(c.topN);
    std::set<std::string> inTopBefore, inTopAfter;
    for (auto* t : topBefore) inTopBefore.insert(t->id);
    for (auto* t : topAfter) inTopAfter.insert(t->id);
    for (auto* t : topAfter)
        if (!inTopBefore.count(t->id)) c.enteredTop.push_back(makeMove(t->id, before.findTip(t->id), t));
    for (auto* t : topBefore)
        if (!inTopAfter.count(t->id)) c.leftTop.push_back(makeMove(t->id, t, after.findTip(t->id)));
    std::vector<const TipRecord*> rankedAfter;
    for (const auto& t : after.tips)
        if (t.rank > 0 && !t.suppressed) rankedAfter.push_back(&t);
    std::stable_sort(rankedAfter.begin(), rankedAfter.end(),
                     [](const TipRecord* x, const TipRecord* y) { return x->rank < y->rank; });
    for (const TipRecord* ta : rankedAfter) {
        const TipRecord* tb = before.findTip(ta->id);
        if (!tb || tb->rank <= 0 || tb->suppressed || tb->rank == ta->rank) continue;
        c.rankMoves.push_back(makeMove(ta->id, tb, ta));
    }

    // Answers: questions both versions have. Older files without a question list fall back to answered ids.
    auto questionList = [](const ResultRecord& r) {
        if (!r.questionIds.empty()) return r.questionIds;
        std::vector<std::string> out;
        for (const auto& [id, a] : r.answers) out.push_back(id);
        return out;
    };
    auto qBefore = questionList(before);
    auto qAfter = questionList(after);
    c.questionsOnlyBefore = onlyIn(qBefore, qAfter);
    c.questionsOnlyAfter = onlyIn(qAfter, qBefore);
    std::set<std::string> inBefore(qBefore.begin(), qBefore.end());
    for (const auto& qid : qAfter) {
        if (!inBefore.count(qid)) continue;
        auto ab = before.answers.find(qid);
        auto aa = after.answers.find(qid);
        Answer none;
        const Answer& xb = ab == before.answers.end() ? none : ab->second;
        const Answer& xa = aa == after.answers.end() ? none : aa->second;
        if (xb == xa) continue;
        AnswerChange ch;
        ch.questionId = qid;
        auto lb = before.answerLabels.find(qid);
        auto la = after.answerLabels.find(qid);
        ch.question = la != after.answerLabels.end() ? la->second.question
                      : lb != before.answerLabels.end() ? lb->second.question
                                                        : qid;
        ch.before = answerText(before, qid);
        ch.after = answerText(after, qid);
        c.answersChanged.push_back(std::move(ch));
    }

    if (!c.sameVersion)
        c.notComparable.push_back("The question set changed from version " + before.setVersion + " to " +
                                  after.setVersion + "; only what both versions share is compared.");
    if (!c.dimensionsOnlyBefore.empty())
        c.notComparable.push_back("Only in the earlier result (dimensions): " + joined(c.dimensionsOnlyBefore));
    if (!c.dimensionsOnlyAfter.empty())
        c.notComparable.push_back("Only in the later result (dimensions): " + joined(c.dimensionsOnlyAfter));
    if (!c.questionsOnlyBefore.empty())
        c.notComparable.push_back("Only in the earlier result (questions): " + joined(c.questionsOnlyBefore));
    if (!c.questionsOnlyAfter.empty())
        c.notComparable.push_back("Only in the later result (questions): " + joined(c.questionsOnlyAfter));
    if (!c.tipsOnlyBefore.empty())
        c.notComparable.push_back("Only in the earlier result (tips): " + joined(c.tipsOnlyBefore));
    if (!c.tipsOnlyAfter.empty())
        c.notComparable.push_back("Only in the later result (tips): " + joined(c.tipsOnlyAfter));
    for (const auto& d : c.dimensions)
        if (!d.comparable)
            c.notComparable.push_back("Not enough answers to compare " + d.label + ".");
    return c;
}

const ResultRecord* previousOfSameSet(const std::vector<ResultRecord>& all, const ResultRecord& current) {
    const ResultRecord* best = nullptr;
    auto key = [](const ResultRecord& r) { return std::make_pair(r.completedAt, r.id); };
    for (const auto& r : all) {
        if (r.setId != current.setId || &r == &current || r.id == current.id) continue;
        // An unsaved take (no id yet) comes after every result finished in the same second or earlier.
        if (current.id.empty() ? r.completedAt > current.completedAt : key(r) >= key(current)) continue;
        if (!best || key(r) > key(*best)) best = &r;
    }
    return best;
}

}  // namespace rekindle::core
