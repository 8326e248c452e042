// libFuzzer target: the fast JSON path against nlohmann. Whatever the fast path accepts, nlohmann must accept too
// and build the same value, number kinds included; whatever it refuses is nlohmann's to report.
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "../common/json_same_value.hpp"
#include "storage/json_fast_parse.hpp"

using nlohmann::json;

namespace {

using rekindle::test::sameValue;

template <class Json>
void check(const std::string& text) {
    Json fast;
    auto r = rekindle::storage::fastParseJson(text, fast, 64);
    if (r == rekindle::storage::FastParse::Fallback) {
        rekindle::fuzz::require(fast.is_null(), "a refused text leaves no value behind");
        return;
    }
    Json reference;
    try {
        reference = Json::parse(text);
    } catch (const typename Json::exception&) {
        rekindle::fuzz::require(false, "the fast path accepted text nlohmann refuses");
    }
    rekindle::fuzz::require(sameValue(fast, reference), "the fast path built the value nlohmann builds");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    check<json>(text);
    check<nlohmann::ordered_json>(text);  // the result and draft readers' key-ordered documents
    return 0;
}
