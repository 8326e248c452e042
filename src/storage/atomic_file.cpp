// temp + fsync + rename relative to the folder's descriptor: a reader sees the old file or the new one, never half
// of either, and a link planted at the target or temp name is never written through.
#include "storage/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <random>
#include <system_error>

#include "storage/crypto/protection.hpp"

namespace rekindle::storage {
namespace fs = std::filesystem;

namespace {

std::string errnoText(int e) { return std::generic_category().message(e); }

// With the default action a write past RLIMIT_FSIZE kills the process before it can remove its temp file. Ignored,
// the write fails with EFBIG and the normal error path cleans up. Only the default action is replaced, so a
// handler someone installed on purpose stays.
void ignoreFileSizeSignal() {
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction old {};
        if (::sigaction(SIGXFSZ, nullptr, &old) == 0 && old.sa_handler == SIG_DFL) std::signal(SIGXFSZ, SIG_IGN);
    });
}

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

struct Fd {
    int fd = -1;
    explicit Fd(int f) : fd(f) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

bool writeImpl(const fs::path& path, const std::string& plain, bool mustBeNew, std::string* error) {
    ignoreFileSizeSignal();
    // In a passphrase-protected folder the user's files are sealed here (docs/privacy.md).
    std::string sealed;
    WriteForm form = prepareForWrite(path, plain, sealed, error);
    if (form == WriteForm::Refused) return false;
    const std::string& content = form == WriteForm::Sealed ? sealed : plain;
    auto fail = [&](const char* what, int e) {
        if (error) *error = std::string(what) + " " + path.string() + ": " + errnoText(e);
        return false;
    };
    const std::string name = path.filename().string();
    if (name.empty() || name == "." || name == "..") return fail("cannot write", EISDIR);
    Fd dir(::open(path.parent_path().empty() ? "." : path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.fd < 0) return fail("cannot write", errno);

    thread_local std::mt19937_64 rng{std::random_device{}()};
    const std::string tmp = name + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rng() % 1000000000ULL);
    int fd = ::openat(dir.fd, tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return fail("cannot write", errno);
    // The umask can only take bits away from 0600, but an explicit mode states the contract.
    bool ok = ::fchmod(fd, 0600) == 0 && writeAll(fd, content) && ::fsync(fd) == 0;
    int savedErrno = errno;
    if (::close(fd) != 0 && ok) {
        ok = false;
        savedErrno = errno;
    }
    if (!ok) {
        ::unlinkat(dir.fd, tmp.c_str(), 0);
        return fail("cannot write", savedErrno);
    }
    if (mustBeNew) {
        // link() fails if the target exists, so a result is never replaced.
        if (::linkat(dir.fd, tmp.c_str(), dir.fd, name.c_str(), 0) != 0) {
            savedErrno = errno;
            ::unlinkat(dir.fd, tmp.c_str(), 0);
            return fail("cannot save", savedErrno);
        }
        ::unlinkat(dir.fd, tmp.c_str(), 0);
    } else if (::renameat(dir.fd, tmp.c_str(), dir.fd, name.c_str()) != 0) {
        savedErrno = errno;
        ::unlinkat(dir.fd, tmp.c_str(), 0);
        return fail("cannot save", savedErrno);
    }
    ::fsync(dir.fd);
    return true;
}

const char* typeName(unsigned mode) {
    switch (mode & S_IFMT) {
        case S_IFIFO: return "a named pipe (FIFO)";
        case S_IFSOCK: return "a socket";
        case S_IFCHR: return "a character device";
        case S_IFBLK: return "a block device";
        case S_IFLNK: return "a symbolic link";
        default: return "not a plain file";
    }
}

}  // namespace

std::string fileTypeProblem(unsigned mode) {
    if (S_ISDIR(mode)) return "is a folder, not a file";
    if (S_ISLNK(mode)) return "is not a regular file (a symbolic link; Rekindle does not follow links in its folders)";
    return std::string("is not a regular file (") + typeName(mode) + ")";
}

bool writeFileAtomic(const fs::path& path, const std::string& content, std::string* error) {
    return writeImpl(path, content, false, error);
}

bool writeNewFileAtomic(const fs::path& path, const std::string& content, std::string* error) {
    return writeImpl(path, content, true, error);
}

bool renameNoReplace(const fs::path& from, const fs::path& to, std::string* error, bool* exists) {
    if (exists) *exists = false;
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return true;
    int e = errno;
    if (e == EINVAL || e == ENOSYS) {
        // A file system without RENAME_NOREPLACE: link() refuses an existing target just the same.
        if (::link(from.c_str(), to.c_str()) == 0) {
            if (::unlink(from.c_str()) == 0) return true;
            e = errno;
            ::unlink(to.c_str());
        } else {
            e = errno;
        }
    }
    if (exists) *exists = e == EEXIST;
    if (error) *error = "cannot move " + from.string() + " to " + to.string() + ": " + errnoText(e);
    return false;
}

fs::path namedByUser(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_symlink(path, ec)) return path;
    fs::path real = fs::canonical(path, ec);
    return ec ? path : real;
}

