// temp + fsync + rename: a reader sees the old file or the new one, never half of either.
#include "storage/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <random>
#include <system_error>

#include "storage/crypto/protection.hpp"

namespace rekindle::storage {
namespace fs = std::filesystem;

namespace {

std::string errnoText() { return std::generic_category().message(errno); }

bool writeAll(int fd, const std::string& content) {
    size_t done = 0;
    while (done < content.size()) {
        ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += size_t(n);
    }
    return true;
}

void syncDir(const fs::path& dir) {
    int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

bool writeImpl(const fs::path& path, const std::string& plain, bool mustBeNew, std::string* error) {
    std::string sealed;
    WriteForm form = prepareForWrite(path, plain, sealed, error);
    if (form == WriteForm::Refused) return false;
    const std::string& content = form == WriteForm::Sealed ? sealed : plain;
    thread_local std::mt19937_64 rng{std::random_device{}()};
    fs::path tmp = path;
    tmp += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rng() % 1000000000ULL);
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (error) *error = "cannot write " + path.string() + ": " + errnoText();
        return false;
    }
    bool ok = writeAll(fd, content) && ::fsync(fd) == 0;
    int savedErrno = errno;
    ::close(fd);
    if (!ok) {
        ::unlink(tmp.c_str());
        errno = savedErrno;
        if (error) *error = "cannot write " + path.string() + ": " + errnoText();
        return false;
    }
    if (mustBeNew) {
        // link() fails if the target exists, so a result is never replaced.
        if (::link(tmp.c_str(), path.c_str()) != 0) {
            savedErrno = errno;
            ::unlink(tmp.c_str());
            errno = savedErrno;
            if (error) *error = "cannot save " + path.string() + ": " + errnoText();
            return false;
        }
        ::unlink(tmp.c_str());
    } else if (::rename(tmp.c_str(), path.c_str()) != 0) {
        savedErrno = errno;
        ::unlink(tmp.c_str());
        errno = savedErrno;
        if (error) *error = "cannot save " + path.string() + ": " + errnoText();
        return false;
    }
    syncDir(path.parent_path());
    return true;
}

}  // namespace

bool writeFileAtomic(const fs::path& path, const std::string& content, std::string* error) {
    return writeImpl(path, content, false, error);
}

bool writeNewFileAtomic(const fs::path& path, const std::string& content, std::string* error) {
    return writeImpl(path, content, true, error);
}

int removeStaleTempFiles(const fs::path& dir) {
    std::error_code ec;
    int removed = 0;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::string name = it->path().filename().string();
        size_t at = name.rfind(".tmp-");
        if (at == std::string::npos || !it->is_regular_file(ec)) continue;
        long pid = std::atol(name.c_str() + at + 5);
        if (pid <= 0 || (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)) {
            std::error_code rm;
            removed += fs::remove(it->path(), rm) ? 1 : 0;
        }
    }
    return removed;
}

std::optional<std::string> readFile(const fs::path& path, std::string* error, size_t maxBytes) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (error) *error = "cannot open: " + errnoText();
        return std::nullopt;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        if (error) *error = S_ISDIR(st.st_mode) ? "is a folder, not a file" : "is not a regular file";
        return std::nullopt;
    }
    if (size_t(st.st_size) > maxBytes) {
        ::close(fd);
        if (error)
            *error = "is " + std::to_string(st.st_size / 1024) + " KiB, over the " + std::to_string(maxBytes / 1024 / 1024) +
                     " MiB limit";
        return std::nullopt;
    }
    std::string out;
    out.resize(size_t(st.st_size));
    size_t done = 0;
    while (done < out.size()) {
        ssize_t n = ::read(fd, out.data() + done, out.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += size_t(n);
    }
    ::close(fd);
    out.resize(done);
    if (!openAfterRead(path, out, error)) return std::nullopt;  // sealed files come back as the JSON inside
    return out;
}

}  // namespace rekindle::storage
