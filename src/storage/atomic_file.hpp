// Crash-safe file writing and size-limited reading: the only way Rekindle puts bytes on disk.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace rekindle::storage {

constexpr size_t kMaxFileBytes = 16 * 1024 * 1024;  // larger inputs are refused, not parsed

// Writes to a temp file in the same folder, fsyncs it, renames over the target and fsyncs the folder; mode 0600.
// On failure the target is untouched and error says why.
bool writeFileAtomic(const std::filesystem::path& path, const std::string& content, std::string* error = nullptr);

// Like writeFileAtomic but fails if the target exists (results are never overwritten).
bool writeNewFileAtomic(const std::filesystem::path& path, const std::string& content, std::string* error = nullptr);

// Deletes "<name>.tmp-<pid>-<n>" files that a killed writer left in dir (only when that process is gone, so a second
// running instance keeps its temp files). They hold copies of answers, so they should not linger. Returns the count.
int removeStaleTempFiles(const std::filesystem::path& dir);

// Reads a whole regular file up to kMaxFileBytes; nullopt with a reason otherwise.
std::optional<std::string> readFile(const std::filesystem::path& path, std::string* error = nullptr,
                                    size_t maxBytes = kMaxFileBytes);

}  // namespace rekindle::storage
