// The frame around every screen: a top bar to move between screens, global shortcuts, the first-take disclaimer.
#include <imgui.h>

#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

using app::Screen;

namespace {

void globalShortcuts(app::Controller& ctrl) {
    ImGuiIO& io = ImGui::GetIO();
    const auto& st = ctrl.state();
    // Quick-hide works everywhere, even while typing: Ctrl+H, or F12.
    if ((io.KeyCtrl && letterPressed('H')) || keyPressed(Key::F12)) {
        ctrl.toggleHide();
        return;
    }
    if (!io.KeyCtrl) return;
    if (keyPressed(Key::Equal) || keyPressed(Key::KeypadAdd)) ctrl.setZoom(st.settings.zoom + 0.1f);
    if (keyPressed(Key::Minus) || keyPressed(Key::KeypadSubtract)) ctrl.setZoom(st.settings.zoom - 0.1f);
    if (digitPressed(0)) ctrl.setZoom(1.0f);
}

void navButton(app::Controller& ctrl, const char* label, Screen target) {
    bool current = ctrl.state().screen == target;
    if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (button(label)) ctrl.go(target);
    if (current) ImGui::PopStyleColor();
    ImGui::SameLine();
}

void topBar(app::Controller& ctrl) {
    ImGui::PushFont(fonts().bold);
    ImGui::AlignTextToFramePadding();
    textColored(palette().accent, "Rekindle");
    ImGui::PopFont();
    ImGui::SameLine(0, em(1.5f));
    navButton(ctrl, "Home", Screen::Home);
    navButton(ctrl, "History", Screen::History);
    navButton(ctrl, "Author", Screen::Author);
    navButton(ctrl, "Settings", Screen::Settings);
    navButton(ctrl, "When to get help", Screen::Help);
    navButton(ctrl, "About", Screen::About);
    ImGui::NewLine();
    ImGui::Separator();
}

void disclaimerModal(app::Controller& ctrl) {
    const auto& st = ctrl.state();
    if (st.showDisclaimer && !ImGui::IsPopupOpen("Before you begin")) ImGui::OpenPopup("Before you begin");
    ImVec2 center = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(center, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(em(34), ImGui::GetMainViewport()->Size.x * 0.9f), 0));
    if (ImGui::BeginPopupModal("Before you begin", nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove)) {
        drawDisclaimerText(st);
        spacing();
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
        if (primaryButton("I understand, begin  (Enter)") || enter) {
            ctrl.acceptDisclaimer();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (button("Not now") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            ctrl.dismissDisclaimer();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

}  // namespace

void drawRoot(app::Controller& ctrl) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##rekindle", nullptr, flags);
    globalShortcuts(ctrl);
    const auto& st = ctrl.state();
    if (st.screen == Screen::Hidden) {
        drawHidden(ctrl);
        ImGui::End();
        return;
    }
    topBar(ctrl);
    if (!st.fatalNote.empty()) textColored(palette().warn, st.fatalNote);
    if (!st.toast.empty()) {
        textMuted(st.toast);
        ImGui::SameLine();
        if (linkButton("Dismiss##toast")) ctrl.clearToast();
    }
    // NavFlattened: Tab and the arrow keys move straight into the screen's controls instead of stopping on the
    // child window as a whole (which would need an extra Space to enter).
    ImGui::BeginChild("##screen", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
    switch (st.screen) {
        case Screen::Home: drawHome(ctrl); break;
        case Screen::Take: drawTake(ctrl); break;
        case Screen::Result: drawResult(ctrl); break;
        case Screen::History: drawHistory(ctrl); break;
        case Screen::Compare: drawCompare(ctrl); break;
        case Screen::Trends: drawTrends(ctrl); break;
        case Screen::Author: drawAuthor(ctrl); break;
        case Screen::Simulator: drawSimulator(ctrl); break;
        case Screen::Settings: drawSettings(ctrl); break;
        case Screen::About: drawAbout(ctrl); break;
        case Screen::Help: drawHelp(ctrl); break;
        case Screen::Hidden: break;
    }
    ImGui::EndChild();
    disclaimerModal(ctrl);
    ImGui::End();
}

std::string shortDate(const std::string& rfc) {
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (rfc.size() < 10) return rfc;
    int m = std::atoi(rfc.substr(5, 2).c_str());
    if (m < 1 || m > 12) return rfc.substr(0, 10);
    return std::to_string(std::atoi(rfc.substr(8, 2).c_str())) + " " + months[m - 1] + " " + rfc.substr(0, 4);
}

}  // namespace rekindle::ui
