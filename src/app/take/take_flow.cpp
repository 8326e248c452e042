// Step building and keyboard answer mapping; pure logic, tested without a window.
#include "app/take/take_flow.hpp"

#include <algorithm>

namespace rekindle::app {

using core::Question;
using core::QuestionType;

std::vector<Step> buildSteps(const core::QuestionSet& set, const core::Answers& answers) {
    std::vector<Step> steps;
    auto visible = core::visibleQuestions(set, answers);
    for (size_t i = 0; i < visible.size(); ++i) {
        const auto& ref = visible[i];
        const auto& section = set.sections[ref.section];
        bool firstOfSection = i == 0 || visible[i - 1].section != ref.section;
        bool lastOfSection = i + 1 == visible.size() || visible[i + 1].section != ref.section;
        if (firstOfSection && !section.intro.empty()) steps.push_back({Step::Kind::Intro, ref.section, 0});
        steps.push_back({Step::Kind::Question, ref.section, ref.question});
        if (lastOfSection && !section.reflectionPrompt.empty()) steps.push_back({Step::Kind::Reflection, ref.section, 0});
    }
    return steps;
}

size_t relocate(const std::vector<Step>& oldSteps, size_t oldIndex, const std::vector<Step>& newSteps) {
    if (newSteps.empty()) return 0;
    if (oldIndex >= oldSteps.size()) return std::min(oldIndex, newSteps.size());
    for (size_t i = oldIndex; i < oldSteps.size(); ++i) {
        auto it = std::find(newSteps.begin(), newSteps.end(), oldSteps[i]);
        if (it != newSteps.end()) return size_t(it - newSteps.begin());
    }
    return newSteps.size();
}

Progress progressAt(const core::QuestionSet& set, const std::vector<Step>& steps, size_t index) {
    Progress p;
    for (size_t i = 0; i < steps.size(); ++i) {
        if (steps[i].kind != Step::Kind::Question) continue;
        ++p.total;
        if (i <= index) p.number = p.total;
    }
    if (index < steps.size()) {
        if (p.number == 0) p.number = 1;
        p.section = set.sections[steps[index].section].title;
    }
    return p;
}

int choiceCount(const Question& q) {
    switch (q.type) {
        case QuestionType::Likert: return q.points + int(q.options.size());
        case QuestionType::SingleChoice:
        case QuestionType::MultipleChoice: return int(q.options.size());
        case QuestionType::YesNo: return q.options.empty() ? 2 : int(q.options.size());
        case QuestionType::Slider: return int(q.options.size());
        case QuestionType::FreeText: return 0;
    }
    return 0;
}

core::Answer answerForNumber(const Question& q, const core::Answer& current, int n) {
    if (n < 1 || n > choiceCount(q)) return current;
    switch (q.type) {
        case QuestionType::Likert:
            if (n <= q.points) return core::Answer::ofNumber(n);
            return core::Answer::ofChoice(q.options[size_t(n - q.points - 1)].id);
        case QuestionType::SingleChoice: return core::Answer::ofChoice(q.options[size_t(n - 1)].id);
        case QuestionType::YesNo:
            if (q.options.empty()) return core::Answer::ofChoice(n == 1 ? "yes" : "no");
            return core::Answer::ofChoice(q.options[size_t(n - 1)].id);
        case QuestionType::Slider: return core::Answer::ofChoice(q.options[size_t(n - 1)].id);
        case QuestionType::MultipleChoice: {
            const std::string& id = q.options[size_t(n - 1)].id;
            std::vector<std::string> picks = current.kind == core::Answer::Kind::Choices ? current.choices
                                                                                          : std::vector<std::string>{};
            auto it = std::find(picks.begin(), picks.end(), id);
            if (it != picks.end()) picks.erase(it);
            else if (q.maxPicks > 0 && int(picks.size()) >= q.maxPicks) return current;  // full: ignore
            else picks.push_back(id);
            // Keep the set's option order so equal answers compare equal.
            std::vector<std::string> ordered;
            for (const auto& o : q.options)
                if (std::find(picks.begin(), picks.end(), o.id) != picks.end()) ordered.push_back(o.id);
            if (ordered.empty()) return core::Answer{};
            return core::Answer::ofChoices(ordered);
        }
        case QuestionType::FreeText: return current;
    }
    return current;
}

}  // namespace rekindle::app
