// Crash-safe file writing and bounded, non-blocking reading: the only way Rekindle puts bytes on disk or takes
// them off it. Nothing here follows a symbolic link in the last path component or waits on a FIFO or device.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

struct stat;

namespace rekindle::storage {

constexpr size_t kMaxFileBytes = 16 * 1024 * 1024;  // larger inputs are refused, not parsed

// Size and modification time: how a cache or a watcher tells a changed file from an unchanged one without
// reading it. The one stamp every cache in Rekindle uses.
struct FileStamp {
    long long size = -1;
    long long mtimeNs = -1;
    bool operator==(const FileStamp&) const = default;
};
FileStamp stampOf(const struct ::stat& st);
// The stamp of what path names (a link is followed, as a watcher wants the file it points to); nullopt if absent.
std::optional<FileStamp> fileStamp(const std::filesystem::path& path);

// Whether the last path component may be a symbolic link. Files inside Rekindle's own folders never are; a path the
// user typed (validate, score, compare, --open) may be, since following it only reads what the user named.
enum class Links { Refuse, Follow };

// Writes to a temp file in the same folder (O_EXCL|O_NOFOLLOW, mode 0600), fsyncs it, renames over the target and
// fsyncs the folder. A symlink at the target is replaced, never written through. On any failure the target is
// untouched, the temp file is gone and error says why (EFBIG too: SIGXFSZ is ignored so a file-size limit fails
// the write instead of killing the process).
bool writeFileAtomic(const std::filesystem::path& path, const std::string& content, std::string* error = nullptr);

// Like writeFileAtomic but fails (EEXIST) if the target exists: results are never overwritten.
bool writeNewFileAtomic(const std::filesystem::path& path, const std::string& content, std::string* error = nullptr);

// Renames from -> to only when `to` does not exist (renameat2 RENAME_NOREPLACE, or link+unlink where the file
// system lacks it). errno-style reason in error; *exists is set when the target was taken.
bool renameNoReplace(const std::filesystem::path& from, const std::filesystem::path& to, std::string* error = nullptr,
                     bool* exists = nullptr);

// Deletes "<name>.tmp-<pid>-<n>" files that a killed writer left in dir (only when that process is gone, so a second
// running instance keeps its temp files). They hold copies of answers, so they should not linger. Returns the count.
int removeStaleTempFiles(const std::filesystem::path& dir);
// True for a name our writers use for temp files ("x.json.tmp-123-456"); *pid gets the writer's process id.
bool isTempFileName(const std::string& name, long* pid = nullptr);

// Reads a whole regular file up to maxBytes. Opens with O_NONBLOCK|O_NOFOLLOW|O_CLOEXEC and checks fstat, so a FIFO,
// socket, device or folder is refused at once ("is not a regular file") instead of hanging. nullopt with a reason
// (without the path: callers put "<path>: " in front) otherwise.
std::optional<std::string> readFile(const std::filesystem::path& path, std::string* error = nullptr,
                                    size_t maxBytes = kMaxFileBytes, Links links = Links::Refuse);

// A path the user typed on the command line or in --open: a symbolic link there is resolved to its target, since
// following it reads only what the user named. Paths inside Rekindle's folders never go through this.
std::filesystem::path namedByUser(const std::filesystem::path& path);

// The reason an open()/fstat() errno or a file type gives, worded for users ("is a symbolic link; ...").
std::string fileTypeProblem(unsigned mode);

}  // namespace rekindle::storage
