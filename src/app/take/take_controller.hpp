// Taking a question set: the disclaimer before the first take, starting, resuming a draft, answering, moving
// between steps, and turning the answers into a result. Every answer is written to the draft at once.
#pragma once

#include <string>

#include "app/context.hpp"

namespace rekindle::app {

class TakeController {
public:
    explicit TakeController(Context& ctx) : m_ctx(ctx) {}

    void request(const std::string& setId);  // shows the disclaimer first when not yet accepted
    void acceptDisclaimer();
    void dismissDisclaimer();
    void start(const std::string& setId, bool preview = false, const std::string& fromQuestion = {});
    void resume(const std::string& setId);

    void answer(const core::Answer& answer);  // for the current question
    void pickNumber(int n);                   // keyboard 1..9, 0 = 10
    void setNote(const std::string& text);    // current reflection step
    void next();
    void back();
    void skip();
    // Leaves the take (the draft stays for later) and says which screen to go back to.
    Screen abandon();

    // The id of the question / section on screen, or empty: commands name the one they were made for.
    std::string currentQuestionId() const;
    std::string currentSectionId() const;

private:
    const core::Question* currentQuestion() const;
    void rebuildSteps();
    void persistDraft();
    void finish();
    void placeAfterResume(const std::string& questionOnScreen);

    Context& m_ctx;
};

}  // namespace rekindle::app
