// Result: safety guidance first when it applies, then the tips that fit best with why, the dimensions with
// their bands, the full ranking, a note, and Save / Compare.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/words.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

namespace {

std::string fmtPoints(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.2f", v);
    return buf;
}


// The points behind a score, strongest first: kept for anyone who wants the arithmetic, under "details".
void pointDetails(const core::ResultRecord& rec, const std::vector<core::Contribution>& contributions, size_t limit) {
    std::vector<const core::Contribution*> sorted;
    for (const auto& c : contributions) sorted.push_back(&c);
    std::stable_sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return std::abs(a->points) > std::abs(b->points); });
    if (sorted.empty()) {
        textMuted("No answer contributed to this yet.");
        return;
    }
    size_t shown = 0;
    for (const auto* c : sorted) {
        if (shown++ >= limit) break;
        auto it = rec.answerLabels.find(c->questionId);
        std::string q = it != rec.answerLabels.end() ? it->second.question : "a question no longer in this set";
        // Points first: ImGui 1.86 may wrap a line after any '.', which split "1.00" when it came at the end.
        std::string line = fmtPoints(c->points) + " of " + fmtPoints(c->maxPoints).substr(1) + " points" +
                           (c->reversed ? " (reverse-scored)" : "") + ": you answered " + c->answer + " to \"" + q + "\"";
        bullet(line);
    }
    if (sorted.size() > limit)
        textMuted("and " + core::countText(long(sorted.size() - limit), "smaller contribution.", "smaller contributions."));
}

// "Why": the answers that added most, as sentences, then the points under a "details" toggle.
void explain(const core::ResultRecord& rec, const std::vector<core::Contribution>& contributions, size_t detailLimit) {
    auto reasons = core::reasonSentences(rec, contributions, 3);
    if (reasons.empty()) textMuted("None of your answers pointed to this in particular.");
    for (const auto& r : reasons) bullet(r);
    if (ImGui::TreeNode("Details: the points behind this")) {
        recordLastItem(RegisteredItem::Kind::Button, "Details: the points behind this");
        pointDetails(rec, contributions, detailLimit);
        ImGui::TreePop();
    } else {
        recordLastItem(RegisteredItem::Kind::Button, "Details: the points behind this");
    }
}

// Save / Compare / Home: shown right under the heading so no one has to scroll to keep their result, and again
// after the note. On a safety result the guidance comes first and Save is not the primary button: keeping a
// record is not what matters most then. A private result offers no save at all, and leaving it asks first.
void actions(CommandQueue& out, const app::ResultView& r, ResultScreenView& view, bool readOnly) {
    const Palette& pal = palette();
    if (r.preview) return;
    bool safety = !r.record.safety.empty();
    Flow row;
    if (r.privateTake) {
        textMuted("Private take: this result is not saved anywhere and is gone when you leave it.");
    } else if (r.saved) {
        row.next(ImGui::CalcTextSize("Saved. You can find it in History.").x);
        ImGui::AlignTextToFramePadding();
        textColored(pal.good, "Saved. You can find it in History.");
    } else {
        // A second window on the same data folder may not write: saving waits until the other window closes.
        beginDisabled(readOnly);
        if (safety ? row.button("Save result  (Ctrl+S)", em(2.2f)) : row.primaryButton("Save result  (Ctrl+S)", em(2.2f)))
            out.push(cmd::SaveResult{});
        endDisabled(readOnly);
    }
    bool unsaved = !r.privateTake && !r.saved;
    if (r.previous && row.button("Compare with last time  (Ctrl+K)", em(2.2f))) out.push(cmd::CompareWithPrevious{});
    if (!r.privateTake) {
        if (row.button("Home", em(2.2f))) out.push(cmd::Go{app::Screen::Home});
    } else if (!view.confirmLeavePrivate) {
        if (row.button("Leave this result", em(2.2f))) view.confirmLeavePrivate = true;
    } else {
        textColored(pal.warn, "Leave and forget this result? It was never saved, so this can't be undone.");
        Flow confirm;
        if (confirm.button("Yes, forget it")) {
            view.confirmLeavePrivate = false;
            out.push(cmd::ForgetPrivate{});
        }
        if (confirm.button("Stay")) view.confirmLeavePrivate = false;
    }
    if (unsaved && r.error.empty())
        textMuted("Not saved yet. If you leave or close Rekindle, \"Continue\" on Home brings this result back.");
    if (!r.error.empty()) textColored(pal.warn, r.error);
    if (readOnly && !r.saved)
        textMuted("Saving is off in this window while Rekindle is open in another one; it comes back when that one closes.");
}

