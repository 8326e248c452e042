// Every ImGui 1.86 input workaround on the platform side, in one place: GLFW key numbers, io.KeysDown and
// io.NavInputs (1.86 has no input-event queue and indexes keys by the backend's own numbers).
#pragma once

#include <string>
#include <vector>

struct ImGuiIO;

namespace rekindle::platform::input {

// The GLFW key behind a name a test script uses ("Enter", "F12", "a", "7", "="); -1 when unknown.
int keyByName(const std::string& name);

// Hands ui the GLFW numbers of the keys ImGui 1.86 has no name for (letters, digits, F12, keypad); once, at start.
void giveUiKeyCodes();

// Debian's ImGui 1.86 keeps text as 16-bit ImWchar: the backend queues a typed character beyond U+FFFF (most
// emoji) as U+FFFD, which would be stored in place of it. The char callback notes each such character, and before
// the frame they are taken out of ImGui's queue again and ui says so next to the field: nothing is silently replaced.
class WideCharacterGuard {
public:
    void onChar(unsigned codepoint);  // from our GLFW char callback, which runs before the backend queues it
    void apply(ImGuiIO& io);          // before ImGui::NewFrame

private:
    std::vector<unsigned> m_pending;
};

// After ImGui::NewFrame: did this frame bring input (a key going down, a character, a click, the wheel, the mouse
// moving)? Real and scripted input alike, so the idle lock sees both.
bool frameHadInput(const ImGuiIO& io);

// Holds or releases one key in ImGui's per-frame key state.
void setKeyDown(ImGuiIO& io, int key, bool down);

// ImGui 1.86 tabs only between text fields; Rekindle promises that Tab reaches every control, so Tab / Shift+Tab
// drive keyboard navigation to the next / previous row, leaving a text field first. Escape in a text field leaves
// it with its text kept (1.86 would put back the old text). Call before ImGui::NewFrame.
class TabNavigation {
public:
    void apply(ImGuiIO& io);

private:
    bool m_wasDown = false;
    bool m_escWasDown = false;
};

}  // namespace rekindle::platform::input
