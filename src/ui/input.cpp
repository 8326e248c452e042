// The only ui file that uses imgui_internal.h or a backend key number: when ImGui is upgraded, this is what to revisit.
#include "ui/input.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace rekindle::ui {

namespace {
KeyCodes g_codes;

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

bool textWrapPosSet() { return ImGui::GetCurrentWindow()->DC.TextWrapPos >= 0.0f; }

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
