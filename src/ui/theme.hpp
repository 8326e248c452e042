// Calm light, dark and high-contrast themes, with spacing scaled to the font so layouts hold at any DPI.
#pragma once

#include <imgui.h>

#include <string>

namespace rekindle::ui {

enum class Theme { Light, Dark, Contrast };

Theme themeFromName(const std::string& name);
const char* themeName(Theme theme);

// Accent colours the screens use beyond ImGui's own (cards, bars, safety notices).
struct Palette {
    ImVec4 accent, accentSoft, muted, card, cardBorder, safetyBg, safetyBorder, good, warn, bandShade;
};

void applyTheme(Theme theme, float scale);
const Palette& palette();

}  // namespace rekindle::ui
