// Unlock, lock and the passphrase settings. The slow parts (Argon2id, converting every file) run on one worker
// thread; the UI thread only starts a job and, in poll(), applies its outcome, so no state changes mid-frame.
#include "app/lock/lock_controller.hpp"

#include <algorithm>
#include <utility>

#include "storage/crypto/protection.hpp"

namespace rekindle::app {

using Job = LockState::Job;

namespace {

std::string filesWord(int n) { return std::to_string(n) + (n == 1 ? " file" : " files"); }

std::string skippedLines(const storage::ConversionReport& report) {
    std::string out;
    for (const auto& s : report.skipped) out += "\nLeft as it was: " + s;
    return out;
}

}  // namespace

LockController::LockController(Context& ctx) : m_ctx(ctx) {}

LockController::~LockController() {
    if (m_worker.joinable()) m_worker.join();
}

void LockController::startJob(Job job, std::function<Outcome()> work) {
    LockState& lk = m_ctx.state.lock;
    if (lk.working()) return;
    if (m_worker.joinable()) m_worker.join();
    lk.job = job;
    lk.settingsMessage.clear();
    lk.settingsFailed = false;
    lk.unlockMessage.clear();
    m_done = false;
    m_worker = std::thread([this, work = std::move(work)] {
        Outcome o;
        try {
            o = work();
        } catch (const std::exception& e) {
            o.ok = false;
            o.message = e.what();
        }
        {
            std::lock_guard lock(m_mutex);
            m_outcome = std::move(o);
        }
        m_done = true;
        m_wake.fire();
    });
}

void LockController::unlock(const Passphrase& passphrase) {
    LockState& lk = m_ctx.state.lock;
    if (!lk.locked || lk.working()) return;
    if (passphrase.empty()) {
        lk.unlockMessage = "Type your passphrase, then press Enter.";
        ++lk.serial;
        return;
    }
    auto dir = m_ctx.state.paths.dataDir;
    startJob(Job::Unlock, [dir, passphrase] {
        storage::UnlockResult r = storage::unlockFolder(dir, passphrase.secret());
        Outcome o;
        o.ok = r.status == storage::UnlockStatus::Ok;
        o.message = r.message;
        o.converted = r.converted;
        return o;
    });
}

void LockController::protect(const Passphrase& next, const Passphrase& again) {
    LockState& lk = m_ctx.state.lock;
    auto refuse = [&lk](const char* why) {
        lk.settingsMessage = why;
        lk.settingsFailed = true;
        ++lk.serial;
    };
    if (lk.protectedFolder || lk.working()) return;
    if (m_ctx.state.readOnly) return refuse("This window can read but not save, so protection cannot be turned on here.");
    if (next.empty()) return refuse("Type a passphrase first.");
    if (!next.sameAs(again)) return refuse("The two passphrases are not the same. Nothing was changed; please type them again.");
    auto dir = m_ctx.state.paths.dataDir;
    startJob(Job::Protect, [dir, next] {
        storage::ConversionReport report;
        Outcome o;
        o.ok = storage::protectFolder(dir, next.secret(), storage::kdfLimitsForNewKeys(), report);
        o.converted = report.converted;
        o.message = o.ok ? "Protected with your passphrase: " + filesWord(report.converted) + " encrypted." + skippedLines(report)
                         : "Protection was not turned on: " + report.error;
        return o;
    });
}

void LockController::change(const Passphrase& current, const Passphrase& next, const Passphrase& again) {
    LockState& lk = m_ctx.state.lock;
    auto refuse = [&lk](const char* why) {
        lk.settingsMessage = why;
        lk.settingsFailed = true;
        ++lk.serial;
    };
    if (!lk.protectedFolder || lk.locked || lk.working()) return;
    if (m_ctx.state.readOnly) return refuse("This window can read but not save, so the passphrase cannot be changed here.");
    if (current.empty()) return refuse("Type your current passphrase first.");
    if (next.empty()) return refuse("Type a new passphrase.");
    if (!next.sameAs(again)) return refuse("The two new passphrases are not the same. Nothing was changed; please type them again.");
    auto dir = m_ctx.state.paths.dataDir;
    startJob(Job::Change, [dir, current, next] {
        Outcome o;
        std::string error;
        o.ok = storage::changePassphrase(dir, current.secret(), next.secret(), storage::kdfLimitsForNewKeys(), &error);
        o.message = o.ok ? std::string("Passphrase changed. The old one no longer opens your data.")
                         : "The passphrase was not changed: " + error + ".";
        return o;
    });
}

void LockController::remove(const Passphrase& current) {
    LockState& lk = m_ctx.state.lock;
    if (!lk.protectedFolder || lk.locked || lk.working()) return;
    if (m_ctx.state.readOnly || current.empty()) {
        lk.settingsMessage = m_ctx.state.readOnly ? "This window can read but not save, so protection cannot be removed here."
                                                  : "Type your current passphrase first.";
        lk.settingsFailed = true;
        ++lk.serial;
        return;
    }
    auto dir = m_ctx.state.paths.dataDir;
    startJob(Job::Remove, [dir, current] {
        storage::ConversionReport report;
        Outcome o;
        o.ok = storage::removeProtection(dir, current.secret(), report);
        o.converted = report.converted;
        o.message = o.ok ? "Protection removed: " + filesWord(report.converted) +
                               " decrypted. Anyone who can open your data folder can read them again." + skippedLines(report)
                         : "Protection was not removed: " + report.error + ".";
        return o;
    });
}

void LockController::finishJob() {
    if (m_worker.joinable()) m_worker.join();
    Outcome o;
    {
        std::lock_guard lock(m_mutex);
        o = std::move(m_outcome);
    }
    m_done = false;
    AppState& st = m_ctx.state;
    LockState& lk = st.lock;
    Job job = std::exchange(lk.job, Job::None);
    ++lk.serial;
    noteActivity();
    if (job == Job::Unlock) {
        if (!o.ok) {
            // Argon2id itself makes each guess slow; the words stay calm and say nothing about what is inside.
            lk.unlockMessage = o.message.empty() || o.message.find("does not open") != std::string::npos
                                   ? "That passphrase does not open these notes. Take your time and try again."
                                   : "Could not open: " + o.message;
            return;
        }
        lk.locked = false;
        lk.unlockMessage.clear();
        m_ctx.countTakes();
        m_ctx.scanDrafts();
        if (!o.message.empty()) st.toast = o.message;
        else if (o.converted > 0) st.toast = "Finished encrypting " + filesWord(o.converted) + " left from last time.";
        return;
    }
    lk.settingsMessage = o.message;
    lk.settingsFailed = !o.ok;
    if (!o.ok) return;
    if (job == Job::Protect) lk.protectedFolder = true;
    if (job == Job::Remove) lk.protectedFolder = false;
    lk.locked = false;
}

double LockController::idleSeconds() const {
    if (m_idleOverride > 0) return m_idleOverride;
    return m_ctx.state.settings.idleLockMinutes * 60.0;
}

bool LockController::poll() {
    bool changed = false;
    if (m_done) {
        finishJob();
        changed = true;
    }
    const LockState& lk = m_ctx.state.lock;
    if (lk.protectedFolder && !lk.locked && !lk.working()) {
        double limit = idleSeconds();
        double idle = std::chrono::duration<double>(Clock::now() - m_lastActivity).count();
        if (limit > 0 && idle >= limit) {
            lockNow("Locked after a while without use.");
            changed = true;
        }
    }
    return changed;
}

double LockController::secondsUntilDue() const {
    const LockState& lk = m_ctx.state.lock;
    if (!lk.protectedFolder || lk.locked || lk.working()) return -1;
    double limit = idleSeconds();
    if (limit <= 0) return -1;
    double idle = std::chrono::duration<double>(Clock::now() - m_lastActivity).count();
    return std::max(0.0, limit - idle);
}

void LockController::lockNow(const std::string& why) {
    LockState& lk = m_ctx.state.lock;
    if (!lk.protectedFolder || lk.locked || lk.working()) return;
    keepUnsavedNote();
    storage::lockFolder(m_ctx.state.paths.dataDir);
    dropPersonalState();
    lk.locked = true;
    lk.unlockMessage = why;
    lk.settingsMessage.clear();
    lk.settingsFailed = false;
    ++lk.serial;
}

// A result on show but not saved lives on in its draft (the draft is only removed by Save); its note would not,
// so it goes into the draft first and comes back when the take is finished again.
void LockController::keepUnsavedNote() {
    const ResultView& r = m_ctx.state.result;
    // A private take writes nothing, ever: its note goes with it.
    if (!r.active || r.saved || r.preview || r.privateTake || r.note.empty()) return;
    auto draft = m_ctx.drafts->load(r.record.setId);
    if (!draft) return;
    draft->notes["note"] = r.note;
    m_ctx.drafts->save(*draft);
}

// What was read from sealed files goes; what is left is the question sets (not personal) and the settings.
void LockController::dropPersonalState() {
    AppState& st = m_ctx.state;
    m_ctx.forgetPersonalViews();
    st.toast.clear();
    st.deleteConfirmText.clear();
    st.deleteFailures.clear();
    st.pendingExport.clear();
    st.showDisclaimer = false;
    st.pendingTakeSetId.clear();
    for (auto& e : st.sets) {
        e.pastTakes = 0;
        e.lastTaken.clear();
        e.hasDraft = false;
        e.draftUpdated.clear();
    }
    st.screen = Screen::Home;
    st.screenBeforeHide = Screen::Home;
}

}  // namespace rekindle::app
