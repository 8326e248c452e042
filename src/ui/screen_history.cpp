// History: every saved result, newest first, filterable and searchable; thousands of rows stay smooth because
// only the visible ones are drawn (ImGuiListClipper).
#include <imgui.h>

#include <imgui_stdlib.h>

#include <algorithm>

#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

void drawHistory(const AppState& st, CommandQueue& out) {
    const app::HistoryView& h = st.history;
    const Palette& pal = palette();
    spacing(0.3f);
    heading("History");
    int unreadable = 0;
    for (const auto& r : h.rows) unreadable += r.readable ? 0 : 1;
    textWithPaths(std::to_string(h.rows.size()) + " result(s)" + (unreadable ? ", " + std::to_string(unreadable) + " unreadable" : "") +
              " · stored in " + st.paths.resultsDir().string());

    // Filter, search and the exports: one row that wraps when the window is narrow or the text large.
    Flow row;
    float fieldWidth = std::min(em(14), ImGui::GetContentRegionAvail().x);
    row.next(fieldWidth);
    ImGui::SetNextItemWidth(fieldWidth);
    std::string current = h.setFilter.empty() ? "All sets" : h.setFilter;
    if (ImGui::BeginCombo("##setfilter", current.c_str())) {
        if (ImGui::Selectable("All sets", h.setFilter.empty())) out.push(cmd::SetHistoryFilter{""});
        for (const auto& id : h.setIds)
            if (ImGui::Selectable(id.c_str(), h.setFilter == id)) out.push(cmd::SetHistoryFilter{id});
        ImGui::EndCombo();
    }
    recordLastItem(RegisteredItem::Kind::Input, "Set filter");
    row.next(fieldWidth);
    std::string search = h.search;
    ImGui::SetNextItemWidth(fieldWidth);
    if (ImGui::InputTextWithHint("##search", "Search in notes", &search)) out.push(cmd::SetHistorySearch{search});
    recordLastItem(RegisteredItem::Kind::Input, "Search in notes");
    if (!h.setFilter.empty() && row.button("Trends")) out.push(cmd::OpenTrends{h.setFilter});
    if (row.button("Export JSON")) out.push(cmd::Export{"json"});
    if (row.button("Export CSV")) out.push(cmd::Export{"csv"});
    if (row.button("Export report (Markdown)")) out.push(cmd::Export{"md"});
    if (!h.message.empty()) textColored(pal.good, h.message);

    if (!h.pendingDelete.empty()) {
        beginCard("confirm", pal.safetyBg, pal.safetyBorder);
        textWrapped("Delete " + h.pendingDelete + "? The file moves to the trash folder in your data folder, so it can still be "
                    "recovered by hand.");
        if (primaryButton("Yes, delete")) out.push(cmd::ConfirmDelete{});
        ImGui::SameLine();
        if (button("Keep it") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) out.push(cmd::CancelDelete{});
        endCard();
    }

    if (h.rows.empty()) {
        spacing();
        textMuted("No results yet. Finish a questionnaire and press Save result; it will show up here.");
        return;
    }
    // A table when there is room for its five columns; narrower (800 px, large text), one card per result.
    RowList list("##history", {{"Date (UTC)", 0, 9.5f}, {"Set", 1.0f}, {"Top tip", 1.2f}, {"Main values", 1.6f}, {"", 0, 15}}, 58);
    if (!list.begin()) return;
    list.rows(int(h.visible.size()), [&](int row) {
        const storage::ResultSummary& r = h.rows[size_t(h.visible[size_t(row)])];
        list.row(r.id);
        list.cell();
        // Date and time (UTC, as saved): two takes on one day must be told apart.
        std::string when = shortDate(r.completedAt) + (r.completedAt.size() >= 16 ? " " + r.completedAt.substr(11, 5) : "");
        if (list.cards()) subheading(when);
        else text(when);
        list.cell();
        if (!r.readable) {
            textColored(pal.warn, r.fileName + ": unreadable");
            list.cell();
            longText("error", r.error, 300);
            list.cell();
            list.cell();
            Flow actions;
            if (actions.button("Delete")) out.push(cmd::AskDelete{r.id});
            return;
        }
        textWrapped(clipForDisplay(r.setTitle.empty() ? r.setId : r.setTitle, kTitleChars));
        if (r.safetyFlag) textColored(pal.safetyBorder, "safety notice");
        list.cell();
        textWrapped(r.topTipTitle.empty() ? "—" : clipForDisplay(r.topTipTitle, kTitleChars));
        list.cell();
        std::string values;
        for (size_t i = 0; i < r.dimensions.size() && i < 3; ++i)
            values += (i ? " · " : "") + clipForDisplay(r.dimensions[i].label, kTitleChars) + " " + percentText(r.dimensions[i].percent);
        textWrapped(values);
        list.cell();
        Flow actions;
        if (actions.button("Open")) out.push(cmd::OpenResult{r.id});
        if (actions.button("vs. before")) out.push(cmd::CompareWithOneBefore{r.id});
        if (actions.button("Delete")) out.push(cmd::AskDelete{r.id});
    });
    list.end();
}

}  // namespace rekindle::ui
