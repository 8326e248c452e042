// Strict equality of two JSON values for the fast-parser checks (unit test and fuzz target): nlohmann's == calls 1
// and 1.0 equal; here the kind of number matters too, -0.0 is not 0.0, and objects compare in iteration order, so
// ordered_json's file order is checked as well.
#pragma once

#include <cmath>
#include <nlohmann/json.hpp>

namespace rekindle::test {

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

}  // namespace rekindle::test
