// Compare two results of one set: each area before and after, the change in words ("12 points better"), whether it
// is more than the usual ups and downs, the tips that moved, the reflections side by side and the answers that changed.
#include <imgui.h>

#include <cstdio>

#include "core/compare_summary.hpp"
#include "core/words.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

namespace {

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

// A rank, or why there is none: a tip held back for safety says so instead of "not ranked".
std::string rankText(int rank, bool heldBack) {
    if (heldBack) return "held back for your safety";
    return rank > 0 ? "#" + std::to_string(rank) : "not ranked";
}

std::string moveText(const core::TipMove& t) {
    return rankText(t.rankBefore, t.heldBackBefore) + " → " + rankText(t.rankAfter, t.heldBackAfter);
}

void areas(const core::Comparison& cmp) {
    const Palette& pal = palette();
    subheading("Areas");
    // Stretching columns, so an area name or a band wraps between words; narrower than that, one card per area.
    RowList list("##dims", {{"Area", 1.4f}, {"Before", 1.0f}, {"After", 1.0f}, {"Change", 1.0f}, {"Is it real?", 1.2f}}, 40);
    if (list.begin()) {
        list.rows(int(cmp.dimensions.size()), [&](int i) {
            const auto& d = cmp.dimensions[size_t(i)];
            list.row(d.id);
            list.cell();
            if (list.cards()) subheading(clipForDisplay(d.label, kTitleChars));
            else textWrapped(clipForDisplay(d.label, kTitleChars));
            list.cell();
            textWrapped(num(d.before) + "% · " + d.bandBefore);
            list.cell();
            textWrapped(num(d.after) + "% · " + d.bandAfter);
            list.cell();
            // Words carry the meaning; colour only repeats it.
            std::string change = d.changeText();
            std::string dir = d.direction();
            if (dir == "better") textColored(pal.good, change);
            else if (dir == "worse") textColored(pal.warn, change);
            else textWrapped(change);
            list.cell();
            std::string verdict = d.verdict();
            if (d.meaningful) textColored(pal.accent, verdict);
            else textWrapped(verdict);
            if (d.comparable) textMuted("counts from " + num(d.threshold) + " points");
        });
        list.end();
    }
    // One sentence each for the words used above, shown once rather than in every row.
    bool anyNoise = false, anyPossible = false;
    for (const auto& d : cmp.dimensions) {
        anyNoise |= d.comparable && !d.meaningful && !d.possible;
        anyPossible |= d.possible;
    }
    if (anyNoise)
        textMuted("\u201cWithin noise\u201d means the score moved less than answering the same questions twice often "
                  "does by itself, so it may not be a real change.");
    if (anyPossible)
        textMuted("\u201cPossible change\u201d means it moved past that point, but one of the two scores rests on a "
                  "single answer.");
}

void tips(const core::Comparison& cmp) {
    subheading("Tips");
    if (cmp.enteredTop.empty() && cmp.leftTop.empty() && cmp.rankMoves.empty()) textMuted("The same tips, in the same order.");
    std::string top = std::to_string(cmp.topN);
    for (const auto& t : cmp.enteredTop)
        bullet("New in your top " + top + ": " + clipForDisplay(t.title, kTitleChars) + " (" + moveText(t) + ")");
    for (const auto& t : cmp.leftTop)
        bullet("Left your top " + top + ": " + clipForDisplay(t.title, kTitleChars) + " (" + moveText(t) + ")");
    auto listed = [&](const std::string& id) {
        for (const auto& t : cmp.enteredTop) if (t.id == id) return true;
        for (const auto& t : cmp.leftTop) if (t.id == id) return true;
        return false;
    };
    for (const auto& t : cmp.rankMoves)
        if (!listed(t.id)) bullet(clipForDisplay(t.title, kTitleChars) + ": " + moveText(t));
}

// What was written in each take, prompt by prompt, side by side.
void reflectionsSideBySide(const app::CompareView& c) {
    auto before = core::reflections(c.before), after = core::reflections(c.after);
    if (before.empty() && after.empty()) return;
    spacing(0.4f);
    subheading("Your reflections");
    std::vector<std::string> keys, prompts;
    for (const auto* list : {&after, &before})
        for (const auto& r : *list) {
            bool seen = false;
            for (const auto& k : keys) seen |= k == r.key;
            if (!seen) {
                keys.push_back(r.key);
                prompts.push_back(r.prompt);
            }
        }
    auto textFor = [](const std::vector<core::Reflection>& list, const std::string& key) -> std::string {
        for (const auto& r : list)
            if (r.key == key) return r.text;
        return {};
    };
    if (!ImGui::BeginTable("##reflections", 2, ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersInnerH)) return;
    ImGui::TableSetupColumn(("Before · " + core::localDate(c.before.completedAt)).c_str());
    ImGui::TableSetupColumn(("After · " + core::localDate(c.after.completedAt)).c_str());
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < keys.size(); ++i) {
        ImGui::PushID(keys[i].c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        subheading(prompts[i]);
        ImGui::TableNextColumn();
        ImGui::TableNextRow();
        for (const auto* list : {&before, &after}) {
            ImGui::TableNextColumn();
            std::string t = textFor(*list, keys[i]);
            if (t.empty()) textMuted("(nothing written)");
            else longText("reflection", t);
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace

void drawCompare(const AppState& st, CommandQueue& out) {
    const app::CompareView& c = st.compare;
    const Palette& pal = palette();
    spacing(0.3f);
    heading("Compare");
    if (!c.error.empty()) textColored(pal.warn, c.error);
    if (!c.active) {
        if (button("Back to History")) out.push(cmd::Go{app::Screen::History});
        return;
    }
    const core::Comparison& cmp = c.comparison;
    if (!cmp.ok) {
        textColored(pal.warn, cmp.error);
        if (button("Back to History")) out.push(cmd::Go{app::Screen::History});
        return;
    }
    textWrapped(clipForDisplay(c.after.setTitle, kTitleChars) + ": " + core::localDateTime(c.before.completedAt) + " → " +
                core::localDateTime(c.after.completedAt));
    if (!cmp.sameVersion)
        textColored(pal.warn, "The question set changed between these takes (version " + cmp.beforeVersion + " → " + cmp.afterVersion +
                                  "). Only what both versions share is compared.");
    for (const auto& s : cmp.notComparable) textMuted(s);
    // The answer first, in words: a person should not have to read a table to learn what changed.
    spacing(0.3f);
    beginCard("summary", pal.card, pal.cardBorder);
    subheading("In short");
    for (const auto& line : core::compareSummary(cmp, c.before, c.after)) textWrapped(clipForDisplay(line, 4 * kTitleChars));
    // The summary's first line points at the later result's safety guidance: one press away, not a search in History.
    if (!c.after.safety.empty() && !c.after.id.empty() && button("Read the later result"))
        out.push(cmd::OpenResult{c.after.id});
    endCard();
    Flow row;
    if (row.button("Trends for this set")) out.push(cmd::OpenTrends{c.after.setId});
    if (row.button("Back to History")) out.push(cmd::Go{app::Screen::History});
    spacing(0.4f);
    areas(cmp);
    spacing(0.4f);
    tips(cmp);
    reflectionsSideBySide(c);
    spacing(0.4f);
    subheading("Answers that changed (" + std::to_string(cmp.answersChanged.size()) + ")");
    for (const auto& a : cmp.answersChanged) {
        ImGui::PushID(a.questionId.c_str());
        bullet(a.question + " — " + (a.before.empty() ? "not answered" : a.before) + " → " + (a.after.empty() ? "not answered" : a.after));
        ImGui::PopID();
    }
}

}  // namespace rekindle::ui
