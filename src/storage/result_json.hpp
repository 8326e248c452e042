// The result file format (`rekindle.result/1`, see docs/results-format.md): writing the current version and reading
// every earlier one, keeping fields this build does not know.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace rekindle::storage {

constexpr const char* kResultFormatTag = "rekindle.result/1";

// Pretty JSON (2 spaces, trailing newline), deterministic for the same record. Unknown fields kept in the
// record's `extra` members are written back; known fields win over them.
std::string resultToJson(const core::ResultRecord& record);
nlohmann::ordered_json resultJson(const core::ResultRecord& record);  // the same, as a value (exports embed it)

// A contribution list ("why this score") as JSON: the one serialiser for result files (Exact) and for
// `rekindle score --json` (Round4: four decimals, so the output is byte-identical for the same input).
enum class Rounding { Exact, Round4 };
nlohmann::ordered_json contributionsJson(const std::vector<core::Contribution>& cs, Rounding rounding = Rounding::Exact);

// Parses any supported version (0 and 1). On failure returns false and error says where: "line 3, column 7: ..."
// for broken JSON, or the JSON pointer of the bad field ("/dimensions/2/percent: expected a number").
bool resultFromJson(const std::string& text, core::ResultRecord& out, std::string* error = nullptr);

// Answers as JSON text and back, shared with the draft format: {"q1": 4, "q2": "yes", "q3": ["a","b"], "q4": {"text": "..."}}.
std::string answersToJsonText(const core::Answers& answers);
nlohmann::ordered_json answersJson(const core::Answers& answers);
bool answersFromJsonText(const std::string& text, core::Answers& out, std::string* error = nullptr);

// The current UTC time (or a given one) as RFC 3339 with seconds: 2026-11-25T22:15:00Z.
std::string rfc3339Utc(long long unixSeconds);
std::string nowRfc3339();

}  // namespace rekindle::storage
