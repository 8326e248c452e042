// History: every saved result, newest first, filterable and searchable; thousands of rows stay smooth because
// only the visible ones are drawn (ImGuiListClipper).
#include <imgui.h>

#include <imgui_stdlib.h>

#include <cstdio>

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
    textMuted(std::to_string(h.rows.size()) + " result(s)" + (unreadable ? ", " + std::to_string(unreadable) + " unreadable" : "") +
              " · stored in " + st.paths.resultsDir().string());

    ImGui::SetNextItemWidth(em(14));
    std::string current = h.setFilter.empty() ? "All sets" : h.setFilter;
    if (ImGui::BeginCombo("##setfilter", current.c_str())) {
        if (ImGui::Selectable("All sets", h.setFilter.empty())) out.push(cmd::SetHistoryFilter{""});
        for (const auto& id : h.setIds)
            if (ImGui::Selectable(id.c_str(), h.setFilter == id)) out.push(cmd::SetHistoryFilter{id});
        ImGui::EndCombo();
    }
    recordLastItem(RegisteredItem::Kind::Input, "Set filter");
    ImGui::SameLine();
    std::string search = h.search;
    ImGui::SetNextItemWidth(em(14));
    if (ImGui::InputTextWithHint("##search", "Search in notes", &search)) out.push(cmd::SetHistorySearch{search});
    recordLastItem(RegisteredItem::Kind::Input, "Search in notes");
    ImGui::SameLine();
    if (!h.setFilter.empty()) {
        if (button("Trends")) out.push(cmd::OpenTrends{h.setFilter});
        ImGui::SameLine();
    }
    if (button("Export JSON")) out.push(cmd::Export{"json"});
    ImGui::SameLine();
    if (button("Export CSV")) out.push(cmd::Export{"csv"});
    ImGui::SameLine();
    if (button("Export report (Markdown)")) out.push(cmd::Export{"md"});
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
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##history", 5, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Date (UTC)", ImGuiTableColumnFlags_WidthFixed, em(9.5f));
        ImGui::TableSetupColumn("Set", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Top tip", ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn("Main values", ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, em(15));
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(int(h.visible.size()));
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const storage::ResultSummary& r = h.rows[size_t(h.visible[size_t(row)])];
                ImGui::PushID(r.id.c_str());
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                // Date and time (UTC, as saved): two takes on one day must be told apart.
                text(shortDate(r.completedAt) + (r.completedAt.size() >= 16 ? " " + r.completedAt.substr(11, 5) : ""));
                ImGui::TableNextColumn();
                if (!r.readable) {
                    textColored(pal.warn, r.fileName + ": unreadable");
                    ImGui::TableNextColumn();
                    textMuted(r.error);
                    ImGui::TableNextColumn();
                    ImGui::TableNextColumn();
                    if (button("Delete")) out.push(cmd::AskDelete{r.id});
                    ImGui::PopID();
                    continue;
                }
                text(r.setTitle.empty() ? r.setId : r.setTitle);
                if (r.safetyFlag) textColored(pal.safetyBorder, "safety notice");
                ImGui::TableNextColumn();
                textWrapped(r.topTipTitle.empty() ? "—" : r.topTipTitle);
                ImGui::TableNextColumn();
                std::string values;
                for (size_t i = 0; i < r.dimensions.size() && i < 3; ++i) {
                    char buf[96];
                    std::snprintf(buf, sizeof buf, "%s%s %.0f%%", i ? " · " : "", r.dimensions[i].label.c_str(), r.dimensions[i].percent);
                    values += buf;
                }
                textWrapped(values);
                ImGui::TableNextColumn();
                if (button("Open")) out.push(cmd::OpenResult{r.id});
                ImGui::SameLine();
                if (button("vs. before")) out.push(cmd::CompareWithOneBefore{r.id});
                ImGui::SameLine();
                if (button("Delete")) out.push(cmd::AskDelete{r.id});
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
}

}  // namespace rekindle::ui
