// Compare two results of one set: each area before and after with "meaningful change" or "within noise",
// the tips that moved, and the answers that changed.
#include <imgui.h>

#include <cstdio>

#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

namespace {

std::string num(double v, bool sign = false) {
    char buf[32];
    std::snprintf(buf, sizeof buf, sign ? "%+.0f" : "%.0f", v);
    return buf;
}

std::string rankText(int r) { return r > 0 ? "#" + std::to_string(r) : "not ranked"; }

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
    textMuted(clipForDisplay(c.after.setTitle, kTitleChars) + ": " + shortDate(c.before.completedAt) + " → " + shortDate(c.after.completedAt));
    if (!cmp.sameVersion)
        textColored(pal.warn, "The question set changed between these takes (version " + cmp.beforeVersion + " → " + cmp.afterVersion +
                                  "). Only what both versions share is compared.");
    for (const auto& s : cmp.notComparable) textMuted(s);
    Flow row;
    if (row.button("Trends for this set")) out.push(cmd::OpenTrends{c.after.setId});
    if (row.button("Back to History")) out.push(cmd::Go{app::Screen::History});
    spacing(0.4f);
    subheading("Areas");
    // Stretching columns, so an area name or a band wraps between words; narrower than that, one card per area.
    RowList list("##dims", {{"Area", 1.6f}, {"Before", 1.0f}, {"After", 1.0f}, {"Change", 0.6f}, {"Verdict", 1.4f}}, 40);
    if (list.begin()) {
        list.rows(int(cmp.dimensions.size()), [&](int i) {
            const auto& d = cmp.dimensions[size_t(i)];
            list.row(d.id);
            list.cell();
            if (list.cards()) subheading(clipForDisplay(d.label, kTitleChars));
            else textWrapped(clipForDisplay(d.label, kTitleChars));
            list.cell();
            textWrapped(num(d.before) + "% " + d.bandBefore);
            list.cell();
            textWrapped(num(d.after) + "% " + d.bandAfter);
            list.cell();
            text(num(d.delta, true));
            list.cell();
            std::string verdict = d.verdict();
            if (d.comparable) verdict += " (±" + num(d.threshold) + ")";
            if (d.meaningful) textColored(pal.accent, verdict);
            else textMuted(verdict);
        });
        list.end();
    }
    spacing(0.4f);
    subheading("Tips");
    if (cmp.enteredTop.empty() && cmp.leftTop.empty() && cmp.rankMoves.empty()) textMuted("The same tips, in the same order.");
    for (const auto& t : cmp.enteredTop) bullet("New in your top " + std::to_string(cmp.topN) + ": " + clipForDisplay(t.title, kTitleChars) + " (" + rankText(t.rankBefore) + " → " + rankText(t.rankAfter) + ")");
    for (const auto& t : cmp.leftTop) bullet("Left your top " + std::to_string(cmp.topN) + ": " + clipForDisplay(t.title, kTitleChars) + " (" + rankText(t.rankBefore) + " → " + rankText(t.rankAfter) + ")");
    auto listed = [&](const std::string& id) {
        for (const auto& t : cmp.enteredTop) if (t.id == id) return true;
        for (const auto& t : cmp.leftTop) if (t.id == id) return true;
        return false;
    };
    for (const auto& t : cmp.rankMoves)
        if (!listed(t.id)) bullet(clipForDisplay(t.title, kTitleChars) + ": " + rankText(t.rankBefore) + " → " + rankText(t.rankAfter));
    spacing(0.4f);
    subheading("Answers that changed (" + std::to_string(cmp.answersChanged.size()) + ")");
    for (const auto& a : cmp.answersChanged) {
        ImGui::PushID(a.questionId.c_str());
        bullet(a.question + " — " + (a.before.empty() ? "not answered" : a.before) + " → " + (a.after.empty() ? "not answered" : a.after));
        ImGui::PopID();
    }
}

}  // namespace rekindle::ui
