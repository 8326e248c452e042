// Trends: each dimension of one set over time, bands shaded, with an optional 3-take moving average. Every point can
// be reached by keyboard (Tab / arrows) and read out under the chart; each chart can be shown as a table instead.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "core/words.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::ui {

namespace {

double toEpoch(const std::string& rfc) {
    std::tm tm{};
    if (rfc.size() < 19) return 0;
    tm.tm_year = std::atoi(rfc.substr(0, 4).c_str()) - 1900;
    tm.tm_mon = std::atoi(rfc.substr(5, 2).c_str()) - 1;
    tm.tm_mday = std::atoi(rfc.substr(8, 2).c_str());
    tm.tm_hour = std::atoi(rfc.substr(11, 2).c_str());
    tm.tm_min = std::atoi(rfc.substr(14, 2).c_str());
    tm.tm_sec = std::atoi(rfc.substr(17, 2).c_str());
    return double(timegm(&tm));
}

std::string pointText(const core::ResultRecord& r, const core::DimensionRecord& d) {
    char pct[16];
    std::snprintf(pct, sizeof pct, "%.0f%%", d.percent);
    return core::localDateTime(r.completedAt) + ": " + pct + " (" + d.bandLabel + ")";
}

// The same values as the chart, one row per take, for anyone who cannot or would rather not read a chart.
void trendTable(const app::TrendsView& tv, const core::DimensionRecord& dim) {
    if (!ImGui::BeginTable("##table", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Score", ImGuiTableColumnFlags_WidthStretch, 0.6f);
    ImGui::TableSetupColumn("Band", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableHeadersRow();
    for (const auto& r : tv.results) {
        const core::DimensionRecord* d = r.findDimension(dim.id);
        if (!d) continue;
        ImGui::PushID(r.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        textWrapped(core::localDateTime(r.completedAt));
        ImGui::TableNextColumn();
        text(d->enoughAnswers ? percentText(d->percent) : "—");
        ImGui::TableNextColumn();
        textWrapped(d->enoughAnswers ? d->bandLabel : "not enough answers");
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace

void drawTrends(const AppState& st, CommandQueue& out, TrendsScreenView& view) {
    const app::TrendsView& tv = st.trends;
    const Palette& pal = palette();
    spacing(0.3f);
    heading("Trends");
    if (tv.results.size() < 2) {
        textMuted("Trends need at least two saved results of the same set.");
        if (button("Back to History")) out.push(cmd::Go{app::Screen::History});
        return;
    }
    textMuted(clipForDisplay(tv.results.back().setTitle, kTitleChars) + " · " +
              core::countText(long(tv.results.size()), "result", "results") +
              " · point at a dot, or move to it with Tab or the arrow keys, to read its value");
    bool ma = st.settings.movingAverage;
    if (checkbox("Show a 3-take moving average", &ma)) out.push(cmd::SetMovingAverage{ma});
    Flow row;
    row.next(0);  // the checkbox above is the row's first item
    if (row.button("Back to History")) out.push(cmd::Go{app::Screen::History});

    double t0 = toEpoch(tv.results.front().completedAt), t1 = toEpoch(tv.results.back().completedAt);
    if (t1 <= t0) t1 = t0 + 1;
    const core::ResultRecord& latest = tv.results.back();
    for (const auto& dim : latest.dimensions) {
        ImGui::PushID(dim.id.c_str());
        spacing(0.4f);
        subheading(clipForDisplay(dim.label, kTitleChars));
        bool asTable = view.asTable.count(dim.id) > 0;
        if (checkbox("Show as table", &asTable)) {
            if (asTable) view.asTable.insert(dim.id);
            else view.asTable.erase(dim.id);
        }
        if (asTable) {
            trendTable(tv, dim);
            ImGui::PopID();
            continue;
        }
        float w = std::min(ImGui::GetContentRegionAvail().x - em(1), em(46)), h = em(9);
        ImVec2 p0 = ImGui::GetCursorScreenPos();
        float left = em(2.6f), bottom = em(1.4f);
        ImVec2 a(p0.x + left, p0.y), b(p0.x + w, p0.y + h - bottom);
        ImGui::Dummy(ImVec2(w, h));
        ImDrawList* dl = ImGui::GetWindowDrawList();
        auto yOf = [&](double pctv) { return float(b.y - (b.y - a.y) * std::clamp(pctv, 0.0, 100.0) / 100.0); };
        auto xOf = [&](double t) { return float(a.x + (b.x - a.x) * (t - t0) / (t1 - t0)); };
        // Bands shaded alternately, labelled on the right.
        for (size_t i = 0; i < dim.bands.size(); ++i) {
            const auto& band = dim.bands[i];
            ImU32 col = ImGui::ColorConvertFloat4ToU32(i % 2 ? pal.bandShade : ImVec4(pal.bandShade.x, pal.bandShade.y, pal.bandShade.z, pal.bandShade.w * 2.5f));
            dl->AddRectFilled(ImVec2(a.x, yOf(band.maxPercent)), ImVec2(b.x, yOf(band.minPercent)), col);
            dl->AddText(ImVec2(a.x + em(0.3f), yOf(band.maxPercent) + em(0.1f)), ImGui::ColorConvertFloat4ToU32(pal.muted), band.label.c_str());
        }
        dl->AddRect(a, b, ImGui::GetColorU32(ImGuiCol_Border));
        for (int v : {0, 50, 100}) {
            std::string l = std::to_string(v);
            dl->AddText(ImVec2(p0.x, yOf(v) - em(0.5f)), ImGui::ColorConvertFloat4ToU32(pal.muted), l.c_str());
        }
        std::string d0 = shortDate(tv.results.front().completedAt), d1 = shortDate(latest.completedAt);
        dl->AddText(ImVec2(a.x, b.y + em(0.15f)), ImGui::ColorConvertFloat4ToU32(pal.muted), d0.c_str());
        dl->AddText(ImVec2(b.x - ImGui::CalcTextSize(d1.c_str()).x, b.y + em(0.15f)), ImGui::ColorConvertFloat4ToU32(pal.muted), d1.c_str());
        std::vector<ImVec2> pts;
        std::vector<const core::ResultRecord*> recs;
        for (const auto& r : tv.results) {
            const core::DimensionRecord* d = r.findDimension(dim.id);
            if (!d || !d->enoughAnswers) continue;
            pts.push_back(ImVec2(xOf(toEpoch(r.completedAt)), yOf(d->percent)));
            recs.push_back(&r);
        }
        ImU32 line = ImGui::ColorConvertFloat4ToU32(pal.accent);
        float thick = std::max(1.5f, em(0.12f));
        if (pts.size() >= 2) dl->AddPolyline(pts.data(), int(pts.size()), line, 0, thick);
        if (ma && pts.size() >= 3) {
            std::vector<ImVec2> avg;
            for (size_t i = 2; i < pts.size(); ++i)
                avg.push_back(ImVec2(pts[i].x, (pts[i].y + pts[i - 1].y + pts[i - 2].y) / 3.0f));
            dl->AddPolyline(avg.data(), int(avg.size()), ImGui::ColorConvertFloat4ToU32(pal.muted), 0, thick);
        }
        // Each point is a small button: Tab and the arrow keys reach it, and its value is written under the chart.
        ImVec2 after = ImGui::GetCursorScreenPos();
        std::string focusedText;
        for (size_t i = 0; i < pts.size(); ++i) {
            float r = em(0.28f);
            dl->AddCircleFilled(pts[i], r, line);
            ImGui::PushID(int(i));
            ImGui::SetCursorScreenPos(ImVec2(pts[i].x - r * 1.6f, pts[i].y - r * 1.6f));
            ImGui::InvisibleButton("##point", ImVec2(r * 3.2f, r * 3.2f));
            const core::DimensionRecord* d = recs[i]->findDimension(dim.id);
            std::string value = pointText(*recs[i], *d);
            recordLastItem(RegisteredItem::Kind::Button, dim.label + " point " + std::to_string(i + 1));
            if (ImGui::IsItemFocused()) {
                focusedText = value;
                dl->AddCircle(pts[i], r * 2.0f, ImGui::ColorConvertFloat4ToU32(pal.accent), 0, thick);
            }
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::TextUnformatted(value.c_str());
                ImGui::EndTooltip();
            }
            ImGui::PopID();
        }
        ImGui::SetCursorScreenPos(after);
        if (!focusedText.empty()) text("Selected point: " + focusedText);
        ImGui::PopID();
    }
}

}  // namespace rekindle::ui
