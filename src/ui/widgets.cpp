// Widget wrappers: one place that knows how Rekindle's controls look and how the test driver finds them.
#include "ui/widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "ui/input.hpp"
#include "ui/theme.hpp"

namespace rekindle::ui {

namespace {
Fonts g_fonts;
int g_disabledDepth = 0;
// The inside right edge of each card being drawn (cards nest): what is drawn past it overflows the card. Only
// lives while a frame draws; empty between frames.
std::vector<float> g_cardRight;

// No single text call may hold more characters than this: ImGui 1.86 reserves 4 vertices per character in one
// go, and its indices are 16-bit (imconfig.h leaves ImDrawIdx unsigned short), so one call must stay far below
// 16,384 characters. Screens clip file text much shorter (clipForDisplay); this is the net under all of them.
constexpr size_t kMaxCharsPerCall = 3000;
bool g_enterTaken = false;  // this frame's Enter went to a focused button (reset by beginFrameKeys)

// Enter on a control that shows keyboard focus activates that control (ImGui 1.86 activates with Space only), so
// "Back" focused and Enter pressed means Back. Only while the focus highlight shows: after a mouse click Enter
// keeps the screen's own meaning (Next on a take).
bool enterOnFocused() {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.NavVisible || io.WantTextInput || g_disabledDepth > 0 || !ImGui::IsItemFocused()) return false;
    if (!ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) &&
        !ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false))
        return false;
    g_enterTaken = true;
    return true;
}

std::string visible(const std::string& label) {
    auto p = label.find("##");
    return p == std::string::npos ? label : label.substr(0, p);
}

const std::string& capped(const std::string& s, std::string& storage) {
    if (s.size() <= kMaxCharsPerCall) return s;
    storage = clipForDisplay(s, kMaxCharsPerCall);
    return storage;
}

#if REKINDLE_TEST_HOOKS
// For the no-clipping check: wrapped text whose longest word is wider than the wrap width was broken inside a word.
float widestWord(const std::string& s) {
    float widest = 0;
    size_t i = 0;
    while (i < s.size()) {
        size_t j = s.find_first_of(" \t\n", i);
        if (j == std::string::npos) j = s.size();
        if (j > i) widest = std::max(widest, ImGui::CalcTextSize(s.data() + i, s.data() + j).x);
        i = j + 1;
    }
    return widest;
}
#endif
}  // namespace

void setFonts(const Fonts& f) { g_fonts = f; }

float contentRight() {
    float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    return g_cardRight.empty() ? right : std::min(right, g_cardRight.back());
}

float buttonWidth(const std::string& label) {
    std::string shown = visible(label);
    return ImGui::CalcTextSize(shown.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
}
void beginFrameKeys() { g_enterTaken = false; }
bool enterTakenByFocus() { return g_enterTaken; }

std::string percentText(double percent) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f%%", percent);
    return buf;
}
const Fonts& fonts() { return g_fonts; }

void recordLastItem(RegisteredItem::Kind kind, const std::string& label, bool enabled) {
#if REKINDLE_TEST_HOOKS
    Registry& r = Registry::get();
    if (!r.enabled()) return;
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ItemClip clip = lastItemClip();
    // Widgets scrolled out of view cannot be clicked by a person either; the driver scrolls to them first.
    RegisteredItem item{kind, label, a.x, a.y, b.x, b.y, enabled && g_disabledDepth == 0, clip.cut, clip.x0, clip.y0, clip.x1, clip.y1, "",
                        kind != RegisteredItem::Kind::Text && clip.outOfView};
    item.focused = kind != RegisteredItem::Kind::Text &&
                   ((ImGui::IsItemFocused() && ImGui::GetIO().NavVisible) ||
                    (kind == RegisteredItem::Kind::Input && ImGui::IsItemActive()));
    if (!clip.outOfView && !clip.cut && !g_cardRight.empty() && b.x > g_cardRight.back() + 1.0f) {
        item.cut = true;
        item.problem = "overflows its card (right edge " + std::to_string(int(g_cardRight.back())) + ")";
    }
    r.add(std::move(item));
#endif
}

