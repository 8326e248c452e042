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

// What every answer widget of one question needs: where picks go, and the view that moves keyboard focus.
struct QuestionCtx {
    const Question& q;
    const Answer* a;  // valid for the whole frame: the state is const while screens draw
    CommandQueue& out;
    TakeScreenView& view;
    void pick(int n) const { out.push(cmd::PickNumber{q.id, n}); }
    void answer(const Answer& answer) const { out.push(cmd::SetAnswer{q.id, answer}); }
    // Set when the step changed while the person was moving with Tab / arrows: the first answer tile of the new
    // question takes keyboard focus, so the next Tab + Space stays on the answers instead of a stale place.
    void focusIfFirst() const {
        if (!view.focusFirstTile) return;
        view.focusFirstTile = false;
        focusLastItem();
    }
};

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

// A text box on a take (free-text answer, reflection). It never takes focus by itself: a person answering with
// digits and Enter would type the next answers into it. A click or Tab puts the cursor in it (Tab lands on it as
// keyboard focus, which is turned into typing once); Enter then moves on, Shift+Enter breaks the line.
bool takeTextBox(TakeScreenView& view, CommandQueue& out, const char* id, const std::string& name, std::string* text,
                 ImVec2 size) {
    bool enter = false;
    bool changed = inputMultilineEnterLeaves(id, name, text, size, &enter);
    // Tab goes into the box (the step's one field) from wherever focus is; arrows that land on it do too.
    typeOnKeyboardFocus(tabThisFrame());
    if (enter) {
        leaveTextField();
        out.push(cmd::Next{});
    }
    return changed;
}

// Vertical list of options (single, multiple, yes/no, and the extra unscored options of likert/slider).
void optionList(const QuestionCtx& c, int firstNumber, float width, bool multi) {
    int n = firstNumber;
    for (const auto& o : c.q.options) {
        ImGui::PushID(o.id.c_str());
        bool picked = isPicked(c.a, o.id);
        float labelWidth = width - em(multi ? 5.0f : 4.0f);  // key hint (and [x]) on the left, check mark on the right
        if (choiceTile(o.label, keyHint(n), picked, ImVec2(width, tileHeight(o.label, labelWidth)), multi)) c.pick(n);
        c.focusIfFirst();
        ImGui::PopID();
        ++n;
    }
}

void likertRow(const QuestionCtx& c, float width) {
    const Question& q = c.q;
    float gap = ImGui::GetStyle().ItemSpacing.x;
    float tileW = (width - gap * float(q.points - 1)) / float(q.points);
    float h = 0;
    for (int i = 0; i < q.points; ++i) h = std::max(h, tileHeight(q.labels[size_t(i)], tileW) + em(1.0f));
    // Too narrow for a row (small window, big zoom): fall back to a column.
    bool column = tileW < em(5.5f);
    for (int i = 0; i < q.points; ++i) {
        ImGui::PushID(i);
        const std::string& label = q.labels[size_t(i)];
        bool picked = c.a && c.a->kind == Answer::Kind::Number && int(c.a->number) == i + 1;
        ImVec2 size = column ? ImVec2(width, tileHeight(label, width - em(4))) : ImVec2(tileW, h);
        if (choiceTile(label, keyHint(i + 1), picked, size)) c.pick(i + 1);
        c.focusIfFirst();
        ImGui::PopID();
        if (!column && i + 1 < q.points) ImGui::SameLine();
    }
}

void slider(const QuestionCtx& c, float width) {
    const Question& q = c.q;
    const Answer* a = c.a;
    bool has = a && a->kind == Answer::Kind::Number;
    float value = has ? float(a->number) : float((q.min + q.max) / 2);
    ImGui::SetNextItemWidth(width);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(em(0.6f), em(0.7f)));
    ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, em(1.4f));
    std::string fmt = has ? (q.step >= 1 ? "%.0f" : "%.1f") : "Not answered yet: drag, or use the arrow keys";
    float before = value;
    if (ImGui::SliderFloat("##slider", &value, float(q.min), float(q.max), fmt.c_str())) {
        double snapped = q.min + std::round((double(value) - q.min) / q.step) * q.step;
        if (!has || std::abs(snapped - before) > 1e-9) c.answer(Answer::ofNumber(std::clamp(snapped, q.min, q.max)));
    }
    recordLastItem(RegisteredItem::Kind::Input, "slider");
    ImGui::PopStyleVar(2);
    // Arrow keys step the slider when no text field has focus.
    if (!ImGui::GetIO().WantTextInput) {
        double cur = has ? a->number : (q.min + q.max) / 2;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)) && !ImGui::IsItemActive())
            c.answer(Answer::ofNumber(std::min(q.max, has ? cur + q.step : cur)));
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)) && !ImGui::GetIO().KeyAlt && !ImGui::IsItemActive())
            c.answer(Answer::ofNumber(std::max(q.min, has ? cur - q.step : cur)));
    }
    textMuted(q.minLabel);
    if (!q.maxLabel.empty()) {
        ImGui::SameLine(ImGui::GetCursorPosX() + width - ImGui::CalcTextSize(q.maxLabel.c_str()).x);
        textMuted(q.maxLabel);
    }
}

