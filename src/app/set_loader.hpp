// Reads question-set files on a worker thread so the window never waits on a large or hostile set; the finished
// catalogue is handed to the UI thread in Application::poll, which alone touches the state.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <thread>
#include <vector>

#include "app/state.hpp"
#include "app/wake_signal.hpp"

namespace rekindle::app {

class SetLoader {
public:
    // A read gets the loader's stop flag: set when the window closes, it should end the read soon (between files).
    using Read = std::function<std::vector<SetEntry>(const std::atomic<bool>& stop)>;
    SetLoader() = default;
    ~SetLoader();  // stops a read under way and waits for it: its thread must not outlive the loop it wakes
    SetLoader(const SetLoader&) = delete;
    SetLoader& operator=(const SetLoader&) = delete;

    void setWake(std::function<void()> wake) { m_wake.set(std::move(wake)); }
    // Starts `read` on the worker. While one runs, the newest request waits and runs after it: files changed during
    // a read are read again, and never more than one read runs.
    void start(Read read);
    // A read running or waiting.
    bool busy() const { return m_thread.joinable() || m_next != nullptr; }
    // On the UI thread: the catalogue of a finished read, once (and the waiting read, if any, starts then).
    std::optional<std::vector<SetEntry>> take();

private:
    void run(Read read);

    std::thread m_thread;
    Read m_next;
    std::atomic<bool> m_done{false};
    std::atomic<bool> m_stop{false};
    std::vector<SetEntry> m_result;  // written by the worker before m_done, read after it: no lock needed
    WakeSignal m_wake;
};

}  // namespace rekindle::app
