// The doctor walks each known folder once with lstat and opens only regular files (with O_NOFOLLOW); a mode repair
// is an fchmod on a descriptor it opened itself, so a link swapped in meanwhile cannot redirect it.
#include "storage/doctor.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <set>
#include <system_error>

#include "storage/atomic_file.hpp"
#include "storage/data_lock.hpp"
#include "storage/draft_store.hpp"
#include "storage/settings.hpp"
#include "storage/library.hpp"
#include "storage/question_set_json.hpp"
#include "storage/result_store.hpp"

namespace rekindle::storage {
namespace fs = std::filesystem;

namespace {

using Kind = DoctorFinding::Kind;

class Doctor {
public:
    Doctor(const Paths& paths, bool fix, bool lockHeld) : m_paths(paths), m_fix(fix), m_lockHeld(lockHeld) {}
    DoctorReport run();

private:
    void add(Kind kind, const fs::path& path, std::string message, bool fixable = false) {
        m_report.findings.push_back(DoctorFinding{kind, path.string(), std::move(message), fixable});
    }
    bool checkFolder(const fs::path& dir);
    void checkFiles(const fs::path& dir, bool recordsOnly);
    void checkFileMode(const fs::path& file, const struct stat& st);
    void checkResults();
    void checkDrafts();

    const Paths& m_paths;
    bool m_fix;
    bool m_lockHeld;  // the caller (the window) already holds the data folder's lock
    DataLock m_lock;
    DoctorReport m_report;
};

bool Doctor::checkFolder(const fs::path& dir) {
    struct stat st {};
    if (::lstat(dir.c_str(), &st) != 0) return false;  // not made yet: nothing to check
    std::string why;
    if (checkPrivateDir(dir, &why)) {
        if (st.st_mode & 077) {
            if (m_fix && ensurePrivateDir(dir, &why)) add(Kind::Fixed, dir, "folder mode " + modeText(st.st_mode) + " -> 0700");
            else add(Kind::Problem, dir, "folder mode " + modeText(st.st_mode) + ", should be 0700", true);
        }
        return true;
    }
    // Ours but open to others: tightening it is safe. Another owner or a link is for the user to decide.
    bool ours = !S_ISLNK(st.st_mode) && S_ISDIR(st.st_mode) && st.st_uid == ::geteuid();
    if (ours && m_fix) {
        int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        bool done = fd >= 0 && ::fchmod(fd, 0700) == 0;
        if (fd >= 0) ::close(fd);
        if (done) {
            add(Kind::Fixed, dir, "folder mode " + modeText(st.st_mode) + " -> 0700 (check it for files you did not put there)");
            return true;
        }
    }
    add(Kind::Problem, dir, why, ours);
    return false;
}

void Doctor::checkFileMode(const fs::path& file, const struct stat& st) {
    if (st.st_uid != ::geteuid()) {
        add(Kind::Problem, file, "belongs to uid " + std::to_string(st.st_uid) + ", not to you");
        return;
    }
    if (!(st.st_mode & 077)) return;
    std::string mode = modeText(st.st_mode);
    if (m_fix) {
        int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        struct stat again {};
        bool done = fd >= 0 && ::fstat(fd, &again) == 0 && S_ISREG(again.st_mode) && ::fchmod(fd, 0600) == 0;
        if (fd >= 0) ::close(fd);
        if (done) return add(Kind::Fixed, file, "file mode " + mode + " -> 0600");
    }
    add(Kind::Problem, file, "file mode " + mode + ", should be 0600 (others can read it)", true);
}

// Every entry of a folder: not-regular files, loose modes, temp files left by a killed writer.
void Doctor::checkFiles(const fs::path& dir, bool recordsOnly) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        std::string name = p.filename().string();
        struct stat st {};
        if (::lstat(p.c_str(), &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) continue;  // known subfolders are checked on their own
        long pid = 0;
        if (isTempFileName(name, &pid) && S_ISREG(st.st_mode)) {
            bool alive = ::kill(pid_t(pid), 0) == 0 || errno != ESRCH;
            if (alive) {
                add(Kind::Note, p, "temp file of running process " + std::to_string(pid) + " (left alone)");
            } else if (m_fix && ::unlink(p.c_str()) == 0) {
                add(Kind::Fixed, p, "removed a temp file left by a writer that was killed");
            } else {
                add(Kind::Problem, p, "temp file left by a writer that was killed (it may hold a copy of answers)", true);
            }
            continue;
        }
        if (!S_ISREG(st.st_mode)) {
            if (!recordsOnly || name.ends_with(".json") || name == "imgui.ini" || name == ".lock")
                add(Kind::Problem, p, fileTypeProblem(st.st_mode) + "; Rekindle will not open it. Move it aside.");
            continue;
        }
        checkFileMode(p, st);
    }
}

void Doctor::checkResults() {
    ResultStore store(m_paths);
    store.setReadOnly(!m_fix);
    auto drift = store.indexDrift();
    for (const auto& s : store.list()) {
        if (s.readable || s.error.starts_with("is not a regular file")) continue;  // the latter: reported above
        add(Kind::Problem, s.path, "unreadable result: " + s.error);
    }
    if (!drift.present || !drift.any()) return;
    std::string what = std::to_string(drift.stale) + " changed, " + std::to_string(drift.unindexed) + " missing, " +
                       std::to_string(drift.gone) + " for files that are gone";
    // list() above already brought the index up to date when it could write it.
    auto after = store.indexDrift();
    if (!after.any()) add(Kind::Fixed, store.indexFile(), "index rebuilt (" + what + ")");
    else add(Kind::Problem, store.indexFile(), "index out of date (" + what + ")", true);
}

void Doctor::checkDrafts() {
    DraftStore drafts(m_paths);
    auto entries = drafts.list();
    if (entries.empty()) return;
    std::set<std::string> ids;
    Library lib = loadLibrary(m_paths.assetsDir);
    for (const auto& dir : {m_paths.builtinQuestionnaires, m_paths.userSetsDir()})
        for (const auto& s : loadQuestionSetsIn(dir, lib))
            if (s.set) ids.insert(s.set->id);
    for (const auto& e : entries) {
        if (!e.readable) {
            if (!e.error.starts_with("is not a regular file")) add(Kind::Problem, e.path, "unreadable draft: " + e.error);
            continue;
        }
        // Never removed here: a draft holds the user's own words, and the set may come back.
        if (!ids.count(e.draft.setId))
            add(Kind::Problem, e.path, "draft of the question set \"" + e.draft.setId +
                                           "\", which is no longer installed (kept: it holds your answers)");
    }
}

DoctorReport Doctor::run() {
    std::string why;
    if (m_fix && !m_lockHeld) {
        m_lock = DataLock::acquire(m_paths.dataDir);
        if (!m_lock.held()) {
            add(Kind::Note, m_paths.dataDir,
                m_lock.state() == DataLock::State::Busy
                    ? "Rekindle is open in another window, so nothing was changed; close it and run doctor --fix again"
                    : m_lock.problem() + "; nothing was changed");
            m_fix = false;
        }
    }
    if (!checkDataFolders(m_paths, &why) && why.find("the folder above") != std::string::npos)
        add(Kind::Problem, m_paths.dataDir, why);
    bool dataOk = checkFolder(m_paths.dataDir);
    bool configOk = checkFolder(m_paths.configDir);
    if (configOk) {
        checkFiles(m_paths.configDir, true);
        // The app starts with its defaults when settings.json cannot be read; say so here, where nobody is rushed.
        SettingsLoad settings = loadSettings(m_paths.settingsFile());
        if (!settings.problem.empty() && settings.problem.find("is not a regular file") == std::string::npos) {
            // The loader's message starts with the file's name, which the finding already shows.
            size_t colon = settings.problem.find(": ");
            add(Kind::Problem, m_paths.settingsFile(),
                "unreadable settings: " + (colon == std::string::npos ? settings.problem : settings.problem.substr(colon + 2)));
        }
    }
    if (!dataOk) return m_report;  // a folder we do not trust is not read further
    checkFiles(m_paths.dataDir, true);
    bool resultsOk = checkFolder(m_paths.resultsDir());
    bool draftsOk = checkFolder(m_paths.draftsDir());
    for (const fs::path& dir : {m_paths.trashDir(), m_paths.userSetsDir()})
        if (checkFolder(dir)) checkFiles(dir, false);
    if (resultsOk) {
        checkFiles(m_paths.resultsDir(), false);
        checkResults();
    }
    if (draftsOk) {
        checkFiles(m_paths.draftsDir(), false);
        checkDrafts();
    }
    return m_report;
}

}  // namespace

