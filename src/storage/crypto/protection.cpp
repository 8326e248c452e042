// The registry maps a data folder to its unlocked key. Conversion is "read each file, write it back": the hooks
// decide sealed or plain from the folder's state, so the conversion and every ordinary save share one code path.
#include "storage/crypto/protection.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <map>
#include <memory>
#include <mutex>

#include "storage/atomic_file.hpp"
#include "storage/crypto/sealed_file.hpp"
#include "storage/paths.hpp"

namespace rekindle::storage {

namespace fs = std::filesystem;

namespace {

struct Unlocked {
    SecretBytes key;
    Conversion conversion = Conversion::None;  // Open: writes go plain while protection is being removed
};

std::mutex g_mutex;
std::map<fs::path, std::shared_ptr<const Unlocked>> g_unlocked;

fs::path normal(const fs::path& p) {
    std::error_code ec;
    fs::path abs = fs::absolute(p, ec);
    return (ec ? p : abs).lexically_normal();
}

std::shared_ptr<const Unlocked> find(const fs::path& dataDir) {
    std::lock_guard lock(g_mutex);
    auto it = g_unlocked.find(normal(dataDir));
    return it == g_unlocked.end() ? nullptr : it->second;
}

void registerKey(const fs::path& dataDir, const SecretBytes& key, Conversion conversion) {
    auto entry = std::make_shared<Unlocked>();
    entry->key = SecretBytes(reinterpret_cast<const char*>(key.data()), key.size());
    entry->conversion = conversion;
    std::lock_guard lock(g_mutex);
    g_unlocked[normal(dataDir)] = std::move(entry);
}

// The data folder a personal file belongs to: <data>/<personal folder>/<file>.
fs::path dataDirOf(const fs::path& path) { return normal(path).parent_path().parent_path(); }

// Reads the first bytes only: enough to tell sealed from plain without reading 10,000 whole files.
bool fileLooksSealed(const fs::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return false;
    char buf[64];
    ssize_t n = ::read(fd, buf, sizeof buf);
    ::close(fd);
    return n > 0 && looksSealed(std::string_view(buf, size_t(n)));
}

std::optional<Keyring> readKeyring(const fs::path& dataDir, std::string* error) {
    std::string why;
    auto text = readFile(keyringPath(dataDir), &why, 64 * 1024);
    if (!text) {
        if (error) *error = keyringPath(dataDir).string() + ": " + why;
        return std::nullopt;
    }
    return keyringFromJson(*text, error);
}

bool writeKeyring(const fs::path& dataDir, const Keyring& k, bool mustBeNew, std::string* error) {
    std::string text = keyringToJson(k);
    return mustBeNew ? writeNewFileAtomic(keyringPath(dataDir), text, error)
                     : writeFileAtomic(keyringPath(dataDir), text, error);
}

// Every regular personal file (no symlinks, no temp files of a writer).
std::vector<fs::path> personalFilesOf(const fs::path& dataDir) {
    std::vector<fs::path> out;
    for (const auto& folder : personalFolders()) {
        std::error_code ec;
        for (fs::directory_iterator it(dataDir / folder, ec), end; !ec && it != end; it.increment(ec)) {
            std::error_code sec;
            if (it->symlink_status(sec).type() != fs::file_type::regular) continue;
            if (it->path().filename().string().find(".tmp-") != std::string::npos) continue;
            out.push_back(it->path());
        }
    }
    return out;
}

// Brings every personal file into the state the folder's registry entry says: sealed, or plain for Open.
void convertFiles(const fs::path& dataDir, bool toSealed, ConversionReport& report, const ConversionProgress& progress) {
    for (const fs::path& file : personalFilesOf(dataDir)) {
        if (fileLooksSealed(file) == toSealed) continue;
        std::string why;
        auto text = readFile(file, &why);
        if (!text || !writeFileAtomic(file, *text, &why)) {
            report.skipped.push_back(file.filename().string() + ": " + why);
            continue;
        }
        ++report.converted;
        if (progress) progress(report.converted);
    }
}

bool removeKeyringFile(const fs::path& dataDir, std::string* error) {
    if (::unlink(keyringPath(dataDir).c_str()) != 0) {
        if (error) *error = "cannot remove " + keyringPath(dataDir).string();
        return false;
    }
    int dfd = ::open(dataDir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return true;
}

// Finishes what the keyring's journal mark says; the key is registered with that mark while it runs.
bool finishConversion(const fs::path& dataDir, Keyring keyring, const SecretBytes& key, Conversion conversion,
                      ConversionReport& report, const ConversionProgress& progress) {
    registerKey(dataDir, key, conversion);
    if (conversion == Conversion::None) return true;
    convertFiles(dataDir, conversion == Conversion::Seal, report, progress);
    if (conversion == Conversion::Seal) {
        markConversion(keyring, Conversion::None, key);
        if (!writeKeyring(dataDir, keyring, false, &report.error)) return false;
        registerKey(dataDir, key, Conversion::None);
        return true;
    }
    // Files that failed authentication stay sealed and listed as unreadable; no key could open them anyway.
    if (!removeKeyringFile(dataDir, &report.error)) return false;
    lockFolder(dataDir);
    return true;
}

}  // namespace

fs::path keyringPath(const fs::path& dataDir) { return dataDir / "keyring.json"; }

bool isProtected(const fs::path& dataDir) {
    std::error_code ec;
    return fs::exists(keyringPath(dataDir), ec);
}

bool isUnlocked(const fs::path& dataDir) { return find(dataDir) != nullptr; }

const std::vector<std::string>& personalFolders() {
    static const std::vector<std::string> folders{"results", "drafts", "trash", "notes"};
    return folders;
}

bool isPersonalFile(const fs::path& path) {
    std::string folder = normal(path).parent_path().filename().string();
    for (const auto& f : personalFolders())
        if (f == folder) return true;
    return false;
}

WriteForm prepareForWrite(const fs::path& path, const std::string& plain, std::string& sealed, std::string* error) {
    if (!isPersonalFile(path) || looksSealed(plain)) return WriteForm::Plain;
    fs::path dataDir = dataDirOf(path);
    if (auto entry = find(dataDir)) {
        if (entry->conversion == Conversion::Open) return WriteForm::Plain;
        sealed = sealBytes(plain, entry->key);
        return WriteForm::Sealed;
    }
    if (isProtected(dataDir)) {
        if (error) *error = "cannot save " + path.string() + ": the folder is protected with a passphrase and locked";
        return WriteForm::Refused;
    }
    return WriteForm::Plain;
}

bool openAfterRead(const fs::path& path, std::string& bytes, std::string* error) {
    if (!looksSealed(bytes)) return true;
    std::vector<std::shared_ptr<const Unlocked>> keys;
    if (auto own = find(dataDirOf(path))) keys.push_back(own);
    {
        // A sealed file outside its folder (copied, or named on the command line) may belong to any open folder.
        std::lock_guard lock(g_mutex);
        for (const auto& [dir, entry] : g_unlocked)
            if (keys.empty() || entry != keys.front()) keys.push_back(entry);
    }
    if (keys.empty()) {
        if (error) *error = "is protected with a passphrase; unlock first";
        return false;
    }
    Opened opened;
    for (const auto& entry : keys) {
        opened = openSealed(bytes, entry->key);
        if (opened.status == OpenStatus::Opened) {
            bytes = std::move(opened.plain);
            return true;
        }
        if (opened.status != OpenStatus::AuthFailed) break;
    }
    if (error) *error = opened.error;
    return false;
}

UnlockResult unlockFolder(const fs::path& dataDir, const SecretBytes& passphrase) {
    UnlockResult out;
    if (!isProtected(dataDir)) {
        out.status = UnlockStatus::NotProtected;
        out.message = "this folder is not protected with a passphrase";
        return out;
    }
    auto keyring = readKeyring(dataDir, &out.message);
    if (!keyring) return out;
    Unwrapped u = unwrapDataKey(*keyring, passphrase);
    if (u.status != UnwrapStatus::Ok) {
        out.status = u.status == UnwrapStatus::OutOfMemory ? UnlockStatus::OutOfMemory : UnlockStatus::WrongPassphrase;
        out.message = u.status == UnwrapStatus::OutOfMemory ? "not enough memory to check the passphrase"
                                                            : "That passphrase does not open this folder.";
        return out;
    }
    ConversionReport report;
    Conversion pending = verifiedConversion(*keyring, u.dataKey);
    if (!finishConversion(dataDir, *keyring, u.dataKey, pending, report, {})) {
        // Unlocked all the same: every file still opens; the conversion is tried again next time.
        out.message = "unlocked, but finishing the interrupted conversion failed: " + report.error;
    }
    out.status = UnlockStatus::Ok;
    out.converted = report.converted;
    return out;
}

void lockFolder(const fs::path& dataDir) {
    std::lock_guard lock(g_mutex);
    g_unlocked.erase(normal(dataDir));
}

bool protectFolder(const fs::path& dataDir, const SecretBytes& passphrase, KdfLimits limits, ConversionReport& report,
                   const ConversionProgress& progress) {
    if (isProtected(dataDir)) {
        report.error = "this folder is already protected with a passphrase";
        return false;
    }
    if (passphrase.empty()) {
        report.error = "the passphrase is empty";
        return false;
    }
    SecretBytes key = randomSecret(kDataKeyBytes);
    Keyring keyring;
    keyring.conversion = Conversion::Seal;  // journal: written before the first file is sealed
    if (!wrapDataKey(key, passphrase, limits, keyring, &report.error)) return false;
    if (!ensurePrivateDir(dataDir, &report.error)) return false;
    if (!writeKeyring(dataDir, keyring, true, &report.error)) return false;
    return finishConversion(dataDir, std::move(keyring), key, Conversion::Seal, report, progress);
}

bool changePassphrase(const fs::path& dataDir, const SecretBytes& oldPassphrase, const SecretBytes& newPassphrase,
                      KdfLimits limits, std::string* error) {
    auto keyring = readKeyring(dataDir, error);
    if (!keyring) return false;
    if (newPassphrase.empty()) {
        if (error) *error = "the new passphrase is empty";
        return false;
    }
    Unwrapped u = unwrapDataKey(*keyring, oldPassphrase);
    if (u.status != UnwrapStatus::Ok) {
        if (error) *error = u.status == UnwrapStatus::OutOfMemory ? "not enough memory to check the passphrase"
                                                                  : "the current passphrase is not right";
        return false;
    }
    Keyring next;
    next.conversion = verifiedConversion(*keyring, u.dataKey);
    if (!wrapDataKey(u.dataKey, newPassphrase, limits, next, error)) return false;
    if (!writeKeyring(dataDir, next, false, error)) return false;
    registerKey(dataDir, u.dataKey, next.conversion);
    return true;
}

bool removeProtection(const fs::path& dataDir, const SecretBytes& passphrase, ConversionReport& report,
                      const ConversionProgress& progress) {
    auto keyring = readKeyring(dataDir, &report.error);
    if (!keyring) return false;
    Unwrapped u = unwrapDataKey(*keyring, passphrase);
    if (u.status != UnwrapStatus::Ok) {
        report.error = u.status == UnwrapStatus::OutOfMemory ? "not enough memory to check the passphrase"
                                                             : "the passphrase is not right";
        return false;
    }
    markConversion(*keyring, Conversion::Open, u.dataKey);
    if (!writeKeyring(dataDir, *keyring, false, &report.error)) return false;
    return finishConversion(dataDir, std::move(*keyring), u.dataKey, Conversion::Open, report, progress);
}

FolderCensus countFiles(const fs::path& dataDir) {
    FolderCensus c;
    for (const fs::path& file : personalFilesOf(dataDir)) (fileLooksSealed(file) ? c.sealed : c.plain)++;
    return c;
}

}  // namespace rekindle::storage
