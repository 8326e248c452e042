// Compare in a few sentences, for the top of the Compare screen and `rekindle compare`: which areas really moved and
// which way, what stayed within the usual ups and downs, what happened to the top tips, and whether either take
// showed safety guidance. Words only; the table below it carries the numbers.
#pragma once

#include <string>
#include <vector>

#include "core/compare.hpp"
#include "core/result.hpp"

namespace rekindle::core {

// "A", "A and B", "A, B and C".
std::string joinWords(const std::vector<std::string>& items);

// Sentences in reading order; never empty for a comparison that is ok.
std::vector<std::string> compareSummary(const Comparison& cmp, const ResultRecord& before, const ResultRecord& after);

}  // namespace rekindle::core
