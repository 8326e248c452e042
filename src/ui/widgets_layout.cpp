// Layout helpers that keep every screen whole from 800x600 to 220 % text: rows of actions that wrap, navigation
// that folds into a menu, lists that turn into cards, and file text clipped to what one draw call can hold.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

void Flow::next(float width) {
    if (m_first) {
        m_first = false;
        return;
    }
    float gap = em(m_gap);
    // contentRight() is measured from the start of a new line, which is where the item goes when it does not fit.
    if (ImGui::GetItemRectMax().x + gap + width <= contentRight() + 0.5f) ImGui::SameLine(0, gap);
}

bool Flow::button(const std::string& label, float height) {
    next(buttonWidth(label));
    return ui::button(label, ImVec2(0, height));
}

bool Flow::primaryButton(const std::string& label, float height) {
    next(buttonWidth(label));
    return ui::primaryButton(label, ImVec2(0, height));
}

bool Flow::linkButton(const std::string& label) {
    next(buttonWidth(label));
    return ui::linkButton(label);
}

void Flow::textMuted(const std::string& s) {
    float width = ImGui::CalcTextSize(s.c_str()).x;
    next(width);
    // Vertically in line with the buttons beside it.
    ImGui::AlignTextToFramePadding();
    ui::textMuted(s);
}

int navTabs(const std::string& brand, const std::vector<NavTab>& tabs) {
    ImFont* bold = fonts().bold ? fonts().bold : ImGui::GetFont();
    ImGui::PushFont(bold);
    float brandWidth = ImGui::CalcTextSize(brand.c_str()).x;
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
    text(brand);  // a name, never wrapped
    ImGui::PopStyleColor();
    ImGui::PopFont();
    float gap = em(0.5f), brandGap = em(1.5f);
    float needed = brandWidth + brandGap;
    for (const auto& t : tabs) needed += buttonWidth(t.label) + gap;
    int chosen = -1;
    ImGui::PushID("##nav");
    if (needed <= ImGui::GetContentRegionAvail().x + gap) {
        ImGui::SameLine(0, brandGap);
        for (size_t i = 0; i < tabs.size(); ++i) {
            if (i) ImGui::SameLine(0, gap);
            if (tabs[i].current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
            if (button(tabs[i].label)) chosen = int(i);
            if (tabs[i].current) ImGui::PopStyleColor();
        }
    } else {
        // Folded: one button, then the same choices as a list under it.
        std::string current;
        for (const auto& t : tabs)
            if (t.current) current = t.label;
        std::string label = current.empty() ? "Menu" : "Menu · " + current;
        Flow row;
        row.next(brandWidth);  // the brand is the row's first item
        if (row.button(label + "##menu")) ImGui::OpenPopup("##navmenu");
        if (ImGui::BeginPopup("##navmenu")) {
            for (size_t i = 0; i < tabs.size(); ++i)
                if (selectable(tabs[i].label, tabs[i].current)) {
                    chosen = int(i);
                    ImGui::CloseCurrentPopup();
                }
            ImGui::EndPopup();
        }
    }
    ImGui::PopID();
    return chosen;
}

RowList::RowList(std::string id, std::vector<ListColumn> columns, float tableMinEms)
    : m_id(std::move(id)), m_columns(std::move(columns)), m_minEms(tableMinEms) {}

bool RowList::begin() {
    m_cards = ImGui::GetContentRegionAvail().x < em(m_minEms);
    m_rowOpen = false;
    m_column = -1;
    if (m_cards) {
        ImGui::PushID(m_id.c_str());
        return true;
    }
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(m_id.c_str(), int(m_columns.size()), flags)) return false;
    bool headers = false;
    for (const auto& c : m_columns) {
        headers = headers || !c.header.empty();
        if (c.fixedEms > 0) ImGui::TableSetupColumn(c.header.c_str(), ImGuiTableColumnFlags_WidthFixed, em(c.fixedEms));
        else ImGui::TableSetupColumn(c.header.c_str(), ImGuiTableColumnFlags_WidthStretch, c.weight);
    }
    if (headers) ImGui::TableHeadersRow();
    return true;
}

void RowList::rows(int count, const std::function<void(int)>& drawRow) {
    // A few cards are drawn whole, at their own heights. Many go through the clipper, which needs one height for
    // all: the tallest card seen at this width (kept in ImGui's state for this list, like a tree node's open state).
    constexpr int kDrawAllUpTo = 150;
    if (m_cards && count <= kDrawAllUpTo) {
        for (int i = 0; i < count; ++i) {
            drawRow(i);
            closeRow();
        }
        return;
    }
    ImGuiStorage* st = ImGui::GetStateStorage();
    ImGuiID heightKey = ImGui::GetID("##rowheight"), widthKey = ImGui::GetID("##rowwidth");
    float width = ImGui::GetContentRegionAvail().x;
    if (st->GetFloat(widthKey) != width) {
        st->SetFloat(widthKey, width);
        st->SetFloat(heightKey, 0);
    }
    float known = m_cards ? st->GetFloat(heightKey) : 0;
    ImGuiListClipper clipper;
    clipper.Begin(count, known > 0 ? known : -1.0f);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            float top = ImGui::GetCursorPosY();
            drawRow(i);
            closeRow();
            if (m_cards) st->SetFloat(heightKey, std::max(st->GetFloat(heightKey), ImGui::GetCursorPosY() - top));
        }
    }
}

