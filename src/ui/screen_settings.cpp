// Settings: text size, theme, the data folder, passphrase and locking, "Check my data", "Delete all my data" and
// quick hide.
#include <imgui.h>

#include <cstdio>

#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

void drawSettings(const AppState& st, CommandQueue& out, SettingsScreenView& view) {
    spacing(0.3f);
    heading("Settings");
    char zoom[32];
    std::snprintf(zoom, sizeof zoom, "Text size: %.0f%%", st.settings.zoom * 100);
    subheading(zoom);
    Flow zoomRow;
    if (zoomRow.button("Smaller  (Ctrl+-)")) out.push(cmd::SetZoom{st.settings.zoom - 0.1f});
    if (zoomRow.button("Reset  (Ctrl+0)")) out.push(cmd::SetZoom{1.0f});
    if (zoomRow.button("Larger  (Ctrl+=)")) out.push(cmd::SetZoom{st.settings.zoom + 0.1f});
    spacing();
    subheading("Theme");
    Flow themeRow;
    for (const char* t : {"light", "dark", "contrast"}) {
        std::string label = std::string(t == std::string("contrast") ? "High contrast" : (t == std::string("dark") ? "Dark" : "Light"));
        themeRow.next(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label.c_str()).x);
        if (ImGui::RadioButton(label.c_str(), st.settings.theme == t)) out.push(cmd::SetTheme{t});
        recordLastItem(RegisteredItem::Kind::Button, label);
    }
    spacing();
    subheading("Your data");
    textWrapped(st.lock.protectedFolder ? "Results, drafts and notes (encrypted) and your own question sets are in:"
                                        : "Results, drafts and your own question sets are plain JSON files in:");
    textWithPaths(st.paths.dataDir.string());
    textWithPaths("Settings: " + st.paths.settingsFile().string());
    if (button("Open folder")) out.push(cmd::OpenDataFolder{});
    spacing();
    drawPassphraseSettings(st, out, view);
    spacing();
    drawDataCheck(st, out);
    spacing();
    subheading("Delete all my data");
    textWrapped("This removes every result, draft, note, export and setting Rekindle has stored (and the passphrase "
                "protection with them). Your own question sets are kept. It cannot be undone. Type DELETE to confirm.");
    if (st.readOnly) {
        textMuted("Not from this window: it can read but not change your data while another Rekindle window is open.");
    } else {
        std::string confirm = st.deleteConfirmText;
        if (inputText("##confirm", &confirm, em(10))) out.push(cmd::SetDeleteConfirmText{confirm});
        Flow deleteRow;
        deleteRow.next(em(10));  // the field above is this row's first item
        beginDisabled(confirm != "DELETE");
        if (deleteRow.button("Delete all my data")) out.push(cmd::DeleteAllData{});
        endDisabled(confirm != "DELETE");
    }
    if (!st.deleteFailures.empty()) {
        textColored(palette().warn, "These could not be removed:");
        for (const auto& f : st.deleteFailures) bullet(f);
        textWrapped("Remove them yourself (for example with your file manager), or check the folder's permissions.");
    }
    spacing();
    subheading("Quick hide");
    textWrapped(st.lock.protectedFolder && st.settings.lockOnHide
                    ? "Ctrl+H or F12 locks at once and shows the neutral unlock screen."
                    : "Ctrl+H or F12 switches to a neutral screen at once; press it again to come back.");
    spacing();
    // Author lives here and on Home rather than in the main navigation: few people need it, and a person in
    // distress should meet fewer doors.
    subheading("Question sets");
    textWrapped("Counsellors, coaches and friends can adapt Rekindle: write a question set as a JSON file and check it "
                "live here.");
    if (button("Make your own question set")) out.push(cmd::Go{app::Screen::Author});
    spacing();
    Flow aboutRow;
    aboutRow.textMuted(std::string("Rekindle ") + REKINDLE_VERSION);
    if (aboutRow.linkButton("About Rekindle")) out.push(cmd::Go{app::Screen::About});
}

}  // namespace rekindle::ui
