// `rekindle doctor`: a check of the data and config folders — ownership and modes, files that are not regular,
// unreadable results, orphaned temp files, drafts of sets that are gone, index drift — and the few repairs that
// are safe to make without asking (modes, temp files, the index). The Settings screen shows the same report.
#pragma once

#include <string>
#include <vector>

#include "storage/data_lock.hpp"
#include "storage/paths.hpp"

namespace rekindle::storage {

struct DoctorFinding {
    enum class Kind { Problem, Fixed, Note };
    Kind kind = Kind::Problem;
    std::string path;     // the file or folder it is about
    std::string message;  // what is wrong, or what was changed
    bool fixable = false; // --fix would repair it
};

struct DoctorReport {
    std::vector<DoctorFinding> findings;
    int problems() const;  // findings still wrong after the run
    int fixed() const;
    // One line a finding: "PROBLEM <path>: <message>" / "FIXED   ..." / "note    ...", then a summary line.
    std::string text() const;
};

// Examines paths (and, with fix, repairs what is safe). Fixing needs the data folder's lock: with another window
// open nothing is changed and a note says so. Never follows a link, never opens anything but a regular file.
DoctorReport examineDataFolder(const Paths& paths, bool fix);
// The same from a process that already holds the folder's lock (the window): fixes only when heldLock is held.
DoctorReport examineDataFolder(const Paths& paths, bool fix, const DataLock& heldLock);

}  // namespace rekindle::storage
