// Settings: text size, theme, the data folder, "Delete all my data" and quick hide.
#include <imgui.h>

#include <cstdio>

#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

void drawSettings(const AppState& st, CommandQueue& out) {
    spacing(0.3f);
    heading("Settings");
    char zoom[32];
    std::snprintf(zoom, sizeof zoom, "Text size: %.0f%%", st.settings.zoom * 100);
    subheading(zoom);
    if (button("Smaller  (Ctrl+-)")) out.push(cmd::SetZoom{st.settings.zoom - 0.1f});
    ImGui::SameLine();
    if (button("Reset  (Ctrl+0)")) out.push(cmd::SetZoom{1.0f});
    ImGui::SameLine();
    if (button("Larger  (Ctrl+=)")) out.push(cmd::SetZoom{st.settings.zoom + 0.1f});
    spacing();
    subheading("Theme");
    for (const char* t : {"light", "dark", "contrast"}) {
        std::string label = std::string(t == std::string("contrast") ? "High contrast" : (t == std::string("dark") ? "Dark" : "Light"));
        if (ImGui::RadioButton(label.c_str(), st.settings.theme == t)) out.push(cmd::SetTheme{t});
        recordLastItem(RegisteredItem::Kind::Button, label);
        ImGui::SameLine();
    }
    ImGui::NewLine();
    spacing();
    subheading("Your data");
    textWrapped("Results, drafts and your own question sets are plain JSON files in:");
    text(st.paths.dataDir.string());
    textMuted("Settings: " + st.paths.settingsFile().string());
    if (button("Open folder")) out.push(cmd::OpenDataFolder{});
    spacing();
    subheading("Delete all my data");
    textWrapped("This removes every result, draft, export and setting Rekindle has stored. Your own question sets are kept. "
                "It cannot be undone. Type DELETE to confirm.");
    std::string confirm = st.deleteConfirmText;
    if (inputText("##confirm", &confirm, em(10))) out.push(cmd::SetDeleteConfirmText{confirm});
    ImGui::SameLine();
    beginDisabled(confirm != "DELETE");
    if (button("Delete all my data")) out.push(cmd::DeleteAllData{});
    endDisabled(confirm != "DELETE");
    spacing();
    subheading("Quick hide");
    textWrapped("Ctrl+H or F12 switches to a neutral screen at once; press it again to come back.");
    spacing();
    textMuted(std::string("Rekindle ") + REKINDLE_VERSION);
}

}  // namespace rekindle::ui
