// Actions on the app state. Every write goes through storage (atomic, private); every failure becomes a
// message on screen rather than a lost answer.
#include "app/controller.hpp"

#include <sys/stat.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>

#include <unistd.h>

#include "storage/draft_store.hpp"
#include "storage/atomic_file.hpp"
#include "storage/export.hpp"

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

namespace {

std::string nowRfc3339() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace

Controller::Controller(ControllerOptions options) : m_options(std::move(options)) {
    m_state.paths = storage::resolvePaths(m_options.dataDir);
    std::string err;
    if (!storage::ensurePrivateDir(m_state.paths.dataDir, &err)) m_state.fatalNote = err;
    auto loaded = storage::loadSettings(m_state.paths.settingsFile());
    m_state.settings = loaded.settings;
    m_state.settingsProblem = loaded.problem;
    if (!m_options.theme.empty()) m_state.settings.theme = m_options.theme;
    m_state.library = storage::loadLibrary(m_state.paths.assetsDir);
    // Temp files left by a crash mid-save hold copies of answers; the saved files themselves are always whole.
    for (const auto& dir : {m_state.paths.resultsDir(), m_state.paths.draftsDir(), m_state.paths.configDir})
        storage::removeStaleTempFiles(dir);
    m_store = std::make_unique<storage::ResultStore>(m_state.paths);
    m_drafts = std::make_unique<storage::DraftStore>(m_state.paths);
    refreshSets();
    if (m_options.watchFiles) startWatcher();
}

Controller::~Controller() {
    m_stop = true;
    if (m_watcher.joinable()) m_watcher.join();
}

void Controller::setWake(std::function<void()> wake) {
    std::lock_guard<std::mutex> lock(m_wakeMutex);
    m_wake = std::move(wake);
}

bool Controller::poll() {
    if (m_setsChanged.exchange(false)) {
        refreshSets();
        return true;
    }
    return false;
}

int Controller::findSet(const std::string& setId) const {
    for (size_t i = 0; i < m_state.sets.size(); ++i)
        if (const auto* s = m_state.sets[i].set(); s && s->id == setId) return int(i);
    return -1;
}

// ---------------------------------------------------------------------------------------------- sets

void Controller::refreshSets() {
    std::vector<SetEntry> sets;
    auto add = [&](const fs::path& dir, bool builtin) {
        for (auto& loaded : storage::loadQuestionSetsIn(dir, m_state.library)) {
            SetEntry e;
            std::error_code ec;
            e.mtime = fs::last_write_time(loaded.path, ec);
            e.size = fs::file_size(loaded.path, ec);
            e.loaded = std::move(loaded);
            e.builtin = builtin;
            sets.push_back(std::move(e));
        }
    };
    add(m_state.paths.builtinQuestionnaires, true);
    // The full assessment first, then the shorter sets: longer estimated time first, then by title.
    std::stable_sort(sets.begin(), sets.end(), [](const SetEntry& a, const SetEntry& b) {
        int ma = a.set() ? a.set()->estimatedMinutes : -1, mb = b.set() ? b.set()->estimatedMinutes : -1;
        return ma > mb;
    });
    add(m_state.paths.userSetsDir(), false);
    if (!m_options.openFile.empty()) {
        SetEntry e;
        e.loaded = storage::loadQuestionSet(m_options.openFile, m_state.library);
        std::error_code ec;
        e.mtime = fs::last_write_time(m_options.openFile, ec);
        e.size = fs::file_size(m_options.openFile, ec);
        sets.push_back(std::move(e));
    }
    m_state.sets = std::move(sets);
    countTakes();
    scanDrafts();
}

void Controller::countTakes() {
    auto rows = m_store->list();
    for (auto& e : m_state.sets) {
        e.pastTakes = 0;
        e.lastTaken.clear();
        const auto* s = e.set();
        if (!s) continue;
        for (const auto& r : rows) {
            if (!r.readable || r.setId != s->id) continue;
            ++e.pastTakes;
            if (r.completedAt > e.lastTaken) e.lastTaken = r.completedAt;
        }
    }
}

void Controller::startWatcher() {
    m_watcher = std::thread([this] {
        auto snapshot = [this] {
            std::vector<std::pair<std::string, std::pair<long long, long long>>> out;
            for (const fs::path& dir : {m_state.paths.builtinQuestionnaires, m_state.paths.userSetsDir()}) {
                std::error_code ec;
                for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
                    struct stat st {};
                    if (::stat(it->path().c_str(), &st) == 0)
                        out.push_back({it->path().string(), {(long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec, (long long)st.st_size}});
                }
            }
            if (!m_options.openFile.empty()) {
                struct stat st {};
                if (::stat(m_options.openFile.c_str(), &st) == 0)
                    out.push_back({m_options.openFile, {(long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec, (long long)st.st_size}});
            }
            std::sort(out.begin(), out.end());
            return out;
        };
        auto last = snapshot();
        // Polling a handful of stat() calls every 300 ms costs microseconds and works on every file system,
        // including editors that save by rename.
        while (!m_stop) {
            for (int i = 0; i < 6 && !m_stop; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
            auto now = snapshot();
            if (now != last) {
                last = std::move(now);
                m_setsChanged = true;
                std::function<void()> wake;
                {
                    std::lock_guard<std::mutex> lock(m_wakeMutex);
                    wake = m_wake;
                }
                if (wake) wake();
            }
        }
    });
}

// ---------------------------------------------------------------------------------------------- navigation

void Controller::go(Screen screen) {
    m_state.toast.clear();
    if (screen == Screen::History) loadHistory();
    if (screen == Screen::Home) {
        countTakes();
        scanDrafts();
    }
    m_state.screen = screen;
}

void Controller::toggleHide() {
    if (m_state.screen == Screen::Hidden) {
        m_state.screen = m_state.screenBeforeHide;
    } else {
        m_state.screenBeforeHide = m_state.screen;
        show(Screen::Hidden);
    }
}

// ---------------------------------------------------------------------------------------------- take

void Controller::requestTake(int setIndex) {
    if (!m_state.settings.disclaimerAccepted) {
        m_state.showDisclaimer = true;
        m_state.pendingTakeSet = setIndex;
        return;
    }
    const auto& e = m_state.sets[size_t(setIndex)];
    if (e.hasDraft) resumeDraft(setIndex);
    else startTake(setIndex);
}

void Controller::acceptDisclaimer() {
    m_state.settings.disclaimerAccepted = true;
    m_state.showDisclaimer = false;
    persistSettings();
    int pending = m_state.pendingTakeSet;
    m_state.pendingTakeSet = -1;
    if (pending >= 0 && pending < int(m_state.sets.size())) requestTake(pending);
}

void Controller::dismissDisclaimer() {
    m_state.showDisclaimer = false;
    m_state.pendingTakeSet = -1;
}

void Controller::startTake(int setIndex, bool preview, const std::string& fromQuestion) {
    if (setIndex < 0 || setIndex >= int(m_state.sets.size())) return;
    const auto* set = m_state.sets[size_t(setIndex)].set();
    if (!set) return;
    TakeState t;
    t.active = true;
    t.preview = preview;
    t.set = *set;
    t.setPath = m_state.sets[size_t(setIndex)].loaded.path;
    t.startedAt = nowRfc3339();
    m_state.take = std::move(t);
    if (!preview) discardDraft(setIndex);
    rebuildSteps();
    if (!fromQuestion.empty()) {
        for (size_t i = 0; i < m_state.take.steps.size(); ++i)
            if (m_state.take.steps[i].kind == Step::Kind::Question &&
                m_state.take.set.sections[m_state.take.steps[i].section].questions[m_state.take.steps[i].question].id == fromQuestion) {
                m_state.take.step = i;
                break;
            }
    }
    show(Screen::Take);
}

void Controller::rebuildSteps() {
    TakeState& t = m_state.take;
    auto steps = buildSteps(t.set, t.answers);
    t.step = relocate(t.steps, t.step, steps);
    t.steps = std::move(steps);
}

void Controller::answer(const core::Answer& a) {
    TakeState& t = m_state.take;
    if (!t.active || t.step >= t.steps.size()) return;
    const Step& s = t.steps[t.step];
    if (s.kind != Step::Kind::Question) return;
    const auto& q = t.set.sections[s.section].questions[s.question];
    if (a.isAnswered()) t.answers[q.id] = a;
    else t.answers.erase(q.id);
    t.message.clear();
    rebuildSteps();
    persistDraft();
}

void Controller::pickNumber(int n) {
    TakeState& t = m_state.take;
    if (!t.active || t.step >= t.steps.size()) return;
    const Step& s = t.steps[t.step];
    if (s.kind != Step::Kind::Question) return;
    const auto& q = t.set.sections[s.section].questions[s.question];
    auto it = t.answers.find(q.id);
    core::Answer current = it == t.answers.end() ? core::Answer{} : it->second;
    core::Answer picked = answerForNumber(q, current, n);
    if (!(picked == current)) answer(picked);
}

void Controller::setNote(const std::string& text) {
    TakeState& t = m_state.take;
    if (!t.active || t.step >= t.steps.size() || t.steps[t.step].kind != Step::Kind::Reflection) return;
    const std::string& sid = t.set.sections[t.steps[t.step].section].id;
    if (text.empty()) t.notes.erase(sid);
    else t.notes[sid] = text;
    persistDraft();
}

void Controller::next() {
    TakeState& t = m_state.take;
    if (!t.active) return;
    if (t.step >= t.steps.size()) {
        finishTake();
        return;
    }
    const Step& s = t.steps[t.step];
    if (s.kind == Step::Kind::Question) {
        const auto& q = t.set.sections[s.section].questions[s.question];
        auto it = t.answers.find(q.id);
        bool answered = it != t.answers.end() && it->second.isAnswered();
        if (q.required && !answered) {
            t.message = "This question needs an answer before you go on. Pick the one closest to how it is; "
                        "where you cannot know, choose \"I don't know\" if it is offered.";
            return;
        }
    }
    t.message.clear();
    ++t.step;
    ++t.stepSerial;
    persistDraft();
}

void Controller::back() {
    TakeState& t = m_state.take;
    if (!t.active || t.step == 0) return;
    t.message.clear();
    --t.step;
    ++t.stepSerial;
}

void Controller::skip() {
    TakeState& t = m_state.take;
    if (!t.active || t.step >= t.steps.size()) return;
    const Step& s = t.steps[t.step];
    if (s.kind == Step::Kind::Question && t.set.sections[s.section].questions[s.question].required) return;
    t.message.clear();
    ++t.step;
    ++t.stepSerial;
}

void Controller::jumpToStep(size_t index) {
    TakeState& t = m_state.take;
    if (!t.active || index > t.steps.size()) return;
    t.step = index;
    t.message.clear();
    ++t.stepSerial;
}

void Controller::abandonTake() {
    m_state.take.active = false;
    go(m_state.take.preview ? Screen::Author : Screen::Home);
}

void Controller::finishTake() {
    TakeState& t = m_state.take;
    // Refuse to finish with a required visible question unanswered: send the person to the first one.
    for (size_t i = 0; i < t.steps.size(); ++i) {
        const Step& s = t.steps[i];
        if (s.kind != Step::Kind::Question) continue;
        const auto& q = t.set.sections[s.section].questions[s.question];
        auto it = t.answers.find(q.id);
        if (q.required && (it == t.answers.end() || !it->second.isAnswered())) {
            t.step = i;
            t.message = "This question still needs an answer.";
            return;
        }
    }
    core::Answers effective = core::effectiveAnswers(t.set, t.answers);
    core::ScoreResult score = core::score(t.set, effective);
    ResultView r;
    r.active = true;
    r.preview = t.preview;
    r.set = t.set;
    r.record = core::makeResult(t.set, effective, t.notes, score, nowRfc3339(), "", t.startedAt);
    if (!t.preview) r.previous = m_store->previousOf(r.record);
    m_state.result = std::move(r);
    m_state.take.active = false;
    show(Screen::Result);
}

// ---------------------------------------------------------------------------------------------- result

void Controller::setResultNote(const std::string& note) {
    m_state.result.note = note;
    if (note.empty()) m_state.result.record.notes.erase("note");
    else m_state.result.record.notes["note"] = note;
}

void Controller::saveResult() {
    ResultView& r = m_state.result;
    if (!r.active || r.saved || r.preview) return;
    std::string err;
    fs::path saved;
    if (!m_store->save(r.record, &err, &saved)) {
        r.error = "Could not save: " + err + ". Your answers are still here and in the draft; free some space or "
                  "check the data folder, then press Save again.";
        return;
    }
    r.saved = true;
    r.savedId = r.record.id;
    r.error.clear();
    m_state.toast = "Saved to " + saved.string();
    int idx = findSet(r.record.setId);
    if (idx >= 0) discardDraft(idx);
    countTakes();
}

void Controller::compareWithPrevious() {
    ResultView& r = m_state.result;
    if (!r.previous) return;
    m_state.compare.active = true;
    m_state.compare.before = *r.previous;
    m_state.compare.after = r.record;
    m_state.compare.comparison = core::compareResults(*r.previous, r.record);
    m_state.compare.error.clear();
    show(Screen::Compare);
}

// ---------------------------------------------------------------------------------------------- history

void Controller::loadHistory() {
    auto t0 = std::chrono::steady_clock::now();
    HistoryView& h = m_state.history;
    h.rows = m_store->list(h.setFilter);
    if (h.setFilter.empty()) {
        h.setIds.clear();
        for (const auto& r : h.rows)
            if (r.readable && std::find(h.setIds.begin(), h.setIds.end(), r.setId) == h.setIds.end()) h.setIds.push_back(r.setId);
        std::sort(h.setIds.begin(), h.setIds.end());
    }
    setHistorySearch(h.search);
    h.loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void Controller::setHistoryFilter(const std::string& setId) {
    m_state.history.setFilter = setId;
    loadHistory();
}

void Controller::setHistorySearch(const std::string& text) {
    HistoryView& h = m_state.history;
    h.search = text;
    h.visible.clear();
    for (size_t i = 0; i < h.rows.size(); ++i)
        if (text.empty() || h.rows[i].notesContain(text)) h.visible.push_back(int(i));
}

void Controller::openResult(const std::string& id) {
    std::string err;
    auto rec = m_store->load(id, &err);
    if (!rec) {
        m_state.history.message = "Could not open " + id + ": " + err;
        return;
    }
    ResultView r;
    r.active = true;
    r.saved = true;
    r.savedId = rec->id;
    int idx = findSet(rec->setId);
    if (idx >= 0) r.set = *m_state.sets[size_t(idx)].set();
    auto it = rec->notes.find("note");
    if (it != rec->notes.end()) r.note = it->second;
    r.previous = m_store->previousOf(*rec);
    r.record = std::move(*rec);
    m_state.result = std::move(r);
    show(Screen::Result);
}

void Controller::askDelete(const std::string& id) { m_state.history.pendingDelete = id; }
void Controller::cancelDelete() { m_state.history.pendingDelete.clear(); }

void Controller::confirmDelete() {
    std::string id = m_state.history.pendingDelete;
    m_state.history.pendingDelete.clear();
    if (id.empty()) return;
    std::string err;
    if (m_store->moveToTrash(id, &err)) m_state.history.message = "Moved to the trash folder: " + id;
    else m_state.history.message = "Could not delete " + id + ": " + err;
    loadHistory();
    countTakes();
}

void Controller::compare(const std::string& beforeId, const std::string& afterId) {
    std::string err1, err2;
    auto a = m_store->load(beforeId, &err1);
    auto b = m_store->load(afterId, &err2);
    CompareView& c = m_state.compare;
    c = CompareView{};
    if (!a || !b) {
        c.error = !a ? beforeId + ": " + err1 : afterId + ": " + err2;
        show(Screen::Compare);
        return;
    }
    if (a->completedAt > b->completedAt) std::swap(a, b);
    c.active = true;
    c.comparison = core::compareResults(*a, *b);
    c.before = std::move(*a);
    c.after = std::move(*b);
    show(Screen::Compare);
}

void Controller::compareWithOneBefore(const std::string& id) {
    auto rec = m_store->load(id);
    if (!rec) return;
    auto prev = m_store->previousOf(*rec);
    if (!prev) {
        m_state.history.message = "There is no earlier result of this set to compare with.";
        return;
    }
    compare(prev->id, rec->id);
}

void Controller::openTrends(const std::string& setId) {
    m_state.trends.setId = setId;
    m_state.trends.results = m_store->loadAll(setId);
    show(Screen::Trends);
}

bool Controller::exportHistory(const std::string& format, std::string* writtenPath) {
    auto records = m_store->loadAll(m_state.history.setFilter);
    std::string text;
    if (format == "csv") text = storage::exportCsv(records);
    else if (format == "md") text = storage::exportMarkdown(records);
    else text = storage::exportJson(records);
    fs::path dir = m_state.paths.dataDir / "exports";
    std::string err;
    if (!storage::ensurePrivateDir(dir, &err)) {
        m_state.history.message = err;
        return false;
    }
    std::string stamp = nowRfc3339();
    std::replace(stamp.begin(), stamp.end(), ':', '-');
    fs::path file = dir / ("rekindle-" + stamp + "." + (format == "md" ? "md" : format));
    if (!storage::writeFileAtomic(file, text, &err)) {
        m_state.history.message = "Could not export: " + err;
        return false;
    }
    m_state.history.message = "Exported " + std::to_string(records.size()) + " results to " + file.string();
    if (writtenPath) *writtenPath = file.string();
    return true;
}

// ---------------------------------------------------------------------------------------------- settings

void Controller::persistSettings() {
    std::string err;
    if (!storage::saveSettings(m_state.paths.settingsFile(), m_state.settings, &err)) m_state.toast = "Settings not saved: " + err;
}

void Controller::setZoom(float zoom) {
    m_state.settings.zoom = std::clamp(zoom, 0.5f, 3.0f);
    persistSettings();
}

void Controller::setTheme(const std::string& theme) {
    m_state.settings.theme = theme;
    persistSettings();
}

void Controller::setMovingAverage(bool on) {
    m_state.settings.movingAverage = on;
    persistSettings();
}

void Controller::setDeleteConfirmText(const std::string& text) { m_state.deleteConfirmText = text; }

bool Controller::deleteAllData() {
    if (m_state.deleteConfirmText != "DELETE") return false;
    std::error_code ec;
    for (const fs::path& p : {m_state.paths.resultsDir(), m_state.paths.draftsDir(), m_state.paths.trashDir(),
                              m_state.paths.dataDir / "exports", m_state.paths.settingsFile(), m_state.paths.imguiIni()})
        fs::remove_all(p, ec);
    m_state.deleteConfirmText.clear();
    m_state.settings = storage::Settings{};
    m_state.take = TakeState{};
    m_state.result = ResultView{};
    m_state.history = HistoryView{};
    m_state.compare = CompareView{};
    m_state.trends = TrendsView{};
    refreshSets();
    m_state.toast = "All results, drafts and settings were deleted. Your own question sets were kept.";
    show(Screen::Home);
    return true;
}

void Controller::openDataFolder() { openInEditor(m_state.paths.dataDir.string()); }

void Controller::openInEditor(const std::string& path) {
    // Hand the path to the desktop; the path is passed as its own argument, never through a shell.
    // Double fork: the helper is adopted by init, so no zombie is left behind and nothing waits on it.
    pid_t child = fork();
    if (child == 0) {
        if (fork() == 0) {
            execlp("xdg-open", "xdg-open", path.c_str(), (char*)nullptr);
            _exit(127);
        }
        _exit(0);
    }
    if (child > 0) waitpid(child, nullptr, 0);
    m_state.toast = "Asked the system to open " + path;
}

}  // namespace rekindle::app
