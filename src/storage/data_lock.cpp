// flock rather than a PID file: the kernel drops it when the process dies, even by SIGKILL, so no stale lock is
// ever left to clean up.
#include "storage/data_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>
#include <utility>

namespace rekindle::storage {

const char* const kReadOnlyBanner = "Rekindle is already open in another window; this one can read but not save.";

DataLock::DataLock(DataLock&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_state(other.m_state), m_problem(std::move(other.m_problem)) {}

DataLock& DataLock::operator=(DataLock&& other) noexcept {
    if (this != &other) {
        release();
        m_fd = std::exchange(other.m_fd, -1);
        m_state = other.m_state;
        m_problem = std::move(other.m_problem);
    }
    return *this;
}

DataLock::~DataLock() { release(); }

void DataLock::release() {
    if (m_fd >= 0) ::close(m_fd);  // closing the last descriptor drops the flock
    m_fd = -1;
}

DataLock DataLock::acquire(const std::filesystem::path& dataDir) {
    DataLock lock;
    std::filesystem::path file = dataDir / ".lock";
    // O_NOFOLLOW: a link planted as .lock must not make us create or open a file elsewhere.
    lock.m_fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0600);
    if (lock.m_fd < 0) {
        lock.m_problem = "cannot open the lock file " + file.string() + ": " + std::generic_category().message(errno);
        return lock;
    }
    struct stat st {};
    if (::fstat(lock.m_fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        lock.m_problem = file.string() + ": is not a regular file";
        lock.release();
        return lock;
    }
    if (::flock(lock.m_fd, LOCK_EX | LOCK_NB) == 0) {
        lock.m_state = State::Held;
    } else if (errno == EWOULDBLOCK) {
        lock.m_state = State::Busy;
        lock.m_problem = kReadOnlyBanner;
        lock.release();
    } else {
        lock.m_problem = "cannot lock " + file.string() + ": " + std::generic_category().message(errno);
        lock.release();
    }
    return lock;
}

}  // namespace rekindle::storage