namespace {
// Records wrapped text, flagging a word the wrap width could not hold (ImGui then breaks it between letters).
void recordWrapped(const std::string& s, float wrapWidth) {
#if REKINDLE_TEST_HOOKS
    recordLastItem(RegisteredItem::Kind::Text, s);
    Registry& r = Registry::get();
    if (!r.enabled() || r.items().empty() || r.items().back().cut || lastItemClip().outOfView) return;
    float widest = widestWord(s);
    if (widest > wrapWidth + 1.0f) {
        RegisteredItem item = r.items().back();
        r.dropLast();
        item.cut = true;
        item.problem = "is broken mid-word (its longest word is " + std::to_string(int(widest)) + " px, the room " +
                       std::to_string(int(wrapWidth)) + " px)";
        r.add(std::move(item));
    }
#else
    (void)s;
    (void)wrapWidth;
#endif
}

// The label wrapped to the room left on the line when it does not fit there on one line; a plain button otherwise.
bool rawButton(const std::string& label, ImVec2 size) {
    std::string shown = visible(label);
    ImVec2 pad = ImGui::GetStyle().FramePadding;
    float room = contentRight() - ImGui::GetCursorScreenPos().x;
    if (size.x != 0 || buttonWidth(label) <= room || room <= 2 * pad.x + em(1)) return ImGui::Button(label.c_str(), size);
    float wrap = room - 2 * pad.x;
    ImVec2 ts = ImGui::CalcTextSize(shown.c_str(), nullptr, false, wrap);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    // Same id as ImGui::Button(label) would take, so focus stays on it when the window is resized.
    ImGui::PushID(label.c_str());
    float height = std::max(size.y, ts.y + 2 * pad.y);
    bool pressed = ImGui::Button("##wrapped", ImVec2(room, height));
    ImGui::PopID();
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + pad.x, pos.y + (height - ts.y) * 0.5f),
                                        ImGui::GetColorU32(ImGuiCol_Text), shown.c_str(), nullptr, wrap);
    return pressed;
}
}  // namespace

bool button(const std::string& label, ImVec2 size) {
    bool pressed = rawButton(label, size);
    pressed |= enterOnFocused();
    recordLastItem(RegisteredItem::Kind::Button, visible(label));
    return pressed;
}

bool primaryButton(const std::string& label, ImVec2 size) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
    ImVec4 hov = p.accent;
    hov.w = 0.85f;
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, hov);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.accent);
    // Text on the accent must stay readable in every theme: dark text on the bright contrast accent.
    bool brightAccent = p.accent.x + p.accent.y + p.accent.z > 1.8f;
    ImGui::PushStyleColor(ImGuiCol_Text, brightAccent ? ImVec4(0, 0, 0, 1) : ImVec4(1, 1, 1, 1));
    bool pressed = rawButton(label, size);
    pressed |= enterOnFocused();
    ImGui::PopStyleColor(4);
    recordLastItem(RegisteredItem::Kind::Button, visible(label));
    return pressed;
}

bool linkButton(const std::string& label) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0);
    bool pressed = rawButton(label, ImVec2(0, 0));
    pressed |= enterOnFocused();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    recordLastItem(RegisteredItem::Kind::Button, visible(label));
    return pressed;
}

bool checkbox(const std::string& label, bool* value) {
    bool changed = ImGui::Checkbox(label.c_str(), value);
    if (enterOnFocused()) {
        *value = !*value;
        changed = true;
    }
    recordLastItem(RegisteredItem::Kind::Checkbox, visible(label));
    return changed;
}

bool selectable(const std::string& label, bool selected, ImVec2 size) {
    std::string shown = visible(label);
    float room = contentRight() - ImGui::GetCursorScreenPos().x;
    bool pressed;
    if (size.x == 0 && size.y == 0 && ImGui::CalcTextSize(shown.c_str()).x > room && room > em(1)) {
        // Too long for one line: the label wraps at word boundaries inside a taller selectable.
        ImVec2 ts = ImGui::CalcTextSize(shown.c_str(), nullptr, false, room);
        ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::PushID(label.c_str());
        pressed = ImGui::Selectable("##wrapped", selected, 0, ImVec2(room, ts.y));
        ImGui::PopID();
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), pos, ImGui::GetColorU32(ImGuiCol_Text),
                                            shown.c_str(), nullptr, room);
    } else {
        pressed = ImGui::Selectable(label.c_str(), selected, 0, size);
    }
    pressed |= enterOnFocused();
    recordLastItem(RegisteredItem::Kind::Button, visible(label));
    return pressed;
}

