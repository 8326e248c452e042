// The one door for the user's own records (results, drafts, settings, the results index): every store reads and
// writes them here, so a layer that seals bytes at rest can sit in one place without any store knowing about it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "storage/atomic_file.hpp"

namespace rekindle::storage {

// Reads a record file: a regular file (never a link, FIFO or device) of at most maxBytes. The reason on failure has
// no path in front, like readFile.
std::optional<std::string> readUserFile(const std::filesystem::path& path, std::string* error = nullptr,
                                        size_t maxBytes = kMaxFileBytes);

// Replaces a record file atomically (0600); see writeFileAtomic.
bool writeUserFileAtomic(const std::filesystem::path& path, const std::string& bytes, std::string* error = nullptr);

// Creates a record file that must not exist yet (results); see writeNewFileAtomic.
bool writeNewUserFileAtomic(const std::filesystem::path& path, const std::string& bytes, std::string* error = nullptr);

}  // namespace rekindle::storage
