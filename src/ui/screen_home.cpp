// Home: the question sets on offer, with past takes and unfinished ones, and the ways to everything else.
#include <imgui.h>

#include "core/words.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

namespace {

// What is open in memory only (a private take or its result: nothing of it is on disk), and the Undo of the last
// "Start again". Each says what it is and how to get back to it or let it go.
void openThingsAndUndo(const AppState& st, CommandQueue& out, HomeScreenView& view, float width) {
    const Palette& pal = palette();
    bool privateTake = st.take.active && st.take.privateTake;
    bool privateResult = !privateTake && st.result.active && st.result.privateTake;
    if (privateTake || privateResult) {
        beginCard("private-open", pal.card, pal.cardBorder, width);
        subheading(privateTake ? "Your private take is still open" : "Your private result is still open");
        textWrapped("Nothing of it is kept on this computer: it is gone once you leave it or close Rekindle.");
        Flow row;
        if (row.primaryButton(privateTake ? "Back to the private take" : "Back to the private result"))
            out.push(cmd::Go{privateTake ? app::Screen::Take : app::Screen::Result});
        if (!view.confirmForgetPrivate) {
            if (row.button("Forget it")) view.confirmForgetPrivate = true;
        } else {
            textWrapped("Forget these answers for good? They were never saved, so this cannot be undone.");
            Flow confirm;
            if (confirm.button("Yes, forget them")) {
                out.push(cmd::ForgetPrivate{});
                view.confirmForgetPrivate = false;
            }
            if (confirm.button("Keep them")) view.confirmForgetPrivate = false;
        }
        endCard();
    }
    if (st.undo) {
        beginCard("undo", pal.card, pal.cardBorder, width);
        std::string n = std::to_string(st.undo->answers);
        textWrapped("Your earlier unfinished take of " + st.undo->setTitle + " (" + n +
                    (st.undo->answers == 1 ? " answer" : " answers") + ") was moved to the trash folder.");
        if (button("Undo: bring those answers back")) out.push(cmd::UndoStartAgain{});
        endCard();
    }
}

// "Start again" asks first: the answers so far would otherwise be out of sight at a click.
void confirmRestart(CommandQueue& out, const std::string& title) {
    const Palette& pal = palette();
    textColored(pal.warn, "Start " + title + " again from the first question?");
    textWrapped("Your unfinished answers move to the trash folder, and Undo brings them back.");
    Flow row;
    if (row.button("Yes, start again##confirm-restart")) out.push(cmd::ConfirmStartAgain{});
    if (row.button("Keep my answers##keep") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        out.push(cmd::CancelStartAgain{});
}

}  // namespace

void drawHome(const AppState& st, CommandQueue& out, HomeScreenView& view) {
    const Palette& pal = palette();
    spacing(0.5f);
    heading("When someone you love is pulling away");
    textMuted("Answer a few calm questions, one at a time. Rekindle suggests what may help, says why, and keeps "
              "everything on this computer. It is not therapy and not a verdict on anyone.");
    spacing(0.6f);
    if (!st.settingsProblem.empty()) textColored(pal.warn, st.settingsProblem);
    for (const auto& p : st.library.problems) textColored(pal.warn, p.format());

    float width = std::min(ImGui::GetContentRegionAvail().x, em(46));
    openThingsAndUndo(st, out, view, width);
    // While a private take or result is open, a new take would silently replace it: back to it or forget it first.
    bool privateOpen = (st.take.active && st.take.privateTake) || (st.result.active && st.result.privateTake);
    beginDisabled(privateOpen);
    // Before any take: a take that leaves nothing behind (no draft, no result, nothing in History or the trash).
    checkbox("Private take: don't keep anything from this take", &view.privateTake);
    if (view.privateTake)
        textMuted("Nothing is written while you answer and no result is saved; closing Rekindle forgets it all.");
    spacing(0.3f);
    for (size_t i = 0; i < st.sets.size(); ++i) {
        const app::SetEntry& e = st.sets[i];
        ImGui::PushID(e.loaded.path.c_str());
        ImGui::BeginGroup();
        beginCard("card", pal.card, pal.cardBorder, width);
        if (const core::QuestionSet* s = e.set()) {
            subheading(clipForDisplay(s->title, kTitleChars));
            longText("description", s->description);
            // The same count the take shows: the questions in the set, and how many are shown for the answers so far.
            long all = long(s->questionCount());
            int shown = e.hasDraft && e.draftShown >= 0 ? e.draftShown : e.shownAtStart;
            std::string meta = "About " + std::to_string(s->estimatedMinutes) + " min · " +
                               core::countText(all, "question", "questions");
            if (shown != all)
                meta += e.hasDraft && e.draftShown >= 0 ? ", " + std::to_string(shown) + " shown for your answers"
                                                        : ", " + std::to_string(shown) + " shown unless your answers call for more";
            if (e.pastTakes > 0)
                meta += " · taken " + core::countText(e.pastTakes, "time", "times") +
                        ", last on " + shortDate(e.lastTaken);
            else
                meta += " · not taken yet";
            if (!e.builtin) meta += " · your set (" + e.fileName() + ")";
            textMuted(meta);
            spacing(0.3f);
            Flow row;
            std::string title = clipForDisplay(s->title, kTitleChars);
            if (view.privateTake) {
                if (row.primaryButton("Start a private take of " + title + "##private")) out.push(cmd::RequestTake{s->id, true});
                if (i < 9) row.textMuted("key " + std::to_string(i + 1));
                if (e.hasDraft) row.textMuted("Your unfinished take stays as it is, for later.");
            } else if (st.confirmRestartSetId == s->id) {
                confirmRestart(out, title);
            } else if (e.hasDraft) {
                if (row.primaryButton("Continue " + title + "##continue")) out.push(cmd::RequestTake{s->id});
                if (i < 9) row.textMuted("key " + std::to_string(i + 1));
                row.textMuted("unfinished, last answered " + shortDate(e.draftUpdated));
                if (row.button("Start again##restart")) out.push(cmd::AskStartAgain{s->id});
            } else {
                if (row.primaryButton("Start " + title + "##start")) out.push(cmd::RequestTake{s->id});
                if (i < 9) row.textMuted("key " + std::to_string(i + 1));
            }
        } else {
            subheading(e.fileName());
            textColored(pal.warn, (e.loaded.errorCount() == 1 ? std::string("1 problem stops") : std::to_string(e.loaded.errorCount()) + " problems stop") + " this set from being used.");
            if (!e.loaded.problems.empty()) textMuted(e.loaded.problems.front().format());
            if (button("See the problems##problems")) out.push(cmd::Go{app::Screen::Author});
        }
        endCard();
        ImGui::EndGroup();
        ImGui::PopID();
    }
    // Read on a worker so a large or broken set never holds up the window; they appear here when read.
    if (st.setsLoading) textMuted("Reading your own question sets…");
    endDisabled(privateOpen);
    if (st.sets.empty() && !st.setsLoading) textWithPaths("No question sets were found in " + st.paths.builtinQuestionnaires.string());
    spacing();
    Flow row;
    if (row.button("History")) out.push(cmd::Go{app::Screen::History});
    if (row.button("When to get help")) out.push(cmd::Go{app::Screen::Help});
    // For counsellors and authors; kept out of the main navigation so a person in distress meets fewer doors.
    if (row.button("Make your own question set")) out.push(cmd::Go{app::Screen::Author});

    // Keyboard: the number keys start (or continue) the sets in the order shown.
    if (!ImGui::GetIO().WantTextInput && !st.showDisclaimer && !ImGui::GetIO().KeyCtrl && st.confirmRestartSetId.empty() &&
        !privateOpen)
        for (size_t i = 0; i < st.sets.size() && i < 9; ++i)
            if (const core::QuestionSet* s = st.sets[i].set(); s && digitPressed(int(i) + 1))
                out.push(cmd::RequestTake{s->id, view.privateTake});
}

}  // namespace rekindle::ui
