// A thread that notices changed question-set files and asks the loop for a frame; the loop then re-validates
// on its own thread (Application::poll), so the state is only ever touched by one thread.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "app/wake_signal.hpp"
#include "storage/atomic_file.hpp"

namespace rekindle::app {

class SetWatcher {
public:
    SetWatcher(std::vector<std::filesystem::path> dirs, std::string extraFile);
    ~SetWatcher();
    SetWatcher(const SetWatcher&) = delete;
    SetWatcher& operator=(const SetWatcher&) = delete;

    void setWake(std::function<void()> wake);
    // True once after any file changed.
    bool takeChanged() { return m_changed.exchange(false); }

private:
    using Snapshot = std::vector<std::pair<std::string, storage::FileStamp>>;
    Snapshot snapshot() const;
    void run();

    std::vector<std::filesystem::path> m_dirs;
    std::string m_extraFile;
    WakeSignal m_wake;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_changed{false};
    std::thread m_thread;
};

}  // namespace rekindle::app
