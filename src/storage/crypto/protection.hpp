// Passphrase protection of a data folder: whether it is protected, the unlocked data key of each folder this
// process opened, the hooks the file helpers call (seal on write, open on read), and turning protection on, off
// or to a new passphrase with a journal that survives SIGKILL.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storage/crypto/keyring.hpp"
#include "storage/crypto/secret.hpp"

namespace rekindle::storage {

std::filesystem::path keyringPath(const std::filesystem::path& dataDir);
bool isProtected(const std::filesystem::path& dataDir);  // keyring.json exists
bool isUnlocked(const std::filesystem::path& dataDir);
// Folders under the data dir whose files hold personal text and are sealed: results (with the index and any
// sidecar notes), drafts, trash, notes. Question sets and exports are not personal data of this kind.
const std::vector<std::string>& personalFolders();
// True when path is a file directly inside one of dataDir's personal folders (whatever dataDir is).
bool isPersonalFile(const std::filesystem::path& path);

// --- Hooks for the read and write helpers ---------------------------------------------------------------------
// How `plain` goes on disk at path: Sealed (into `sealed`) when path is a personal file of a protected folder,
// Plain otherwise; Refused with error when the folder is protected but locked: nothing personal is written plain.
enum class WriteForm { Plain, Sealed, Refused };
WriteForm prepareForWrite(const std::filesystem::path& path, const std::string& plain, std::string& sealed,
                          std::string* error);
// Opens bytes just read from path when they are sealed; false with error when locked or failing authentication.
bool openAfterRead(const std::filesystem::path& path, std::string& bytes, std::string* error);

// --- Unlock and lock ------------------------------------------------------------------------------------------
enum class UnlockStatus { Ok, WrongPassphrase, NotProtected, BadKeyring, OutOfMemory };
struct UnlockResult {
    UnlockStatus status = UnlockStatus::BadKeyring;
    std::string message;  // for the user
    int converted = 0;    // files an interrupted conversion finished
};
// Slow (Argon2id): run off the UI thread. Finishes a conversion that a killed process left half done.
UnlockResult unlockFolder(const std::filesystem::path& dataDir, const SecretBytes& passphrase);
void lockFolder(const std::filesystem::path& dataDir);  // the key is wiped

// --- Turning it on, off, and changing it ----------------------------------------------------------------------
struct ConversionReport {
    int converted = 0;
    std::vector<std::string> skipped;  // files left as they were, with the reason
    std::string error;
};
using ConversionProgress = std::function<void(int done)>;
bool protectFolder(const std::filesystem::path& dataDir, const SecretBytes& passphrase, KdfLimits limits,
                   ConversionReport& report, const ConversionProgress& progress = {});
// One atomic write of keyring.json: the old passphrase works until the rename, the new one from then on.
bool changePassphrase(const std::filesystem::path& dataDir, const SecretBytes& oldPassphrase,
                      const SecretBytes& newPassphrase, KdfLimits limits, std::string* error);
bool removeProtection(const std::filesystem::path& dataDir, const SecretBytes& passphrase, ConversionReport& report,
                      const ConversionProgress& progress = {});

// How many personal files are sealed and plain (for `rekindle passphrase status`).
struct FolderCensus {
    int sealed = 0;
    int plain = 0;
};
FolderCensus countFiles(const std::filesystem::path& dataDir);

}  // namespace rekindle::storage
