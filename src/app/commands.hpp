// What a screen may ask for: small command structs in one variant, queued while a frame is drawn and applied by
// Application::applyCommands after ui::drawRoot returns, so no state changes under a screen that is reading it.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "app/lock/passphrase.hpp"
#include "app/state.hpp"
#include "core/answers.hpp"

namespace rekindle::app {

namespace cmd {

// Navigation
struct Go { Screen screen; };
struct ToggleHide {};
struct ClearToast {};

// Home and take. Sets and questions are named by id: a command queued for one question is dropped if the take
// has moved on by the time it is applied, rather than landing on another.
struct RequestTake { std::string setId; bool privateTake = false; };  // the disclaimer first, then resume or start
struct AcceptDisclaimer {};
struct DismissDisclaimer {};
struct StartTake { std::string setId; bool preview = false; std::string fromQuestion = {}; };
struct AskStartAgain { std::string setId; };  // "Start again" on Home: confirm first
struct CancelStartAgain {};
struct ConfirmStartAgain {};                  // the old draft goes to the trash, a fresh take starts
struct UndoStartAgain {};                     // brings the trashed draft back and resumes it
struct PickNumber { std::string questionId; int n = 0; };  // the n-th choice (1-based), as the keys 1..9, 0
struct SetAnswer { std::string questionId; core::Answer answer; };
struct SetReflection { std::string sectionId; std::string text; };
struct Next {};
struct Back {};
struct Skip {};
struct AbandonTake {};
struct ForgetPrivate {};  // the open private take and its result are dropped from memory
struct RequestQuit {};   // Ctrl+Q or the window's close button: quits, or asks first when a private take would be lost
struct ConfirmQuit {};
struct CancelQuit {};

// Result, history, compare, trends, export
struct SetResultNote { std::string text; };
struct SaveResult {};
struct CompareWithPrevious {};
struct SetHistoryFilter { std::string setId; };
struct SetHistorySearch { std::string text; };
struct OpenResult { std::string resultId; };
struct AskDelete { std::string resultId; };
struct ConfirmDelete {};
struct CancelDelete {};
struct CompareWithOneBefore { std::string resultId; };
struct OpenTrends { std::string setId; };
struct Export { std::string format; };  // json, csv, md

// Authoring and the simulator
struct SetNewSetName { std::string name; };
struct CreateSet {};
struct OpenSimulator { std::string setId; };
struct Simulate { std::string mode; uint64_t seed = 1; };
struct SimulateAnswer { std::string questionId; core::Answer answer; };
struct RunCoverage { int patterns = 1000; uint64_t seed = 1; };
struct OpenInEditor { std::string path; };

// Settings and privacy
struct SetZoom { float zoom = 1; };
struct SetTheme { std::string theme; };
struct SetMovingAverage { bool on = false; };
struct SetDeleteConfirmText { std::string text; };
struct DeleteAllData {};
struct OpenDataFolder {};
struct CheckData { bool fix = false; };  // the doctor's report; fix: repair only what is safe

// Passphrase protection (the passphrases travel in locked memory, app/lock/passphrase.hpp)
struct Unlock { Passphrase passphrase; };
struct LockNow {};
struct SetPassphrase { Passphrase next, again; };
struct ChangePassphrase { Passphrase current, next, again; };
struct RemovePassphrase { Passphrase current; };
struct SetIdleLockMinutes { int minutes = 10; };
struct SetLockOnHide { bool on = true; };
struct ConfirmExport {};  // a plain export from a protected folder, after the warning
struct CancelExport {};

}  // namespace cmd

using Command = std::variant<cmd::Go, cmd::ToggleHide, cmd::ClearToast, cmd::RequestTake, cmd::AcceptDisclaimer,
                             cmd::DismissDisclaimer, cmd::StartTake, cmd::AskStartAgain,
                             cmd::CancelStartAgain, cmd::ConfirmStartAgain, cmd::UndoStartAgain, cmd::RequestQuit,
                             cmd::ConfirmQuit, cmd::CancelQuit, cmd::PickNumber, cmd::SetAnswer,
                             cmd::SetReflection, cmd::Next, cmd::Back, cmd::Skip, cmd::AbandonTake, cmd::ForgetPrivate,
                             cmd::SetResultNote, cmd::SaveResult, cmd::CompareWithPrevious, cmd::SetHistoryFilter,
                             cmd::SetHistorySearch, cmd::OpenResult, cmd::AskDelete, cmd::ConfirmDelete,
                             cmd::CancelDelete, cmd::CompareWithOneBefore, cmd::OpenTrends, cmd::Export,
                             cmd::SetNewSetName, cmd::CreateSet, cmd::OpenSimulator, cmd::Simulate,
                             cmd::SimulateAnswer, cmd::RunCoverage, cmd::OpenInEditor, cmd::SetZoom, cmd::SetTheme,
                             cmd::SetMovingAverage, cmd::SetDeleteConfirmText, cmd::DeleteAllData,
                             cmd::OpenDataFolder, cmd::CheckData, cmd::Unlock, cmd::LockNow, cmd::SetPassphrase,
                             cmd::ChangePassphrase, cmd::RemovePassphrase, cmd::SetIdleLockMinutes,
                             cmd::SetLockOnHide, cmd::ConfirmExport, cmd::CancelExport>;

// The UI's only way to change anything: push. Draining belongs to the Application, between frames.
class CommandQueue {
public:
    void push(Command command) { m_pending.push_back(std::move(command)); }
    bool empty() const { return m_pending.empty(); }

private:
    friend class Application;
    std::vector<Command> drain() { return std::exchange(m_pending, {}); }
    std::vector<Command> m_pending;
};

}  // namespace rekindle::app
