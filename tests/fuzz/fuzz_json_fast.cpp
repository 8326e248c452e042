// libFuzzer target: the fast JSON path against nlohmann. Whatever the fast path accepts, nlohmann must accept too
// and build the same value, number kinds included; whatever it refuses is nlohmann's to report.
#include <cmath>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "storage/json_fast_parse.hpp"

using nlohmann::json;

namespace {

template <class Json>
bool sameValue(const Json& a, const Json& b) {
    if (a.type() != b.type()) return false;
    if (a.is_object()) {
        const auto& x = a.template get_ref<const typename Json::object_t&>();
        const auto& y = b.template get_ref<const typename Json::object_t&>();
        if (x.size() != y.size()) return false;
        for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j)
            if (i->first != j->first || !sameValue(i->second, j->second)) return false;
        return true;
    }
    if (a.is_array()) {
        if (a.size() != b.size()) return false;
        for (size_t i = 0; i < a.size(); ++i)
            if (!sameValue(a[i], b[i])) return false;
        return true;
    }
    if (a.is_number_float()) {
        double x = a.template get<double>(), y = b.template get<double>();
        return x == y && std::signbit(x) == std::signbit(y);
    }
    return a == b;
}

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
