// The quick-hide screen (Ctrl+H / F12): a neutral "Notes" page that hints at nothing.
#include <imgui.h>

#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

void drawHidden() {
    // Deliberately plain: nothing here hints at what the app is for.
    spacing(2);
    heading("Notes");
    textMuted("Nothing here yet.");
}

}  // namespace rekindle::ui
