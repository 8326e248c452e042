// The only ui file that uses imgui_internal.h or a backend key number: when ImGui is upgraded, this is what to revisit.
#include "ui/input.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>

#include "ui/widgets.hpp"

namespace rekindle::ui {

namespace {
KeyCodes g_codes;

constexpr double kNoticeSeconds = 8.0;
unsigned g_rejected = 0;           // the last character left out
double g_rejectedAt = -kNoticeSeconds;  // ImGui::GetTime() when it was typed

bool pressed(int code) { return code >= 0 && ImGui::IsKeyPressed(code, false); }
}  // namespace

void setKeyCodes(const KeyCodes& codes) { g_codes = codes; }

bool letterPressed(char upperCaseLetter) {
    if (upperCaseLetter < 'A' || upperCaseLetter > 'Z' || g_codes.letterA < 0) return false;
    return pressed(g_codes.letterA + (upperCaseLetter - 'A'));
}

bool digitPressed(int digit) {
    if (digit < 0 || digit > 9 || g_codes.digit0 < 0) return false;
    return pressed(g_codes.digit0 + digit);
}

bool keyPressed(Key key) {
    switch (key) {
        case Key::F12: return pressed(g_codes.f12);
        case Key::Equal: return pressed(g_codes.equal);
        case Key::Minus: return pressed(g_codes.minus);
        case Key::KeypadAdd: return pressed(g_codes.keypadAdd);
        case Key::KeypadSubtract: return pressed(g_codes.keypadSubtract);
    }
    return false;
}

void focusLastItem() {
    // 1.86 can only put keyboard focus on text inputs through the public API (SetKeyboardFocusHere); any other
    // item takes it through the navigation internals.
    ImGui::SetFocusID(ImGui::GetItemID(), ImGui::GetCurrentWindow());
    GImGui->NavDisableHighlight = false;
}

namespace {
bool g_tabThisFrame = false;
}

void setTabThisFrame(bool forward) { g_tabThisFrame = forward; }
bool tabThisFrame() { return g_tabThisFrame; }

void leaveTextField() {
    ImGui::ClearActiveID();
    GImGui->WantTextInputNextFrame = 0;
}

void typeOnKeyboardFocus(bool enterNow) {
    ImGuiID id = ImGui::GetItemID();
    ImGuiID key = ImHashStr("keyboard-focus-last-frame", 0, id);
    ImGuiStorage* storage = ImGui::GetStateStorage();
    bool active = ImGui::IsItemActive();
    bool focusedHere = ImGui::IsItemFocused() && ImGui::GetIO().NavVisible && !active;
    if (!active && ((focusedHere && !storage->GetBool(key)) || enterNow)) ImGui::SetKeyboardFocusHere(-1);
    storage->SetBool(key, focusedHere || active);
}

bool holdsCharactersBeyondBmp(const std::string& utf8) {
    // A UTF-8 lead byte of 0xF0 or above starts a four-byte sequence: a code point beyond U+FFFF.
    for (unsigned char c : utf8)
        if (c >= 0xF0) return true;
    return false;
}

void rejectTypedCharacter(unsigned codepoint) {
    g_rejected = codepoint;
    g_rejectedAt = ImGui::GetTime();
}

void drawTypingNotice() {
    if (g_rejected == 0 || ImGui::GetTime() - g_rejectedAt > kNoticeSeconds) return;
    // Near the bottom edge, over the screen, without taking focus from the field the person is typing in.
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y - em(1)),
                            ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(em(34), vp->WorkSize.y));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                             ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs |
                             ImGuiWindowFlags_NoSavedSettings;
    // Framed like a popup, so it reads as a message about the typing rather than as part of the screen.
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_PopupBg));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    bool open = ImGui::Begin("##typing-notice", nullptr, flags);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    if (open) {
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", g_rejected);
        ImGui::PushTextWrapPos(em(32));
        textWrapped(std::string("This character (") + code + ", such as an emoji) can't be stored in a note yet, so it was "
                    "left out. Everything else you type is kept.");
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
}

bool textWrapPosSet() { return ImGui::GetCurrentWindow()->DC.TextWrapPos >= 0.0f; }

float wrapWidthAt(float x) {
    float pos = ImGui::GetCurrentWindow()->DC.TextWrapPos;
    return ImGui::CalcWrapWidthForPos(ImVec2(x, 0), pos < 0 ? 0.0f : pos);
}

ItemClip lastItemClip() {
    ItemClip c;
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    if (!w) return c;
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const ImRect& clip = w->ClipRect;  // narrowed by child windows and table columns while they draw
    c.x0 = clip.Min.x;
    c.y0 = clip.Min.y;
    c.x1 = clip.Max.x;
    c.y1 = clip.Max.y;
    c.outOfView = b.y < clip.Min.y || a.y > clip.Max.y;
    const float slack = 1.0f;  // sub-pixel rounding of item rectangles
    bool cutSideways = a.x < clip.Min.x - slack || b.x > clip.Max.x + slack;
    bool cutEnds = w->ScrollMax.y <= 0 && (a.y < clip.Min.y - slack || b.y > clip.Max.y + slack);
    c.cut = !c.outOfView && (cutSideways || cutEnds);
    return c;
}

}  // namespace rekindle::ui
