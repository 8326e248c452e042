// Thin wrappers over ImGui widgets that also record what was drawn (for the scripted driver) and size things
// in multiples of the font size. Screens use these instead of raw ImGui calls for anything a test may look for.
#pragma once

#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

#include "ui/fonts.hpp"
#include "ui/input.hpp"
#include "ui/registry.hpp"

namespace rekindle::ui {

void setFonts(const Fonts& fonts);
const Fonts& fonts();

inline float em(float n = 1.0f) { return n * ImGui::GetFontSize(); }

std::string percentText(double percent);  // 75 -> "75%"

void recordLastItem(RegisteredItem::Kind kind, const std::string& label, bool enabled = true);

// A button whose label is wider than the room left on its line wraps its label over several lines (at word
// boundaries) instead of being cut; with an explicit size it is drawn as given.
// Enter activates the button, link or checkbox that shows keyboard focus. Call beginFrameKeys once a frame before
// the screens; a screen whose Enter means something else (Next) checks enterTakenByFocus after its widgets.
void beginFrameKeys();
bool enterTakenByFocus();

bool button(const std::string& label, ImVec2 size = ImVec2(0, 0));
bool primaryButton(const std::string& label, ImVec2 size = ImVec2(0, 0));
bool linkButton(const std::string& label);  // a quiet, text-like button
bool checkbox(const std::string& label, bool* value);
bool selectable(const std::string& label, bool selected, ImVec2 size = ImVec2(0, 0));
bool inputText(const std::string& label, std::string* value, float width = 0);
bool inputMultiline(const std::string& label, std::string* value, ImVec2 size);
// A take's text box: Enter sets *enterPressed (the screen moves on) instead of breaking the line; Shift+Enter breaks
// it. name is what the test driver finds it by.
bool inputMultilineEnterLeaves(const std::string& label, const std::string& name, std::string* value, ImVec2 size,
                               bool* enterPressed);

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

// Layout at every size: 800x600 at scale 1 up to 220 % text. Nothing may be cut or broken mid-word, and every action
// must stay reachable, so rows wrap, tables become cards and navigation folds. (widgets_layout.cpp)
namespace rekindle::ui {

// The right edge (screen coordinates) items must stay inside here: the window's or table column's content edge,
// or the inside of the card being drawn, whichever is nearer.
float contentRight();
float buttonWidth(const std::string& label);  // what button() needs for this label on one line

// Lays items left to right and starts a new line when the next one would not fit. Use for rows of actions:
//   Flow row;  if (row.button("Export JSON")) ...;  if (row.button("Export CSV")) ...
class Flow {
public:
    explicit Flow(float gapEms = 0.5f) : m_gap(gapEms) {}
    void next(float width);  // before any item of this width: same line if it fits, else a new line
    bool button(const std::string& label, float height = 0);  // height > 0: a taller button (main actions)
    bool primaryButton(const std::string& label, float height = 0);
    bool linkButton(const std::string& label);
    void textMuted(const std::string& s);  // a short note beside the buttons (wraps if it is long)

private:
    float m_gap;
    bool m_first = true;
};

// Main navigation: tabs in a row when they fit on one line beside the brand, else one "Menu" button that opens
// the same choices as a list (keyboard: Tab to it, Enter, arrows, Enter). Returns the index chosen, or -1.
struct NavTab {
    std::string label;
    bool current = false;
};
int navTabs(const std::string& brand, const std::vector<NavTab>& tabs);

// Rows drawn as a table when there is room for it, else as one card per row with each value under its header, so
// no column ever shrinks to a letter per line. Thousands of rows stay smooth: only visible ones are drawn.
//   RowList list("##history", {{"Date"}, {"Set", 1.0f}, {"", 0, 15}}, 46);
//   if (list.begin()) { list.rows(n, [&](int i) { list.row(id); list.cell(); text(...); ... }); list.end(); }
struct ListColumn {
    std::string header;     // above the column; in a card before the value (the first column is the card's title)
    float weight = 1.0f;    // share of the width for a stretching column
    float fixedEms = 0.0f;  // > 0: a fixed width in ems instead
};
class RowList {
public:
    RowList(std::string id, std::vector<ListColumn> columns, float tableMinEms);
    bool begin();  // false when nothing is to be drawn (then no end())
    bool cards() const { return m_cards; }
    void rows(int count, const std::function<void(int)>& drawRow);  // calls drawRow for the visible rows only
    void row(const std::string& id);  // opens a row (PushID); closes the previous one
    void cell();                      // the next column: in a card, its header first
    void end();

private:
    void closeRow();
    std::string m_id;
    std::vector<ListColumn> m_columns;
    float m_minEms;
    bool m_cards = false;
    bool m_rowOpen = false;
    int m_column = -1;
};

// Text from results, drafts and shared sets can be any length (a 20,000-character title, a 100 KB reflection).
// Shown whole it would wrap a word into letters and can pass ImGui 1.86's 16-bit vertex index (a text call reserves
// 4 vertices per character). clipForDisplay keeps at most maxChars characters (cut at a space when one is near,
// never inside a UTF-8 sequence) and adds "…"; the file is never changed.
std::string clipForDisplay(const std::string& s, size_t maxChars);
// Wrapped text clipped as above, with a "Show all" toggle that shows the whole text in parts, each small enough
// for one draw call. id names the toggle's state (PushID'd by the caller's loop).
void longText(const char* id, const std::string& s, size_t maxChars = 600);
constexpr size_t kTitleChars = 200;

// Muted text holding file paths: it may wrap after a '/' as well as between words, since a long path is one word
// that would otherwise be broken between letters or cut at large text sizes.
void textWithPaths(const std::string& s);  // titles from files (the validator's cap for sets)

}  // namespace rekindle::ui
