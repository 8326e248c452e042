// Where Rekindle keeps things: XDG data and config folders, overridable for tests, and safe file names.
#pragma once

#include <filesystem>
#include <string>

#include "storage/private_dir.hpp"  // ensurePrivateDir, checkDataFolders

namespace rekindle::storage {

struct Paths {
    std::filesystem::path dataDir;    // results/, drafts/, question-sets/, trash/
    std::filesystem::path configDir;  // settings.json, imgui.ini
    std::filesystem::path shareDir;               // <prefix>/share/rekindle, or REKINDLE_SHARE_DIR
    std::filesystem::path builtinQuestionnaires;  // shipped sets
    std::filesystem::path assetsDir;              // tips.json, safety-guidance.json, template

    std::filesystem::path resultsDir() const { return dataDir / "results"; }
    std::filesystem::path draftsDir() const { return dataDir / "drafts"; }
    std::filesystem::path trashDir() const { return dataDir / "trash"; }
    std::filesystem::path userSetsDir() const { return dataDir / "question-sets"; }
    std::filesystem::path settingsFile() const { return configDir / "settings.json"; }
    std::filesystem::path imguiIni() const { return configDir / "imgui.ini"; }
};

// dataDirOverride (from --data-dir) wins over REKINDLE_DATA_DIR, which wins over XDG_DATA_HOME/rekindle.
// A root that is a symbolic link owned by the user is resolved to its target here.
// When the data dir is overridden, config goes to <data>/config so tests never touch the real one.
// Shipped content: REKINDLE_SHARE_DIR, else <exe>/../share/rekindle (installed), else <exe>/share/rekindle (build).
Paths resolvePaths(const std::string& dataDirOverride = {});

// Turns an id or typed name into a file-name component that cannot escape a folder: [a-z0-9-_.], no leading dot.
std::string sanitizeFileComponent(const std::string& raw);

}  // namespace rekindle::storage
