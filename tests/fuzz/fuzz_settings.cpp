// libFuzzer target: the settings file. Settings never refuse to start the app: bad values fall back with a note.
#include <cmath>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "storage/settings.hpp"

using namespace rekindle;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    storage::SettingsLoad load = storage::parseSettings(text, "settings.json");
    const storage::Settings& s = load.settings;
    fuzz::require(std::isfinite(s.zoom) && s.zoom >= 0.5f && s.zoom <= 3.0f, "zoom stays in range");
    fuzz::require(s.theme == "light" || s.theme == "dark" || s.theme == "contrast", "theme is a known one");
    std::string written = storage::settingsToJson(s);
    storage::SettingsLoad again = storage::parseSettings(written, "again.json");
    fuzz::require(again.problem.empty(), "settingsToJson output reads back cleanly");
    fuzz::require(storage::settingsToJson(again.settings) == written, "settings round trip is stable");
    return 0;
}
