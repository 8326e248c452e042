// Authoring: a starter file from the template, and the scoring simulator that shows what the weights do.
// Previewing a set is a take in preview mode (cmd::StartTake with preview set).
#pragma once

#include <cstdint>
#include <string>

#include "app/context.hpp"

namespace rekindle::app {

class AuthoringController {
public:
    explicit AuthoringController(Context& ctx) : m_ctx(ctx) {}

    void setNewSetName(const std::string& name);
    bool createSetFromTemplate();

    void openSimulator(const std::string& setId);
    void simulate(const std::string& mode, uint64_t seed = 1);
    void simulateAnswer(const std::string& questionId, const core::Answer& answer);
    void runCoverage(int patterns, uint64_t seed);

private:
    const core::QuestionSet* simulatedSet() const;
    Context& m_ctx;
};

}  // namespace rekindle::app