// The top tips, each with what to try and "Why this tip?" (the answers that contributed).
void tipCards(const app::ResultView& r, float width) {
    const Palette& pal = palette();
    const core::ResultRecord& rec = r.record;
    subheading(core::setsAdviceAside(rec.safety) ? "Tips that are still safe to try" : "Tips that fit you best");
    auto top = rec.topTipRecords();
    if (top.empty()) textMuted("Not enough answers to suggest a tip with confidence.");
    int n = 0;
    for (const core::TipRecord* tip : top) {
        ImGui::PushID(tip->id.c_str());
        const core::Tip* full = r.set.findTip(tip->id);
        beginCard("tip", pal.card, pal.cardBorder, width);
        subheading(std::to_string(++n) + ". " + clipForDisplay(tip->title, kTitleChars));
        textMuted(std::string(core::relevanceWord(tip->relevance)));
        // A tip whose advice could clash with the safety guidance shows its cautions first while a rule holds.
        bool cautionsFirst = full && full->cautionFirst && core::setsAdviceAside(rec.safety) && !full->cautions.empty();
        if (cautionsFirst) {
            textColored(pal.safetyBorder, "Take care first:");
            for (const auto& c : full->cautions) bullet(c);
            spacing(0.2f);
        }
        if (full) {
            textWrapped(full->summary);
            if (!full->tryThisWeek.empty()) {
                spacing(0.2f);
                text("Things to try this week:");
                for (const auto& s : full->tryThisWeek) bullet(s);
            }
        }
        if (ImGui::TreeNode("Why this tip?")) {
            recordLastItem(RegisteredItem::Kind::Button, "Why this tip?");
            if (full && !full->why.empty()) textWrapped(full->why);
            text("It fits because of what you said:");
            explain(rec, tip->contributions, 5);
            if (full && !full->cautions.empty() && !cautionsFirst) {
                text("Take care:");
                for (const auto& c : full->cautions) bullet(c);
            }
            ImGui::TreePop();
        } else {
            recordLastItem(RegisteredItem::Kind::Button, "Why this tip?");
        }
        endCard();
        ImGui::PopID();
    }

}

// Each area with its band, and the answers that made its score.
void dimensionBars(const core::ResultRecord& rec, float width) {
    const Palette& pal = palette();
    spacing(0.5f);
    subheading("How things look, area by area");
    float barW = std::min(width, em(30));
    for (const auto& d : rec.dimensions) {
        ImGui::PushID(d.id.c_str());
        subheading(clipForDisplay(d.label, kTitleChars));
        if (!d.enoughAnswers) {
            textMuted("Not enough answers to say.");
        } else {
            percentBar(float(d.percent), percentText(d.percent) + " · " + d.bandLabel, barW, pal.accentSoft);
            if (!d.interpretation.empty()) textMuted(d.interpretation);
            if (ImGui::TreeNode("Which answers made this score")) {
                explain(rec, d.contributions, 8);
                ImGui::TreePop();
            }
        }
        spacing(0.3f);
        ImGui::PopID();
    }

}

void rankedTips(const core::ResultRecord& rec) {
    spacing(0.3f);
    if (ImGui::CollapsingHeader("All tips, ranked")) {
        recordLastItem(RegisteredItem::Kind::Button, "All tips, ranked");
        if (ImGui::BeginTable("##ranked", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
            ImGui::TableSetupColumn("Rank", ImGuiTableColumnFlags_WidthFixed, em(3));
            ImGui::TableSetupColumn("Tip");
            ImGui::TableSetupColumn("Fit", ImGuiTableColumnFlags_WidthFixed, em(12));
            ImGui::TableHeadersRow();
            for (const auto& tip : rec.tips) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                text(tip.rank > 0 ? std::to_string(tip.rank) : "–");
                ImGui::TableNextColumn();
                textWrapped(clipForDisplay(tip.title, kTitleChars));
                ImGui::TableNextColumn();
                if (tip.suppressed) textMuted("held back for your safety");
                else if (!tip.enoughAnswers) textMuted("not enough answers");
                else text(core::relevanceWord(tip.relevance));
            }
            ImGui::EndTable();
        }
    } else {
        recordLastItem(RegisteredItem::Kind::Button, "All tips, ranked");
    }

}

}  // namespace

