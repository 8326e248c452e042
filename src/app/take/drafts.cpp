// Drafts: every answer is written at once so a closed window or a crash loses nothing; resuming checks that the
// set is still the one the draft was started with.
#include "app/take/take_controller.hpp"

namespace rekindle::app {

void TakeController::persistDraft() {
    TakeState& t = m_ctx.state.take;
    if (!t.active || t.preview || t.privateTake) return;
    storage::Draft d;
    d.setId = t.set.id;
    d.setVersion = t.set.version;
    d.setHash = t.set.contentHash;
    d.setPath = t.setPath.string();
    d.startedAt = t.startedAt;
    d.answers = t.answers;
    d.notes = t.notes;
    d.position = int(t.step);
    d.currentQuestion = currentQuestionId();
    d.currentStep = currentStepKey();
    d.extra = t.draftExtra;
    std::string err;
    if (m_ctx.drafts->readOnly())
        t.draftError = "This window can read but not save while Rekindle is open in another window: these answers are "
                       "kept only while it stays open.";
    else if (!m_ctx.drafts->save(d, &err))
        t.draftError = "Your answers could not be written to disk: " + writeFailureAdvice(err) +
                       ". They are kept while Rekindle stays open.";
    else
        t.draftError.clear();
}

void TakeController::mergeDraftOnDisk() {
    TakeState& t = m_ctx.state.take;
    if (!t.active || t.preview) return;
    if (auto d = m_ctx.drafts->load(t.set.id)) {
        int added = 0;
        for (const auto& [qid, a] : d->answers)
            if (!t.answers.count(qid) && t.set.findQuestion(qid)) {
                t.answers[qid] = a;
                ++added;
            }
        for (const auto& [sid, text] : d->notes) t.notes.emplace(sid, text);
        if (added > 0) {
            std::string stepOnScreen = currentStepKey(), questionOnScreen = currentQuestionId();
            rebuildSteps();
            placeAfterResume(stepOnScreen, questionOnScreen);
            t.notice = std::to_string(added) + " answer(s) from the other window's unfinished take were added to this one.";
        }
    }
    persistDraft();
}

void TakeController::resume(const std::string& setId) {
    const SetEntry* e = m_ctx.state.findSet(setId);
    if (!e) return;
    const core::QuestionSet& set = *e->set();
    std::string err;
    auto draft = m_ctx.drafts->load(set.id, &err);
    if (!draft) {
        start(setId);
        m_ctx.state.take.notice = "The unfinished take could not be read (" + err + "), so this is a fresh start.";
        return;
    }
    TakeState t;
    t.active = true;
    t.set = set;
    t.setPath = e->loaded.path;
    t.startedAt = draft->startedAt;
    t.notes = draft->notes;
    t.draftExtra = draft->extra;
    // Keep only answers whose question still exists.
    int dropped = 0;
    for (const auto& [qid, a] : draft->answers) {
        if (set.findQuestion(qid)) t.answers[qid] = a;
        else ++dropped;
    }
    if (draft->setHash != set.contentHash || draft->setVersion != set.version) {
        t.notice = "This question set changed since you started (version " + draft->setVersion + " → " + set.version +
                   "). Your answers to the questions that still exist were kept";
        t.notice += dropped ? "; " + std::to_string(dropped) + " answer(s) to removed questions were set aside." : ".";
    } else {
        t.notice = "Welcome back. Your earlier answers are here; carry on where you left off.";
    }
    m_ctx.state.take = std::move(t);
    rebuildSteps();
    placeAfterResume(draft->currentStep, draft->currentQuestion);
    m_ctx.show(Screen::Take);
}

// Resume on the step that was on screen (an intro or a reflection too), else at the question that was, else at the
// first unanswered one.
void TakeController::placeAfterResume(const std::string& stepOnScreen, const std::string& questionOnScreen) {
    TakeState& tk = m_ctx.state.take;
    if (!stepOnScreen.empty()) {
        for (tk.step = 0; tk.step <= tk.steps.size(); ++tk.step)
            if (currentStepKey() == stepOnScreen) return;
    }
    auto idAt = [&tk](size_t i) -> const std::string& {
        return tk.set.sections[tk.steps[i].section].questions[tk.steps[i].question].id;
    };
    tk.step = 0;
    if (!questionOnScreen.empty())
        for (size_t i = 0; i < tk.steps.size(); ++i)
            if (tk.steps[i].kind == Step::Kind::Question && idAt(i) == questionOnScreen) {
                tk.step = i;
                return;
            }
    tk.step = tk.steps.size();
    for (size_t i = 0; i < tk.steps.size(); ++i)
        if (tk.steps[i].kind == Step::Kind::Question && !tk.answers.count(idAt(i))) {
            tk.step = i;
            return;
        }
}

void TakeController::trashDraftOf(const std::string& setId) {
    AppState& st = m_ctx.state;
    UndoOffer offer;
    offer.setId = setId;
    if (const SetEntry* e = st.findSet(setId)) offer.setTitle = e->set()->title;
    if (auto old = m_ctx.drafts->load(setId)) offer.answers = int(old->answers.size());
    std::string err;
    offer.trashed = m_ctx.drafts->moveToTrash(setId, st.paths.trashDir(), &err);
    if (offer.trashed.empty()) {
        st.toast = "The earlier unfinished take was left where it is: " + err;
        return;
    }
    st.undo = std::move(offer);
    if (SetEntry* e = st.findSet(setId)) e->hasDraft = false;
}

void TakeController::askStartAgain(const std::string& setId) { m_ctx.state.confirmRestartSetId = setId; }

void TakeController::cancelStartAgain() { m_ctx.state.confirmRestartSetId.clear(); }

void TakeController::confirmStartAgain() {
    std::string setId = std::exchange(m_ctx.state.confirmRestartSetId, {});
    if (!setId.empty()) start(setId);  // start() moves the old draft to the trash and offers Undo
}

void TakeController::undoStartAgain() {
    AppState& st = m_ctx.state;
    if (!st.undo) return;
    UndoOffer offer = *st.undo;
    // Answers given since "Start again" are not thrown away either: that take goes to the trash in turn.
    if (st.take.active && st.take.set.id == offer.setId) st.take.active = false;
    std::optional<UndoOffer> newer;
    if (m_ctx.drafts->exists(offer.setId)) {
        trashDraftOf(offer.setId);
        newer = st.undo;
    }
    std::string err;
    if (!m_ctx.drafts->restoreFromTrash(offer.setId, offer.trashed, &err)) {
        st.undo = offer;
        st.toast = "Could not bring the earlier answers back: " + err;
        return;
    }
    st.undo = newer;  // the take just set aside can be brought back the same way
    resume(offer.setId);
    st.take.notice = "Your earlier answers are back. Carry on where you left off.";
}

}  // namespace rekindle::app
