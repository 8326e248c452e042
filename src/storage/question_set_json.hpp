// Reading a question set from JSON into the core model, with a validator that reports every problem it finds
// (file:line:column, JSON pointer, what to change), errors apart from warnings. See docs/question-sets.md.
#pragma once

#include <atomic>
#include <filesystem>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/question_set.hpp"
#include "storage/library.hpp"
#include "storage/problem.hpp"

namespace rekindle::storage {

constexpr const char* kQuestionSetFormat = "rekindle.question-set/1";

struct LoadedSet {
    std::filesystem::path path;
    std::optional<core::QuestionSet> set;  // present only when there are no errors
    std::vector<Problem> problems;         // every problem, not only the first
    bool valid() const { return set.has_value(); }
    int errorCount() const { return countErrors(problems); }
    int warningCount() const { return countWarnings(problems); }
};

LoadedSet loadQuestionSet(const std::filesystem::path& file, const Library& library);
LoadedSet parseQuestionSet(std::string_view json, const std::string& fileName, const Library& library);

// Every *.json file directly in dir, sorted by file name; invalid ones are included with their problems. A set
// `stop` ends the reading between two files (what was read so far is returned).
std::vector<LoadedSet> loadQuestionSetsIn(const std::filesystem::path& dir, const Library& library,
                                          const std::atomic<bool>* stop = nullptr);

// FNV-1a 64 of the bytes, as 16 lowercase hex digits.
std::string fnv1aHex(std::string_view bytes);
// fnv1aHex(value.dump()): the hash of the canonical serialisation, as stored in drafts and results.
std::string canonicalHash(const nlohmann::json& value);

}  // namespace rekindle::storage
