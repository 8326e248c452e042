// Resolves XDG folders and the shipped asset locations.
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

// Shipped files: next to the executable when installed side by side, else the source tree the build came from.
fs::path findShipped(const char* sub, const char* fallback) {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
            if (fs::is_directory(dir / sub, ec) && fs::exists(dir / "CMakeLists.txt", ec)) return dir / sub;
            if (fs::is_directory(dir / "share/rekindle" / sub, ec)) return dir / "share/rekindle" / sub;
        }
    }
    return fallback;
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
    p.builtinQuestionnaires = findShipped("questionnaires", REKINDLE_SOURCE_QUESTIONNAIRES);
    p.assetsDir = findShipped("assets", REKINDLE_SOURCE_ASSETS);
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
