// The content shared by every question set: the tip library (assets/tips.json) and the safety guidance
// (assets/safety-guidance.json), loaded with the same position-aware checks as a question set.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/question_set.hpp"
#include "core/safety.hpp"
#include "storage/problem.hpp"

namespace rekindle::storage {

class JsonChecker;

struct Library {
    std::vector<core::Tip> tips;
    core::SafetyGuidance guidance;
    std::vector<Problem> problems;  // problems in either file; the parts that read fine are still usable
    const core::Tip* findTip(const std::string& id) const;
};

// Reads assetsDir/tips.json and assetsDir/safety-guidance.json. A missing or broken file is a Problem, never a crash.
Library loadLibrary(const std::filesystem::path& assetsDir);

// The same from text (tests, and callers that already hold the bytes).
void parseTipLibrary(std::string_view json, const std::string& fileName, Library& into);
void parseSafetyGuidance(std::string_view json, const std::string& fileName, Library& into);

// One tip object (library or inline in a set); problems go to checker. fromLibrary is left false.
core::Tip readTip(JsonChecker& checker, const nlohmann::json& value, const std::string& pointer);

}  // namespace rekindle::storage