bool isTempFileName(const std::string& name, long* pid) {
    size_t at = name.rfind(".tmp-");
    if (at == std::string::npos || at == 0) return false;
    char* end = nullptr;
    long p = std::strtol(name.c_str() + at + 5, &end, 10);
    if (!end || *end != '-' || p <= 0) return false;
    if (pid) *pid = p;
    return true;
}

int removeStaleTempFiles(const fs::path& dir) {
    std::error_code ec;
    int removed = 0;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::string name = it->path().filename().string();
        long pid = 0;
        if (!isTempFileName(name, &pid) || !it->is_regular_file(ec) || it->is_symlink(ec)) continue;
        if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH) removed += ::unlink(it->path().c_str()) == 0 ? 1 : 0;
    }
    return removed;
}

std::optional<std::string> readFile(const fs::path& path, std::string* error, size_t maxBytes, Links links) {
    auto fail = [&](std::string why) -> std::optional<std::string> {
        if (error) *error = std::move(why);
        return std::nullopt;
    };
    // Look before opening: open() on a device can have side effects, and on a FIFO without O_NONBLOCK it blocks.
    struct stat pre {};
    int r = links == Links::Follow ? ::stat(path.c_str(), &pre) : ::lstat(path.c_str(), &pre);
    if (r != 0) return fail("cannot open: " + errnoText(errno));
    if (!S_ISREG(pre.st_mode)) return fail(fileTypeProblem(pre.st_mode));
    int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (links == Links::Refuse ? O_NOFOLLOW : 0);
    Fd fd(::open(path.c_str(), flags));
    if (fd.fd < 0) {
        if (errno == ELOOP && links == Links::Refuse) return fail(fileTypeProblem(S_IFLNK));
        return fail("cannot open: " + errnoText(errno));
    }
    // Checked again on the descriptor: the name may have been swapped between lstat and open.
    struct stat st {};
    if (::fstat(fd.fd, &st) != 0) return fail("cannot read: " + errnoText(errno));
    if (!S_ISREG(st.st_mode)) return fail(fileTypeProblem(st.st_mode));
    if (size_t(st.st_size) > maxBytes) {
        char limit[32];
        if (maxBytes >= 1024 * 1024) std::snprintf(limit, sizeof limit, "%zu MiB", maxBytes / 1024 / 1024);
        else std::snprintf(limit, sizeof limit, "%zu KiB", maxBytes / 1024);
        return fail("is " + std::to_string(st.st_size / 1024) + " KiB, over the " + limit + " limit");
    }
    std::string out;
    out.resize(size_t(st.st_size));
    size_t done = 0;
    while (done < out.size()) {
        ssize_t n = ::read(fd.fd, out.data() + done, out.size() - done);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n < 0) return fail("cannot read: " + errnoText(errno));
        if (n == 0) break;
        done += size_t(n);
    }
    out.resize(done);
    if (!openAfterRead(path, out, error)) return std::nullopt;  // sealed files come back as the JSON inside
    return out;
}

FileStamp stampOf(const struct ::stat& st) {
    return FileStamp{static_cast<long long>(st.st_size),
                     static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec};
}

std::optional<FileStamp> fileStamp(const std::filesystem::path& path) {
    struct ::stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return stampOf(st);
}

}  // namespace rekindle::storage
