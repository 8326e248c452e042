// Answers, condition evaluation and visibility: which questions a person sees given what they said earlier.
#include "core/answers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace rekindle::core {

Answer Answer::ofChoice(std::string id) {
    Answer a;
    a.kind = Kind::Choice;
    a.choice = std::move(id);
    return a;
}

Answer Answer::ofChoices(std::vector<std::string> ids) {
    Answer a;
    a.kind = Kind::Choices;
    a.choices = std::move(ids);
    return a;
}

Answer Answer::ofNumber(double value) {
    Answer a;
    a.kind = Kind::Number;
    a.number = value;
    return a;
}

Answer Answer::ofText(std::string value) {
    Answer a;
    a.kind = Kind::Text;
    a.text = std::move(value);
    return a;
}

bool Answer::isAnswered() const {
    switch (kind) {
        case Kind::None: return false;
        case Kind::Choice: return !choice.empty();
        // An empty pick list is a real answer ("none of these") only if the person confirmed it; storage keeps
        // skipped multiple-choice questions as None, so an empty list here means they picked nothing on purpose.
        case Kind::Choices: return true;
        case Kind::Number: return std::isfinite(number);
        case Kind::Text: return !text.empty();
    }
    return false;
}

namespace {

bool sameNumber(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

bool matchesValue(const Answer& a, const ConditionValue& v) {
    switch (a.kind) {
        case Answer::Kind::Choice: return v.option && *v.option == a.choice;
        case Answer::Kind::Choices:
            return v.option && std::find(a.choices.begin(), a.choices.end(), *v.option) != a.choices.end();
        case Answer::Kind::Number: return v.number && sameNumber(a.number, *v.number);
        default: return false;
    }
}

}  // namespace

bool evaluate(const Condition& c, const Answers& answers) {
    switch (c.op) {
        case Condition::Op::All:
            for (const auto& child : c.children)
                if (!evaluate(child, answers)) return false;
            return true;
        case Condition::Op::Any:
            for (const auto& child : c.children)
                if (evaluate(child, answers)) return true;
            return false;
        case Condition::Op::Not: return c.children.empty() ? true : !evaluate(c.children.front(), answers);
        default: break;
    }
    auto it = answers.find(c.question);
    if (it == answers.end() || !it->second.isAnswered()) return false;
    const Answer& a = it->second;
    switch (c.op) {
        case Condition::Op::Equals: return !c.values.empty() && matchesValue(a, c.values.front());
        case Condition::Op::OneOf:
            for (const auto& v : c.values)
                if (matchesValue(a, v)) return true;
            return false;
        case Condition::Op::AtLeast:
            return a.kind == Answer::Kind::Number && !c.values.empty() && c.values.front().number &&
                   (a.number >= *c.values.front().number || sameNumber(a.number, *c.values.front().number));
        case Condition::Op::AtMost:
            return a.kind == Answer::Kind::Number && !c.values.empty() && c.values.front().number &&
                   (a.number <= *c.values.front().number || sameNumber(a.number, *c.values.front().number));
        default: return false;
    }
}

bool isSectionVisible(const Section& section, const Answers& answers) {
    return !section.showIf || evaluate(*section.showIf, answers);
}

bool isQuestionVisible(const Section& section, const Question& question, const Answers& answers) {
    return isSectionVisible(section, answers) && (!question.showIf || evaluate(*question.showIf, answers));
}

const std::string& displayText(const Question& question, const Answers& answers) {
    for (const auto& v : question.variants)
        if (evaluate(v.when, answers)) return v.text;
    return question.text;
}

Answers effectiveAnswers(const QuestionSet& set, const Answers& answers) {
    // Conditions only look at earlier questions, so one pass in order settles every visibility: an answer left
    // behind on a question that is now hidden must not keep later questions visible.
    Answers out;
    for (const auto& s : set.sections) {
        for (const auto& q : s.questions) {
            auto it = answers.find(q.id);
            if (it == answers.end()) continue;
            if (isQuestionVisible(s, q, out)) out.emplace(q.id, it->second);
        }
    }
    return out;
}

std::vector<QuestionRef> visibleQuestions(const QuestionSet& set, const Answers& answers) {
    Answers effective = effectiveAnswers(set, answers);
    std::vector<QuestionRef> out;
    for (size_t si = 0; si < set.sections.size(); ++si) {
        const Section& s = set.sections[si];
        for (size_t qi = 0; qi < s.questions.size(); ++qi)
            if (isQuestionVisible(s, s.questions[qi], effective)) out.push_back({si, qi});
    }
    return out;
}

namespace {

std::string formatNumber(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

std::string optionLabel(const Question& q, const std::string& id) {
    if (const Option* o = q.findOption(id)) return o->label;
    if (q.type == QuestionType::YesNo) return id == "yes" ? "Yes" : id == "no" ? "No" : id;
    return id;
}

}  // namespace

std::string describeAnswer(const Question& q, const Answer& a) {
    switch (a.kind) {
        case Answer::Kind::None: return "no answer";
        case Answer::Kind::Choice: return optionLabel(q, a.choice);
        case Answer::Kind::Choices: {
            if (a.choices.empty()) return "none of these";
            std::string out;
            for (const auto& id : a.choices) {
                if (!out.empty()) out += ", ";
                out += optionLabel(q, id);
            }
            return out;
        }
        case Answer::Kind::Number: {
            if (q.type == QuestionType::Likert) {
                long point = std::lround(a.number);
                std::string n = std::to_string(point) + " of " + std::to_string(q.points);
                if (point >= 1 && point <= long(q.labels.size())) return q.labels[size_t(point - 1)] + " (" + n + ")";
                return n;
            }
            std::string out = formatNumber(a.number);
            if (q.type == QuestionType::Slider) out += " on " + formatNumber(q.min) + "–" + formatNumber(q.max);
            return out;
        }
        case Answer::Kind::Text: return a.text;
    }
    return {};
}

}  // namespace rekindle::core
