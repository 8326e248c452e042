// The root of the app layer: owns the shared context, one controller per feature and the command queue.
// Screens push commands while a frame is drawn; the platform loop calls applyCommands() after ui::drawRoot
// returns, so state only changes between frames.
#pragma once

#include <functional>
#include <memory>

#include "app/authoring/authoring_controller.hpp"
#include "app/commands.hpp"
#include "app/context.hpp"
#include "app/lock/lock_controller.hpp"
#include "app/results/results_controller.hpp"
#include "app/set_loader.hpp"
#include "app/set_watcher.hpp"
#include "app/settings/settings_controller.hpp"
#include "app/take/take_controller.hpp"

namespace rekindle::app {

class Application {
public:
    explicit Application(ControllerOptions options);
    ~Application();
    Application(const Application&) = delete;
    Application& operator=(const Application&) = delete;

    const AppState& state() const { return m_ctx.state; }
    CommandQueue& commands() { return m_queue; }

    // Applies every queued command in the order pushed. True if there were any (the loop draws again).
    bool applyCommands();
    // Applies one command now: tests, the benchmark and applyCommands itself.
    void apply(const Command& command);

    // Called by the platform with a function that wakes the event loop (glfwPostEmptyEvent).
    void setWake(std::function<void()> wake);
    // Called once per loop iteration: applies background results (file watcher, set reads, unlock and conversion jobs), locks
    // an idle protected window, and lets a read-only window take over once the other one closed. True if something
    // changed.
    bool poll();
    // The loop saw input (a key, a click, the mouse moving): the idle-lock clock starts again.
    void noteActivity() { m_lock.noteActivity(); }
    // Seconds until poll() must run again although nothing happened (idle lock, read-only retry); negative: never.
    double secondsUntilDue() const;

    // Navigation: loads what the target screen shows (history, take counts) before switching.
    void go(Screen screen);
    void toggleHide();  // quick-hide: a neutral screen, and back
    // Ctrl+Q or the window's close button: quits (state().quitRequested), or asks first (state().confirmQuit) when
    // answers that were never written would be lost.
    void requestQuit();

    TakeController& take() { return m_take; }
    ResultsController& results() { return m_results; }
    AuthoringController& authoring() { return m_authoring; }
    SettingsController& settings() { return m_settings; }
    LockController& lock() { return m_lock; }

private:
    struct Dispatch;

    Context m_ctx;
    TakeController m_take{m_ctx};
    ResultsController m_results{m_ctx};
    AuthoringController m_authoring{m_ctx};
    SettingsController m_settings{m_ctx};
    LockController m_lock{m_ctx};
    CommandQueue m_queue;
    std::chrono::steady_clock::time_point m_nextWriterTry = std::chrono::steady_clock::now();
    std::unique_ptr<SetWatcher> m_watcher;
    SetLoader m_loader;  // last: its worker is joined before anything else goes

    // Reads every set again: on the loader's worker with loadSetsInBackground, else at once.
    void reloadSets();
};

}  // namespace rekindle::app