namespace {
// Text holding characters beyond U+FFFF would come back from an edit with U+FFFD in their place (ImGui 1.86's 16-bit
// ImWchar), so such text is shown read-only, with the reason, rather than rewritten lossily.
ImGuiInputTextFlags lossless(const std::string& value) {
    return holdsCharactersBeyondBmp(value) ? ImGuiInputTextFlags_ReadOnly : ImGuiInputTextFlags_None;
}
void explainReadOnly(ImGuiInputTextFlags flags) {
    if (flags & ImGuiInputTextFlags_ReadOnly)
        textMuted("This text holds characters (such as emoji) that this box can't edit without losing them, so it is "
                  "shown read-only.");
}
}  // namespace

bool inputText(const std::string& label, std::string* value, float width) {
    if (width > 0) ImGui::SetNextItemWidth(width);
    ImGuiInputTextFlags flags = lossless(*value);
    bool changed = ImGui::InputText(label.c_str(), value, flags);
    typeOnKeyboardFocus();
    recordLastItem(RegisteredItem::Kind::Input, visible(label));
    explainReadOnly(flags);
    return changed;
}

bool inputMultiline(const std::string& label, std::string* value, ImVec2 size) {
    ImGuiInputTextFlags flags = lossless(*value);
    bool changed = ImGui::InputTextMultiline(label.c_str(), value, size, flags);
    typeOnKeyboardFocus();
    recordLastItem(RegisteredItem::Kind::Input, visible(label));
    explainReadOnly(flags);
    return changed;
}

namespace {
// Enter (without Shift) typed into a take's text box is "go on", not a line break; Shift+Enter still breaks the
// line, and a line break that arrives by paste (no Enter key down this frame) is kept.
int enterLeaves(ImGuiInputTextCallbackData* data) {
    if (data->EventChar != '\n' || ImGui::GetIO().KeyShift) return 0;
    if (!ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) && !ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)))
        return 0;
    *static_cast<bool*>(data->UserData) = true;
    return 1;
}
}  // namespace

bool inputMultilineEnterLeaves(const std::string& label, const std::string& name, std::string* value, ImVec2 size,
                               bool* enterPressed) {
    ImGuiInputTextFlags flags = lossless(*value) | ImGuiInputTextFlags_CallbackCharFilter;
    bool changed = ImGui::InputTextMultiline(label.c_str(), value, size, flags, enterLeaves, enterPressed);
    recordLastItem(RegisteredItem::Kind::Input, name);
    explainReadOnly(flags);
    return changed;
}

void text(const std::string& s) {
    std::string storage;
    const std::string& t = capped(s, storage);
    ImGui::TextUnformatted(t.c_str(), t.c_str() + t.size());
    recordLastItem(RegisteredItem::Kind::Text, t);
}

void textWrapped(const std::string& s) {
    std::string storage;
    const std::string& t = capped(s, storage);
    // Respect a wrap position the caller set (cards, centred columns); else wrap at the window edge.
    bool own = !textWrapPosSet();
    if (own) ImGui::PushTextWrapPos(0.0f);
    float room = wrapWidthAt(ImGui::GetCursorScreenPos().x);
    ImGui::TextUnformatted(t.c_str(), t.c_str() + t.size());
    if (own) ImGui::PopTextWrapPos();
    recordWrapped(t, room);
}

void textMuted(const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
    textWrapped(s);
    ImGui::PopStyleColor();
}

void textColored(const ImVec4& color, const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    textWrapped(s);
    ImGui::PopStyleColor();
}

void heading(const std::string& s) {
    ImGui::PushFont(g_fonts.large ? g_fonts.large : ImGui::GetFont());
    textWrapped(s);
    ImGui::PopFont();
}

void subheading(const std::string& s) {
    ImGui::PushFont(g_fonts.bold ? g_fonts.bold : ImGui::GetFont());
    textWrapped(s);
    ImGui::PopFont();
}

void bullet(const std::string& s) {
    ImGui::Bullet();
    ImGui::SameLine();
    textWrapped(s);
}