void RowList::row(const std::string& id) {
    closeRow();
    ImGui::PushID(id.c_str());
    if (m_cards) beginCard("row", palette().card, palette().cardBorder);
    else ImGui::TableNextRow();
    m_column = -1;
    m_rowOpen = true;
}

void RowList::cell() {
    ++m_column;
    if (!m_cards) {
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();  // text in line with the buttons of the row
        return;
    }
    // "Header  value" on one line; a long value wraps under itself, at the card's edge.
    if (m_column > 0 && size_t(m_column) < m_columns.size() && !m_columns[size_t(m_column)].header.empty()) {
        textMuted(m_columns[size_t(m_column)].header);
        ImGui::SameLine(0, em(0.6f));
    }
}

void RowList::closeRow() {
    if (!m_rowOpen) return;
    if (m_cards) endCard();
    ImGui::PopID();
    m_rowOpen = false;
}

void RowList::end() {
    closeRow();
    if (m_cards) ImGui::PopID();
    else ImGui::EndTable();
}

namespace {
bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Byte offset just after the first n code points of s from byte from (s.size() when it has fewer).
size_t afterCodePoints(const std::string& s, size_t n, size_t from = 0) {
    size_t i = from;
    for (size_t count = 0; i < s.size(); ++count) {
        if (count == n) return i;
        ++i;
        while (i < s.size() && continuation(static_cast<unsigned char>(s[i]))) ++i;
    }
    return i;
}

// Where to end a piece of at most n code points starting at from: at the last space or line break in its final
// fifth when there is one, so a word is not cut in two.
size_t pieceEnd(const std::string& s, size_t from, size_t n) {
    size_t end = afterCodePoints(s, n, from);
    if (end >= s.size()) return s.size();
    size_t floor = from + (end - from) * 4 / 5;
    size_t space = s.find_last_of(" \n", end);
    return space != std::string::npos && space > floor ? space + 1 : end;
}
}  // namespace

std::string clipForDisplay(const std::string& s, size_t maxChars) {
    if (afterCodePoints(s, maxChars) >= s.size()) return s;
    std::string shown = s.substr(0, pieceEnd(s, 0, maxChars));
    while (!shown.empty() && (shown.back() == ' ' || shown.back() == '\n')) shown.pop_back();
    return shown + "…";
}

void textWithPaths(const std::string& s) {
    if (ImGui::CalcTextSize(s.c_str()).x <= contentRight() - ImGui::GetCursorScreenPos().x) {
        textMuted(s);
        return;
    }
    // Pieces that end after a space or a '/', laid out like words; the whole is recorded once, as one text.
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
    // Lines as close as wrapped text's, not spaced like separate items.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));
    ImGui::BeginGroup();
    Flow flow(0);
    for (size_t from = 0; from < s.size();) {
        size_t end = s.find_first_of(" /", from);
        end = end == std::string::npos ? s.size() : end + 1;
        const char* a = s.c_str() + from;
        const char* b = s.c_str() + end;
        flow.next(ImGui::CalcTextSize(a, b).x);
        ImGui::TextUnformatted(a, b);
        from = end;
    }
    ImGui::EndGroup();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    recordLastItem(RegisteredItem::Kind::Text, s);
    ImGui::Dummy(ImVec2(0, 0));  // the usual spacing after it
}

void longText(const char* id, const std::string& s, size_t maxChars) {
    if (afterCodePoints(s, maxChars) >= s.size()) {
        textWrapped(s);
        return;
    }
    ImGui::PushID(id);
    ImGuiStorage* st = ImGui::GetStateStorage();
    ImGuiID key = ImGui::GetID("##whole");
    if (!st->GetBool(key)) {
        textWrapped(clipForDisplay(s, maxChars));
        char size[64];
        std::snprintf(size, sizeof size, "Show all (%zu KB)", (s.size() + 1023) / 1024);
        if (linkButton(size)) st->SetBool(key, true);
    } else {
        // In pieces: each its own draw call, far below what 16-bit vertex indices can hold.
        constexpr size_t kPiece = 1500;
        for (size_t from = 0; from < s.size();) {
            size_t end = pieceEnd(s, from, kPiece);
            textWrapped(s.substr(from, end - from));
            from = end;
        }
        if (linkButton("Show less")) st->SetBool(key, false);
    }
    ImGui::PopID();
}

}  // namespace rekindle::ui
