// Folder trust: Rekindle's data and config folders must be the user's own and closed to others, the way ssh
// treats ~/.ssh. A folder that fails is refused with a message naming it and the fix; nothing is chmod'ed through
// a link or written into a folder another user controls.
#pragma once

#include <filesystem>
#include <string>

namespace rekindle::storage {

struct Paths;

// Creates the folder (mode 0700, parents too) when missing, then checks it: a real folder, not a symbolic link,
// owned by this user and not writable by group or others. Group/other read or search bits of a folder that passes
// are removed with fchmod on the opened folder, never through a path. False with a reason (and the fix) otherwise.
bool ensurePrivateDir(const std::filesystem::path& dir, std::string* error = nullptr);

// The same checks without creating or changing anything; a missing folder passes. For read-only uses and doctor.
bool checkPrivateDir(const std::filesystem::path& dir, std::string* error = nullptr);

// The data and config roots and the folders above them: each ancestor must belong to this user or root and must not
// be writable by others unless sticky (/tmp). The roots and the subfolders that exist (results/, drafts/, trash/,
// question-sets/) are checked like checkPrivateDir. A root that is a symbolic link owned by this user was already
// resolved by resolvePaths.
bool checkDataFolders(const Paths& paths, std::string* error = nullptr);

// "0755"-style text of the permission bits.
std::string modeText(unsigned mode);

}  // namespace rekindle::storage
