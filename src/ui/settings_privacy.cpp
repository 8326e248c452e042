// Settings' privacy sections: protecting the data with a passphrase (set, change, remove; typed twice, a strength
// hint, the warning that it cannot be recovered), when to lock, and "Check my data" (the doctor's report).
// Also the warning before a plain export from a protected folder.
#include <imgui.h>

#include <algorithm>
#include <utility>

#include "ui/screens.hpp"
#include "ui/secret_input.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

namespace {

using Form = SettingsScreenView::Form;

void colouredWrapped(const ImVec4& colour, const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    textWrapped(s);
    ImGui::PopStyleColor();
}

app::Passphrase secretOf(const SecretField& f) { return app::Passphrase::fromText(f.text, f.size()); }

void strengthHint(const SecretField& f) {
    app::StrengthHint hint = app::passphraseStrength(f.text, f.size());
    if (hint.strength == app::Strength::Empty) return;
    const Palette& pal = palette();
    colouredWrapped(hint.strength == app::Strength::Weak ? pal.warn : hint.strength == app::Strength::Fair ? pal.muted : pal.good,
                hint.words);
}

// The two "new passphrase" fields, the hint under the first and whether they match.
bool newPassphraseFields(SettingsScreenView& view, bool focus) {
    text("New passphrase");
    bool enter = passphraseField("##new-passphrase", "New passphrase", view.next, em(18), focus);
    strengthHint(view.next);
    text("The same passphrase again");
    enter |= passphraseField("##again-passphrase", "The same passphrase again", view.again, em(18));
    // Said as soon as the second one stops being the start of the first (a person still typing is not warned).
    size_t n = view.next.size(), a = view.again.size();
    bool onTrack = a <= n && std::equal(view.again.text, view.again.text + a, view.next.text);
    if (a > 0 && !onTrack) textColored(palette().warn, "The two are not the same yet.");
    else if (a > 0 && a == n) textColored(palette().good, "The two are the same.");
    return enter;
}

void cannotRecoverWarning() {
    beginCard("no-recovery", palette().safetyBg, palette().safetyBorder);
    subheading("There is no way to recover it");
    textWrapped("A forgotten passphrase cannot be recovered: not by us, not by anyone. There is no reset and no back door: without the passphrase your results, "
                "drafts and notes cannot be opened. Write it down and keep it somewhere only you can reach.");
    endCard();
}

void formButtons(CommandQueue& out, SettingsScreenView& view, const char* submitLabel, bool submit, bool ready) {
    beginDisabled(!ready);
    bool pressed = primaryButton(submitLabel);
    endDisabled(!ready);
    ImGui::SameLine();
    if (button("Cancel")) {
        view.wipe();
        view.form = Form::None;
        return;
    }
    if (!(pressed || submit) || !ready) return;
    // The form stays open until the outcome comes back (root closes it on success); the fields are emptied now.
    switch (view.form) {
        case Form::Set: out.push(cmd::SetPassphrase{secretOf(view.next), secretOf(view.again)}); break;
        case Form::Change: out.push(cmd::ChangePassphrase{secretOf(view.current), secretOf(view.next), secretOf(view.again)}); break;
        case Form::Remove: out.push(cmd::RemovePassphrase{secretOf(view.current)}); break;
        case Form::None: break;
    }
    view.wipe();
}

void openForm(SettingsScreenView& view, Form form) {
    view.wipe();
    view.form = form;
    view.focusForm = true;
}

void lockOptions(const AppState& st, CommandQueue& out) {
    int minutes = st.settings.idleLockMinutes;
    textWrapped("Lock after this many minutes without use (0 = never):");
    ImGui::SetNextItemWidth(em(7));
    if (ImGui::InputInt("##idle-minutes", &minutes, 1, 5)) out.push(cmd::SetIdleLockMinutes{minutes});
    recordLastItem(RegisteredItem::Kind::Input, "Lock after minutes");
    bool onHide = st.settings.lockOnHide;
    if (checkbox("Lock on quick-hide (Ctrl+H)", &onHide)) out.push(cmd::SetLockOnHide{onHide});
    if (button("Lock now")) out.push(cmd::LockNow{});
}

}  // namespace

