// Thin wrappers over ImGui widgets that also record what was drawn (for the scripted driver) and size things
// in multiples of the font size. Screens use these instead of raw ImGui calls for anything a test may look for.
#pragma once

#include <imgui.h>

#include <string>

#include "ui/fonts.hpp"
#include "ui/input.hpp"
#include "ui/registry.hpp"

namespace rekindle::ui {

void setFonts(const Fonts& fonts);
const Fonts& fonts();

inline float em(float n = 1.0f) { return n * ImGui::GetFontSize(); }

std::string percentText(double percent);  // 75 -> "75%"

void recordLastItem(RegisteredItem::Kind kind, const std::string& label, bool enabled = true);

bool button(const std::string& label, ImVec2 size = ImVec2(0, 0));
bool primaryButton(const std::string& label, ImVec2 size = ImVec2(0, 0));
bool linkButton(const std::string& label);  // a quiet, text-like button
bool checkbox(const std::string& label, bool* value);
bool selectable(const std::string& label, bool selected, ImVec2 size = ImVec2(0, 0));
bool inputText(const std::string& label, std::string* value, float width = 0);
bool inputMultiline(const std::string& label, std::string* value, ImVec2 size);

void text(const std::string& s);
void textWrapped(const std::string& s);
void textMuted(const std::string& s);
void textColored(const ImVec4& color, const std::string& s);
void heading(const std::string& s);     // large bold
void subheading(const std::string& s);  // bold
void bullet(const std::string& s);
void spacing(float ems = 0.5f);

// A framed block with a background, as tall as its contents (ImGui 1.86 has no auto-resizing child, so
// the group's rect is drawn behind it with channels).
void beginCard(const char* id, const ImVec4& bg, const ImVec4& border, float width = 0);
void endCard();

// Horizontal bar for a 0–100 value with a label drawn inside, used for dimensions and relevance.
void percentBar(float percent, const std::string& overlay, float width, const ImVec4& color);

// Disables the widgets in between when disabled is true (and records them as disabled).
void beginDisabled(bool disabled);
void endDisabled(bool disabled);

}  // namespace rekindle::ui

namespace rekindle::ui {
// A large answer tile: key hint, label wrapped inside, accent fill when selected. Returns true when clicked.
bool choiceTile(const std::string& label, const std::string& keyHint, bool selected, ImVec2 size, bool checkbox = false);
// Height a tile needs to hold the label wrapped at this width.
float tileHeight(const std::string& label, float width);
}  // namespace rekindle::ui
