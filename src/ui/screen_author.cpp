// Author: every set found with its status and problems (re-checked within a second of a save), preview from
// the start or from any question, a starter file, and the way into the scoring simulator.
#include <imgui.h>


#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

namespace {

// One set: status, every problem as file:line:column, pointer and message, and the actions for a valid set.
void drawSetCard(CommandQueue& out, AuthorScreenView& view, const app::SetEntry& e) {
    const Palette& pal = palette();
    ImGui::PushID(e.loaded.path.c_str());
    beginCard("set", pal.card, pal.cardBorder);
    int errors = e.loaded.errorCount(), warnings = e.loaded.warningCount();
    std::string status = errors ? std::to_string(errors) + (errors == 1 ? " error" : " errors") : "valid";
    if (warnings) status += ", " + std::to_string(warnings) + (warnings == 1 ? " warning" : " warnings");
    subheading(e.fileName() + " — " + status);
    textWithPaths(e.loaded.path.string() + (e.builtin ? " (built in)" : ""));
    // Errors first, then warnings, each with its place so an editor's "go to line" finds it.
    for (auto sev : {storage::Problem::Severity::Error, storage::Problem::Severity::Warning})
        for (const auto& p : e.loaded.problems) {
            if (p.severity != sev) continue;
            std::string where = e.fileName();
            if (p.line > 0) where += ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
            where += sev == storage::Problem::Severity::Error ? "  error" : "  warning";
            if (!p.pointer.empty()) where += "  " + p.pointer;
            if (sev == storage::Problem::Severity::Error) textColored(pal.warn, where);
            else subheading(where);
            ImGui::Indent(em(1.2f));
            textWrapped(p.message);
            ImGui::Unindent(em(1.2f));
        }
    const core::QuestionSet* set = e.set();
    std::string key = e.loaded.path.string();
    Flow row;
    if (set) {
        if (row.button("Preview")) out.push(cmd::StartTake{set->id, true});
        bool open = view.previewPickerOpen.count(key) > 0;
        if (row.button(open ? "Hide question list" : "Preview from a question")) {
            if (open) view.previewPickerOpen.erase(key);
            else view.previewPickerOpen.insert(key);
        }
        if (row.button("Simulate scoring")) out.push(cmd::OpenSimulator{set->id});
    }
    if (row.button("Open in editor")) out.push(cmd::OpenInEditor{key});
    if (set && view.previewPickerOpen.count(key)) {
        // Questions shown before any answer can be started from directly; the rest depend on earlier answers.
        auto steps = app::buildSteps(*set, core::Answers{});
        for (size_t s = 0; s < set->sections.size(); ++s) {
            const auto& sec = set->sections[s];
            textMuted(sec.title);
            for (size_t q = 0; q < sec.questions.size(); ++q) {
                const auto& question = sec.questions[q];
                bool reachable = false;
                for (const auto& step : steps)
                    if (step.kind == app::Step::Kind::Question && step.section == s && step.question == q) reachable = true;
                std::string label = "Start at " + question.id + ": " + clipForDisplay(question.text, 300);
                if (reachable) {
                    if (selectable(label, false)) {
                        view.previewPickerOpen.erase(key);
                        out.push(cmd::StartTake{set->id, true, question.id});
                    }
                } else {
                    textMuted(label + "  (shown only after an earlier answer)");
                }
            }
        }
    }
    endCard();
    ImGui::PopID();
}

}  // namespace

void drawAuthor(const AppState& st, CommandQueue& out, AuthorScreenView& view) {
    const Palette& pal = palette();
    spacing(0.3f);
    heading("Author question sets");
    textWithPaths("Sets are read from " + st.paths.builtinQuestionnaires.string() + " and " + st.paths.userSetsDir().string() +
              ". Save a file in your editor and its status here updates within a second.");
    spacing(0.3f);
    std::string name = st.author.newSetName;
    if (inputText("##newname", &name, em(12))) out.push(cmd::SetNewSetName{name});
    Flow row;
    row.next(em(12));  // the name field is the row's first item
    if (row.button("New question set")) out.push(cmd::CreateSet{});
    if (!st.author.message.empty()) textColored(pal.good, st.author.message);
    spacing(0.4f);
    // The author's own sets come first: they are the ones being edited, and the built-in ones rarely change.
    bool anyOwn = false;
    for (const auto& e : st.sets) anyOwn = anyOwn || !e.builtin;
    subheading("Your sets");
    if (st.setsLoading) textMuted("Reading your own question sets…");
    else if (!anyOwn) textWithPaths("None yet. Create one above, or save a file into " + st.paths.userSetsDir().string() + ".");
    for (int pass = 0; pass < 2; ++pass) {
        if (pass == 1) {
            spacing(0.3f);
            subheading("Built-in sets");
        }
        for (size_t i = 0; i < st.sets.size(); ++i)
            if (st.sets[i].builtin == (pass == 1)) drawSetCard(out, view, st.sets[i]);
    }
}

}  // namespace rekindle::ui