int DoctorReport::problems() const {
    return int(std::count_if(findings.begin(), findings.end(), [](const auto& f) { return f.kind == Kind::Problem; }));
}

int DoctorReport::fixed() const {
    return int(std::count_if(findings.begin(), findings.end(), [](const auto& f) { return f.kind == Kind::Fixed; }));
}

std::string DoctorReport::text() const {
    std::string out;
    for (const auto& f : findings) {
        out += f.kind == Kind::Problem ? "PROBLEM " : f.kind == Kind::Fixed ? "FIXED   " : "note    ";
        out += f.path + ": " + f.message + (f.kind == Kind::Problem && f.fixable ? " [--fix repairs this]" : "") + "\n";
    }
    int p = problems(), x = fixed();
    if (p == 0 && x == 0) out += "All good: folders private, every file readable, nothing left over.\n";
    else out += std::to_string(p) + " problem" + (p == 1 ? "" : "s") + " left, " + std::to_string(x) + " fixed.\n";
    return out;
}

DoctorReport examineDataFolder(const Paths& paths, bool fix) { return Doctor(paths, fix, false).run(); }

DoctorReport examineDataFolder(const Paths& paths, bool fix, const DataLock& heldLock) {
    return Doctor(paths, fix && heldLock.held(), heldLock.held()).run();
}

}  // namespace rekindle::storage
