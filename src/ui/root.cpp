// The frame around every screen: a top bar to move between screens, global shortcuts, the first-take disclaimer.
#include <imgui.h>

#include <cfloat>
#include <vector>

#include "core/words.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

using app::Screen;

namespace {

void globalShortcuts(const AppState& st, CommandQueue& out) {
    ImGuiIO& io = ImGui::GetIO();
    // Quick-hide works everywhere, even while typing: Ctrl+H, or F12.
    if ((io.KeyCtrl && letterPressed('H')) || keyPressed(Key::F12)) {
        out.push(cmd::ToggleHide{});
        return;
    }
    if (!io.KeyCtrl) return;
    if (letterPressed('Q')) out.push(cmd::RequestQuit{});  // the same care as the window's close button
    if (keyPressed(Key::Equal) || keyPressed(Key::KeypadAdd)) out.push(cmd::SetZoom{st.settings.zoom + 0.1f});
    if (keyPressed(Key::Minus) || keyPressed(Key::KeypadSubtract)) out.push(cmd::SetZoom{st.settings.zoom - 0.1f});
    if (digitPressed(0)) out.push(cmd::SetZoom{1.0f});
}

// The four doors: fewer choices for a person in distress. Author, About and the rest are reached from these
// screens (Home: "Make your own question set"; Settings: that and About). A screen opened from one of them keeps
// its tab marked.
void topBar(const AppState& st, CommandQueue& out) {
    struct Door {
        const char* label;
        Screen target;
        std::vector<Screen> within;
    };
    static const Door doors[] = {
        {"Home", Screen::Home, {Screen::Home, Screen::Take, Screen::Result}},
        {"History", Screen::History, {Screen::History, Screen::Compare, Screen::Trends}},
        {"Settings", Screen::Settings, {Screen::Settings, Screen::Author, Screen::Simulator, Screen::About}},
        {"Help", Screen::Help, {Screen::Help}},
    };
    std::vector<NavTab> tabs;
    for (const Door& d : doors) {
        bool current = false;
        for (Screen s : d.within) current = current || s == st.screen;
        tabs.push_back({d.label, current});
    }
    int chosen = navTabs("Rekindle", tabs);
    if (chosen >= 0) out.push(cmd::Go{doors[chosen].target});
    ImGui::Separator();
}

void disclaimerModal(const AppState& st, CommandQueue& out) {
    if (st.showDisclaimer && !ImGui::IsPopupOpen("Before you begin")) ImGui::OpenPopup("Before you begin");
    ImVec2 center = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(center, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(em(34), ImGui::GetMainViewport()->Size.x * 0.9f), 0));
    // At large text the words may be taller than the window: the dialog then scrolls instead of running off it.
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, ImGui::GetMainViewport()->Size.y * 0.9f));
    if (ImGui::BeginPopupModal("Before you begin", nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove)) {
        drawDisclaimerText(st);
        spacing();
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
        if (primaryButton("I understand, begin  (Enter)") || enter) {
            out.push(cmd::AcceptDisclaimer{});
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (button("Not now") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            out.push(cmd::DismissDisclaimer{});
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

// Quitting would lose a private take (or answers whose draft could not be written): ask first.
void quitModal(const AppState& st, CommandQueue& out) {
    const char* title = "Quit Rekindle?";
    if (st.confirmQuit && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    ImVec2 center = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(center, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(em(30), ImGui::GetMainViewport()->Size.x * 0.9f), 0));
    if (ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings)) {
        textWrapped(st.take.active && !st.take.privateTake && !st.take.draftError.empty()
                        ? "Your latest answers could not be written to disk, so quitting now would lose them."
                        : "This is a private take: nothing of it was kept, so quitting forgets these answers for good.");
        spacing();
        bool appearing = ImGui::IsWindowAppearing();
        if (button("Stay") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            out.push(cmd::CancelQuit{});
            ImGui::CloseCurrentPopup();
        }
        if (appearing) focusLastItem();  // the safe choice has focus: Enter or Space stays
        ImGui::SameLine();
        if (button("Quit and forget them")) {
            out.push(cmd::ConfirmQuit{});
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

}  // namespace

// On every lock, unlock attempt or passphrase outcome: the typed passphrases go, from our fields and from ImGui's.
void forgetPassphrases(const AppState& st, Views& views) {
    if (st.lock.serial == views.lockSerialSeen) return;
    views.lockSerialSeen = st.lock.serial;
    forgetTypedText();
    views.unlock.passphrase.wipe();
    views.unlock.focusField = true;
    views.settings.wipe();
    // A refused or failed change keeps its form open (emptied) for another try; anything else closes it.
    if (st.lock.settingsFailed && !st.lock.locked) views.settings.focusForm = true;
    else views.settings.form = SettingsScreenView::Form::None;
}

void drawRoot(const AppState& st, CommandQueue& out, Views& views) {
    forgetPassphrases(st, views);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##rekindle", nullptr, flags);
    beginFrameKeys();
    globalShortcuts(st, out);
    if (st.lock.locked) {
        drawUnlock(st, out, views.unlock);
        ImGui::End();
        return;
    }
    if (st.lock.working()) {
        drawPassphraseWork(st);
        ImGui::End();
        return;
    }
    if (st.screen == Screen::Hidden) {
        drawHidden();
        ImGui::End();
        return;
    }
    topBar(st, out);
    if (!st.fatalNote.empty()) textColored(palette().warn, st.fatalNote);
    if (st.readOnly) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().warn);
        textWrapped(st.readOnlyBanner);
        ImGui::PopStyleColor();
    }
    if (!st.toast.empty()) {
        textMuted(st.toast);
        ImGui::SameLine();
        if (linkButton("Dismiss##toast")) out.push(cmd::ClearToast{});
    }
    // NavFlattened: Tab and the arrow keys move straight into the screen's controls instead of stopping on the
    // child window as a whole (which would need an extra Space to enter).
    ImGui::BeginChild("##screen", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
    // Every screen opens at its top: scroll must not leak from the last visit (Compare opens on its summary).
    if (views.drawnScreen != st.screen) {
        ImGui::SetScrollY(0);
        views.drawnScreen = st.screen;
    }
    switch (st.screen) {
        case Screen::Home: drawHome(st, out, views.home); break;
        case Screen::Take: drawTake(st, out, views.take); break;
        case Screen::Result: drawResult(st, out, views.result); break;
        case Screen::History: drawHistory(st, out); break;
        case Screen::Compare: drawCompare(st, out); break;
        case Screen::Trends: drawTrends(st, out, views.trends); break;
        case Screen::Author: drawAuthor(st, out, views.author); break;
        case Screen::Simulator: drawSimulator(st, out); break;
        case Screen::Settings: drawSettings(st, out, views.settings); break;
        case Screen::About: drawAbout(st, out); break;
        case Screen::Help: drawHelp(st); break;
        case Screen::Hidden: break;
    }
    ImGui::EndChild();
    disclaimerModal(st, out);
    quitModal(st, out);
    ImGui::End();
}

std::string shortDate(const std::string& rfc) { return core::localDate(rfc); }

}  // namespace rekindle::ui
