// The one place application state changes: screens call these as actions; the controller loads, scores,
// saves drafts and results, and tells the platform when background work needs a frame.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "app/state.hpp"
#include "storage/draft_store.hpp"
#include "storage/result_store.hpp"

namespace rekindle::app {

struct ControllerOptions {
    std::string dataDir;
    std::string openFile;   // --open
    std::string theme;      // overrides settings for this run
    bool watchFiles = true;
};

class Controller {
public:
    explicit Controller(ControllerOptions options);
    ~Controller();
    Controller(const Controller&) = delete;
    Controller& operator=(const Controller&) = delete;

    const AppState& state() const { return m_state; }

    // Called by the platform with a function that wakes the event loop (glfwPostEmptyEvent).
    void setWake(std::function<void()> wake);
    // Called once per loop iteration: applies background results (file watcher). True if something changed.
    bool poll();

    // Navigation
    void go(Screen screen);
    void toggleHide();  // quick-hide: a neutral screen, and back

    // Home
    void refreshSets();
    void requestTake(int setIndex);  // shows the disclaimer first when not yet accepted
    void acceptDisclaimer();
    void dismissDisclaimer();
    void startTake(int setIndex, bool preview = false, const std::string& fromQuestion = {});
    void resumeDraft(int setIndex);
    void discardDraft(int setIndex);

    // Take
    void answer(const core::Answer& answer);   // for the current question
    void pickNumber(int n);                    // keyboard 1..9, 0 = 10
    void setNote(const std::string& text);     // current reflection step
    void next();
    void back();
    void skip();
    void jumpToStep(size_t index);
    void abandonTake();  // leave the take; the draft stays for later

    // Result
    void setResultNote(const std::string& note);
    void saveResult();
    void compareWithPrevious();

    // History / compare / trends
    void loadHistory();
    void setHistoryFilter(const std::string& setId);
    void setHistorySearch(const std::string& text);
    void openResult(const std::string& id);
    void askDelete(const std::string& id);
    void confirmDelete();
    void cancelDelete();
    void compare(const std::string& beforeId, const std::string& afterId);
    void compareWithOneBefore(const std::string& id);
    void openTrends(const std::string& setId);
    bool exportHistory(const std::string& format, std::string* writtenPath);

    // Author / simulator
    void previewSet(int setIndex, const std::string& fromQuestion = {});
    void setNewSetName(const std::string& name);
    bool createSetFromTemplate();
    void openSimulator(int setIndex);
    void simulate(const std::string& mode, uint64_t seed = 1);
    void simulateAnswer(const std::string& questionId, const core::Answer& answer);
    void runCoverage(int patterns, uint64_t seed);

    // Settings
    void setZoom(float zoom);
    void setTheme(const std::string& theme);
    void setMovingAverage(bool on);
    void setDeleteConfirmText(const std::string& text);
    bool deleteAllData();  // needs deleteConfirmText == "DELETE"
    void openDataFolder();
    void openInEditor(const std::string& path);
    void clearToast() { m_state.toast.clear(); }

    int findSet(const std::string& setId) const;

private:
    void show(Screen screen) {
        m_state.toast.clear();
        m_state.screen = screen;
    }
    void rebuildSteps();
    void persistDraft();
    void scanDrafts();
    void finishTake();
    void persistSettings();
    void startWatcher();
    void countTakes();

    ControllerOptions m_options;
    AppState m_state;
    std::unique_ptr<storage::ResultStore> m_store;
    std::unique_ptr<storage::DraftStore> m_drafts;
    std::function<void()> m_wake;  // set from the UI thread, called from the watcher: guarded by m_wakeMutex
    std::mutex m_wakeMutex;

    // File watcher: a thread that notices changed set files and asks the loop to re-validate.
    std::thread m_watcher;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_setsChanged{false};
};

}  // namespace rekindle::app
