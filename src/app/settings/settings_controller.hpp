// Settings and privacy: text size, theme, chart options, the data folder, and "Delete all my data".
#pragma once

#include <string>

#include "app/context.hpp"

namespace rekindle::app {

class SettingsController {
public:
    explicit SettingsController(Context& ctx) : m_ctx(ctx) {}

    void setZoom(float zoom);
    void setTheme(const std::string& theme);
    void setMovingAverage(bool on);
    void setDeleteConfirmText(const std::string& text);
    // Needs deleteConfirmText == "DELETE" and a writable window. Checks every removal; what could not be removed is
    // listed by path in state.deleteFailures. True when everything went.
    bool deleteAllData();
    void setIdleLockMinutes(int minutes);
    void setLockOnHide(bool on);
    void checkData(bool fix);  // the doctor's report into state.dataCheck
    void openDataFolder();
    void openInEditor(const std::string& path);

private:
    Context& m_ctx;
};

}  // namespace rekindle::app
