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
    p.builtinQuestionnaires = findShipped("questionnaires", REKINDLE_SOURCE_QUESTIONNAIRES);
    p.assetsDir = findShipped("assets", REKINDLE_SOURCE_ASSETS);
    return p;
}

bool ensurePrivateDir(const fs::path& dir, std::string* error) {
    std::error_code ec;
    if (fs::is_directory(dir, ec)) {
        ::chmod(dir.c_str(), 0700);
        return true;
    }
    if (!dir.parent_path().empty() && dir.parent_path() != dir && !fs::exists(dir.parent_path(), ec)) {
        if (!ensurePrivateDir(dir.parent_path(), error)) return false;
    }
    if (::mkdir(dir.c_str(), 0700) != 0 && !fs::is_directory(dir, ec)) {
        if (error) *error = "cannot create folder " + dir.string() + ": " + std::generic_category().message(errno);
        return false;
    }
    ::chmod(dir.c_str(), 0700);
    return true;
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
