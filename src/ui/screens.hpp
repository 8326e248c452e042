// One function per screen. A screen reads the app state (const: it cannot change it) and pushes commands to
// the queue, which the app applies after the frame. UI-only state lives in the screen's view struct here.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "app/commands.hpp"
#include "app/state.hpp"
#include "ui/secret_input.hpp"

namespace rekindle::ui {

namespace cmd = app::cmd;
using app::AppState;
using app::CommandQueue;

// Home: the private-take choice (before any take) and the "forget the open private take?" question.
struct HomeScreenView {
    bool privateTake = false;
    bool confirmForgetPrivate = false;
};

// Take: where keyboard focus goes when the step changes.
struct TakeScreenView {
    int seenSerial = -1;      // the take's stepSerial last drawn: a change means a new step
    bool focusFirstTile = false;  // moving with Tab / arrows: the new step's first answer takes focus
    bool confirmLeavePrivate = false;  // "leave this private take?" asked
};

// Result: "leave this private result?" asked.
struct ResultScreenView {
    bool confirmLeavePrivate = false;
};

// Author: which cards have their "preview from a question" list open, by file path (like a tree node).
struct AuthorScreenView {
    std::set<std::string> previewPickerOpen;
};

// Trends: which charts are shown as a table instead, by dimension id.
struct TrendsScreenView {
    std::set<std::string> asTable;
};

// The unlock screen: the passphrase as typed (wiped once it is handed over, and on every lock).
struct UnlockScreenView {
    SecretField passphrase;
    bool focusField = true;
};

// Settings: the passphrase form that is open (set, change or remove) and its fields.
struct SettingsScreenView {
    enum class Form { None, Set, Change, Remove };
    Form form = Form::None;
    SecretField current, next, again;
    bool focusForm = false;
    void wipe() {
        current.wipe();
        next.wipe();
        again.wipe();
    }
};

// Every screen's view, owned by whoever runs the frames (the platform loop, the benchmark).
struct Views {
    app::Screen drawnScreen = app::Screen::Hidden;  // the screen last drawn: a change scrolls the new one to its top
    HomeScreenView home;
    TakeScreenView take;
    ResultScreenView result;
    AuthorScreenView author;
    TrendsScreenView trends;
    UnlockScreenView unlock;
    SettingsScreenView settings;
    int lockSerialSeen = 0;  // state.lock.serial last seen: a change means lock, unlock or a passphrase outcome
};

void drawRoot(const AppState& st, CommandQueue& out, Views& views);  // the whole frame: navigation, screen, dialogs

void drawHome(const AppState& st, CommandQueue& out, HomeScreenView& view);
void drawTake(const AppState& st, CommandQueue& out, TakeScreenView& view);
void drawResult(const AppState& st, CommandQueue& out, ResultScreenView& view);
void drawHistory(const AppState& st, CommandQueue& out);
void drawCompare(const AppState& st, CommandQueue& out);
void drawTrends(const AppState& st, CommandQueue& out, TrendsScreenView& view);
void drawAuthor(const AppState& st, CommandQueue& out, AuthorScreenView& view);
void drawSimulator(const AppState& st, CommandQueue& out);
void drawSettings(const AppState& st, CommandQueue& out, SettingsScreenView& view);
// Settings' sections about privacy (settings_privacy.cpp): passphrase and locking, "Check my data".
void drawPassphraseSettings(const AppState& st, CommandQueue& out, SettingsScreenView& view);
void drawDataCheck(const AppState& st, CommandQueue& out);
// The neutral screen of a locked folder, and the one shown while a passphrase job rewrites files.
void drawUnlock(const AppState& st, CommandQueue& out, UnlockScreenView& view);
void drawPassphraseWork(const AppState& st);
// "Exports are plain files" before an export from a protected folder (History).
void drawExportWarning(const AppState& st, CommandQueue& out);
void drawAbout(const AppState& st, CommandQueue& out);
void drawHelp(const AppState& st);
void drawHidden();

// Shared bits
// onHelpPage: the footer does not point at the page it is on.
void drawDisclaimerText(const AppState& state, bool onHelpPage = false);
// Each rule's notice, guidance and what it set aside (by name, from record; nothing when record is null).
void drawSafetyBlock(const AppState& state, const std::vector<core::SafetyRecord>& safety,
                     const core::ResultRecord* record = nullptr);
std::string shortDate(const std::string& rfc3339);  // "25 Nov 2026", in local time

}  // namespace rekindle::ui
