// Lookups and text helpers over the result record. Kept apart from makeResult so that reading, comparing and
// exporting saved results never depend on scoring.
#include "core/result.hpp"

#include <cstdio>

namespace rekindle::core {

std::vector<const TipRecord*> ResultRecord::topTipRecords(int n) const {
    if (n <= 0) n = topTips;
    std::vector<const TipRecord*> out;
    // Saved order is the ranking, but an edited or older file may not be sorted: select by rank.
    for (int r = 1; r <= n; ++r)
        for (const auto& t : tips)
            if (t.rank == r && !t.suppressed && t.relevance + 1e-9 >= minRelevance) {
                out.push_back(&t);
                break;
            }
    return out;
}

const TipRecord* ResultRecord::topTip() const {
    auto top = topTipRecords(1);
    return top.empty() ? nullptr : top.front();
}

std::string ResultRecord::notesText() const {
    std::string out;
    // The free note first: it is what a person searches for most.
    auto it = notes.find("note");
    if (it != notes.end() && !it->second.empty()) out = it->second;
    for (const auto& [key, text] : notes) {
        if (key == "note" || text.empty()) continue;
        if (!out.empty()) out += '\n';
        out += text;
    }
    return out;
}

std::string rawAnswerText(const Answer& answer) {
    switch (answer.kind) {
        case Answer::Kind::None: return {};
        case Answer::Kind::Choice: return answer.choice;
        case Answer::Kind::Choices: {
            std::string out;
            for (const auto& c : answer.choices) {
                if (!out.empty()) out += ", ";
                out += c;
            }
            return out;
        }
        case Answer::Kind::Number: {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%g", answer.number);
            return buf;
        }
        case Answer::Kind::Text: return answer.text;
    }
    return {};
}

std::string answerText(const ResultRecord& record, const std::string& questionId) {
    auto a = record.answers.find(questionId);
    if (a == record.answers.end() || a->second.kind == Answer::Kind::None) return {};
    auto l = record.answerLabels.find(questionId);
    if (l != record.answerLabels.end() && !l->second.answer.empty()) return l->second.answer;
    return rawAnswerText(a->second);
}

namespace {

std::string setAsideSentence(const std::vector<std::string>& titles) {
    if (titles.empty()) return {};
    std::string list;
    for (size_t i = 0; i < titles.size(); ++i) {
        if (i > 0) list += i + 1 == titles.size() ? " and " : ", ";
        list += "\u201c" + titles[i] + "\u201d";
    }
    return titles.size() == 1 ? "While this applies, this tip is set aside: " + list + "."
                              : "While this applies, these tips are set aside: " + list + ".";
}

}  // namespace

// Tips the set does not offer were never shown, so they are not named.
std::string setAsideText(const SafetyRecord& rule, const ResultRecord& record) {
    std::vector<std::string> titles;
    for (const auto& id : rule.suppress)
        if (const TipRecord* t = record.findTip(id)) titles.push_back(t->title);
    return setAsideSentence(titles);
}

std::string setAsideText(const std::vector<std::string>& suppress, const QuestionSet& set) {
    std::vector<std::string> titles;
    for (const auto& id : suppress)
        if (const Tip* t = set.findTip(id)) titles.push_back(t->title);
    return setAsideSentence(titles);
}

}  // namespace rekindle::core
