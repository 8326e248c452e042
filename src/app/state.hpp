// Everything the UI reads: which screen is up, the sets found, the take in progress, the result on show,
// history and comparison. The UI gets it as const and changes nothing; it pushes commands (app/commands.hpp).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/take/take_flow.hpp"
#include "core/compare.hpp"
#include "core/result.hpp"
#include "core/scoring.hpp"
#include "core/simulate.hpp"
#include "storage/doctor.hpp"
#include "storage/library.hpp"
#include "storage/paths.hpp"
#include "storage/question_set_json.hpp"
#include "storage/result_store.hpp"
#include "storage/settings.hpp"

namespace rekindle::app {

enum class Screen { Home, Take, Result, History, Compare, Trends, Author, Simulator, Settings, About, Help, Hidden };
const char* screenName(Screen screen);

struct SetEntry {
    storage::LoadedSet loaded;
    bool builtin = false;
    int pastTakes = 0;
    std::string lastTaken;  // RFC 3339 of the newest result
    bool hasDraft = false;
    std::string draftUpdated;
    int shownAtStart = 0;  // questions a take shows before any answer opens a follow-up
    int draftShown = -1;   // questions shown for the draft's answers; -1 without a draft
    const core::QuestionSet* set() const { return loaded.set ? &*loaded.set : nullptr; }
    std::string fileName() const { return loaded.path.filename().string(); }
};

struct TakeState {
    bool active = false;
    bool preview = false;  // author preview: never saved, no draft
    bool privateTake = false;  // "Don't keep anything from this take": no draft, no save, nothing written
    core::QuestionSet set;  // a copy, so a set reloaded by the file watcher cannot pull the rug mid-take
    std::filesystem::path setPath;
    core::Answers answers;
    std::map<std::string, std::string> notes;  // section id -> reflection
    std::vector<Step> steps;
    size_t step = 0;  // == steps.size() means "all answered, ready to see the result"
    std::string message;      // e.g. "This question needs an answer"
    std::string notice;       // e.g. draft resumed after the set changed
    std::string draftError;   // a failing draft write: shown, answers kept in memory
    std::string startedAt;
    int stepSerial = 0;       // bumps on every move, so the UI can refocus
    std::string draftExtra;   // fields of the draft file this version does not know: written back unchanged
};

// "Start again" moved an unfinished take to the trash: Home and Take offer to bring it back.
struct UndoOffer {
    std::string setId;
    std::string setTitle;
    std::filesystem::path trashed;  // where the old draft went
    int answers = 0;                // how many answers it held, to say what Undo brings back
};

struct ResultView {
    bool active = false;
    bool preview = false;
    bool privateTake = false;  // shown, never saved (no draft either)
    core::QuestionSet set;
    core::ResultRecord record;
    bool saved = false;
    std::string savedId;
    std::string error;
    std::string note;  // the free-text note: saved with the result, or in its note file once the result is saved
    std::string noteStatus;  // "Note saved." after a note was written beside a saved result
    std::optional<core::ResultRecord> previous;  // same set, earlier: enables "Compare with last time"
};

struct HistoryView {
    std::vector<storage::ResultSummary> rows;
    std::string setFilter;
    std::string search;
    std::vector<int> visible;   // indices into rows after the search; what the list draws
    std::vector<std::string> setIds;  // sets that appear in the history, for the filter
    std::vector<std::string> setTitles;  // the same sets' titles (what the filter shows), parallel to setIds
    std::string pendingDelete;  // id awaiting confirmation
    std::string message;
    double loadSeconds = 0;
};

struct CompareView {
    bool active = false;
    core::ResultRecord before, after;
    core::Comparison comparison;
    std::string error;
};

struct TrendsView {
    std::string setId;
    std::vector<core::ResultRecord> results;  // oldest first
};

struct SimulatorView {
    std::string setId;  // by id: the set list is rebuilt and re-sorted whenever a file changes
    std::string mode;  // "first", "lowest", "highest", "random", "hand"
    uint64_t seed = 1;
    core::Answers answers;
    core::ScoreResult score;
    bool hasCoverage = false;
    core::CoverageReport coverage;
};

struct AuthorView {
    std::string newSetName = "my-set";
    std::string message;
};

// Passphrase protection as the screens see it (docs/privacy.md). While locked only the unlock screen is drawn.
struct LockState {
    enum class Job { None, Unlock, Protect, Change, Remove };
    bool protectedFolder = false;  // keyring.json exists
    bool locked = false;           // protected and the data key is not in memory
    Job job = Job::None;           // a key derivation or file conversion running off the UI thread
    bool working() const { return job != Job::None; }
    std::string unlockMessage;     // a calm line on the unlock screen (wrong passphrase, locked after idle)
    std::string settingsMessage;   // the outcome of set / change / remove
    bool settingsFailed = false;
    int serial = 0;  // bumps on every lock, unlock attempt and settings outcome: the UI empties its passphrase fields
};

// Settings → "Check my data": the doctor's report (storage/doctor.hpp).
struct DataCheckView {
    bool ran = false;
    bool fixRan = false;
    storage::DoctorReport report;
};

struct AppState {
    Screen screen = Screen::Home;
    Screen screenBeforeHide = Screen::Home;
    storage::Paths paths;
    storage::Settings settings;
    std::string settingsProblem;
    storage::Library library;
    std::vector<SetEntry> sets;
    bool setsLoading = false;  // the user's sets are still being read off the UI thread (Home says so)
    TakeState take;
    ResultView result;
    HistoryView history;
    CompareView compare;
    TrendsView trends;
    SimulatorView simulator;
    AuthorView author;
    std::string toast;       // a short status line ("Result saved")
    std::string fatalNote;   // e.g. data folder not writable
    std::string deleteConfirmText;
    std::vector<std::string> deleteFailures;  // paths "Delete all my data" could not remove, with the reason
    bool layoutFileDeleted = false;  // after "Delete all my data": imgui.ini must not be written again
    LockState lock;
    bool readOnly = false;          // another window holds the data folder: nothing is saved from this one
    std::string readOnlyBanner;
    DataCheckView dataCheck;
    std::string pendingExport;      // a format awaiting "export a plain copy?" on a protected folder
    bool showDisclaimer = false;  // before the first take
    std::string pendingTakeSetId; // set waiting for the disclaimer
    bool pendingTakePrivate = false;
    std::string confirmRestartSetId;  // "Start again" asked: waiting for the person to confirm
    std::optional<UndoOffer> undo;    // the last unfinished take sent to the trash, until brought back or replaced
    bool quitRequested = false;       // Ctrl+Q or the window's close button, confirmed: the loop ends
    bool confirmQuit = false;         // quitting would throw away a private take: asking first

    // The first valid set with this id, or null (gone since the file watcher rebuilt the list, or never there).
    const SetEntry* findSet(const std::string& setId) const;
    SetEntry* findSet(const std::string& setId);
};

}  // namespace rekindle::app
