// The take in progress: answers, steps and the hand-over to a result. Drafts are in drafts.cpp.
#include "app/take/take_controller.hpp"

#include "storage/result_json.hpp"

namespace rekindle::app {

void TakeController::request(const std::string& setId, bool privateTake) {
    AppState& st = m_ctx.state;
    if (!st.settings.disclaimerAccepted) {
        st.showDisclaimer = true;
        st.pendingTakeSetId = setId;
        st.pendingTakePrivate = privateTake;
        return;
    }
    const SetEntry* e = st.findSet(setId);
    if (!e) return;
    if (privateTake) start(setId, false, {}, true);
    else if (m_ctx.drafts->exists(setId)) resume(setId);  // the disk decides, not the list drawn a while ago
    else start(setId);
}

void TakeController::acceptDisclaimer() {
    AppState& st = m_ctx.state;
    st.settings.disclaimerAccepted = true;
    st.showDisclaimer = false;
    // A private take writes nothing, not even that the disclaimer was seen (kept for this run only).
    if (!st.pendingTakePrivate) m_ctx.persistSettings();
    std::string pending = std::exchange(st.pendingTakeSetId, {});
    bool privateTake = std::exchange(st.pendingTakePrivate, false);
    if (!pending.empty()) request(pending, privateTake);
}

void TakeController::dismissDisclaimer() {
    m_ctx.state.showDisclaimer = false;
    m_ctx.state.pendingTakeSetId.clear();
    m_ctx.state.pendingTakePrivate = false;
}

void TakeController::start(const std::string& setId, bool preview, const std::string& fromQuestion, bool privateTake) {
    const SetEntry* e = m_ctx.state.findSet(setId);
    if (!e) return;
    TakeState t;
    t.active = true;
    t.preview = preview;
    t.privateTake = privateTake && !preview;
    t.set = *e->set();
    t.setPath = e->loaded.path;
    t.startedAt = storage::nowRfc3339();
    // Before the new take replaces it: an unfinished take of this set goes to the trash, with an Undo.
    if (!preview && !t.privateTake && m_ctx.drafts->exists(setId)) trashDraftOf(setId);
    m_ctx.state.take = std::move(t);
    rebuildSteps();
    TakeState& tk = m_ctx.state.take;
    if (!fromQuestion.empty()) {
        for (size_t i = 0; i < tk.steps.size(); ++i)
            if (tk.steps[i].kind == Step::Kind::Question &&
                tk.set.sections[tk.steps[i].section].questions[tk.steps[i].question].id == fromQuestion) {
                tk.step = i;
                break;
            }
    }
    m_ctx.show(Screen::Take);
}

void TakeController::rebuildSteps() {
    TakeState& t = m_ctx.state.take;
    auto steps = buildSteps(t.set, t.answers);
    t.step = relocate(t.steps, t.step, steps);
    t.steps = std::move(steps);
}

const core::Question* TakeController::currentQuestion() const {
    const TakeState& t = m_ctx.state.take;
    if (!t.active || t.step >= t.steps.size()) return nullptr;
    const Step& s = t.steps[t.step];
    if (s.kind != Step::Kind::Question) return nullptr;
    return &t.set.sections[s.section].questions[s.question];
}

std::string TakeController::currentQuestionId() const {
    const core::Question* q = currentQuestion();
    return q ? q->id : std::string();
}

std::string TakeController::currentStepKey() const {
    const TakeState& t = m_ctx.state.take;
    if (t.step >= t.steps.size()) return "end";
    const Step& s = t.steps[t.step];
    const core::Section& sec = t.set.sections[s.section];
    switch (s.kind) {
        case Step::Kind::Intro: return "intro:" + sec.id;
        case Step::Kind::Reflection: return "reflection:" + sec.id;
        case Step::Kind::Question: return "question:" + sec.questions[s.question].id;
    }
    return {};
}

bool TakeController::wouldLoseAnswers() const {
    const AppState& st = m_ctx.state;
    const TakeState& t = st.take;
    bool takeHasWords = !t.answers.empty() || !t.notes.empty();
    if (t.active && !t.preview && takeHasWords && (t.privateTake || !t.draftError.empty())) return true;
    return st.result.active && st.result.privateTake;
}

std::string TakeController::currentSectionId() const {
    const TakeState& t = m_ctx.state.take;
    if (!t.active || t.step >= t.steps.size()) return {};
    return t.set.sections[t.steps[t.step].section].id;
}

void TakeController::answer(const core::Answer& a) {
    const core::Question* q = currentQuestion();
    if (!q) return;
    TakeState& t = m_ctx.state.take;
    // Copy the id first: erasing the answer must not pull anything from under us.
    std::string id = q->id;
    if (a.isAnswered()) t.answers[id] = a;
    else t.answers.erase(id);
    t.message.clear();
    rebuildSteps();
    persistDraft();
}

void TakeController::pickNumber(int n) {
    const core::Question* q = currentQuestion();
    if (!q) return;
    const TakeState& t = m_ctx.state.take;
    auto it = t.answers.find(q->id);
    core::Answer current = it == t.answers.end() ? core::Answer{} : it->second;
    core::Answer picked = answerForNumber(*q, current, n);
    if (!(picked == current)) answer(picked);
}

void TakeController::setNote(const std::string& text) {
    TakeState& t = m_ctx.state.take;
    if (!t.active || t.step >= t.steps.size() || t.steps[t.step].kind != Step::Kind::Reflection) return;
    const std::string& sid = t.set.sections[t.steps[t.step].section].id;
    if (text.empty()) t.notes.erase(sid);
    else t.notes[sid] = text;
    persistDraft();
}

void TakeController::next() {
    TakeState& t = m_ctx.state.take;
    if (!t.active) return;
    if (t.step >= t.steps.size()) {
        finish();
        return;
    }
    if (const core::Question* q = currentQuestion()) {
        auto it = t.answers.find(q->id);
        bool answered = it != t.answers.end() && it->second.isAnswered();
        if (q->required && !answered) {
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

void TakeController::back() {
    TakeState& t = m_ctx.state.take;
    if (!t.active || t.step == 0) return;
    t.message.clear();
    --t.step;
    ++t.stepSerial;
    persistDraft();  // the step on screen is part of the draft: a crash now resumes here
}

void TakeController::skip() {
    TakeState& t = m_ctx.state.take;
    if (!t.active || t.step >= t.steps.size()) return;
    if (const core::Question* q = currentQuestion(); q && q->required) return;
    t.message.clear();
    ++t.step;
    ++t.stepSerial;
    persistDraft();
}

Screen TakeController::abandon() {
    TakeState& t = m_ctx.state.take;
    t.active = false;
    if (t.privateTake) t = TakeState{};  // nothing of it is kept, in memory either
    return t.preview ? Screen::Author : Screen::Home;
}

void TakeController::forgetPrivate() {
    AppState& st = m_ctx.state;
    if (st.take.privateTake) st.take = TakeState{};
    if (st.result.privateTake) st.result = ResultView{};
}

void TakeController::finish() {
    TakeState& t = m_ctx.state.take;
    // Refuse to finish with a required visible question unanswered: send the person to the first one.
    for (size_t i = 0; i < t.steps.size(); ++i) {
        const Step& s = t.steps[i];
        if (s.kind != Step::Kind::Question) continue;
        const auto& q = t.set.sections[s.section].questions[s.question];
        auto it = t.answers.find(q.id);
        if (q.required && (it == t.answers.end() || !it->second.isAnswered())) {
            t.step = i;
            ++t.stepSerial;
            t.message = "This question still needs an answer.";
            return;
        }
    }
    core::Answers effective = core::effectiveAnswers(t.set, t.answers);
    core::ScoreResult score = core::score(t.set, effective);
    ResultView r;
    r.active = true;
    r.preview = t.preview;
    r.privateTake = t.privateTake;
    r.set = t.set;
    r.record = core::makeResult(t.set, effective, t.notes, score, storage::nowRfc3339(), "", t.startedAt);
    // A result note kept in the draft (the window locked before it was saved) comes back with the result.
    if (auto it = r.record.notes.find("note"); it != r.record.notes.end()) r.note = it->second;
    if (!t.preview) r.previous = m_ctx.store->previousOf(r.record);
    if (auto note = t.notes.find("note"); note != t.notes.end()) r.note = note->second;  // typed before a restart
    m_ctx.state.result = std::move(r);
    t.active = false;
    if (t.privateTake) t = TakeState{};  // the result holds what is needed; nothing else lingers
    m_ctx.show(Screen::Result);
}

}  // namespace rekindle::app
