// Drafts: every answer is written at once so a closed window or a crash loses nothing; resuming checks that the
// set is still the one the draft was started with.
#include "app/take/take_controller.hpp"

namespace rekindle::app {

void TakeController::persistDraft() {
    TakeState& t = m_ctx.state.take;
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
    d.currentQuestion = currentQuestionId();
    std::string err;
    if (!m_ctx.drafts->save(d, &err))
        t.draftError = "Your answers could not be written to disk (" + err +
                       "). They are kept while Rekindle stays open; free some space or check the data folder.";
    else
        t.draftError.clear();
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
    placeAfterResume(draft->currentQuestion);
    m_ctx.show(Screen::Take);
}

// Resume at the question that was on screen, else at the first unanswered one.
void TakeController::placeAfterResume(const std::string& questionOnScreen) {
    TakeState& tk = m_ctx.state.take;
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

}  // namespace rekindle::app
