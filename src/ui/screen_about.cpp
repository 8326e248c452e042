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
    if (button("Back to Home")) out.push(cmd::Go{app::Screen::Home});
}

}  // namespace rekindle::ui
