// The loop's wake-up as the app's worker threads see it: set once from the UI thread (glfwPostEmptyEvent), fired
// from any thread when a background result is ready. One guarded copy instead of one per worker.
#pragma once

#include <functional>
#include <mutex>
#include <utility>

namespace rekindle::app {

class WakeSignal {
public:
    void set(std::function<void()> wake) {
        std::lock_guard<std::mutex> g(m_mutex);
        m_wake = std::move(wake);
    }
    // Called outside the lock, so a wake that takes time never holds up set().
    void fire() const {
        std::function<void()> wake;
        {
            std::lock_guard<std::mutex> g(m_mutex);
            wake = m_wake;
        }
        if (wake) wake();
    }

private:
    mutable std::mutex m_mutex;
    std::function<void()> m_wake;
};

}  // namespace rekindle::app
