// Take: one question at a time, large and calm, fully usable from the keyboard (numbers pick, Enter goes on,
// Backspace or Alt+Left goes back, Tab moves between controls).
#include <imgui.h>

#include <cmath>

#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

using core::Answer;
using core::Question;
using core::QuestionType;

namespace {

// Set when the step changed while the person was moving with Tab / arrows: the first answer tile of the new
// question takes keyboard focus, so the next Tab + Space stays on the answers instead of a stale place.
bool g_focusFirstTile = false;

void focusIfFirst() {
    if (!g_focusFirstTile) return;
    g_focusFirstTile = false;
    focusLastItem();
}

std::string keyHint(int n) { return n <= 9 ? std::to_string(n) : (n == 10 ? "0" : ""); }

const Answer* currentAnswer(const app::TakeState& t, const Question& q) {
    auto it = t.answers.find(q.id);
    return it == t.answers.end() ? nullptr : &it->second;
}

bool isPicked(const Answer* a, const std::string& id) {
    if (!a) return false;
    if (a->kind == Answer::Kind::Choice) return a->choice == id;
    if (a->kind == Answer::Kind::Choices)
        for (const auto& c : a->choices)
            if (c == id) return true;
    return false;
}

// Vertical list of options (single, multiple, yes/no, and the extra unscored options of likert/slider).
void optionList(app::Controller& ctrl, const Question& q, const Answer* a, int firstNumber, float width, bool multi) {
    int n = firstNumber;
    for (const auto& o : q.options) {
        ImGui::PushID(o.id.c_str());
        bool picked = isPicked(a, o.id);
        if (choiceTile(o.label, keyHint(n), picked, ImVec2(width, tileHeight(o.label, width - em(3))), multi))
            ctrl.pickNumber(n);
        focusIfFirst();
        ImGui::PopID();
        ++n;
    }
}

void likertRow(app::Controller& ctrl, const Question& q, const Answer* a, float width) {
    float gap = ImGui::GetStyle().ItemSpacing.x;
    float tileW = (width - gap * float(q.points - 1)) / float(q.points);
    float h = 0;
    for (int i = 0; i < q.points; ++i) h = std::max(h, tileHeight(q.labels[size_t(i)], tileW) + em(1.0f));
    if (tileW < em(5.5f)) {
        // Too narrow for a row (small window, big zoom): fall back to a column.
        for (int i = 0; i < q.points; ++i) {
            ImGui::PushID(i);
            bool picked = a && a->kind == Answer::Kind::Number && int(a->number) == i + 1;
            if (choiceTile(q.labels[size_t(i)], keyHint(i + 1), picked, ImVec2(width, tileHeight(q.labels[size_t(i)], width - em(3)))))
                ctrl.pickNumber(i + 1);
            focusIfFirst();
            ImGui::PopID();
        }
        return;
    }
    for (int i = 0; i < q.points; ++i) {
        ImGui::PushID(i);
        bool picked = a && a->kind == Answer::Kind::Number && int(a->number) == i + 1;
        if (choiceTile(q.labels[size_t(i)], keyHint(i + 1), picked, ImVec2(tileW, h))) ctrl.pickNumber(i + 1);
        focusIfFirst();
        ImGui::PopID();
        if (i + 1 < q.points) ImGui::SameLine();
    }
}

void slider(app::Controller& ctrl, const Question& q, const Answer* a, float width) {
    bool has = a && a->kind == Answer::Kind::Number;
    float value = has ? float(a->number) : float((q.min + q.max) / 2);
    ImGui::SetNextItemWidth(width);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(em(0.6f), em(0.7f)));
    ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, em(1.4f));
    std::string fmt = has ? (q.step >= 1 ? "%.0f" : "%.1f") : "Not answered yet: drag, or use the arrow keys";
    float before = value;
    if (ImGui::SliderFloat("##slider", &value, float(q.min), float(q.max), fmt.c_str())) {
        double snapped = q.min + std::round((double(value) - q.min) / q.step) * q.step;
        if (!has || std::abs(snapped - before) > 1e-9) ctrl.answer(Answer::ofNumber(std::clamp(snapped, q.min, q.max)));
    }
    recordLastItem(RegisteredItem::Kind::Input, "slider");
    ImGui::PopStyleVar(2);
    // Arrow keys step the slider when no text field has focus.
    if (!ImGui::GetIO().WantTextInput) {
        double cur = has ? a->number : (q.min + q.max) / 2;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)) && !ImGui::IsItemActive())
            ctrl.answer(Answer::ofNumber(std::min(q.max, has ? cur + q.step : cur)));
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)) && !ImGui::GetIO().KeyAlt && !ImGui::IsItemActive())
            ctrl.answer(Answer::ofNumber(std::max(q.min, has ? cur - q.step : cur)));
    }
    textMuted(q.minLabel);
    if (!q.maxLabel.empty()) {
        ImGui::SameLine(ImGui::GetCursorPosX() + width - ImGui::CalcTextSize(q.maxLabel.c_str()).x);
        textMuted(q.maxLabel);
    }
}

}  // namespace

