// Author: every set found with its status and problems (re-checked within a second of a save), preview, a
// starter file, and the scoring simulator that shows what the weights actually do.
#include <imgui.h>

#include <cstdio>
#include <set>

#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

namespace {

// Which cards have their "preview from a question" list open, by file path. View-only state, like a tree node.
std::set<std::string> g_previewPickerOpen;

// One set: status, every problem as file:line:column, pointer and message, and the actions for a valid set.
void drawSetCard(app::Controller& ctrl, const app::SetEntry& e, int index) {
    const Palette& pal = palette();
    ImGui::PushID(index);
    beginCard("set", pal.card, pal.cardBorder);
    int errors = e.loaded.errorCount(), warnings = e.loaded.warningCount();
    std::string status = errors ? std::to_string(errors) + (errors == 1 ? " error" : " errors") : "valid";
    if (warnings) status += ", " + std::to_string(warnings) + (warnings == 1 ? " warning" : " warnings");
    subheading(e.fileName() + " — " + status);
    textMuted(e.loaded.path.string() + (e.builtin ? " (built in)" : ""));
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
    if (set) {
        if (button("Preview")) ctrl.previewSet(index);
        ImGui::SameLine();
        bool open = g_previewPickerOpen.count(key) > 0;
        if (button(open ? "Hide question list" : "Preview from a question")) {
            if (open) g_previewPickerOpen.erase(key);
            else g_previewPickerOpen.insert(key);
        }
        ImGui::SameLine();
        if (button("Simulate scoring")) ctrl.openSimulator(index);
        ImGui::SameLine();
    }
    if (button("Open in editor")) ctrl.openInEditor(key);
    if (set && g_previewPickerOpen.count(key)) {
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
                std::string label = "Start at " + question.id + ": " + question.text;
                if (reachable) {
                    if (selectable(label, false)) {
                        g_previewPickerOpen.erase(key);
                        ctrl.previewSet(index, question.id);
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

void drawAuthor(app::Controller& ctrl) {
    const auto& st = ctrl.state();
    const Palette& pal = palette();
    spacing(0.3f);
    heading("Author question sets");
    textMuted("Sets are read from " + st.paths.builtinQuestionnaires.string() + " and " + st.paths.userSetsDir().string() +
              ". Save a file in your editor and its status here updates within a second.");
    spacing(0.3f);
    std::string name = st.author.newSetName;
    if (inputText("##newname", &name, em(12))) ctrl.setNewSetName(name);
    ImGui::SameLine();
    if (button("New question set")) ctrl.createSetFromTemplate();
    if (!st.author.message.empty()) textColored(pal.good, st.author.message);
    spacing(0.4f);
    // The author's own sets come first: they are the ones being edited, and the built-in ones rarely change.
    bool anyOwn = false;
    for (const auto& e : st.sets) anyOwn = anyOwn || !e.builtin;
    subheading("Your sets");
    if (!anyOwn) textMuted("None yet. Create one above, or save a file into " + st.paths.userSetsDir().string() + ".");
    for (int pass = 0; pass < 2; ++pass) {
        if (pass == 1) {
            spacing(0.3f);
            subheading("Built-in sets");
        }
        for (size_t i = 0; i < st.sets.size(); ++i)
            if (st.sets[i].builtin == (pass == 1)) drawSetCard(ctrl, st.sets[i], int(i));
    }
}

void drawSimulator(app::Controller& ctrl) {
    const auto& st = ctrl.state();
    const app::SimulatorView& s = st.simulator;
    const Palette& pal = palette();
    spacing(0.3f);
    if (s.setIndex < 0 || s.setIndex >= int(st.sets.size()) || !st.sets[size_t(s.setIndex)].set()) {
        textMuted("Choose a valid set on the Author screen first.");
        if (button("Back to Author")) ctrl.go(app::Screen::Author);
        return;
    }
    const core::QuestionSet& set = *st.sets[size_t(s.setIndex)].set();
    heading("Scoring simulator · " + set.title);
    if (button("All lowest")) ctrl.simulate("lowest");
    ImGui::SameLine();
    if (button("All highest")) ctrl.simulate("highest");
    ImGui::SameLine();
    if (button("Random")) ctrl.simulate("random", s.seed + (s.mode == "random" ? 1 : 0));
    ImGui::SameLine();
    if (button("Coverage (1,000 random)")) ctrl.runCoverage(1000, 1);
    ImGui::SameLine();
    if (button("Back to Author")) ctrl.go(app::Screen::Author);
    textMuted("Showing: " + s.mode + (s.mode == "random" ? " (seed " + std::to_string(s.seed) + ")" : "") +
              ". Change any answer by hand in the grid on the left.");

    float leftW = ImGui::GetContentRegionAvail().x * 0.5f;
    ImGui::BeginChild("##grid", ImVec2(leftW, 0), true);
    // Which questions the current answers leave visible: computed once per frame, not once per question.
    std::set<std::string> visibleIds;
    for (const auto& ref : core::visibleQuestions(set, s.answers))
        visibleIds.insert(set.sections[ref.section].questions[ref.question].id);
    for (const auto& sec : set.sections) {
        subheading(sec.title);
        for (const auto& q : sec.questions) {
            ImGui::PushID(q.id.c_str());
            bool visible = visibleIds.count(q.id) > 0;
            auto it = s.answers.find(q.id);
            std::string cur = it != s.answers.end() && visible ? core::describeAnswer(q, it->second) : (visible ? "—" : "hidden");
            ImGui::SetNextItemWidth(em(12));
            if (ImGui::BeginCombo("##ans", cur.c_str())) {
                if (ImGui::Selectable("— (unanswered)")) ctrl.simulateAnswer(q.id, core::Answer{});
                int n = app::choiceCount(q);
                core::Answer base = it != s.answers.end() ? it->second : core::Answer{};
                for (int k = 1; k <= n; ++k) {
                    core::Answer a = app::answerForNumber(q, q.type == core::QuestionType::MultipleChoice ? core::Answer{} : base, k);
                    std::string label = core::describeAnswer(q, a) + "##" + std::to_string(k);
                    if (ImGui::Selectable(label.c_str())) ctrl.simulateAnswer(q.id, a);
                }
                if (q.type == core::QuestionType::Slider)
                    for (double v : {q.min, (q.min + q.max) / 2, q.max}) {
                        std::string label = core::describeAnswer(q, core::Answer::ofNumber(v)) + "##v" + std::to_string(v);
                        if (ImGui::Selectable(label.c_str())) ctrl.simulateAnswer(q.id, core::Answer::ofNumber(v));
                    }
                ImGui::EndCombo();
            }
            ImGui::SameLine();
            if (visible) textWrapped(q.id + ": " + core::displayText(q, s.answers));
            else textMuted(q.id + " (hidden by its condition)");
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##outcome", ImVec2(0, 0), true);
    if (!s.score.safety.empty()) {
        subheading("Safety rules that hold");
        for (const auto& so : s.score.safety) textColored(pal.safetyBorder, so.ruleId + (so.suppress.empty() ? "" : " (suppresses " + std::to_string(so.suppress.size()) + " tips)"));
    }
    subheading("Dimensions");
    for (const auto& d : s.score.dimensions) {
        const core::Dimension* dim = set.findDimension(d.id);
        std::string label = (dim ? dim->label : d.id) + ": " + (d.enoughAnswers ? percentText(d.percent) + " · " + d.bandLabel : "not enough answers");
        percentBar(float(d.percent), label, ImGui::GetContentRegionAvail().x, pal.accentSoft);
    }
    subheading("Tips, ranked");
    for (const auto& t : s.score.tips) {
        ImGui::PushID(t.id.c_str());
        const core::Tip* tip = set.findTip(t.id);
        std::string head = (t.rank > 0 ? "#" + std::to_string(t.rank) + " " : "– ") + (tip ? tip->title : t.id) + "  " +
                           (t.suppressed ? "suppressed by " + t.suppressedBy : t.enoughAnswers ? percentText(t.percent) : "not enough answers");
        if (ImGui::TreeNode(head.c_str())) {
            for (const auto& c : t.contributions) {
                char buf[64];
                std::snprintf(buf, sizeof buf, "%+.2f / %.2f", c.points, c.maxPoints);
                bullet(c.questionId + " = " + c.answer + ": " + buf + (c.reversed ? " (reversed)" : ""));
            }
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
    if (s.hasCoverage) {
        spacing(0.4f);
        subheading("Coverage over " + std::to_string(s.coverage.patterns) + " random patterns (top " + std::to_string(s.coverage.topN) + ")");
        for (const auto& tc : s.coverage.tips) {
            const core::Tip* tip = set.findTip(tc.id);
            percentBar(float(tc.share * 100), (tip ? tip->title : tc.id) + ": " + percentText(tc.share * 100) + (tc.reachable ? "" : " · unreachable"),
                       ImGui::GetContentRegionAvail().x, tc.reachable ? pal.accentSoft : pal.warn);
        }
        for (const auto& id : s.coverage.unreachableDimensions()) textColored(pal.warn, "Dimension no answer can reach: " + id);
    }
    ImGui::EndChild();
}

}  // namespace rekindle::ui