// The answer widgets for one question, by type.
void answerWidgets(const QuestionCtx& c, float width) {
    const Question& q = c.q;
    switch (q.type) {
        case QuestionType::Likert:
            likertRow(c, width);
            if (!q.options.empty()) optionList(c, q.points + 1, width, false);
            break;
        case QuestionType::SingleChoice: optionList(c, 1, width, false); break;
        case QuestionType::MultipleChoice:
            if (q.maxPicks > 0) textMuted("Choose up to " + std::to_string(q.maxPicks) + ".");
            else textMuted("Choose all that apply.");
            optionList(c, 1, width, true);
            break;
        case QuestionType::YesNo:
            if (q.options.empty()) {
                float w = (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
                if (choiceTile("Yes", "1", isPicked(c.a, "yes"), ImVec2(w, em(3)))) c.pick(1);
                c.focusIfFirst();
                ImGui::SameLine();
                if (choiceTile("No", "2", isPicked(c.a, "no"), ImVec2(w, em(3)))) c.pick(2);
            } else {
                optionList(c, 1, width, false);
            }
            break;
        case QuestionType::Slider:
            slider(c, width);
            if (!q.options.empty()) optionList(c, 1, width, false);
            break;
        case QuestionType::FreeText: {
            std::string text = c.a && c.a->kind == Answer::Kind::Text ? c.a->text : std::string();
            if (takeTextBox(c.view, c.out, "##text", "Your answer", &text, ImVec2(width, em(7)))) c.answer(Answer::ofText(text));
            textMuted("Click or press Tab to write. Enter goes on; Shift+Enter starts a new line.");
            break;
        }
    }
}

// Title, progress line and bar, and the take's notices.
void header(const app::TakeState& t, float width) {
    const Palette& pal = palette();
    bool atEnd = t.step >= t.steps.size();
    app::Progress prog = app::progressAt(t.set, t.steps, atEnd ? t.steps.size() - 1 : t.step);
    spacing(0.3f);
    textMuted((t.preview ? "Preview · " : t.privateTake ? "Private take, nothing kept · " : "") + t.set.title);
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
}

// The current step's body. Returns true when the step is an optional question (it gets a Skip button).
bool stepBody(const AppState& st, CommandQueue& out, TakeScreenView& view, float width) {
    const app::TakeState& t = st.take;
    if (t.step >= t.steps.size()) {
        heading("That's everything.");
        textWrapped("Thank you for taking the time. When you're ready, see what your answers point to. You can still go "
                    "back and change anything.");
        spacing();
        return false;
    }
    bool optional = false;
    const app::Step& s = t.steps[t.step];
    const core::Section& sec = t.set.sections[s.section];
    ImGui::PushID(sec.id.c_str());
    if (s.kind == app::Step::Kind::Intro) {
        heading(sec.title);
        spacing(0.4f);
        textWrapped(sec.intro);
    } else if (s.kind == app::Step::Kind::Reflection) {
        heading("A moment to reflect");
        textWrapped(sec.reflectionPrompt);
        textMuted("Optional, never scored" + std::string(t.privateTake ? "." : "; saved with your result.") +
                  " Click or press Tab to write; Enter goes on, Shift+Enter starts a new line.");
        auto it = t.notes.find(sec.id);
        std::string note = it == t.notes.end() ? std::string() : it->second;
        if (takeTextBox(view, out, "##reflection", "Your reflection", &note, ImVec2(width, em(8))))
            out.push(cmd::SetReflection{sec.id, note});
    } else {
        const Question& q = sec.questions[s.question];
        ImGui::PushID(q.id.c_str());
        optional = !q.required;
        ImGui::PushFont(fonts().large);
        textWrapped(core::displayText(q, t.answers));
        ImGui::PopFont();
        if (!q.help.empty()) textMuted(q.help);
        spacing(0.6f);
        answerWidgets(QuestionCtx{q, currentAnswer(t, q), out, view}, width);
        ImGui::PopID();
    }
    ImGui::PopID();
    return optional;
}

// Leaving a private take forgets it (nothing was written): asked first once something was answered.
void leaveLink(const app::TakeState& t, CommandQueue& out, TakeScreenView& view) {
    bool hasWords = !t.answers.empty() || !t.notes.empty();
    if (!t.privateTake) {
        if (linkButton(t.preview ? "Leave preview" : "Pause and go Home")) out.push(cmd::AbandonTake{});
        return;
    }
    if (!view.confirmLeavePrivate) {
        if (linkButton("Leave this private take")) {
            if (hasWords) view.confirmLeavePrivate = true;
            else out.push(cmd::AbandonTake{});
        }
        return;
    }
    ImGui::NewLine();
    textColored(palette().warn, "Leave and forget these answers? A private take keeps nothing, so this can't be undone.");
    if (button("Yes, forget them")) {
        view.confirmLeavePrivate = false;
        out.push(cmd::AbandonTake{});
    }
    ImGui::SameLine();
    if (button("Stay") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) view.confirmLeavePrivate = false;
}

void navigation(const AppState& st, CommandQueue& out, TakeScreenView& view, bool optional) {
    const app::TakeState& t = st.take;
    bool atEnd = t.step >= t.steps.size();
    spacing(0.8f);
    ImVec2 navSize(em(7), em(2.2f));
    beginDisabled(t.step == 0);
    if (button("Back", navSize)) out.push(cmd::Back{});
    endDisabled(t.step == 0);
    ImGui::SameLine();
    if (optional && !atEnd) {
        if (button("Skip", navSize)) out.push(cmd::Skip{});
        ImGui::SameLine();
    }
    if (atEnd) {
        if (primaryButton("See my result", ImVec2(em(10), navSize.y))) out.push(cmd::Next{});
    } else {
        if (primaryButton("Next", navSize)) out.push(cmd::Next{});
    }
    // A step without answer tiles (intro, reflection, the end): keyboard focus goes to Next, never left on a
    // control of the last screen (after the disclaimer it sat on the top bar's Home, where Enter would go Home).
    if (view.focusFirstTile) {
        view.focusFirstTile = false;
        focusLastItem();
    }
    ImGui::SameLine(0, em(2));
    leaveLink(t, out, view);
    spacing(0.4f);
    if (st.undo && st.undo->setId == t.set.id && !t.preview) {
        textMuted("Your earlier answers to this set are in the trash folder.");
        ImGui::SameLine();
        if (linkButton("Undo: bring them back")) out.push(cmd::UndoStartAgain{});
    }
    // The footer only promises what is true of this take: a read-only window or a failing draft write keeps the
    // answers in memory alone, and saying "saved as you go" then would be a lie a person might rely on.
    const char* keys = "Keys: 1-9 pick · Enter next · Backspace back · Tab moves · Ctrl+H hides the screen";
    std::string footer = t.preview           ? std::string("Preview: nothing is saved.")
                         : t.privateTake     ? std::string("Private take: nothing is written to disk. ") + keys
                         : st.readOnly       ? std::string("This window is read-only: these answers are not saved. ") + keys
                         : !t.draftError.empty() ? std::string("Your answers are kept in this window only (see above). ") + keys
                                                 : std::string("Every answer is saved as you go. ") + keys;
    textMuted(footer);
}

// Keyboard: handled after the widgets so a focused button's own activation (Space) keeps priority.
void keyboard(const AppState& st, CommandQueue& out, bool typing) {
    if (ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) return;
    ImGuiIO& io = ImGui::GetIO();
    bool ctrlEnter = io.KeyCtrl && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                                    ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)));
    if (typing) {
        if (ctrlEnter) out.push(cmd::Next{});
        return;
    }
    const app::TakeState& t = st.take;
    if (t.step < t.steps.size() && t.steps[t.step].kind == app::Step::Kind::Question) {
        const app::Step& s = t.steps[t.step];
        const std::string& qid = t.set.sections[s.section].questions[s.question].id;
        for (int k = 1; k <= 10; ++k)
            if (!io.KeyCtrl && digitPressed(k % 10)) out.push(cmd::PickNumber{qid, k});
    }
    // Enter means Next, unless it went to the button that shows keyboard focus (then Back means Back).
    if (!enterTakenByFocus() && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                                 ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false)))
        out.push(cmd::Next{});
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)) ||
        (io.KeyAlt && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))))
        out.push(cmd::Back{});
}

}  // namespace

void drawTake(const AppState& st, CommandQueue& out, TakeScreenView& view) {
    const app::TakeState& t = st.take;
    if (!t.active) {
        textMuted("No questionnaire is open.");
        if (button("Back to Home")) out.push(cmd::Go{app::Screen::Home});
        return;
    }
    ImGuiIO& io = ImGui::GetIO();
    float width = std::min(ImGui::GetContentRegionAvail().x - em(1), em(44));
    float left = std::max(0.0f, (ImGui::GetContentRegionAvail().x - width) * 0.5f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    header(t, width);
    bool typing = io.WantTextInput;
    if (view.seenSerial != t.stepSerial) {
        view.focusFirstTile = io.NavVisible && !typing;
        view.seenSerial = t.stepSerial;
        view.confirmLeavePrivate = false;
    }
    bool optional = stepBody(st, out, view, width);
    if (!t.message.empty()) {
        spacing(0.3f);
        textColored(palette().warn, t.message);
    }
    navigation(st, out, view, optional);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    keyboard(st, out, typing);
}

}  // namespace rekindle::ui
