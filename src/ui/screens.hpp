// One function per screen. A screen reads the app state (const: it cannot change it) and pushes commands to
// the queue, which the app applies after the frame. UI-only state lives in the screen's view struct here.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "app/commands.hpp"
#include "app/state.hpp"

namespace rekindle::ui {

namespace cmd = app::cmd;
using app::AppState;
using app::CommandQueue;

// Take: where keyboard focus goes when the step changes.
struct TakeScreenView {
    int seenSerial = -1;      // the take's stepSerial last drawn: a change means a new step
    bool focusFirstTile = false;  // moving with Tab / arrows: the new step's first answer takes focus
    int textFocusedSerial = -1;   // the step whose text field was given focus (once, not every frame)
};

// Author: which cards have their "preview from a question" list open, by file path (like a tree node).
struct AuthorScreenView {
    std::set<std::string> previewPickerOpen;
};

// Trends: which charts are shown as a table instead, by dimension id.
struct TrendsScreenView {
    std::set<std::string> asTable;
};

// Every screen's view, owned by whoever runs the frames (the platform loop, the benchmark).
struct Views {
    app::Screen drawnScreen = app::Screen::Hidden;  // the screen last drawn: a change scrolls the new one to its top
    TakeScreenView take;
    AuthorScreenView author;
    TrendsScreenView trends;
};

void drawRoot(const AppState& st, CommandQueue& out, Views& views);  // the whole frame: navigation, screen, dialogs

void drawHome(const AppState& st, CommandQueue& out);
void drawTake(const AppState& st, CommandQueue& out, TakeScreenView& view);
void drawResult(const AppState& st, CommandQueue& out);
void drawHistory(const AppState& st, CommandQueue& out);
void drawCompare(const AppState& st, CommandQueue& out);
void drawTrends(const AppState& st, CommandQueue& out, TrendsScreenView& view);
void drawAuthor(const AppState& st, CommandQueue& out, AuthorScreenView& view);
void drawSimulator(const AppState& st, CommandQueue& out);
void drawSettings(const AppState& st, CommandQueue& out);
void drawAbout(const AppState& st, CommandQueue& out);
void drawHelp(const AppState& st);
void drawHidden();

// Shared bits
void drawDisclaimerText(const AppState& state);
// Each rule's notice, guidance and what it set aside (by name, from record; nothing when record is null).
void drawSafetyBlock(const AppState& state, const std::vector<core::SafetyRecord>& safety,
                     const core::ResultRecord* record = nullptr);
std::string shortDate(const std::string& rfc3339);  // "25 Nov 2026", in local time

}  // namespace rekindle::ui
