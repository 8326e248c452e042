// Taking a question set: the disclaimer before the first take, starting, resuming a draft, answering, moving
// between steps, and turning the answers into a result. Every answer is written to the draft at once.
#pragma once

#include <string>

#include "app/context.hpp"

namespace rekindle::app {

class TakeController {
public:
    explicit TakeController(Context& ctx) : m_ctx(ctx) {}

    // Shows the disclaimer first when not yet accepted; then resumes the draft on disk (read again now: another
    // window or a sync may have written it) or starts. A private take never reads or writes a draft.
    void request(const std::string& setId, bool privateTake = false);
    void acceptDisclaimer();
    void dismissDisclaimer();
    // A fresh take. An unfinished one of the same set on disk is never deleted: it goes to the trash with an Undo.
    void start(const std::string& setId, bool preview = false, const std::string& fromQuestion = {},
               bool privateTake = false);
    void resume(const std::string& setId);

    // "Start again": asked on Home, confirmed, then the old draft goes to the trash and Undo brings it back.
    void askStartAgain(const std::string& setId);
    void cancelStartAgain();
    void confirmStartAgain();
    void undoStartAgain();

    void answer(const core::Answer& answer);  // for the current question
    void pickNumber(int n);                   // keyboard 1..9, 0 = 10
    void setNote(const std::string& text);    // current reflection step
    void next();
    void back();
    void skip();
    // Leaves the take (the draft stays for later; a private take is forgotten) and says which screen to go back to.
    Screen abandon();
    // Drops an open private take and a private result from memory (nothing of them was ever on disk).
    void forgetPrivate();

    // After this window took over the data folder from another one: answers the other window wrote to this set's
    // draft join the take on screen (this window's own answers win), then the draft is written, so neither window's
    // work is lost.
    void mergeDraftOnDisk();

    // The id of the question / section on screen, or empty: commands name the one they were made for.
    std::string currentQuestionId() const;
    std::string currentSectionId() const;
    // The step on screen as a draft names it: "intro:<section>", "reflection:<section>", "question:<id>", "end".
    std::string currentStepKey() const;
    // True when leaving now would lose answers: a private take (or its result) with something in it, or a take
    // whose draft could not be written.
    bool wouldLoseAnswers() const;

private:
    const core::Question* currentQuestion() const;
    void rebuildSteps();
    void persistDraft();
    void finish();
    void placeAfterResume(const std::string& stepOnScreen, const std::string& questionOnScreen);
    void trashDraftOf(const std::string& setId);

    Context& m_ctx;
};

}  // namespace rekindle::app
