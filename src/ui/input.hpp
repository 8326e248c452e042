// Keys, keyboard focus and item geometry beyond ImGui 1.86's public API, in one ui file. 1.86 names only a few keys (ImGuiKey_*);
// letters, digits, F12 and the keypad are the backend's own numbers, which the platform layer hands over at start.
#pragma once

#include <string>

namespace rekindle::ui {

// The backend's numbers for the keys ImGui 1.86 has no name for; -1 for a key that cannot be pressed (the bench's
// headless frames give none, so no shortcut fires there).
struct KeyCodes {
    int letterA = -1;  // 'B' is letterA + 1, ...
    int digit0 = -1;   // '1' is digit0 + 1, ...
    int f12 = -1;
    int equal = -1;
    int minus = -1;
    int keypadAdd = -1;
    int keypadSubtract = -1;
};
void setKeyCodes(const KeyCodes& codes);

enum class Key { F12, Equal, Minus, KeypadAdd, KeypadSubtract };

// Pressed this frame (no auto-repeat).
bool letterPressed(char upperCaseLetter);
bool digitPressed(int digit);
bool keyPressed(Key key);

// Gives the last drawn item keyboard focus with the navigation highlight showing, as if Tab had landed there.
void focusLastItem();

// Tab (without Shift) pressed this frame outside a text field: the platform turns it into a keyboard-navigation
// move (ImGui 1.86 tabs only between text fields) and tells ui here, once a frame, so a screen can send that Tab
// into its one text box instead.
void setTabThisFrame(bool forward);
bool tabThisFrame();

// Lets go of the text field being typed in, from this frame on (io.WantTextInput too), so the next key press after
// "Enter moves on" is an answer key again rather than text for a field that is gone.
void leaveTextField();
// Call right after a text box: keyboard focus that lands on it (Tab, the arrows) turns into typing once, or at once
// with enterNow; 1.86 would only outline the box and drop what is typed next. Remembered per box in ImGui's own
// window storage, so every text widget gets it without a flag in each view.
void typeOnKeyboardFocus(bool enterNow = false);

// Whether a wrap position was pushed (PushTextWrapPos) in the current window, e.g. by a card.
bool textWrapPosSet();
// The width wrapped text starting at screen x gets: up to the pushed wrap position, else the content edge.
float wrapWidthAt(float x);

// Debian's ImGui 1.86 keeps text as 16-bit ImWchar, so a character beyond U+FFFF (most emoji) cannot live in a
// text field: typed, it would arrive as U+FFFD; loaded, any edit would write U+FFFD back in its place.
bool holdsCharactersBeyondBmp(const std::string& utf8);
// The platform layer took such a typed character out of ImGui's queue; the person is told next to the field.
void rejectTypedCharacter(unsigned codepoint);
// Draws that notice for a few seconds after the character was typed; call after the screens, before Render.
void drawTypingNotice();

// Where the last item sits in the visible area it was drawn into (its window's, child's or table column's clip
// rectangle). outOfView: wholly outside it vertically (scrolled away: a person scrolls to it). cut: part of it is
// hidden although it is in view (past the left or right edge, or past the top or bottom of a window that cannot
// scroll), which a person cannot undo.
struct ItemClip {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // the clip rectangle
    bool outOfView = false;
    bool cut = false;
};
ItemClip lastItemClip();

}  // namespace rekindle::ui
