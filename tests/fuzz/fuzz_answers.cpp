// libFuzzer target: the answers file (`rekindle.answers/1`) read against the worked fixture set, then scored.
#include <cstdint>
#include <string_view>

#include "core/scoring.hpp"
#include "fuzz_common.hpp"
#include "storage/answers_json.hpp"

using namespace rekindle;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const core::QuestionSet& set = fuzz::workedSet();
    std::string_view text(reinterpret_cast<const char*>(data), size);
    storage::AnswersFile file = storage::parseAnswers(text, "fuzz.json", set);
    for (const auto& p : file.problems) fuzz::require(!p.message.empty(), "problem without a message");
    if (!file.valid()) return 0;
    core::score(set, file.answers);
    // What we write back must read back to the same answers.
    std::string again = storage::answersToJson(set, file.answers, file.notes);
    storage::AnswersFile reread = storage::parseAnswers(again, "again.json", set);
    fuzz::require(reread.valid(), "answersToJson output reads back");
    fuzz::require(storage::answersToJson(set, reread.answers, reread.notes) == again, "answers round trip is stable");
    return 0;
}
