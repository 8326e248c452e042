// The unlock screen of a passphrase-protected folder: as plain as the quick-hide screen ("Notes"), with nothing
// about what the app holds, and the screen shown while a passphrase change rewrites files.
#include <imgui.h>

#include "ui/screens.hpp"
#include "ui/secret_input.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

void drawUnlock(const AppState& st, CommandQueue& out, UnlockScreenView& view) {
    bool working = st.lock.job == app::LockState::Job::Unlock;
    spacing(2);
    heading("Notes");
    textMuted("Locked.");
    spacing();
    text("Passphrase");
    beginDisabled(working);
    bool enter = passphraseField("##unlock-passphrase", "Passphrase", view.passphrase, em(18), view.focusField && !working);
    view.focusField = false;
    bool open = primaryButton("Open  (Enter)");
    endDisabled(working);
    if ((enter || open) && !working) {
        out.push(cmd::Unlock{app::Passphrase::fromText(view.passphrase.text, view.passphrase.size())});
        view.passphrase.wipe();
    }
    spacing();
    if (working) {
        spinner(em(0.6f));
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        text("Opening… this takes a few seconds.");
    } else if (!st.lock.unlockMessage.empty()) {
        textWrapped(st.lock.unlockMessage);
    }
}

void drawPassphraseWork(const AppState& st) {
    using Job = app::LockState::Job;
    const char* what = st.lock.job == Job::Protect  ? "Encrypting your data…"
                       : st.lock.job == Job::Remove ? "Decrypting your data…"
                                                    : "Changing the passphrase…";
    spacing(2);
    spinner(em(0.8f));
    subheading(what);
    spacing();
    textWrapped("This can take a little while with many results. Every file is changed on its own and safely: if the "
                "computer stops now, nothing is lost and the work finishes the next time you open Rekindle.");
}

}  // namespace rekindle::ui
