// The scoring simulator: lowest, highest, random or hand-picked answers for one set (named by id), the scores and
// ranked tips they give with each contribution, and coverage over many random patterns.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <set>

#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

namespace {

// Every question with a combo to set its answer by hand; hidden questions say so.
void answerGrid(const core::QuestionSet& set, const app::SimulatorView& s, CommandQueue& out) {
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
            // The question first, its answer box under it: beside each other they squeezed the words into letters.
            if (visible) textWrapped(q.id + ": " + clipForDisplay(core::displayText(q, s.answers), 300));
            else textMuted(q.id + " (hidden by its condition)");
            ImGui::SetNextItemWidth(std::min(em(14), ImGui::GetContentRegionAvail().x));
            if (ImGui::BeginCombo("##ans", cur.c_str())) {
                if (ImGui::Selectable("— (unanswered)")) out.push(cmd::SimulateAnswer{q.id, core::Answer{}});
                int n = app::choiceCount(q);
                core::Answer base = it != s.answers.end() ? it->second : core::Answer{};
                for (int k = 1; k <= n; ++k) {
                    core::Answer a = app::answerForNumber(q, q.type == core::QuestionType::MultipleChoice ? core::Answer{} : base, k);
                    std::string label = core::describeAnswer(q, a) + "##" + std::to_string(k);
                    if (ImGui::Selectable(label.c_str())) out.push(cmd::SimulateAnswer{q.id, a});
                }
                if (q.type == core::QuestionType::Slider)
                    for (double v : {q.min, (q.min + q.max) / 2, q.max}) {
                        std::string label = core::describeAnswer(q, core::Answer::ofNumber(v)) + "##v" + std::to_string(v);
                        if (ImGui::Selectable(label.c_str())) out.push(cmd::SimulateAnswer{q.id, core::Answer::ofNumber(v)});
                    }
                ImGui::EndCombo();
            }
            recordLastItem(RegisteredItem::Kind::Input, "answer " + q.id);
            spacing(0.3f);
            ImGui::PopID();
        }
    }
}

// What the answers give: safety rules, dimensions, tips with contributions, coverage.
void outcome(const core::QuestionSet& set, const app::SimulatorView& s) {
    const Palette& pal = palette();
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
}

// What each pattern does, in the words an author checks it against (docs/authoring.md says the same).
const char* patternDescription(const std::string& mode) {
    if (mode == "first") return "the first option of every question (\"yes\" comes first on a yes/no question)";
    if (mode == "lowest") return "the answers that add the fewest points, with every safety question answered \"no\"";
    if (mode == "highest") return "the answers that add the most points, with every safety question answered \"no\"";
    if (mode == "random") return "random answers";
    return "answers set by hand";
}

}  // namespace

void drawSimulator(const AppState& st, CommandQueue& out) {
    const app::SimulatorView& s = st.simulator;
    spacing(0.3f);
    const app::SetEntry* entry = st.findSet(s.setId);
    if (!entry) {
        textMuted("Choose a valid set on the Author screen first.");
        if (button("Back to Author")) out.push(cmd::Go{app::Screen::Author});
        return;
    }
    const core::QuestionSet& set = *entry->set();
    heading("Scoring simulator · " + clipForDisplay(set.title, kTitleChars));
    Flow row;
    if (row.button("First option everywhere")) out.push(cmd::Simulate{"first"});
    if (row.button("Lowest scores")) out.push(cmd::Simulate{"lowest"});
    if (row.button("Highest scores")) out.push(cmd::Simulate{"highest"});
    if (row.button("Random")) out.push(cmd::Simulate{"random", s.seed + (s.mode == "random" ? 1 : 0)});
    if (row.button("Coverage (1,000 random)")) out.push(cmd::RunCoverage{1000, 1});
    if (row.button("Back to Author")) out.push(cmd::Go{app::Screen::Author});
    // Side by side when each half has room for its words; else the outcome first, the answers under it, in the
    // screen's own scroll.
    bool sideBySide = ImGui::GetContentRegionAvail().x >= em(56);
    textMuted(std::string("Showing: ") + patternDescription(s.mode) +
              (s.mode == "random" ? " (seed " + std::to_string(s.seed) + ")" : "") +
              (sideBySide ? ". Change any answer by hand in the list on the left." : ". Change any answer by hand in the list below."));
    if (!sideBySide) {
        outcome(set, s);
        spacing(0.6f);
        subheading("Answers");
        answerGrid(set, s, out);
        return;
    }
    float leftW = ImGui::GetContentRegionAvail().x * 0.5f;
    ImGui::BeginChild("##grid", ImVec2(leftW, 0), true);
    answerGrid(set, s, out);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##outcome", ImVec2(0, 0), true);
    outcome(set, s);
    ImGui::EndChild();
}


}  // namespace rekindle::ui
