// Drafts: every answer is written at once so a closed window or a crash loses nothing; resuming checks that the
// set is still the one the draft was started with.
#include "app/controller.hpp"

namespace rekindle::app {

void Controller::persistDraft() {
    TakeState& t = m_state.take;
    if (!t.active || t.preview) return;
    storage::Draft d;
    d.setId = t.set.id;
    d.setVersion = t.set.version;
    d.setHash = t.set.contentHash;
    d.setPath = t.setPath.string();
    d.startedAt = t.startedAt;
    d.answers = t.answers;
    d.notes = t.notes;
    d.position = int(t.step);
    if (t.step < t.steps.size() && t.steps[t.step].kind == Step::Kind::Question)
        d.currentQuestion = t.set.sections[t.steps[t.step].section].questions[t.steps[t.step].question].id;
    std::string err;
    if (!m_drafts->save(d, &err))
        t.draftError = "Your answers could not be written to disk (" + err +
                       "). They are kept while Rekindle stays open; free some space or check the data folder.";
    else
        t.draftError.clear();
}

void Controller::scanDrafts() {
    for (auto& e : m_state.sets) {
        e.hasDraft = false;
        e.draftUpdated.clear();
    }
    for (const auto& entry : m_drafts->list()) {
        if (!entry.readable) continue;
        int idx = findSet(entry.draft.setId);
        if (idx < 0) continue;
        m_state.sets[size_t(idx)].hasDraft = true;
        m_state.sets[size_t(idx)].draftUpdated = entry.draft.updatedAt;
    }
}

void Controller::resumeDraft(int setIndex) {
    if (setIndex < 0 || setIndex >= int(m_state.sets.size())) return;
    const auto* set = m_state.sets[size_t(setIndex)].set();
    if (!set) return;
    std::string err;
    auto draft = m_drafts->load(set->id, &err);
    if (!draft) {
        startTake(setIndex);
        m_state.take.notice = "The unfinished take could not be read (" + err + "), so this is a fresh start.";
        return;
    }
    TakeState t;
    t.active = true;
    t.set = *set;
    t.setPath = m_state.sets[size_t(setIndex)].loaded.path;
    t.startedAt = draft->startedAt;
    t.notes = draft->notes;
    // Keep only answers whose question still exists and still accepts the answer's kind.
    int dropped = 0;
    for (const auto& [qid, a] : draft->answers) {
        if (set->findQuestion(qid)) t.answers[qid] = a;
        else ++dropped;
    }
    if (draft->setHash != set->contentHash || draft->setVersion != set->version) {
        t.notice = "This question set changed since you started (version " + draft->setVersion + " → " + set->version +
                   "). Your answers to the questions that still exist were kept";
        t.notice += dropped ? "; " + std::to_string(dropped) + " answer(s) to removed questions were set aside." : ".";
    } else {
        t.notice = "Welcome back. Your earlier answers are here; carry on where you left off.";
    }
    m_state.take = std::move(t);
    rebuildSteps();
    // Resume at the question that was on screen, else at the first unanswered one.
    TakeState& tk = m_state.take;
    tk.step = 0;
    bool placed = false;
    for (size_t i = 0; i < tk.steps.size() && !draft->currentQuestion.empty(); ++i)
        if (tk.steps[i].kind == Step::Kind::Question &&
            tk.set.sections[tk.steps[i].section].questions[tk.steps[i].question].id == draft->currentQuestion) {
            tk.step = i;
            placed = true;
            break;
        }
    if (!placed) {
        tk.step = tk.steps.size();
        for (size_t i = 0; i < tk.steps.size(); ++i)
            if (tk.steps[i].kind == Step::Kind::Question &&
                !tk.answers.count(tk.set.sections[tk.steps[i].section].questions[tk.steps[i].question].id)) {
                tk.step = i;
                break;
            }
    }
    show(Screen::Take);
}

void Controller::discardDraft(int setIndex) {
    if (setIndex < 0 || setIndex >= int(m_state.sets.size())) return;
    const auto* set = m_state.sets[size_t(setIndex)].set();
    if (!set) return;
    m_drafts->remove(set->id);
    m_state.sets[size_t(setIndex)].hasDraft = false;
}

}  // namespace rekindle::app
