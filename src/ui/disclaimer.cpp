// The disclaimer shown before the first take and on About / Help: not therapy, data stays here, where to get help.
#include <imgui.h>

#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

void drawDisclaimerText(const AppState& st, bool onHelpPage) {
    // The shipped disclaimer already says where to turn in danger; saying it twice in a row reads as alarm.
    const std::string& d = st.library.guidance.disclaimer;
    textWrapped(d.empty() ? "Rekindle helps you reflect. It is not therapy, not a diagnosis, and not a verdict on your "
                            "relationship or on the other person. If you are afraid for your safety or thinking of "
                            "harming yourself, please contact emergency services or a crisis line now."
                          : d);
    textWrapped("Your answers stay on this computer. Nothing is sent anywhere.");
    if (!onHelpPage) textWrapped("The \"When to get help\" page says where to turn, any time.");
}

}  // namespace rekindle::ui
