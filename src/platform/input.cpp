// Key numbers are GLFW's because 1.86's GLFW backend writes io.KeysDown[GLFW_KEY_*] and nothing else.
#include "platform/input.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <map>

#include "ui/input.hpp"

namespace rekindle::platform::input {

int keyByName(const std::string& name) {
    static const std::map<std::string, int> keys = {
        {"Enter", GLFW_KEY_ENTER},   {"Return", GLFW_KEY_ENTER},   {"Tab", GLFW_KEY_TAB},
        {"Backspace", GLFW_KEY_BACKSPACE}, {"Escape", GLFW_KEY_ESCAPE}, {"Space", GLFW_KEY_SPACE},
        {"Left", GLFW_KEY_LEFT},     {"Right", GLFW_KEY_RIGHT},    {"Up", GLFW_KEY_UP},
        {"Down", GLFW_KEY_DOWN},     {"Home", GLFW_KEY_HOME},      {"End", GLFW_KEY_END},
        {"PageUp", GLFW_KEY_PAGE_UP}, {"PageDown", GLFW_KEY_PAGE_DOWN}, {"Delete", GLFW_KEY_DELETE},
        {"=", GLFW_KEY_EQUAL},       {"-", GLFW_KEY_MINUS},        {"F1", GLFW_KEY_F1},
        {"F12", GLFW_KEY_F12},
    };
    auto it = keys.find(name);
    if (it != keys.end()) return it->second;
    if (name.size() == 1) {
        char c = name[0];
        if (c >= 'a' && c <= 'z') return GLFW_KEY_A + (c - 'a');
        if (c >= 'A' && c <= 'Z') return GLFW_KEY_A + (c - 'A');
        if (c >= '0' && c <= '9') return GLFW_KEY_0 + (c - '0');
    }
    return -1;
}

void giveUiKeyCodes() {
    ui::KeyCodes codes;
    codes.letterA = GLFW_KEY_A;
    codes.digit0 = GLFW_KEY_0;
    codes.f12 = GLFW_KEY_F12;
    codes.equal = GLFW_KEY_EQUAL;
    codes.minus = GLFW_KEY_MINUS;
    codes.keypadAdd = GLFW_KEY_KP_ADD;
    codes.keypadSubtract = GLFW_KEY_KP_SUBTRACT;
    ui::setKeyCodes(codes);
}

void WideCharacterGuard::onChar(unsigned codepoint) {
    if (codepoint > IM_UNICODE_CODEPOINT_MAX) m_pending.push_back(codepoint);
}

void WideCharacterGuard::apply(ImGuiIO& io) {
    if (m_pending.empty()) return;
    // The backend queued each one as IM_UNICODE_CODEPOINT_INVALID, in order; a U+FFFD typed as such is the same
    // value, so taking out as many as were noted keeps every other character.
    size_t left = m_pending.size();
    ImVector<ImWchar>& queue = io.InputQueueCharacters;
    for (int i = 0; i < queue.Size && left > 0;) {
        if (queue[i] == IM_UNICODE_CODEPOINT_INVALID) {
            queue.erase(queue.begin() + i);
            --left;
        } else {
            ++i;
        }
    }
    // Only a focused text field takes characters; elsewhere ImGui drops them anyway and there is nothing to say.
    if (io.WantTextInput) ui::rejectTypedCharacter(m_pending.back());
    m_pending.clear();
}

void setKeyDown(ImGuiIO& io, int key, bool down) {
    if (key >= 0 && key < int(IM_ARRAYSIZE(io.KeysDown))) io.KeysDown[key] = down;
}

void TabNavigation::apply(ImGuiIO& io) {
    bool down = io.KeysDown[GLFW_KEY_TAB];
    bool escDown = io.KeysDown[GLFW_KEY_ESCAPE];
    bool pressed = down && !m_wasDown;
    bool inText = io.WantTextInput;
    // In a text field, 1.86's Escape puts back the text the field had when it was entered (a reflection typed for
    // minutes, gone), and its Tab only cycles between text fields, so a lone box can't be left. Both leave the field
    // here instead, keeping every character; Tab then goes on to the next row as it does anywhere else.
    if (inText && escDown && !m_escWasDown) {
        io.KeysDown[GLFW_KEY_ESCAPE] = false;
        ui::leaveTextField();
    }
    if (pressed) {
        if (inText) ui::leaveTextField();
        io.NavInputs[io.KeyShift ? ImGuiNavInput_KeyUp_ : ImGuiNavInput_KeyDown_] = 1.0f;
        io.KeysDown[GLFW_KEY_TAB] = false;  // consumed: not also ImGui's own text-field tabbing
    }
    // Tab out of a take's text box must not be turned straight back into typing in it.
    ui::setTabThisFrame(pressed && !io.KeyShift && !inText);
    m_wasDown = down;
    m_escWasDown = escDown;
}

bool frameHadInput(const ImGuiIO& io) {
    if (io.InputQueueCharacters.Size > 0 || io.MouseWheel != 0 || io.MouseWheelH != 0) return true;
    if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0) return true;
    for (bool clicked : io.MouseClicked)
        if (clicked) return true;
    for (float held : io.KeysDownDuration)
        if (held == 0.0f) return true;
    return false;
}

}  // namespace rekindle::platform::input
