// The user's settings (`rekindle.settings/1` in settings.json under the XDG config dir).
#pragma once

#include <filesystem>
#include <string>

namespace rekindle::storage {

constexpr int kMaxIdleLockMinutes = 24 * 60;

struct Settings {
    float zoom = 1.0f;             // user zoom on top of the monitor's content scale
    std::string theme = "light";   // light, dark, contrast
    bool disclaimerAccepted = false;
    bool movingAverage = false;    // trends chart
    // Passphrase protection: lock after this many idle minutes (0 = never), and lock on quick-hide.
    int idleLockMinutes = 10;
    bool lockOnHide = true;
    std::string extra;             // JSON text of fields this build does not know, written back unchanged
};

struct SettingsLoad {
    Settings settings;
    std::string problem;  // empty when read fine or absent; else what was wrong (the defaults are used)
};

SettingsLoad loadSettings(const std::filesystem::path& file);
SettingsLoad parseSettings(const std::string& text, const std::string& fileName);
std::string settingsToJson(const Settings& settings);
bool saveSettings(const std::filesystem::path& file, const Settings& settings, std::string* error);

}  // namespace rekindle::storage
