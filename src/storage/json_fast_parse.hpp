// A fast path for reading well-formed JSON into nlohmann's DOM. It accepts only what it is sure nlohmann accepts
// and builds the identical value; anything else (a syntax error, odd UTF-8, a huge number, a BOM) is left to
// nlohmann's own parser, whose error messages and positions the validator reports.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace rekindle::storage {

enum class FastParse {
    Done,       // out holds the value, as json::parse would have built it
    Duplicate,  // done too, but an object repeated a key (the last one kept, as nlohmann does)
    Fallback,   // not handled here: parse the text with nlohmann; out is null
};

// maxDepth: deeper nesting is not handled here (the caller reports it). The ordered form keeps keys in file order
// (the result and draft readers use nlohmann::ordered_json); a repeated key keeps its first place and last value,
// as nlohmann does.
FastParse fastParseJson(std::string_view text, nlohmann::json& out, int maxDepth);
FastParse fastParseJson(std::string_view text, nlohmann::ordered_json& out, int maxDepth);

// The character a one-letter escape (\n, \" …) stands for; false for \u and anything JSON does not allow.
bool simpleEscape(char e, char& out);
// Appends a code point (at most U+10FFFF) as UTF-8; shared with the position scanner, which decodes keys too.
void appendUtf8(std::string& out, unsigned cp);

}  // namespace rekindle::storage
