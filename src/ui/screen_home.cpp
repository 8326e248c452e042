// Home: the question sets on offer, with past takes and unfinished ones, and the ways to everything else.
#include <imgui.h>

#include "core/words.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

void drawHome(const AppState& st, CommandQueue& out) {
    const Palette& pal = palette();
    spacing(0.5f);
    heading("When someone you love is pulling away");
    textMuted("Answer a few calm questions, one at a time. Rekindle suggests what may help, says why, and keeps "
              "everything on this computer. It is not therapy and not a verdict on anyone.");
    spacing(0.6f);
    if (!st.settingsProblem.empty()) textColored(pal.warn, st.settingsProblem);
    for (const auto& p : st.library.problems) textColored(pal.warn, p.format());

    float width = std::min(ImGui::GetContentRegionAvail().x, em(46));
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
            if (e.hasDraft) {
                if (row.primaryButton("Continue " + title + "##continue")) out.push(cmd::RequestTake{s->id});
                if (i < 9) row.textMuted("key " + std::to_string(i + 1));
                row.textMuted("unfinished, last answered " + shortDate(e.draftUpdated));
                if (row.button("Start again##restart")) out.push(cmd::StartTake{s->id});
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
    if (st.sets.empty()) textWithPaths("No question sets were found in " + st.paths.builtinQuestionnaires.string());
    spacing();
    Flow row;
    if (row.button("History")) out.push(cmd::Go{app::Screen::History});
    if (row.button("When to get help")) out.push(cmd::Go{app::Screen::Help});
    // For counsellors and authors; kept out of the main navigation so a person in distress meets fewer doors.
    if (row.button("Make your own question set")) out.push(cmd::Go{app::Screen::Author});

    // Keyboard: the number keys start (or continue) the sets in the order shown.
    if (!ImGui::GetIO().WantTextInput && !st.showDisclaimer && !ImGui::GetIO().KeyCtrl)
        for (size_t i = 0; i < st.sets.size() && i < 9; ++i)
            if (const core::QuestionSet* s = st.sets[i].set(); s && digitPressed(int(i) + 1))
                out.push(cmd::RequestTake{s->id});
}

}  // namespace rekindle::ui
