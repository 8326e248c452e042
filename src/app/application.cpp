// Navigation and the command dispatch: one line per command, handing it to the feature that owns it.
#include "app/application.hpp"

#include <algorithm>

namespace rekindle::app {

Application::Application(ControllerOptions options) : m_ctx(std::move(options)) {
    if (m_ctx.options.watchFiles)
        m_watcher = std::make_unique<SetWatcher>(
            std::vector<std::filesystem::path>{m_ctx.state.paths.builtinQuestionnaires, m_ctx.state.paths.userSetsDir()},
            m_ctx.options.openFile);
    m_lock.setIdleSecondsOverride(m_ctx.options.idleLockSeconds);
    if (m_ctx.options.loadSetsInBackground) reloadSets();  // the built-in sets are in already (Context)
}

void Application::reloadSets() {
    if (!m_ctx.options.loadSetsInBackground) {
        m_ctx.refreshSets();
        return;
    }
    m_ctx.state.setsLoading = true;
    // Copies: the worker shares nothing with the state the UI thread changes.
    m_loader.start([paths = m_ctx.state.paths, library = m_ctx.state.library, open = m_ctx.options.openFile](const std::atomic<bool>& stop) {
        return readSets(paths, library, open, false, &stop);
    });
}

Application::~Application() = default;

namespace {
constexpr auto kWriterRetry = std::chrono::seconds(2);
}

void Application::setWake(std::function<void()> wake) {
    m_lock.setWake(wake);
    m_loader.setWake(wake);
    if (m_watcher) m_watcher->setWake(std::move(wake));
}

bool Application::poll() {
    bool changed = m_lock.poll();
    // While a conversion rewrites the files, nothing else reads or writes them.
    if (m_ctx.state.lock.working()) return changed;
    if (m_watcher && m_watcher->takeChanged()) {
        reloadSets();
        changed = true;
    }
    if (auto sets = m_loader.take()) {
        m_ctx.installSets(std::move(*sets));
        m_ctx.state.setsLoading = m_loader.busy();
        changed = true;
    }
    if (m_ctx.state.readOnly && std::chrono::steady_clock::now() >= m_nextWriterTry) {
        m_nextWriterTry = std::chrono::steady_clock::now() + kWriterRetry;
        if (m_ctx.tryBecomeWriter()) {
            m_take.mergeDraftOnDisk();
            changed = true;
        }
    }
    return changed;
}

double Application::secondsUntilDue() const {
    double due = m_lock.secondsUntilDue();
    if (m_ctx.state.readOnly) {
        double retry = std::chrono::duration<double>(m_nextWriterTry - std::chrono::steady_clock::now()).count();
        retry = std::max(retry, 0.05);
        due = due < 0 ? retry : std::min(due, retry);
    }
    return due;
}

void Application::go(Screen screen) {
    if (screen == Screen::History) m_results.loadHistory();
    if (screen == Screen::Home) {
        m_ctx.countTakes();
        m_ctx.scanDrafts();
    }
    m_ctx.show(screen);
}

void Application::requestQuit() {
    // Drafts are written at every answer, so quitting mid-take loses nothing; only what was never written asks first.
    if (m_take.wouldLoseAnswers()) m_ctx.state.confirmQuit = true;
    else m_ctx.state.quitRequested = true;
}

void Application::toggleHide() {
    AppState& st = m_ctx.state;
    if (st.lock.locked) return;  // the unlock screen is already as neutral as the hidden one
    if (st.screen != Screen::Hidden && st.settings.lockOnHide && st.lock.protectedFolder) {
        m_lock.lockNow();
        return;
    }
    if (st.screen == Screen::Hidden) {
        st.screen = st.screenBeforeHide;
    } else {
        st.screenBeforeHide = st.screen;
        m_ctx.show(Screen::Hidden);
    }
}

// A declarative table: which controller method each command calls.
struct Application::Dispatch {
    Application& a;
    void operator()(const cmd::Go& c) { a.go(c.screen); }
    void operator()(const cmd::ToggleHide&) { a.toggleHide(); }
    void operator()(const cmd::ClearToast&) { a.m_ctx.state.toast.clear(); }
    void operator()(const cmd::RequestTake& c) { a.m_take.request(c.setId, c.privateTake); }
    void operator()(const cmd::AcceptDisclaimer&) { a.m_take.acceptDisclaimer(); }
    void operator()(const cmd::DismissDisclaimer&) { a.m_take.dismissDisclaimer(); }
    void operator()(const cmd::StartTake& c) { a.m_take.start(c.setId, c.preview, c.fromQuestion); }
    void operator()(const cmd::AskStartAgain& c) { a.m_take.askStartAgain(c.setId); }
    void operator()(const cmd::CancelStartAgain&) { a.m_take.cancelStartAgain(); }
    void operator()(const cmd::ConfirmStartAgain&) { a.m_take.confirmStartAgain(); }
    void operator()(const cmd::UndoStartAgain&) { a.m_take.undoStartAgain(); }
    void operator()(const cmd::RequestQuit&) { a.requestQuit(); }
    void operator()(const cmd::ConfirmQuit&) { a.m_ctx.state.quitRequested = true; }
    void operator()(const cmd::CancelQuit&) { a.m_ctx.state.confirmQuit = false; }
    void operator()(const cmd::PickNumber& c) {
        if (c.questionId == a.m_take.currentQuestionId()) a.m_take.pickNumber(c.n);
    }
    void operator()(const cmd::SetAnswer& c) {
        if (c.questionId == a.m_take.currentQuestionId()) a.m_take.answer(c.answer);
    }
    void operator()(const cmd::SetReflection& c) {
        if (c.sectionId == a.m_take.currentSectionId()) a.m_take.setNote(c.text);
    }
    void operator()(const cmd::Next&) { a.m_take.next(); }
    void operator()(const cmd::Back&) { a.m_take.back(); }
    void operator()(const cmd::Skip&) { a.m_take.skip(); }
    void operator()(const cmd::AbandonTake&) { a.go(a.m_take.abandon()); }
    void operator()(const cmd::ForgetPrivate&) {
        a.m_take.forgetPrivate();
        a.go(Screen::Home);
    }
    void operator()(const cmd::SetResultNote& c) { a.m_results.setNote(c.text); }
    void operator()(const cmd::SaveResult&) { a.m_results.save(); }
    void operator()(const cmd::CompareWithPrevious&) { a.m_results.compareWithPrevious(); }
    void operator()(const cmd::SetHistoryFilter& c) { a.m_results.setHistoryFilter(c.setId); }
    void operator()(const cmd::SetHistorySearch& c) { a.m_results.setHistorySearch(c.text); }
    void operator()(const cmd::OpenResult& c) { a.m_results.open(c.resultId); }
    void operator()(const cmd::AskDelete& c) { a.m_results.askDelete(c.resultId); }
    void operator()(const cmd::ConfirmDelete&) { a.m_results.confirmDelete(); }
    void operator()(const cmd::CancelDelete&) { a.m_results.cancelDelete(); }
    void operator()(const cmd::CompareWithOneBefore& c) { a.m_results.compareWithOneBefore(c.resultId); }
    void operator()(const cmd::OpenTrends& c) { a.m_results.openTrends(c.setId); }
    void operator()(const cmd::Export& c) { a.m_results.requestExport(c.format); }
    void operator()(const cmd::SetNewSetName& c) { a.m_authoring.setNewSetName(c.name); }
    void operator()(const cmd::CreateSet&) { a.m_authoring.createSetFromTemplate(); }
    void operator()(const cmd::OpenSimulator& c) { a.m_authoring.openSimulator(c.setId); }
    void operator()(const cmd::Simulate& c) { a.m_authoring.simulate(c.mode, c.seed); }
    void operator()(const cmd::SimulateAnswer& c) { a.m_authoring.simulateAnswer(c.questionId, c.answer); }
    void operator()(const cmd::RunCoverage& c) { a.m_authoring.runCoverage(c.patterns, c.seed); }
    void operator()(const cmd::OpenInEditor& c) { a.m_settings.openInEditor(c.path); }
    void operator()(const cmd::SetZoom& c) { a.m_settings.setZoom(c.zoom); }
    void operator()(const cmd::SetTheme& c) { a.m_settings.setTheme(c.theme); }
    void operator()(const cmd::SetMovingAverage& c) { a.m_settings.setMovingAverage(c.on); }
    void operator()(const cmd::SetDeleteConfirmText& c) { a.m_settings.setDeleteConfirmText(c.text); }
    void operator()(const cmd::DeleteAllData&) { a.m_settings.deleteAllData(); }
    void operator()(const cmd::OpenDataFolder&) { a.m_settings.openDataFolder(); }
    void operator()(const cmd::CheckData& c) { a.m_settings.checkData(c.fix); }
    void operator()(const cmd::Unlock& c) { a.m_lock.unlock(c.passphrase); }
    void operator()(const cmd::LockNow&) { a.m_lock.lockNow(); }
    void operator()(const cmd::SetPassphrase& c) { a.m_lock.protect(c.next, c.again); }
    void operator()(const cmd::ChangePassphrase& c) { a.m_lock.change(c.current, c.next, c.again); }
    void operator()(const cmd::RemovePassphrase& c) { a.m_lock.remove(c.current); }
    void operator()(const cmd::SetIdleLockMinutes& c) { a.m_settings.setIdleLockMinutes(c.minutes); }
    void operator()(const cmd::SetLockOnHide& c) { a.m_settings.setLockOnHide(c.on); }
    void operator()(const cmd::ConfirmExport&) { a.m_results.confirmExport(); }
    void operator()(const cmd::CancelExport&) { a.m_ctx.state.pendingExport.clear(); }
};

namespace {
// What may still be done while locked or while a job rewrites the files: nothing that reads or writes personal data.
bool allowedWhileClosed(const Command& c) {
    return std::holds_alternative<cmd::Unlock>(c) || std::holds_alternative<cmd::SetZoom>(c) ||
           std::holds_alternative<cmd::SetTheme>(c) || std::holds_alternative<cmd::ClearToast>(c);
}
}  // namespace

void Application::apply(const Command& command) {
    const LockState& lk = m_ctx.state.lock;
    if ((lk.locked || lk.working()) && !allowedWhileClosed(command)) return;
    std::visit(Dispatch{*this}, command);
}

bool Application::applyCommands() {
    auto pending = m_queue.drain();
    for (const auto& c : pending) apply(c);
    return !pending.empty();
}

}  // namespace rekindle::app
