// The set catalogue and the bits every feature needs: loading sets, counting past takes, noticing drafts.
#include "app/context.hpp"

#include <algorithm>

#include "storage/atomic_file.hpp"
#include "storage/crypto/protection.hpp"
#include "storage/private_dir.hpp"

namespace rekindle::app {

namespace fs = std::filesystem;

const char* screenName(Screen s) {
    switch (s) {
        case Screen::Home: return "home";
        case Screen::Take: return "take";
        case Screen::Result: return "result";
        case Screen::History: return "history";
        case Screen::Compare: return "compare";
        case Screen::Trends: return "trends";
        case Screen::Author: return "author";
        case Screen::Simulator: return "simulator";
        case Screen::Settings: return "settings";
        case Screen::About: return "about";
        case Screen::Help: return "help";
        case Screen::Hidden: return "hidden";
    }
    return "?";
}

const SetEntry* AppState::findSet(const std::string& setId) const {
    for (const auto& e : sets)
        if (const auto* s = e.set(); s && s->id == setId) return &e;
    return nullptr;
}

SetEntry* AppState::findSet(const std::string& setId) {
    return const_cast<SetEntry*>(std::as_const(*this).findSet(setId));
}

std::string writeFailureAdvice(const std::string& reason) {
    std::string r = reason;
    while (!r.empty() && (r.back() == '.' || r.back() == ' ')) r.pop_back();
    bool space = r.find("No space") != std::string::npos || r.find("quota") != std::string::npos ||
                 r.find("File too large") != std::string::npos;
    return r + (space ? ". Free some space" : ". Fix the data folder as this says");
}

Context::Context(ControllerOptions opts) : options(std::move(opts)) {
    state.paths = storage::resolvePaths(options.dataDir);
    std::string err;
    if (!storage::ensurePrivateDir(state.paths.dataDir, &err)) state.fatalNote = err;
    // The subfolders too (results/ a link to someone else's folder, a loose drafts/): the same refusal the CLI
    // gives, shown at start rather than as a failed save at the end of a take.
    else if (!storage::checkDataFolders(state.paths, &err)) state.fatalNote = err;
    auto loaded = storage::loadSettings(state.paths.settingsFile());
    state.settings = loaded.settings;
    state.settingsProblem = loaded.problem;
    if (!options.theme.empty()) state.settings.theme = options.theme;
    state.library = storage::loadLibrary(state.paths.assetsDir);
    // Temp files left by a crash mid-save hold copies of answers; the saved files themselves are always whole.
    for (const auto& dir : {state.paths.resultsDir(), state.paths.draftsDir(), state.paths.configDir})
        storage::removeStaleTempFiles(dir);
    store = std::make_unique<storage::ResultStore>(state.paths);
    drafts = std::make_unique<storage::DraftStore>(state.paths);
    m_dataLock = storage::DataLock::acquire(state.paths.dataDir);
    applyDataLock();
    state.lock.protectedFolder = storage::isProtected(state.paths.dataDir);
    state.lock.locked = state.lock.protectedFolder && !storage::isUnlocked(state.paths.dataDir);
    // The window reads the user's sets and --open on a worker (Application): only our own, small sets come first.
    if (options.loadSetsInBackground) installSets(readSets(state.paths, state.library, options.openFile, true));
    else refreshSets();
}

void Context::applyDataLock() {
    state.readOnly = !m_dataLock.held();
    state.readOnlyBanner = state.readOnly ? m_dataLock.problem() : std::string();
    store->setReadOnly(state.readOnly);
    drafts->setReadOnly(state.readOnly);
}

bool Context::tryBecomeWriter() {
    if (!state.readOnly) return false;
    m_dataLock = storage::DataLock::acquire(state.paths.dataDir);
    applyDataLock();
    if (state.readOnly) return false;
    // The other window may have changed anything: read the drafts and the counts again before offering a take.
    state.lock.protectedFolder = storage::isProtected(state.paths.dataDir);
    if (state.lock.protectedFolder && !storage::isUnlocked(state.paths.dataDir)) state.lock.locked = true;
    countTakes();
    scanDrafts();
    state.toast = "The other Rekindle window has closed; this one can save now.";
    return true;
}

void Context::show(Screen screen) {
    state.toast.clear();
    state.screen = screen;
}

void Context::forgetPersonalViews() {
    state.take = TakeState{};
    state.result = ResultView{};
    state.history = HistoryView{};
    state.compare = CompareView{};
    state.trends = TrendsView{};
    state.dataCheck = DataCheckView{};
}

std::vector<SetEntry> readSets(const storage::Paths& paths, const storage::Library& library, const std::string& openFile,
                               bool builtinOnly, const std::atomic<bool>* stop) {
    std::vector<SetEntry> sets;
    auto entryFor = [](storage::LoadedSet loaded, bool builtin) {
        SetEntry e;
        e.loaded = std::move(loaded);
        e.builtin = builtin;
        // What the take will count before any answer opens a follow-up, so Home and the take agree.
        if (const core::QuestionSet* set = e.set()) e.shownAtStart = int(core::visibleQuestions(*set, {}).size());
        return e;
    };
    for (auto& loaded : storage::loadQuestionSetsIn(paths.builtinQuestionnaires, library))
        sets.push_back(entryFor(std::move(loaded), true));
    // The full assessment first, then the shorter sets: longer estimated time first, then by title.
    std::stable_sort(sets.begin(), sets.end(), [](const SetEntry& a, const SetEntry& b) {
        int ma = a.set() ? a.set()->estimatedMinutes : -1, mb = b.set() ? b.set()->estimatedMinutes : -1;
        return ma > mb;
    });
    if (builtinOnly) return sets;
    for (auto& loaded : storage::loadQuestionSetsIn(paths.userSetsDir(), library, stop))
        sets.push_back(entryFor(std::move(loaded), false));
    if (!openFile.empty() && !(stop && *stop)) sets.push_back(entryFor(storage::loadQuestionSet(openFile, library), false));
    return sets;
}

void Context::refreshSets() { installSets(readSets(state.paths, state.library, options.openFile, false)); }

void Context::installSets(std::vector<SetEntry> sets) {
    state.sets = std::move(sets);
    countTakes();
    scanDrafts();
}

void Context::countTakes() {
    for (auto& e : state.sets) {
        e.pastTakes = 0;
        e.lastTaken.clear();
    }
    if (!personalDataOpen()) return;
    auto rows = store->list();
    for (auto& e : state.sets) {
        const auto* s = e.set();
        if (!s) continue;
        for (const auto& r : rows) {
            if (!r.readable || r.setId != s->id) continue;
            ++e.pastTakes;
            if (r.completedAt > e.lastTaken) e.lastTaken = r.completedAt;
        }
    }
}

void Context::scanDrafts() {
    for (auto& e : state.sets) {
        e.hasDraft = false;
        e.draftUpdated.clear();
        e.draftShown = -1;
    }
    if (!personalDataOpen()) return;
    for (const auto& entry : drafts->list()) {
        if (!entry.readable) continue;
        if (SetEntry* e = state.findSet(entry.draft.setId)) {
            e->hasDraft = true;
            e->draftUpdated = entry.draft.updatedAt;
            if (const core::QuestionSet* set = e->set())
                e->draftShown = int(core::visibleQuestions(*set, entry.draft.answers).size());
        }
    }
}

void Context::discardDraft(const std::string& setId) {
    if (setId.empty()) return;
    drafts->remove(setId);
    if (SetEntry* e = state.findSet(setId)) e->hasDraft = false;
}

void Context::persistSettings() {
    if (state.readOnly) {
        state.toast = "Changed for this window only: settings are saved by the Rekindle window that opened first.";
        return;
    }
    std::string err;
    if (!storage::saveSettings(state.paths.settingsFile(), state.settings, &err)) state.toast = "Settings not saved: " + err;
}

}  // namespace rekindle::app
