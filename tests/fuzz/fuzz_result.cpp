// libFuzzer target: result files (formats 0 and 1) and drafts; what reads must write and read back unchanged.
#include <cstdint>
#include <string>

#include "core/result.hpp"
#include "fuzz_common.hpp"
#include "storage/draft_store.hpp"
#include "storage/result_json.hpp"
#include "storage/result_store.hpp"

using namespace rekindle;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    core::ResultRecord record;
    std::string error;
    if (storage::resultFromJson(text, record, &error)) {
        storage::summarize(record);
        std::string written = storage::resultToJson(record);
        core::ResultRecord again;
        std::string err2;
        fuzz::require(storage::resultFromJson(written, again, &err2), "resultToJson output reads back");
        fuzz::require(storage::resultToJson(again) == written, "result round trip is stable");
    } else {
        fuzz::require(!error.empty(), "a refused result says why");
    }
    storage::Draft draft;
    error.clear();
    if (storage::draftFromJson(text, draft, &error)) {
        std::string written = storage::draftToJson(draft);
        storage::Draft again;
        fuzz::require(storage::draftFromJson(written, again), "draftToJson output reads back");
        fuzz::require(storage::draftToJson(again) == written, "draft round trip is stable");
    } else {
        fuzz::require(!error.empty(), "a refused draft says why");
    }
    return 0;
}
