// libFuzzer target: question-set loading and validation, then scoring whatever loads cleanly.
#include <cstdint>
#include <random>
#include <string_view>

#include "core/scoring.hpp"
#include "core/simulate.hpp"
#include "fuzz_common.hpp"

using namespace rekindle;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    storage::LoadedSet loaded = storage::parseQuestionSet(text, "fuzz.json", fuzz::library());
    // Every problem must name a place a person can find; a set is only handed out when nothing is an error.
    for (const auto& p : loaded.problems) fuzz::require(!p.message.empty() && p.file == "fuzz.json", "problem without message or file");
    fuzz::require(loaded.valid() == (loaded.errorCount() == 0), "set present exactly when there are no errors");
    if (!loaded.set) return 0;
    // A set the validator accepted must score without trouble for any answers the simulator can produce.
    const core::QuestionSet& set = *loaded.set;
    core::score(set, core::Answers{});
    core::score(set, core::firstChoiceAnswers(set));
    core::score(set, core::lastChoiceAnswers(set));
    std::mt19937_64 rng(size);
    for (int i = 0; i < 4; ++i) core::score(set, core::randomAnswers(set, rng));
    return 0;
}
