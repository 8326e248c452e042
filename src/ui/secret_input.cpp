// Passphrase fields and the spinner. ImGui keeps its own copy of the text being edited (edit buffers, the text at
// focus, the undo buffer); forgetTypedText wipes those too, so a passphrase does not linger after unlock or lock.
#include "ui/secret_input.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <string.h>

#include <algorithm>
#include <cmath>

#include "ui/registry.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

size_t SecretField::size() const { return strnlen(text, sizeof text); }

void SecretField::wipe() { explicit_bzero(text, sizeof text); }

bool passphraseField(const char* id, const char* name, SecretField& field, float width, bool focus) {
    if (width > 0) ImGui::SetNextItemWidth(width);
    if (focus) ImGui::SetKeyboardFocusHere();
    bool enter = ImGui::InputText(id, field.text, sizeof field.text,
                                  ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    typeOnKeyboardFocus();  // Tab from the first field lands here ready to type, as ImGui's own text tabbing did
    recordLastItem(RegisteredItem::Kind::Input, name);  // the name the test driver finds it by
    return enter;
}

void forgetTypedText() {
    ImGuiContext& g = *GImGui;
    ImGuiInputTextState& s = g.InputTextState;
    if (g.ActiveId != 0 && g.ActiveId == s.ID) ImGui::ClearActiveID();
    auto wipe = [](auto& v) {
        if (v.Data) explicit_bzero(v.Data, size_t(v.Capacity) * sizeof(v.Data[0]));
    };
    wipe(s.TextW);
    wipe(s.TextA);
    wipe(s.InitialTextA);
    s.ClearFreeMemory();
    explicit_bzero(&s.Stb, sizeof s.Stb);
    s.ID = 0;
    s.CurLenA = s.CurLenW = 0;
    s.TextAIsValid = false;
}

void spinner(float radius) {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 centre(pos.x + radius, pos.y + radius);
    ImGui::Dummy(ImVec2(radius * 2, radius * 2));
    float t = float(ImGui::GetTime());
    float start = std::fmod(t * 5.0f, 2 * IM_PI);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PathArcTo(centre, radius * 0.8f, start, start + IM_PI * 1.4f, 24);
    dl->PathStroke(ImGui::GetColorU32(palette().accent), 0, std::max(2.0f, radius * 0.25f));
}

}  // namespace rekindle::ui