void drawTake(app::Controller& ctrl) {
    const auto& st = ctrl.state();
    const app::TakeState& t = st.take;
    const Palette& pal = palette();
    if (!t.active) {
        textMuted("No questionnaire is open.");
        if (button("Back to Home")) ctrl.go(app::Screen::Home);
        return;
    }
    ImGuiIO& io = ImGui::GetIO();
    float width = std::min(ImGui::GetContentRegionAvail().x - em(1), em(44));
    float left = std::max(0.0f, (ImGui::GetContentRegionAvail().x - width) * 0.5f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);

    bool atEnd = t.step >= t.steps.size();
    app::Progress prog = app::progressAt(t.set, t.steps, atEnd ? t.steps.size() - 1 : t.step);
    spacing(0.3f);
    textMuted((t.preview ? "Preview · " : "") + t.set.title);
    std::string progress = atEnd ? "All " + std::to_string(prog.total) + " questions answered"
                                 : std::to_string(prog.number) + " of " + std::to_string(prog.total) + " · " + prog.section;
    subheading(progress);
    float frac = prog.total > 0 ? float(atEnd ? prog.total : prog.number - 1) / float(prog.total) : 0;
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, pal.accent);
    ImGui::ProgressBar(frac, ImVec2(width, em(0.45f)), "");
    ImGui::PopStyleColor();
    if (!t.notice.empty()) textColored(pal.good, t.notice);
    if (!t.draftError.empty()) textColored(pal.warn, t.draftError);
    spacing(0.8f);

    bool typing = io.WantTextInput;
    static int lastSerial = -1;
    if (lastSerial != t.stepSerial) {
        g_focusFirstTile = io.NavVisible && !typing;
        lastSerial = t.stepSerial;
    }
    bool optional = false;

    if (atEnd) {
        heading("That's everything.");
        textWrapped("Thank you for taking the time. When you're ready, see what your answers point to. You can still go "
                    "back and change anything.");
        spacing();
    } else {
        const app::Step& s = t.steps[t.step];
        const core::Section& sec = t.set.sections[s.section];
        ImGui::PushID(int(s.section));
        if (s.kind == app::Step::Kind::Intro) {
            heading(sec.title);
            spacing(0.4f);
            textWrapped(sec.intro);
        } else if (s.kind == app::Step::Kind::Reflection) {
            heading("A moment to reflect");
            textWrapped(sec.reflectionPrompt);
            textMuted("Optional. Saved with your result, never scored. Ctrl+Enter goes on.");
            auto it = t.notes.find(sec.id);
            std::string note = it == t.notes.end() ? std::string() : it->second;
            static int focusedSerial = -1;
            if (focusedSerial != t.stepSerial) {
                ImGui::SetKeyboardFocusHere();
                focusedSerial = t.stepSerial;
            }
            if (inputMultiline("##reflection", &note, ImVec2(width, em(8)))) ctrl.setNote(note);
        } else {
            const Question& q = sec.questions[s.question];
            ImGui::PushID(q.id.c_str());
            optional = !q.required;
            const Answer* a = currentAnswer(t, q);
            ImGui::PushFont(fonts().large);
            textWrapped(core::displayText(q, t.answers));
            ImGui::PopFont();
            if (!q.help.empty()) textMuted(q.help);
            spacing(0.6f);
            switch (q.type) {
                case QuestionType::Likert:
                    likertRow(ctrl, q, a, width);
                    if (!q.options.empty()) optionList(ctrl, q, a, q.points + 1, width, false);
                    break;
                case QuestionType::SingleChoice: optionList(ctrl, q, a, 1, width, false); break;
                case QuestionType::MultipleChoice:
                    if (q.maxPicks > 0) textMuted("Choose up to " + std::to_string(q.maxPicks) + ".");
                    else textMuted("Choose all that apply.");
                    optionList(ctrl, q, a, 1, width, true);
                    break;
                case QuestionType::YesNo:
                    if (q.options.empty()) {
                        float w = (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
                        if (choiceTile("Yes", "1", isPicked(a, "yes"), ImVec2(w, em(3)))) ctrl.pickNumber(1);
                        focusIfFirst();
                        ImGui::SameLine();
                        if (choiceTile("No", "2", isPicked(a, "no"), ImVec2(w, em(3)))) ctrl.pickNumber(2);
                    } else {
                        optionList(ctrl, q, a, 1, width, false);
                    }
                    break;
                case QuestionType::Slider:
                    slider(ctrl, q, a, width);
                    if (!q.options.empty()) optionList(ctrl, q, a, 1, width, false);
                    break;
                case QuestionType::FreeText: {
                    std::string text = a && a->kind == Answer::Kind::Text ? a->text : std::string();
                    static int focusedSerial = -1;
                    if (focusedSerial != t.stepSerial) {
                        ImGui::SetKeyboardFocusHere();
                        focusedSerial = t.stepSerial;
                    }
                    if (inputMultiline("##text", &text, ImVec2(width, em(7)))) ctrl.answer(Answer::ofText(text));
                    textMuted("Ctrl+Enter goes on.");
                    break;
                }
            }
            ImGui::PopID();
        }
        ImGui::PopID();
    }

    if (!t.message.empty()) {
        spacing(0.3f);
        textColored(pal.warn, t.message);
    }
    spacing(0.8f);
    ImVec2 navSize(em(7), em(2.2f));
    beginDisabled(t.step == 0);
    if (button("Back", navSize)) ctrl.back();
    endDisabled(t.step == 0);
    ImGui::SameLine();
    if (optional && !atEnd) {
        if (button("Skip", navSize)) ctrl.skip();
        ImGui::SameLine();
    }
    if (atEnd) {
        if (primaryButton("See my result", ImVec2(em(10), navSize.y))) ctrl.next();
    } else {
        if (primaryButton("Next", navSize)) ctrl.next();
    }
    ImGui::SameLine(0, em(2));
    if (linkButton(t.preview ? "Leave preview" : "Pause and go Home")) ctrl.abandonTake();
    spacing(0.4f);
    textMuted(t.preview ? "Preview: nothing is saved."
                        : "Every answer is saved as you go. Keys: 1-9 pick · Enter next · Backspace back · Tab moves · Ctrl+H hides the screen");
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();

    // Keyboard: handled after the widgets so a focused button's own activation (Space) keeps priority.
    if (!ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) {
        bool ctrlEnter = io.KeyCtrl && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                                        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)));
        if (typing) {
            if (ctrlEnter) ctrl.next();
        } else {
            for (int k = 1; k <= 10; ++k)
                if (!io.KeyCtrl && digitPressed(k % 10)) ctrl.pickNumber(k);
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false))
                ctrl.next();
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)) ||
                (io.KeyAlt && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))))
                ctrl.back();
        }
    }
}

}  // namespace rekindle::ui
