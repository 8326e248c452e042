// History: every saved result, newest first, filterable and searchable; thousands of rows stay smooth because
// only the visible ones are drawn (ImGuiListClipper).
#include <imgui.h>

#include <imgui_stdlib.h>

#include <algorithm>

#include "core/words.hpp"
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
    textWithPaths(core::countText(long(h.rows.size()), "result", "results") +
                  (unreadable ? ", " + std::to_string(unreadable) + " unreadable" : "") + " · stored in " +
                  st.paths.resultsDir().string());

    // Filter, search and the exports: one row that wraps when the window is narrow or the text large.
    Flow row;
    float fieldWidth = std::min(em(14), ImGui::GetContentRegionAvail().x);
    row.next(fieldWidth);
    ImGui::SetNextItemWidth(fieldWidth);
    // Titles, never ids: the filter names a set the way Home does.
    auto titleOf = [&](const std::string& id) {
        for (size_t i = 0; i < h.setIds.size() && i < h.setTitles.size(); ++i)
            if (h.setIds[i] == id) return h.setTitles[i];
        return id;
    };
    std::string current = h.setFilter.empty() ? "All sets" : titleOf(h.setFilter);
    if (ImGui::BeginCombo("##setfilter", current.c_str())) {
        if (ImGui::Selectable("All sets", h.setFilter.empty())) out.push(cmd::SetHistoryFilter{""});
        for (const auto& id : h.setIds) {
            ImGui::PushID(id.c_str());
            std::string title = titleOf(id);
            if (ImGui::Selectable(title.c_str(), h.setFilter == id)) out.push(cmd::SetHistoryFilter{id});
            recordLastItem(RegisteredItem::Kind::Button, title);
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    recordLastItem(RegisteredItem::Kind::Input, "Set filter");
    row.next(fieldWidth);
    std::string search = h.search;
    ImGui::SetNextItemWidth(fieldWidth);
    if (ImGui::InputTextWithHint("##search", "Search in notes", &search)) out.push(cmd::SetHistorySearch{search});
    typeOnKeyboardFocus();
    recordLastItem(RegisteredItem::Kind::Input, "Search in notes");
    if (!h.setFilter.empty() && row.button("Trends")) out.push(cmd::OpenTrends{h.setFilter});
    if (row.button("Export JSON")) out.push(cmd::Export{"json"});
    if (row.button("Export CSV")) out.push(cmd::Export{"csv"});
    if (row.button("Export report (Markdown)")) out.push(cmd::Export{"md"});
    if (!h.message.empty()) textColored(pal.good, h.message);
    drawExportWarning(st, out);

    if (!h.pendingDelete.empty()) {
        beginCard("confirm", pal.safetyBg, pal.safetyBorder);
        // Name the take the way the list shows it: its date and set, not its file id.
        std::string what = "this result";
        for (const auto& r : h.rows)
            if (r.id == h.pendingDelete)
                what = r.readable ? "the result of " + core::localDateTime(r.completedAt) + " (" + r.setTitle + ")"
                                  : "the unreadable file " + r.fileName;
        textWrapped("Delete " + what + "? It moves to the trash folder in your data folder, so it can still be "
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
    RowList list("##history", {{"Date", 0, 9.5f}, {"Set", 1.0f}, {"Top tip", 1.2f}, {"Main values", 1.6f}, {"", 0, 15}}, 58);
    if (!list.begin()) return;
    list.rows(int(h.visible.size()), [&](int row) {
        const storage::ResultSummary& r = h.rows[size_t(h.visible[size_t(row)])];
        list.row(r.id);
        list.cell();
        // Local date and time of day: two takes on one day must be told apart (files keep UTC).
        std::string when = core::localDateTime(r.completedAt);
        if (list.cards()) subheading(when);
        else textWrapped(when);
        list.cell();
        if (!r.readable) {
            textColored(pal.warn, r.fileName + ": unreadable");
            list.cell();
            longText("error", r.error, 300);
            list.cell();
            list.cell();
            Flow actions;
            beginDisabled(st.readOnly);  // deleting moves a file: not from a read-only window
            if (actions.button("Delete")) out.push(cmd::AskDelete{r.id});
            endDisabled(st.readOnly);
            return;
        }
        textWrapped(clipForDisplay(r.setTitle.empty() ? r.setId : r.setTitle, kTitleChars));
        // Neutral, in the muted text colour: a list someone else may glance at should not shout about it.
        if (r.safetyFlag) textMuted("with safety guidance");
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
        beginDisabled(st.readOnly);
        if (actions.button("Delete")) out.push(cmd::AskDelete{r.id});
        endDisabled(st.readOnly);
    });
    list.end();
}

}  // namespace rekindle::ui
