// The answers file (docs/answers-format.md): what `rekindle score` reads and tests feed the engine. Values are
// interpreted by the question's type, and every mismatch is a Problem with its place.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/answers.hpp"
#include "core/question_set.hpp"
#include "storage/problem.hpp"

namespace rekindle::storage {

constexpr const char* kAnswersFormat = "rekindle.answers/1";

struct AnswersFile {
    std::string setId;
    core::Answers answers;
    std::map<std::string, std::string> notes;  // section id → reflection text
    std::vector<Problem> problems;
    bool valid() const { return countErrors(problems) == 0; }
};

AnswersFile parseAnswers(std::string_view json, const std::string& fileName, const core::QuestionSet& set);
AnswersFile loadAnswers(const std::filesystem::path& file, const core::QuestionSet& set);

// The canonical text of an answers file (keys sorted, two-space indent), readable back by parseAnswers.
std::string answersToJson(const core::QuestionSet& set, const core::Answers& answers,
                          const std::map<std::string, std::string>& notes = {});

}  // namespace rekindle::storage
