// One writer per data folder: an flock on <data>/.lock held for the life of the process. A second window on the
// same folder gets no lock and runs read-only instead of overwriting the first one's drafts.
#pragma once

#include <filesystem>
#include <string>

namespace rekindle::storage {

class DataLock {
public:
    enum class State { Held, Busy, Failed };

    DataLock() = default;
    DataLock(const DataLock&) = delete;
    DataLock& operator=(const DataLock&) = delete;
    DataLock(DataLock&& other) noexcept;
    DataLock& operator=(DataLock&& other) noexcept;
    ~DataLock();

    // Takes the lock without waiting. Busy: another process holds it. Failed: the lock file could not be opened
    // (message in problem()); a process that cannot lock should treat the folder as read-only too.
    static DataLock acquire(const std::filesystem::path& dataDir);

    State state() const { return m_state; }
    bool held() const { return m_state == State::Held; }
    const std::string& problem() const { return m_problem; }
    void release();

private:
    int m_fd = -1;
    State m_state = State::Failed;
    std::string m_problem;
};

// The words a read-only second window shows.
extern const char* const kReadOnlyBanner;

}  // namespace rekindle::storage
