// "When to get help": the safety guidance, readable any time whatever was answered.
#include <imgui.h>

#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

void drawHelp(const AppState& st) {
    spacing(0.3f);
    heading("When to get help");
    textWrapped("If you or someone else is in danger right now, call your local emergency number.");
    textMuted("Below is the guidance Rekindle puts first in a result about fear, control, violence or thoughts of "
              "self-harm. It is here so you can read it any time, without answering anything.");
    spacing(0.3f);
    const Palette& pal = palette();
    for (const auto& e : st.library.guidance.entries) {
        ImGui::PushID(e.id.c_str());
        beginCard("help", pal.card, pal.cardBorder, em(46));
        subheading(e.title);
        textWrapped(e.general.empty() ? e.text : e.general);  // nothing was answered on this page
        for (const auto& s : e.steps) bullet(s);
        endCard();
        ImGui::PopID();
    }
    if (!st.library.guidance.lastReviewed.empty()) textMuted("Last reviewed " + st.library.guidance.lastReviewed + ".");
    drawDisclaimerText(st, true);
}

}  // namespace rekindle::ui