void drawPassphraseSettings(const AppState& st, CommandQueue& out, SettingsScreenView& view) {
    subheading("Protect with a passphrase");
    bool focus = std::exchange(view.focusForm, false);
    if (!st.lock.protectedFolder) {
        textWrapped("Off. Your results, drafts and notes are plain files that only your user account can read. With a "
                    "passphrase they are encrypted, and Rekindle asks for it when it starts and after a while without use.");
    } else {
        textWrapped("On. Your results, drafts, notes and the trash are encrypted with your passphrase.");
    }
    if (!st.lock.settingsMessage.empty())
        colouredWrapped(st.lock.settingsFailed ? palette().warn : palette().good, st.lock.settingsMessage);
    if (st.readOnly) {
        textMuted("This window can read but not save, so protection cannot be changed from it.");
        return;
    }
    switch (view.form) {
        case Form::None:
            if (!st.lock.protectedFolder) {
                if (button("Protect with a passphrase…")) openForm(view, Form::Set);
            } else {
                if (button("Change passphrase…")) openForm(view, Form::Change);
                if (button("Remove protection…")) openForm(view, Form::Remove);
                spacing();
                lockOptions(st, out);
            }
            break;
        case Form::Set: {
            cannotRecoverWarning();
            // The warning sits right above the fields, in the safety colours; no extra tick to find by keyboard:
            // Enter in the second field encrypts.
            bool enter = newPassphraseFields(view, focus);
            formButtons(out, view, "Encrypt my data  (Enter)", enter, view.next.size() > 0 && view.again.size() > 0);
            break;
        }
        case Form::Change: {
            text("Current passphrase");
            bool enter = passphraseField("##current-passphrase", "Current passphrase", view.current, em(18), focus);
            enter |= newPassphraseFields(view, false);
            textMuted("The new passphrase cannot be recovered either if it is forgotten.");
            formButtons(out, view, "Change passphrase", enter, view.current.size() > 0 && view.next.size() > 0 && view.again.size() > 0);
            break;
        }
        case Form::Remove: {
            textWrapped("Your files will be decrypted and stored as plain files again: anyone who can open your data folder "
                        "can then read them.");
            text("Current passphrase");
            bool enter = passphraseField("##current-passphrase", "Current passphrase", view.current, em(18), focus);
            formButtons(out, view, "Remove protection", enter, view.current.size() > 0);
            break;
        }
    }
}

void drawDataCheck(const AppState& st, CommandQueue& out) {
    const app::DataCheckView& d = st.dataCheck;
    subheading("Check my data");
    textWrapped("Looks for problems in your data folder: who owns it and who may change it, files that are not "
                "ordinary files, results that cannot be read, leftovers of an interrupted save, and the History index.");
    if (button(d.ran ? "Check again" : "Check my data")) out.push(cmd::CheckData{false});
    if (!d.ran) return;
    using Kind = storage::DoctorFinding::Kind;
    int fixable = 0;
    for (const auto& f : d.report.findings) {
        if (f.kind == Kind::Problem && f.fixable) ++fixable;
        const char* tag = f.kind == Kind::Problem ? "Problem: " : f.kind == Kind::Fixed ? "Fixed: " : "Note: ";
        const ImVec4& colour = f.kind == Kind::Problem ? palette().warn : f.kind == Kind::Fixed ? palette().good : palette().muted;
        colouredWrapped(colour, std::string(tag) + f.path);
        ImGui::Indent(em(1));
        textWrapped(f.message);
        ImGui::Unindent(em(1));
    }
    int problems = d.report.problems();
    if (problems == 0 && d.report.fixed() == 0) colouredWrapped(palette().good, "All good: folders private, every file readable, nothing left over.");
    else text(std::to_string(problems) + (problems == 1 ? " problem" : " problems") + " found" +
              (d.fixRan ? ", " + std::to_string(d.report.fixed()) + " fixed." : "."));
    if (fixable > 0) {
        textMuted("Fixing changes only what is safe: file and folder permissions, leftovers of interrupted saves, the "
                  "History index. Your answers and notes are never changed or removed.");
        beginDisabled(st.readOnly);
        if (button("Fix what is safe")) out.push(cmd::CheckData{true});
        endDisabled(st.readOnly);
    }
}

void drawExportWarning(const AppState& st, CommandQueue& out) {
    if (st.pendingExport.empty()) return;
    beginCard("export-warning", palette().safetyBg, palette().safetyBorder);
    subheading("This copy is not protected");
    textWrapped("Your data is encrypted with your passphrase, but an export is a plain file that anyone who can open it "
                "can read. Keep it somewhere private, such as an encrypted drive, and delete it when you are done.");
    if (primaryButton("Export a plain copy")) out.push(cmd::ConfirmExport{});
    ImGui::SameLine();
    if (button("Cancel##export") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) out.push(cmd::CancelExport{});
    endCard();
}

}  // namespace rekindle::ui
