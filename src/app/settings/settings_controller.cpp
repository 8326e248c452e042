// Settings are saved at once; deleting everything needs the typed word; the desktop opens folders and files.
#include "app/settings/settings_controller.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>

namespace rekindle::app {

namespace fs = std::filesystem;

void SettingsController::setZoom(float zoom) {
    m_ctx.state.settings.zoom = std::clamp(zoom, 0.5f, 3.0f);
    m_ctx.persistSettings();
}

void SettingsController::setTheme(const std::string& theme) {
    m_ctx.state.settings.theme = theme;
    m_ctx.persistSettings();
}

void SettingsController::setMovingAverage(bool on) {
    m_ctx.state.settings.movingAverage = on;
    m_ctx.persistSettings();
}

void SettingsController::setDeleteConfirmText(const std::string& text) { m_ctx.state.deleteConfirmText = text; }

bool SettingsController::deleteAllData() {
    AppState& st = m_ctx.state;
    if (st.deleteConfirmText != "DELETE") return false;
    std::error_code ec;
    for (const fs::path& p : {st.paths.resultsDir(), st.paths.draftsDir(), st.paths.trashDir(),
                              st.paths.dataDir / "exports", st.paths.settingsFile(), st.paths.imguiIni()})
        fs::remove_all(p, ec);
    st.deleteConfirmText.clear();
    st.settings = storage::Settings{};
    st.take = TakeState{};
    st.result = ResultView{};
    st.history = HistoryView{};
    st.compare = CompareView{};
    st.trends = TrendsView{};
    m_ctx.refreshSets();
    m_ctx.show(Screen::Home);
    st.toast = "All results, drafts and settings were deleted. Your own question sets were kept.";
    return true;
}

void SettingsController::openDataFolder() { openInEditor(m_ctx.state.paths.dataDir.string()); }

void SettingsController::openInEditor(const std::string& path) {
    // Hand the path to the desktop; the path is passed as its own argument, never through a shell.
    // Double fork: the helper is adopted by init, so no zombie is left behind and nothing waits on it.
    pid_t child = fork();
    if (child == 0) {
        if (fork() == 0) {
            execlp("xdg-open", "xdg-open", path.c_str(), (char*)nullptr);
            _exit(127);
        }
        _exit(0);
    }
    if (child > 0) waitpid(child, nullptr, 0);
    m_ctx.state.toast = "Asked the system to open " + path;
}

}  // namespace rekindle::app