void spacing(float ems) { ImGui::Dummy(ImVec2(0, em(ems))); }

void beginCard(const char* id, const ImVec4& bg, const ImVec4& border, float width) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::PushID(id);
    ImGui::BeginGroup();
    ImVec2 pad(em(0.9f), em(0.7f));
    ImGui::Dummy(ImVec2(0, pad.y));
    ImGui::Indent(pad.x);
    // Store background colours for endCard in the state storage of this id.
    ImGuiStorage* st = ImGui::GetStateStorage();
    st->SetInt(ImGui::GetID("bg"), int(ImGui::ColorConvertFloat4ToU32(bg)));
    st->SetInt(ImGui::GetID("border"), int(ImGui::ColorConvertFloat4ToU32(border)));
    float avail = ImGui::GetContentRegionAvail().x + pad.x;
    if (width <= 0 || width > avail) width = avail;
    st->SetFloat(ImGui::GetID("right"), ImGui::GetCursorScreenPos().x - pad.x + width);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * pad.x);
    g_cardRight.push_back(ImGui::GetCursorScreenPos().x + width - 2 * pad.x);
}

void endCard() {
    if (!g_cardRight.empty()) g_cardRight.pop_back();
    ImGui::PopTextWrapPos();
    float padX = em(0.9f), padY = em(0.7f);
    ImGui::Unindent(padX);
    ImGui::Dummy(ImVec2(0, padY));
    ImGui::EndGroup();
    ImGuiStorage* st = ImGui::GetStateStorage();
    ImU32 bg = ImU32(st->GetInt(ImGui::GetID("bg")));
    ImU32 border = ImU32(st->GetInt(ImGui::GetID("border")));
    float right = st->GetFloat(ImGui::GetID("right"));
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSetCurrent(0);
    ImVec2 a = ImGui::GetItemRectMin();
    ImVec2 b(right, ImGui::GetItemRectMax().y);
    float r = ImGui::GetStyle().ChildRounding;
    dl->AddRectFilled(a, b, bg, r);
    dl->AddRect(a, b, border, r, 0, std::max(1.0f, em(0.08f)));
    dl->ChannelsMerge();
    spacing(0.4f);
}

void percentBar(float percent, const std::string& overlay, float width, const ImVec4& color) {
    // A label too long for the bar (a long area name, large text, a narrow window) goes above it, wrapped, rather
    // than running past the bar's end.
    if (!overlay.empty() && ImGui::CalcTextSize(overlay.c_str()).x > width - em(0.8f)) {
        textWrapped(overlay);
        percentBar(percent, "", width, color);
        return;
    }
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float h = em(1.3f);
    ImGui::Dummy(ImVec2(width, h));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float r = em(0.3f);
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), ImGui::GetColorU32(ImGuiCol_FrameBg), r);
    float p = percent < 0 ? 0 : (percent > 100 ? 100 : percent);
    if (p > 0) dl->AddRectFilled(pos, ImVec2(pos.x + width * p / 100.f, pos.y + h), ImGui::ColorConvertFloat4ToU32(color), r);
    dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h), ImGui::GetColorU32(ImGuiCol_Border), r);
    if (!overlay.empty()) {
        ImVec2 ts = ImGui::CalcTextSize(overlay.c_str());
        ImVec2 tp(pos.x + em(0.4f), pos.y + (h - ts.y) * 0.5f);
        dl->AddText(tp, ImGui::GetColorU32(ImGuiCol_Text), overlay.c_str());
        recordLastItem(RegisteredItem::Kind::Text, overlay);
    }
}

void beginDisabled(bool disabled) {
    if (!disabled) return;
    ImGui::BeginDisabled(true);
    ++g_disabledDepth;
}

void endDisabled(bool disabled) {
    if (!disabled) return;
    ImGui::EndDisabled();
    --g_disabledDepth;
}

}  // namespace rekindle::ui

