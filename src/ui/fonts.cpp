// Font lookup and atlas building. FreeType hinting keeps small text crisp at any scale.
#include "ui/fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <imgui.h>
#include <imgui_freetype.h>

#include <filesystem>

namespace rekindle::ui {

void releaseFontLookup() { FcFini(); }

std::string findFontFile(const std::string& pattern) {
    if (!FcInit()) return {};
    FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>(pattern.c_str()));
    if (!pat) return {};
    FcConfigSubstitute(nullptr, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, pat, &result);
    std::string path;
    if (match) {
        FcChar8* file = nullptr;
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch && file) {
            std::string p(reinterpret_cast<const char*>(file));
            // ImGui reads TrueType/OpenType only; skip bitmap or Type 1 matches.
            auto ext = std::filesystem::path(p).extension().string();
            if (ext == ".ttf" || ext == ".otf" || ext == ".TTF" || ext == ".OTF" || ext == ".ttc") path = p;
        }
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pat);
    return path;
}

namespace {

// Latin (with extended letters for other languages), general punctuation (curly quotes, dashes, ellipsis,
// bullet), arrows and a few symbols the UI uses.
const ImWchar kRanges[] = {
    0x0020, 0x00FF, 0x0100, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x2010, 0x205E,
    0x2190, 0x21FF, 0x2200, 0x22FF, 0x25A0, 0x25FF, 0x2600, 0x26FF, 0,
};

std::string firstFont(std::initializer_list<const char*> patterns) {
    for (const char* p : patterns) {
        std::string f = findFontFile(p);
        if (!f.empty()) return f;
    }
    return {};
}

}  // namespace

Fonts buildFonts(float pixelSize) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    io.Fonts->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;

    Fonts fonts;
    fonts.pixelSize = pixelSize;
    std::string regular = firstFont({"DejaVu Sans:style=Book", "sans-serif:style=Regular", "sans-serif"});
    std::string bold = firstFont({"DejaVu Sans:style=Bold", "sans-serif:style=Bold"});
    ImFontConfig cfg;
    cfg.OversampleH = cfg.OversampleV = 1;  // FreeType hinting replaces oversampling
    if (!regular.empty()) {
        fonts.regularPath = regular;
        fonts.regular = io.Fonts->AddFontFromFileTTF(regular.c_str(), pixelSize, &cfg, kRanges);
        const std::string& b = bold.empty() ? regular : bold;
        fonts.bold = io.Fonts->AddFontFromFileTTF(b.c_str(), pixelSize, &cfg, kRanges);
        fonts.large = io.Fonts->AddFontFromFileTTF(b.c_str(), pixelSize * 1.45f, &cfg, kRanges);
    }
    if (!fonts.regular) {
        // Last resort: ImGui's built-in bitmap font, scaled; still readable, never missing.
        ImFontConfig def;
        def.SizePixels = pixelSize;
        fonts.regular = fonts.bold = io.Fonts->AddFontDefault(&def);
        def.SizePixels = pixelSize * 1.45f;
        fonts.large = io.Fonts->AddFontDefault(&def);
        fonts.regularPath.clear();
    }
    io.FontDefault = fonts.regular;
    io.Fonts->Build();
    return fonts;
}

}  // namespace rekindle::ui
