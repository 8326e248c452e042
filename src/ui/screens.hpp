// One function per screen; each reads the app state and calls controller actions. Drawn inside the main window.
#pragma once

#include "app/controller.hpp"

namespace rekindle::ui {

void drawRoot(app::Controller& ctrl);  // the whole frame: navigation, current screen, dialogs

void drawHome(app::Controller& ctrl);
void drawTake(app::Controller& ctrl);
void drawResult(app::Controller& ctrl);
void drawHistory(app::Controller& ctrl);
void drawCompare(app::Controller& ctrl);
void drawTrends(app::Controller& ctrl);
void drawAuthor(app::Controller& ctrl);
void drawSimulator(app::Controller& ctrl);
void drawSettings(app::Controller& ctrl);
void drawAbout(app::Controller& ctrl);
void drawHelp(app::Controller& ctrl);
void drawHidden(app::Controller& ctrl);

// Shared bits
void drawDisclaimerText(const app::AppState& state);
void drawSafetyBlock(const app::AppState& state, const std::vector<core::SafetyRecord>& safety);
std::string shortDate(const std::string& rfc3339);  // "25 Nov 2026"

}  // namespace rekindle::ui
