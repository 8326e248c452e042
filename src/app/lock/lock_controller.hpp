// Passphrase protection in the window: unlocking (Argon2id on a worker thread while the UI keeps drawing),
// locking on idle or quick-hide (the key and the decrypted state are dropped), and setting, changing or removing
// the passphrase from Settings. At most one job runs at a time; its outcome is applied on the UI thread in poll().
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "app/context.hpp"
#include "app/lock/passphrase.hpp"
#include "app/wake_signal.hpp"

namespace rekindle::app {

class LockController {
public:
    using Clock = std::chrono::steady_clock;

    explicit LockController(Context& ctx);
    ~LockController();  // waits for a running job: a conversion is never cut off by closing the window
    LockController(const LockController&) = delete;
    LockController& operator=(const LockController&) = delete;

    void setWake(std::function<void()> wake) { m_wake.set(std::move(wake)); }
    // 0 = use the setting; tests shorten the idle time (REKINDLE_TEST_IDLE_LOCK_SECONDS in test builds).
    void setIdleSecondsOverride(double seconds) { m_idleOverride = seconds; }

    void unlock(const Passphrase& passphrase);
    void lockNow(const std::string& why = {});
    void protect(const Passphrase& next, const Passphrase& again);
    void change(const Passphrase& current, const Passphrase& next, const Passphrase& again);
    void remove(const Passphrase& current);

    void noteActivity() { m_lastActivity = Clock::now(); }
    // On the UI thread, every loop turn: applies a finished job and locks when idle too long. True if state changed.
    bool poll();
    // Seconds until poll() has something to do (the idle deadline), or a negative number for never.
    double secondsUntilDue() const;

private:
    struct Outcome {
        bool ok = false;
        std::string message;
        int converted = 0;
    };
    void startJob(LockState::Job job, std::function<Outcome()> work);
    void finishJob();
    double idleSeconds() const;
    void dropPersonalState();
    void keepUnsavedNote();

    Context& m_ctx;
    WakeSignal m_wake;
    std::thread m_worker;
    std::atomic<bool> m_done{false};
    std::mutex m_mutex;
    Outcome m_outcome;  // guarded by m_mutex until m_done
    Clock::time_point m_lastActivity = Clock::now();
    double m_idleOverride = 0;
};

}  // namespace rekindle::app
