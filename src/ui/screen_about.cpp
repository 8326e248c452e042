// About: what Rekindle is and is not, the version and where the data lives.
#include <imgui.h>

#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

void drawAbout(const AppState& st, CommandQueue& out) {
    spacing(0.3f);
    heading("About Rekindle");
    textWrapped("Rekindle is for anyone whose partner, friend or family member is pulling away. It asks calm questions, "
                "suggests what may help and explains why each suggestion fits your answers.");
    spacing(0.4f);
    drawDisclaimerText(st);
    spacing(0.4f);
    textWrapped("Local-first: no account, no network, no telemetry. Every result is a plain JSON file you own.");
    textWithPaths(std::string("Version ") + REKINDLE_VERSION + " · data in " + st.paths.dataDir.string());
    spacing(0.4f);
    // Every flow works without a mouse; this is the one place that says how. Tab follows ImGui 1.86's navigation:
    // it moves a row at a time, so a row of buttons is crossed with the arrow keys.
    subheading("Keys");
    bullet("Tab and Shift+Tab: the next or previous row of controls; ← and → move along a row.");
    bullet("Space or Enter: press the control that has the keyboard focus.");
    bullet("In a text box: Tab or Escape leaves it, keeping what you typed.");
    bullet("While answering: 1-9 pick an answer, Enter goes on, Backspace or Alt+← goes back.");
    bullet("On a result: Ctrl+S saves it (when it is not saved yet), Ctrl+K compares it with your previous take.");
    bullet("Anywhere: Ctrl+H or F12 hides the window's contents at once; Ctrl+= and Ctrl+- zoom, Ctrl+0 resets; "
           "Ctrl+Q quits.");
    spacing(0.4f);
    if (button("Back to Home")) out.push(cmd::Go{app::Screen::Home});
}

}  // namespace rekindle::ui
