// What every feature controller shares: the options, the state, the stores, and the catalogue of question
// sets (found, counted, with their drafts). Owned by the Application; controllers hold a reference.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "app/state.hpp"
#include "storage/data_lock.hpp"
#include "storage/draft_store.hpp"
#include "storage/result_store.hpp"

namespace rekindle::app {

struct ControllerOptions {
    std::string dataDir;
    std::string openFile;   // --open
    std::string theme;      // overrides settings for this run
    bool watchFiles = true;
    // The window: the user's sets and --open are read off the UI thread (a large or hostile set never holds up the
    // first frame); Home lists the built-in sets at once and says the others are being read.
    bool loadSetsInBackground = false;
    double idleLockSeconds = 0;  // test builds: overrides the idle-lock setting (REKINDLE_TEST_IDLE_LOCK_SECONDS)
};

// Every set as Home lists it: built in (longest first), then the user's, then --open (none of those with
// builtinOnly). Reads files only, no state: it runs on the set loader's worker as well as on the UI thread. A set
// `stop` (the window closing) ends it between two files.
std::vector<SetEntry> readSets(const storage::Paths& paths, const storage::Library& library, const std::string& openFile,
                               bool builtinOnly, const std::atomic<bool>* stop = nullptr);

// A failed write's reason as the end of a sentence (no doubled full stop) and what to do about it: "free some space"
// only when space is what ran out; otherwise the reason itself says the fix (a refused folder, a permission).
std::string writeFailureAdvice(const std::string& reason);

class Context {
public:
    explicit Context(ControllerOptions options);

    const ControllerOptions options;
    AppState state;
    std::unique_ptr<storage::ResultStore> store;
    std::unique_ptr<storage::DraftStore> drafts;

    // Switches screens and drops the last screen's toast.
    void show(Screen screen);
    // Loads every set again (built in, the user's, --open), then counts takes and finds drafts.
    void refreshSets();
    // Puts a catalogue read by readSets in place, then counts takes and finds drafts.
    void installSets(std::vector<SetEntry> sets);
    // Empties every view built from personal files (take, result, History, Compare, Trends, the data check):
    // after a lock or Delete-all nothing read from them stays on screen.
    void forgetPersonalViews();
    void countTakes();
    void scanDrafts();
    void discardDraft(const std::string& setId);
    void persistSettings();

    // One writer per data folder: without the lock this window only reads (a banner says so).
    // Tries to take the lock again (the other window may have closed); true when this window just became writable.
    bool tryBecomeWriter();
    // Locked (protected, no key): nothing personal is read, counted or written.
    bool personalDataOpen() const { return !state.lock.locked; }
    const storage::DataLock& dataLock() const { return m_dataLock; }

private:
    void applyDataLock();
    storage::DataLock m_dataLock;
};

}  // namespace rekindle::app
