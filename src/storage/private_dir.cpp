// Folder checks by descriptor: lstat/open(O_NOFOLLOW|O_DIRECTORY) then fstat and fchmod on what was opened, so a
// link swapped in between cannot redirect a chmod.
#include "storage/private_dir.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <system_error>

#include "storage/paths.hpp"

namespace rekindle::storage {
namespace fs = std::filesystem;

namespace {

std::string errnoText(int e) { return std::generic_category().message(e); }

std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string userName(uid_t uid) {
    struct passwd* pw = ::getpwuid(uid);
    std::string n = "uid " + std::to_string(uid);
    return pw && pw->pw_name ? n + " (" + pw->pw_name + ")" : n;
}

bool refuse(std::string* error, std::string text) {
    if (error) *error = std::move(text);
    return false;
}

// The verdict on an opened folder's fstat; fd >= 0 and tighten allow the 0700 repair.
bool judge(const fs::path& dir, const struct stat& st, int fd, bool tighten, std::string* error) {
    const std::string q = shellQuote(dir.string());
    if (st.st_uid != ::geteuid())
        return refuse(error, dir.string() + " belongs to " + userName(st.st_uid) + ", not to you (" +
                                 userName(::geteuid()) +
                                 "), so Rekindle will not keep your data there. Fix: move it aside (mv " + q + " " +
                                 shellQuote(dir.string() + ".not-mine") + ") or pick another folder with --data-dir.");
    if (st.st_mode & (S_IWGRP | S_IWOTH))
        return refuse(error, dir.string() + " can be changed by other users (mode " + modeText(st.st_mode) +
                                 "), so Rekindle will not use it. Fix: chmod 700 " + q);
    // Only takes bits away: a folder the user made read-only for themselves stays read-only.
    if (tighten && fd >= 0 && (st.st_mode & 077) && ::fchmod(fd, st.st_mode & 0700) != 0)
        return refuse(error, "cannot make " + dir.string() + " private (chmod go-rwx): " + errnoText(errno));
    return true;
}

bool openAndJudge(const fs::path& dir, bool tighten, std::string* error) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        struct stat ls {};
        if (::lstat(dir.c_str(), &ls) == 0 && S_ISLNK(ls.st_mode))
            return refuse(error, dir.string() +
                                     " is a symbolic link; Rekindle does not write through links. Fix: move it aside "
                                     "(mv " + shellQuote(dir.string()) + " " + shellQuote(dir.string() + ".link") +
                                     ") so that Rekindle makes a real folder.");
        if (e == ENOTDIR) return refuse(error, dir.string() + " is not a folder; move it aside so Rekindle can make one");
        return refuse(error, "cannot open the folder " + dir.string() + ": " + errnoText(e));
    }
    struct stat st {};
    bool ok = ::fstat(fd, &st) == 0 ? judge(dir, st, fd, tighten, error)
                                    : refuse(error, "cannot check " + dir.string() + ": " + errnoText(errno));
    ::close(fd);
    return ok;
}

bool makeDirs(const fs::path& dir, std::string* error) {
    struct stat st {};
    if (::lstat(dir.c_str(), &st) == 0) return true;
    fs::path parent = dir.parent_path();
    if (!parent.empty() && parent != dir && !makeDirs(parent, error)) return false;
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        return refuse(error, "cannot create folder " + dir.string() + ": " + errnoText(errno));
    return true;
}

bool checkAncestors(const fs::path& root, std::string* error) {
    for (fs::path p = root.parent_path(); !p.empty(); p = p.parent_path()) {
        struct stat st {};
        if (::stat(p.c_str(), &st) != 0) {
            if (p == p.parent_path()) break;
            continue;  // missing: created 0700 by us later
        }
        if (st.st_uid != 0 && st.st_uid != ::geteuid())
            return refuse(error, "Rekindle will not use " + root.string() + ": the folder above it, " + p.string() +
                                     ", belongs to " + userName(st.st_uid) +
                                     ", who could swap it. Fix: keep your data under a folder of your own "
                                     "(--data-dir or XDG_DATA_HOME).");
        if ((st.st_mode & S_IWOTH) && !(st.st_mode & S_ISVTX))
            return refuse(error, "Rekindle will not use " + root.string() + ": the folder above it, " + p.string() +
                                     ", can be changed by anyone (mode " + modeText(st.st_mode) +
                                     "). Fix: chmod o-w " + shellQuote(p.string()));
        if (p == p.parent_path()) break;
    }
    return true;
}

}  // namespace

std::string modeText(unsigned mode) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04o", mode & 07777);
    return buf;
}

bool ensurePrivateDir(const fs::path& dir, std::string* error) {
    if (!makeDirs(dir, error)) return false;
    return openAndJudge(dir, true, error);
}

bool checkPrivateDir(const fs::path& dir, std::string* error) {
    struct stat st {};
    if (::lstat(dir.c_str(), &st) != 0 && errno == ENOENT) return true;
    return openAndJudge(dir, false, error);
}

bool checkDataFolders(const Paths& paths, std::string* error) {
    for (const fs::path& root : {paths.dataDir, paths.configDir}) {
        if (!checkAncestors(root, error) || !checkPrivateDir(root, error)) return false;
    }
    // The subfolders may not exist yet; when they do, they are held to the same rules (a results/ that is a link to
    // somewhere else would have its target listed, indexed and chmod'ed).
    for (const fs::path& sub : {paths.resultsDir(), paths.draftsDir(), paths.trashDir(), paths.userSetsDir()})
        if (!checkPrivateDir(sub, error)) return false;
    return true;
}

}  // namespace rekindle::storage