void drawSafetyBlock(const app::AppState& st, const std::vector<core::SafetyRecord>& safety,
                     const core::ResultRecord* record) {
    if (safety.empty()) return;
    const Palette& pal = palette();
    beginCard("safety", pal.safetyBg, pal.safetyBorder, em(48));
    textColored(pal.safetyBorder, "Please read this first");
    for (const auto& s : safety) {
        ImGui::PushID(s.ruleId.c_str());
        // The notice first: it says why the guidance is here ("not being sure is worth taking seriously ...").
        if (!s.notice.empty()) textWrapped(s.notice);
        const core::SafetyGuidanceEntry* g = st.library.guidance.find(s.guidance);
        if (g) {
            subheading(g->title);
            textWrapped(g->text);
            for (const auto& step : g->steps) bullet(step);
        }
        // Only what this rule really set aside, by name; nothing for a rule that sets nothing aside.
        std::string aside = record ? core::setAsideText(s, *record) : std::string();
        if (!aside.empty()) textMuted(aside);
        spacing(0.3f);
        ImGui::PopID();
    }
    if (!st.library.guidance.lastReviewed.empty()) textMuted("Guidance last reviewed " + st.library.guidance.lastReviewed + ".");
    endCard();
}

// What was written in the reflection boxes, with the prompt it answered.
static void drawReflections(const core::ResultRecord& rec) {
    std::vector<core::Reflection> list;
    for (auto& r : core::reflections(rec))
        if (r.key != "note") list.push_back(std::move(r));  // the note has its own box below
    if (list.empty()) return;
    spacing(0.5f);
    subheading("Your reflections");
    for (const auto& r : list) {
        ImGui::PushID(r.key.c_str());
        textMuted(r.prompt);
        longText("reflection", r.text);  // a note from a file may be huge: clipped with "Show all"
        spacing(0.3f);
        ImGui::PopID();
    }
}

void drawResult(const AppState& st, CommandQueue& out, ResultScreenView& view) {
    const app::ResultView& r = st.result;
    if (!r.active) {
        textMuted("No result to show.");
        return;
    }
    const core::ResultRecord& rec = r.record;
    float width = std::min(ImGui::GetContentRegionAvail().x - em(1), em(48));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (ImGui::GetContentRegionAvail().x - width) * 0.5f));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    spacing(0.3f);
    // Safety first: when it applies, the guidance is the first thing on the screen, before any heading or button.
    drawSafetyBlock(st, rec.safety, &rec);
    heading("What your answers point to");
    textMuted(clipForDisplay(rec.setTitle, kTitleChars) + " · " + core::localDateTime(rec.completedAt) + " · " +
              std::to_string(rec.answeredQuestions) + " of " + core::countText(rec.visibleQuestions, "question", "questions") +
              " answered" + (r.preview ? " · preview, not saved" : r.privateTake ? " · private, not saved" : ""));
    ImGui::PushID("top");
    actions(out, r, view, st.readOnly);
    ImGui::PopID();
    spacing(0.4f);

    tipCards(r, width);
    dimensionBars(rec, width);
    rankedTips(rec);
    drawReflections(rec);
    spacing(0.5f);
    if (!r.preview) {
        // Before saving, the note goes into the result; after, into a note file beside it, saved as you type.
        textWrapped(r.privateTake ? "A note for yourself (kept only while this result is open):"
                    : r.saved     ? "A note for yourself (you can add to it or change it at any time):"
                                  : "A note for yourself (saved with the result):");
        std::string note = r.note;
        // A saved result's note is written to its own file as you type: not from a read-only window.
        beginDisabled(r.saved && st.readOnly);
        if (inputMultiline("##note", &note, ImVec2(width, em(4)))) out.push(cmd::SetResultNote{note});
        endDisabled(r.saved && st.readOnly);
        recordLastItem(RegisteredItem::Kind::Input, "Note box");  // a name for the driver: the box has no visible label
        if (r.saved && !r.noteStatus.empty()) textMuted(r.noteStatus);
        ImGui::PushID("bottom");
        actions(out, r, view, st.readOnly);
        ImGui::PopID();
    } else {
        if (button("Back to Author")) out.push(cmd::Go{app::Screen::Author});
    }
    spacing(0.5f);
    if (!r.preview && ImGui::GetIO().KeyCtrl) {
        if (!r.saved && !r.privateTake && !st.readOnly && letterPressed('S')) out.push(cmd::SaveResult{});
        if (r.previous && letterPressed('K')) out.push(cmd::CompareWithPrevious{});
    }
    textMuted("Rekindle is a reflection aid, not therapy, not a diagnosis and not a verdict on your relationship or on "
              "the other person.");
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

}  // namespace rekindle::ui
