// Settings, About, "When to get help" and the quick-hide screen: the quiet screens around the main flow.
#include <imgui.h>

#include <cstdio>

#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

void drawDisclaimerText(const app::AppState& st) {
    const std::string& d = st.library.guidance.disclaimer;
    textWrapped(d.empty() ? "Rekindle helps you reflect. It is not therapy, not a diagnosis, and not a verdict on your "
                            "relationship or on the other person."
                          : d);
    textWrapped("Your answers stay on this computer. Nothing is sent anywhere.");
    textWrapped("If you are afraid for your safety or thinking of harming yourself, please contact emergency services or "
                "a crisis line now; the \"When to get help\" page has more.");
}

void drawSettings(app::Controller& ctrl) {
    const auto& st = ctrl.state();
    spacing(0.3f);
    heading("Settings");
    char zoom[32];
    std::snprintf(zoom, sizeof zoom, "Text size: %.0f%%", st.settings.zoom * 100);
    subheading(zoom);
    if (button("Smaller  (Ctrl+-)")) ctrl.setZoom(st.settings.zoom - 0.1f);
    ImGui::SameLine();
    if (button("Reset  (Ctrl+0)")) ctrl.setZoom(1.0f);
    ImGui::SameLine();
    if (button("Larger  (Ctrl+=)")) ctrl.setZoom(st.settings.zoom + 0.1f);
    spacing();
    subheading("Theme");
    for (const char* t : {"light", "dark", "contrast"}) {
        std::string label = std::string(t == std::string("contrast") ? "High contrast" : (t == std::string("dark") ? "Dark" : "Light"));
        if (ImGui::RadioButton(label.c_str(), st.settings.theme == t)) ctrl.setTheme(t);
        recordLastItem(RegisteredItem::Kind::Button, label);
        ImGui::SameLine();
    }
    ImGui::NewLine();
    spacing();
    subheading("Your data");
    textWrapped("Results, drafts and your own question sets are plain JSON files in:");
    text(st.paths.dataDir.string());
    textMuted("Settings: " + st.paths.settingsFile().string());
    if (button("Open folder")) ctrl.openDataFolder();
    spacing();
    subheading("Delete all my data");
    textWrapped("This removes every result, draft, export and setting Rekindle has stored. Your own question sets are kept. "
                "It cannot be undone. Type DELETE to confirm.");
    std::string confirm = st.deleteConfirmText;
    if (inputText("##confirm", &confirm, em(10))) ctrl.setDeleteConfirmText(confirm);
    ImGui::SameLine();
    beginDisabled(confirm != "DELETE");
    if (button("Delete all my data")) ctrl.deleteAllData();
    endDisabled(confirm != "DELETE");
    spacing();
    subheading("Quick hide");
    textWrapped("Ctrl+H or F12 switches to a neutral screen at once; press it again to come back.");
    spacing();
    textMuted(std::string("Rekindle ") + REKINDLE_VERSION);
}

void drawAbout(app::Controller& ctrl) {
    const auto& st = ctrl.state();
    spacing(0.3f);
    heading("About Rekindle");
    textWrapped("Rekindle is for anyone whose partner, friend or family member is pulling away. It asks calm questions, "
                "suggests what may help and explains why each suggestion fits your answers.");
    spacing(0.4f);
    drawDisclaimerText(st);
    spacing(0.4f);
    textWrapped("Local-first: no account, no network, no telemetry. Every result is a plain JSON file you own.");
    textMuted(std::string("Version ") + REKINDLE_VERSION + " · data in " + st.paths.dataDir.string());
    if (button("Back to Home")) ctrl.go(app::Screen::Home);
}

void drawHelp(app::Controller& ctrl) {
    const auto& st = ctrl.state();
    spacing(0.3f);
    heading("When to get help");
    textWrapped("If you or someone else is in danger right now, call your local emergency number.");
    textMuted("Below is the guidance Rekindle puts first in a result when answers point to fear, control, violence or "
              "thoughts of self-harm. It is here so you can read it any time, whatever you answered.");
    spacing(0.3f);
    const Palette& pal = palette();
    for (const auto& e : st.library.guidance.entries) {
        ImGui::PushID(e.id.c_str());
        beginCard("help", pal.card, pal.cardBorder, em(46));
        subheading(e.title);
        textWrapped(e.text);
        for (const auto& s : e.steps) bullet(s);
        endCard();
        ImGui::PopID();
    }
    if (!st.library.guidance.lastReviewed.empty()) textMuted("Last reviewed " + st.library.guidance.lastReviewed + ".");
    drawDisclaimerText(st);
}

void drawHidden(app::Controller&) {
    // Deliberately plain: nothing here hints at what the app is for.
    spacing(2);
    heading("Notes");
    textMuted("Nothing here yet.");
}

}  // namespace rekindle::ui
