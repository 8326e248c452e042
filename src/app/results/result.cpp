// The result on show: its note, saving it (which ends the draft), and opening a saved one.
#include "app/results/results_controller.hpp"

namespace rekindle::app {

namespace fs = std::filesystem;

void ResultsController::setNote(const std::string& note) {
    ResultView& r = m_ctx.state.result;
    r.note = note;
    if (note.empty()) r.record.notes.erase("note");
    else r.record.notes["note"] = note;
    if (r.preview || r.privateTake) return;  // nothing of these is ever written
    if (!r.saved) {
        // Until the result is saved its draft is what survives a closed window: the note goes there too, so
        // Continue brings it back with the answers (and the result file takes it when saved).
        if (auto d = m_ctx.drafts->load(r.record.setId)) {
            if (note.empty()) d->notes.erase("note");
            else d->notes["note"] = note;
            m_ctx.drafts->save(*d);
        }
        return;
    }
    // After saving, the note lives in a sidecar beside the result, written at once like a draft: the result file is
    // never rewritten, and no word typed is lost.
    std::string err;
    if (m_ctx.store->saveNote(r.savedId, note, &err)) {
        r.noteStatus = "Note saved.";
        r.error.clear();
    } else {
        r.noteStatus.clear();
        r.error = "Could not save the note: " + err + ". It is still here; try again.";
    }
}

void ResultsController::save() {
    ResultView& r = m_ctx.state.result;
    if (!r.active || r.saved || r.preview || r.privateTake) return;  // a private take is never written
    std::string err;
    fs::path saved;
    if (!m_ctx.store->save(r.record, &err, &saved)) {
        // Say only what is true: the answers are in the draft only if its last write worked.
        bool inDraft = m_ctx.state.take.draftError.empty() && m_ctx.drafts->exists(r.record.setId);
        r.error = "Could not save the result in " + m_ctx.store->resultsDir().string() + ": " +
                  writeFailureAdvice(err) + ", then press Save again. " +
                  (inDraft ? "Your answers are still on screen and in the unfinished take, so nothing is lost."
                           : "Your answers are only on screen (the unfinished take could not be written either), so "
                             "keep this window open.");
        return;
    }
    r.saved = true;
    r.savedId = r.record.id;
    r.error.clear();
    m_ctx.state.toast = "Saved to " + saved.string();
    std::string draftErr;
    if (m_ctx.drafts->exists(r.record.setId) && !m_ctx.drafts->remove(r.record.setId, &draftErr))
        m_ctx.state.toast += ". The unfinished take could not be removed (" + draftErr + "); it holds the same answers.";
    m_ctx.scanDrafts();
    m_ctx.countTakes();
}

void ResultsController::compareWithPrevious() {
    const ResultView& r = m_ctx.state.result;
    if (!r.previous) return;
    CompareView& c = m_ctx.state.compare;
    c = CompareView{};
    c.active = true;
    c.before = *r.previous;
    c.after = r.record;
    c.comparison = core::compareResults(c.before, c.after);
    m_ctx.show(Screen::Compare);
}

void ResultsController::open(const std::string& id) {
    std::string err;
    auto rec = m_ctx.store->load(id, &err);
    if (!rec) {
        m_ctx.state.history.message = "Could not open " + id + ": " + err;
        return;
    }
    ResultView r;
    r.active = true;
    r.saved = true;
    r.savedId = rec->id;
    if (const SetEntry* e = m_ctx.state.findSet(rec->setId)) r.set = *e->set();
    auto it = rec->notes.find("note");
    if (it != rec->notes.end()) r.note = it->second;
    r.previous = m_ctx.store->previousOf(*rec);
    r.record = std::move(*rec);
    m_ctx.state.result = std::move(r);
    m_ctx.show(Screen::Result);
}

}  // namespace rekindle::app
