// The one way Rekindle turns JSON text into a value, for every file it reads: nlohmann's SAX parser (no recursion)
// feeding a DOM builder that stops at kMaxJsonDepth, notices repeated keys, and places syntax errors where to type.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "storage/json_positions.hpp"

namespace rekindle::storage {

constexpr int kMaxJsonDepth = 64;  // deeper nesting stops the parse: no real file needs it

struct JsonParseFailure {
    size_t offset = 0;    // byte offset of the place the author must look at
    TextPos pos;          // the same place as line:column (characters)
    std::string message;  // a sentence: what is wrong and what to change
};

enum class Bom { Refuse, Skip };

// Parses text into out (nlohmann::json or nlohmann::ordered_json). On failure out is null and failure says why and
// where. A key repeated within one object sets *duplicate (when given); the last one wins in out, as in nlohmann.
// Bom::Refuse is for files people write by hand (sets, answers, tips): Python's json and JSON Schema tools refuse a
// byte-order mark, so the validator does too. Files Rekindle writes itself tolerate one (a sync tool may add it).
template <class Json>
bool parseJson(std::string_view text, Json& out, JsonParseFailure& failure, bool* duplicate = nullptr,
               Bom bom = Bom::Skip);

extern template bool parseJson(std::string_view, nlohmann::json&, JsonParseFailure&, bool*, Bom);
extern template bool parseJson(std::string_view, nlohmann::ordered_json&, JsonParseFailure&, bool*, Bom);

struct JsonDocument {
    nlohmann::json root;
    JsonPositions positions;

    JsonDocument() = default;
    JsonDocument(JsonDocument&&) = default;
    JsonDocument& operator=(JsonDocument&&) = default;
    ~JsonDocument();  // frees the tree leaves first (see releaseJson)
};

// Empties a value bottom-up, children before their parents. nlohmann's own destructor flattens a tree into a
// growing vector first; for a large document those vectors pass glibc's 64 KB mark, and each such free makes
// malloc consolidate every small chunk freed so far. Recursion is bounded by kMaxJsonDepth.
void releaseJson(nlohmann::json& value);

// parseJson for a file an author wrote (set, answers, tip library): a failure, a byte-order mark and each repeated
// key become problems with their place. Returns false when there is a problem; root is null when there is no value.
bool parseJsonDocument(std::string_view text, const std::string& fileName, JsonDocument& out,
                       std::vector<Problem>& problems);

// "line 3, column 7: <message>" for readers that report a failure as one string (results, drafts, settings).
std::string describe(const JsonParseFailure& failure);

// The text of the line holding pos and a caret under pos, as compilers show it (long lines are cut around pos).
std::string excerptAt(std::string_view text, TextPos pos);

}  // namespace rekindle::storage