namespace rekindle::ui {

float tileHeight(const std::string& label, float width) {
    float inner = width - em(1.0f);
    ImVec2 ts = ImGui::CalcTextSize(label.c_str(), nullptr, false, inner > 0 ? inner : 1);
    return std::max(em(2.6f), ts.y + em(1.6f));
}

namespace {
// A check mark drawn with lines (no font glyph needed), in a box of side h whose top-left is at p.
void drawCheckMark(ImDrawList* dl, ImVec2 p, float h, ImU32 col) {
    float t = std::max(2.0f, h * 0.16f);
    ImVec2 pts[3] = {ImVec2(p.x + h * 0.12f, p.y + h * 0.52f), ImVec2(p.x + h * 0.40f, p.y + h * 0.80f),
                     ImVec2(p.x + h * 0.90f, p.y + h * 0.18f)};
    dl->AddPolyline(pts, 3, col, 0, t);
}
}  // namespace

// Picked and focused must differ by more than colour: a picked tile is filled and carries a check mark; a focused
// one (keyboard) keeps its plain background and gets a double outline; both at once: filled, checked, and ringed.
bool choiceTile(const std::string& label, const std::string& keyHint, bool selected, ImVec2 size, bool checkbox) {
    ImGui::PushID(label.c_str());
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::InvisibleButton("##tile", size);
    bool hovered = ImGui::IsItemHovered();
    bool focused = ImGui::IsItemFocused() && ImGui::GetIO().NavVisible;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& p = palette();
    ImVec2 end(pos.x + size.x, pos.y + size.y);
    float r = ImGui::GetStyle().FrameRounding;
    float thick = std::max(2.0f, em(0.12f));
    ImU32 bg = selected ? ImGui::ColorConvertFloat4ToU32(p.accent)
                        : ImGui::GetColorU32(hovered ? ImGuiCol_ButtonHovered : ImGuiCol_FrameBg);
    dl->AddRectFilled(pos, end, bg, r);
    dl->AddRect(pos, end, ImGui::GetColorU32(selected ? ImGuiCol_Text : ImGuiCol_Border), r, 0, selected ? thick : 1.0f);
    if (focused) {
        // The focus ring sits outside the tile, with a gap, and a second line inside: an outline, not a fill.
        ImU32 ring = ImGui::GetColorU32(ImGuiCol_NavHighlight);
        float gap = em(0.18f);
        dl->AddRect(ImVec2(pos.x - gap, pos.y - gap), ImVec2(end.x + gap, end.y + gap), ring, r + gap, 0, thick);
        if (!selected) dl->AddRect(ImVec2(pos.x + gap, pos.y + gap), ImVec2(end.x - gap, end.y - gap), ring, r, 0, 1.0f);
    }
    bool brightAccent = p.accent.x + p.accent.y + p.accent.z > 1.8f;
    ImU32 fg = selected ? (brightAccent ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 255)) : ImGui::GetColorU32(ImGuiCol_Text);
    float padX = em(0.5f);
    float textX = pos.x + padX;
    if (selected) drawCheckMark(dl, ImVec2(end.x - em(1.3f), pos.y + em(0.35f)), em(0.9f), fg);
    if (!keyHint.empty()) {
        std::string hint = checkbox ? (selected ? "[x] " : "[ ] ") + keyHint : keyHint;
        ImVec2 hs = ImGui::CalcTextSize(hint.c_str());
        ImU32 hc = selected ? fg : ImGui::ColorConvertFloat4ToU32(p.muted);
        dl->AddText(ImVec2(pos.x + padX, pos.y + em(0.3f)), hc, hint.c_str());
        if (size.x > em(14)) textX += hs.x + em(0.6f);  // wide tile: hint on the left, label beside it
    }
    // Room on the right for the check mark on a wide tile, so a long label never runs under it.
    float wrap = pos.x + size.x - padX - (size.x > em(14) ? em(1.3f) : 0.0f);
    ImVec2 ts = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap - textX);
    float textY = size.x > em(14) ? pos.y + (size.y - ts.y) * 0.5f : pos.y + size.y - ts.y - em(0.45f);
    if (size.x <= em(14)) {
        // Narrow tile (likert row): centre each line.
        textX = pos.x + std::max(padX, (size.x - ts.x) * 0.5f);
    }
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(textX, textY), fg, label.c_str(), nullptr, wrap - textX);
    ImGui::PopID();
    recordLastItem(RegisteredItem::Kind::Button, label);
    return pressed;
}

}  // namespace rekindle::ui
