// The walk through a question set one step at a time: section intros, visible questions, reflection prompts.
// Recomputed whenever an answer changes, because conditions may show or hide later questions.
#pragma once

#include <string>
#include <vector>

#include "core/answers.hpp"
#include "core/question_set.hpp"

namespace rekindle::app {

struct Step {
    enum class Kind { Intro, Question, Reflection };
    Kind kind = Kind::Question;
    size_t section = 0;
    size_t question = 0;  // for Question
    bool operator==(const Step&) const = default;
};

std::vector<Step> buildSteps(const core::QuestionSet& set, const core::Answers& answers);

// Where a step went after the steps were rebuilt: the same step if it still exists, else the first later one.
size_t relocate(const std::vector<Step>& oldSteps, size_t oldIndex, const std::vector<Step>& newSteps);

// "7 of 28": the 1-based number of the question at or before this step among the visible questions, and the total.
struct Progress {
    int number = 0;
    int total = 0;
    std::string section;
};
Progress progressAt(const core::QuestionSet& set, const std::vector<Step>& steps, size_t index);

// Answer helpers for keyboard input: the answer that the n-th choice (1-based) gives on this question, or None.
core::Answer answerForNumber(const core::Question& q, const core::Answer& current, int n);
// Number of keyboard-pickable choices (likert points + extra options, options, 2 for yes/no).
int choiceCount(const core::Question& q);

}  // namespace rekindle::app
