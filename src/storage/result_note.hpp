// The note sidecar: "<result id>.note.json" beside a result file holds a note added or changed after the result was
// saved, so the result itself is never rewritten (docs/results-format.md, "Note file").
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/result.hpp"

namespace rekindle::storage {

constexpr const char* kNoteFormatTag = "rekindle.note/1";

// "x/20261125T221500Z-pulling-away-7f3a.json" -> "x/20261125T221500Z-pulling-away-7f3a.note.json"
std::filesystem::path notePathFor(const std::filesystem::path& resultPath);
bool isNoteFileName(const std::string& name);  // "*.note.json"

struct ResultNote {
    std::string resultId;
    std::string updatedAt;  // RFC 3339 UTC
    std::string note;       // "" = the note was cleared (it hides the one saved in the result)
};

std::string noteToJson(const ResultNote& note);
bool noteFromJson(const std::string& text, ResultNote& out, std::string* error = nullptr);

// Reads the sidecar of a result file, if there is one. A sidecar that cannot be read is reported in *error (the
// result itself still opens, with the note it was saved with).
std::optional<ResultNote> readNoteFor(const std::filesystem::path& resultPath, std::string* error = nullptr);
// The sidecar's note replaces notes["note"] (removed when the sidecar's note is empty). True when one was applied.
bool applyNote(const std::filesystem::path& resultPath, core::ResultRecord& record, std::string* error = nullptr);

}  // namespace rekindle::storage
