// Colours chosen for readability first: body text contrast >= 7:1 in every theme.
#include "ui/theme.hpp"

namespace rekindle::ui {

namespace {
Palette g_palette;

ImVec4 rgb(int r, int g, int b, float a = 1.0f) { return ImVec4(r / 255.f, g / 255.f, b / 255.f, a); }
}  // namespace

Theme themeFromName(const std::string& name) {
    if (name == "dark") return Theme::Dark;
    if (name == "contrast") return Theme::Contrast;
    return Theme::Light;
}

const char* themeName(Theme theme) {
    switch (theme) {
        case Theme::Dark: return "dark";
        case Theme::Contrast: return "contrast";
        default: return "light";
    }
}

const Palette& palette() { return g_palette; }

void applyTheme(Theme theme, float scale) {
    ImGuiStyle style;
    if (theme == Theme::Light) ImGui::StyleColorsLight(&style);
    else ImGui::StyleColorsDark(&style);

    style.WindowRounding = 0;
    style.FrameRounding = 6;
    style.ChildRounding = 8;
    style.PopupRounding = 6;
    style.GrabRounding = 6;
    style.TabRounding = 6;
    style.ScrollbarRounding = 6;
    style.FramePadding = ImVec2(10, 6);
    style.ItemSpacing = ImVec2(10, 8);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.WindowPadding = ImVec2(18, 16);
    style.ScrollbarSize = 16;
    style.GrabMinSize = 14;
    style.FrameBorderSize = 1;
    style.WindowBorderSize = 0;

    ImVec4* c = style.Colors;
    if (theme == Theme::Light) {
        c[ImGuiCol_Text] = rgb(33, 37, 41);
        c[ImGuiCol_TextDisabled] = rgb(102, 108, 116);
        c[ImGuiCol_WindowBg] = rgb(250, 248, 245);
        c[ImGuiCol_ChildBg] = rgb(255, 255, 255, 0);
        c[ImGuiCol_PopupBg] = rgb(255, 255, 255);
        c[ImGuiCol_Border] = rgb(208, 203, 196);
        c[ImGuiCol_FrameBg] = rgb(255, 255, 255);
        c[ImGuiCol_FrameBgHovered] = rgb(243, 236, 228);
        c[ImGuiCol_FrameBgActive] = rgb(235, 224, 212);
        c[ImGuiCol_Button] = rgb(238, 232, 225);
        c[ImGuiCol_ButtonHovered] = rgb(226, 212, 197);
        c[ImGuiCol_ButtonActive] = rgb(214, 193, 172);
        c[ImGuiCol_Header] = rgb(234, 222, 208);
        c[ImGuiCol_HeaderHovered] = rgb(226, 210, 192);
        c[ImGuiCol_HeaderActive] = rgb(214, 193, 172);
        c[ImGuiCol_CheckMark] = rgb(176, 84, 40);
        c[ImGuiCol_SliderGrab] = rgb(176, 84, 40);
        c[ImGuiCol_SliderGrabActive] = rgb(140, 62, 26);
        c[ImGuiCol_PlotHistogram] = rgb(196, 106, 58);
        c[ImGuiCol_NavHighlight] = rgb(30, 90, 200);
        c[ImGuiCol_Tab] = rgb(238, 232, 225);
        c[ImGuiCol_TabActive] = rgb(214, 193, 172);
        c[ImGuiCol_TabHovered] = rgb(226, 212, 197);
        c[ImGuiCol_TableHeaderBg] = rgb(238, 232, 225);
        c[ImGuiCol_TableRowBgAlt] = rgb(0, 0, 0, 0.03f);
        g_palette = {rgb(176, 84, 40), rgb(196, 106, 58, 0.18f), rgb(102, 108, 116), rgb(255, 255, 255),
                     rgb(224, 216, 206), rgb(253, 236, 230), rgb(190, 60, 40), rgb(46, 125, 80), rgb(178, 90, 0),
                     rgb(120, 110, 100, 0.07f)};
    } else if (theme == Theme::Dark) {
        c[ImGuiCol_Text] = rgb(236, 233, 228);
        c[ImGuiCol_TextDisabled] = rgb(160, 156, 150);
        c[ImGuiCol_WindowBg] = rgb(30, 29, 32);
        c[ImGuiCol_ChildBg] = rgb(0, 0, 0, 0);
        c[ImGuiCol_PopupBg] = rgb(40, 39, 43);
        c[ImGuiCol_Border] = rgb(74, 71, 76);
        c[ImGuiCol_FrameBg] = rgb(44, 42, 47);
        c[ImGuiCol_FrameBgHovered] = rgb(58, 54, 60);
        c[ImGuiCol_FrameBgActive] = rgb(70, 64, 70);
        c[ImGuiCol_Button] = rgb(52, 49, 55);
        c[ImGuiCol_ButtonHovered] = rgb(84, 70, 64);
        c[ImGuiCol_ButtonActive] = rgb(110, 84, 70);
        c[ImGuiCol_Header] = rgb(80, 64, 56);
        c[ImGuiCol_HeaderHovered] = rgb(96, 76, 66);
        c[ImGuiCol_HeaderActive] = rgb(110, 84, 70);
        c[ImGuiCol_CheckMark] = rgb(240, 150, 100);
        c[ImGuiCol_SliderGrab] = rgb(240, 150, 100);
        c[ImGuiCol_SliderGrabActive] = rgb(255, 175, 130);
        c[ImGuiCol_PlotHistogram] = rgb(232, 140, 90);
        c[ImGuiCol_NavHighlight] = rgb(120, 170, 255);
        c[ImGuiCol_Tab] = rgb(52, 49, 55);
        c[ImGuiCol_TabActive] = rgb(110, 84, 70);
        c[ImGuiCol_TabHovered] = rgb(84, 70, 64);
        c[ImGuiCol_TableHeaderBg] = rgb(52, 49, 55);
        g_palette = {rgb(240, 150, 100), rgb(240, 150, 100, 0.16f), rgb(160, 156, 150), rgb(40, 39, 43),
                     rgb(66, 63, 68), rgb(70, 36, 32), rgb(235, 110, 90), rgb(110, 200, 140), rgb(240, 180, 90),
                     rgb(255, 255, 255, 0.05f)};
    } else {
        c[ImGuiCol_Text] = rgb(255, 255, 255);
        c[ImGuiCol_TextDisabled] = rgb(200, 200, 200);
        c[ImGuiCol_WindowBg] = rgb(0, 0, 0);
        c[ImGuiCol_ChildBg] = rgb(0, 0, 0, 0);
        c[ImGuiCol_PopupBg] = rgb(0, 0, 0);
        c[ImGuiCol_Border] = rgb(255, 255, 255);
        c[ImGuiCol_FrameBg] = rgb(0, 0, 0);
        c[ImGuiCol_FrameBgHovered] = rgb(40, 40, 90);
        c[ImGuiCol_FrameBgActive] = rgb(60, 60, 130);
        c[ImGuiCol_Button] = rgb(0, 0, 0);
        c[ImGuiCol_ButtonHovered] = rgb(40, 40, 110);
        c[ImGuiCol_ButtonActive] = rgb(70, 70, 160);
        c[ImGuiCol_Header] = rgb(60, 60, 140);
        c[ImGuiCol_HeaderHovered] = rgb(70, 70, 160);
        c[ImGuiCol_HeaderActive] = rgb(90, 90, 190);
        c[ImGuiCol_CheckMark] = rgb(255, 255, 0);
        c[ImGuiCol_SliderGrab] = rgb(255, 255, 0);
        c[ImGuiCol_SliderGrabActive] = rgb(255, 255, 120);
        c[ImGuiCol_PlotHistogram] = rgb(255, 255, 0);
        c[ImGuiCol_NavHighlight] = rgb(0, 255, 255);
        c[ImGuiCol_Tab] = rgb(0, 0, 0);
        c[ImGuiCol_TabActive] = rgb(60, 60, 140);
        c[ImGuiCol_TabHovered] = rgb(40, 40, 110);
        c[ImGuiCol_TableHeaderBg] = rgb(30, 30, 30);
        style.FrameBorderSize = 2;
        g_palette = {rgb(255, 255, 0), rgb(255, 255, 0, 0.2f), rgb(220, 220, 220), rgb(0, 0, 0),
                     rgb(255, 255, 255), rgb(60, 0, 0), rgb(255, 90, 90), rgb(120, 255, 120), rgb(255, 200, 0),
                     rgb(255, 255, 255, 0.10f)};
    }
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace rekindle::ui
