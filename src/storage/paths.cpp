// Resolves XDG folders and the shipped content folder (relative to the executable, or REKINDLE_SHARE_DIR).
#include "storage/paths.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <system_error>

namespace rekindle::storage {
namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

fs::path home() {
    std::string h = env("HOME");
    return h.empty() ? fs::path("/tmp") : fs::path(h);
}

// Shipped files (sets, tips, template) live in one folder found from the executable, never from a path compiled in:
// REKINDLE_SHARE_DIR when set; installed, <prefix>/share/rekindle beside <prefix>/bin; in a build tree,
// <build>/share/rekindle, which CMake links to the source folders (and which tests in <build>/tests find as ../share).
fs::path findShareDir() {
    std::string overridden = env("REKINDLE_SHARE_DIR");
    if (!overridden.empty()) return fs::absolute(overridden);
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return fs::path("/usr/share/rekindle");
    fs::path installed = exe.parent_path().parent_path() / "share/rekindle";
    for (const fs::path& dir : {installed, exe.parent_path() / "share/rekindle"}) {
        if (fs::is_directory(dir / "questionnaires", ec)) return dir;
    }
    return installed;  // missing: the app and the CLI then name where it was expected
}

// A data or config root may be a symbolic link the user made (say, to a synced folder); it is resolved once here so
// every later check and open works on the real folder with O_NOFOLLOW. A link owned by anyone else stays
// unresolved and is then refused by ensurePrivateDir.
fs::path resolveOwnLink(const fs::path& root) {
    struct stat st {};
    if (::lstat(root.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return root;
    if (st.st_uid != ::geteuid() && st.st_uid != 0) return root;
    std::error_code ec;
    fs::path real = fs::canonical(root, ec);
    return ec ? root : real;
}

}  // namespace

Paths resolvePaths(const std::string& dataDirOverride) {
    Paths p;
    std::string data = dataDirOverride.empty() ? env("REKINDLE_DATA_DIR") : dataDirOverride;
    if (!data.empty()) {
        p.dataDir = fs::absolute(data);
        p.configDir = p.dataDir / "config";
    } else {
        std::string xdgData = env("XDG_DATA_HOME");
        std::string xdgConfig = env("XDG_CONFIG_HOME");
        p.dataDir = (xdgData.empty() ? home() / ".local/share" : fs::path(xdgData)) / "rekindle";
        p.configDir = (xdgConfig.empty() ? home() / ".config" : fs::path(xdgConfig)) / "rekindle";
    }
    p.dataDir = resolveOwnLink(p.dataDir);
    p.configDir = resolveOwnLink(p.configDir);
    p.shareDir = findShareDir();
    p.builtinQuestionnaires = p.shareDir / "questionnaires";
    p.assetsDir = p.shareDir / "assets";
    return p;
}

std::string sanitizeFileComponent(const std::string& raw) {
    std::string out;
    for (unsigned char c : raw) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.') out += char(c);
        else if (c >= 'A' && c <= 'Z') out += char(c - 'A' + 'a');
        else out += '-';
        if (out.size() >= 80) break;
    }
    while (!out.empty() && (out.front() == '.' || out.front() == '-')) out.erase(out.begin());
    if (out.empty()) out = "unnamed";
    return out;
}

}  // namespace rekindle::storage
