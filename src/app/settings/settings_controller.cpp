// Settings are saved at once; deleting everything needs the typed word; the desktop opens folders and files.
#include "app/settings/settings_controller.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>

#include "storage/crypto/protection.hpp"
#include "storage/doctor.hpp"

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

namespace {

// Removes path and, for a folder, everything in it, without following links; every failure is kept by path.
void removeTree(const fs::path& path, std::vector<std::string>& failures) {
    std::error_code ec;
    auto status = fs::symlink_status(path, ec);
    if (ec || !fs::exists(status)) return;
    if (fs::is_directory(status)) {
        std::vector<fs::path> children;
        for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) children.push_back(it->path());
        if (ec) failures.push_back(path.string() + ": cannot list: " + ec.message());
        size_t before = failures.size();
        for (const auto& child : children) removeTree(child, failures);
        if (failures.size() != before) return;  // the folder stays for what is left in it, already listed
    }
    if (!fs::remove(path, ec) && ec) failures.push_back(path.string() + ": " + ec.message());
}

}  // namespace

bool SettingsController::deleteAllData() {
    AppState& st = m_ctx.state;
    if (st.deleteConfirmText != "DELETE") return false;
    if (st.readOnly) {
        st.toast = "Nothing was deleted: this window can read but not change your data while another Rekindle window is open.";
        return false;
    }
    std::vector<std::string> failures;
    for (const fs::path& p : {st.paths.resultsDir(), st.paths.draftsDir(), st.paths.trashDir(), st.paths.dataDir / "notes",
                              st.paths.dataDir / "exports", st.paths.settingsFile(), st.paths.imguiIni()})
        removeTree(p, failures);
    // The keyring goes last, and only when every sealed file went: without it a file left behind could never be
    // opened again.
    if (st.lock.protectedFolder && failures.empty()) {
        removeTree(storage::keyringPath(st.paths.dataDir), failures);
        if (failures.empty()) {
            storage::lockFolder(st.paths.dataDir);
            st.lock.protectedFolder = false;
        }
    }
    st.layoutFileDeleted = true;  // the window must not write imgui.ini again at exit
    st.deleteConfirmText.clear();
    st.settings = storage::Settings{};
    m_ctx.forgetPersonalViews();
    m_ctx.refreshSets();
    st.deleteFailures = failures;
    st.toast = failures.empty()
                   ? "All results, drafts, notes, exports and settings were deleted. Your own question sets were kept."
                   : "Not everything could be deleted: " + std::to_string(failures.size()) +
                         (failures.size() == 1 ? " item is" : " items are") + " still there (listed under Delete all my data).";
    return failures.empty();
}

void SettingsController::setIdleLockMinutes(int minutes) {
    m_ctx.state.settings.idleLockMinutes = std::clamp(minutes, 0, storage::kMaxIdleLockMinutes);
    m_ctx.persistSettings();
}

void SettingsController::setLockOnHide(bool on) {
    m_ctx.state.settings.lockOnHide = on;
    m_ctx.persistSettings();
}

void SettingsController::checkData(bool fix) {
    DataCheckView& d = m_ctx.state.dataCheck;
    d.report = storage::examineDataFolder(m_ctx.state.paths, fix, m_ctx.dataLock());
    d.ran = true;
    d.fixRan = fix && !m_ctx.state.readOnly;
    if (fix && m_ctx.state.readOnly)
        d.report.findings.push_back({storage::DoctorFinding::Kind::Note, m_ctx.state.paths.dataDir.string(),
                                     "Rekindle is open in another window, so nothing was changed from this one", false});
    if (d.fixRan) m_ctx.countTakes();  // the index may have been rebuilt
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
