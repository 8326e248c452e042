// A person's answers to a question set, and which questions are visible given those answers.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/question_set.hpp"

namespace rekindle::core {

struct Answer {
    enum class Kind { None, Choice, Choices, Number, Text };
    Kind kind = Kind::None;
    std::string choice;                // Choice: option id (also an unscored option on a likert or slider)
    std::vector<std::string> choices;  // Choices: option ids, in the set's option order
    double number = 0;                 // Number: likert point (1..N) or slider value
    std::string text;                  // Text: free text

    static Answer ofChoice(std::string id);
    static Answer ofChoices(std::vector<std::string> ids);
    static Answer ofNumber(double value);
    static Answer ofText(std::string value);
    bool isAnswered() const;
    bool operator==(const Answer&) const = default;
};

using Answers = std::map<std::string, Answer>;  // by question id

bool evaluate(const Condition& condition, const Answers& answers);
bool isSectionVisible(const Section& section, const Answers& answers);
bool isQuestionVisible(const Section& section, const Question& question, const Answers& answers);
// The text to show: the first variant whose condition holds, else the question's own text.
const std::string& displayText(const Question& question, const Answers& answers);

// Visible questions in order, as (section index, question index): what the take screen walks through.
struct QuestionRef {
    size_t section = 0;
    size_t question = 0;
    bool operator==(const QuestionRef&) const = default;
};
std::vector<QuestionRef> visibleQuestions(const QuestionSet& set, const Answers& answers);

// The answers that count: those of questions still visible once every condition is re-evaluated in order. An
// answer left on a question that became hidden is dropped, so it can neither show later questions nor score.
Answers effectiveAnswers(const QuestionSet& set, const Answers& answers);

// A human-readable rendering of an answer ("Often (4 of 5)", "Yes", "7", "I don't know").
std::string describeAnswer(const Question& question, const Answer& answer);

}  // namespace rekindle::core
