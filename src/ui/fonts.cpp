// Font lookup and atlas building. FreeType hinting keeps small text crisp at any scale.
#include "ui/fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <imgui.h>
#include <imgui_freetype.h>

#include <cstdio>
#include <cstdlib>
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

// Latin (with the extended letters of other European languages), Greek and Cyrillic, so sets written in those
// languages read right; general punctuation (curly quotes, dashes, ellipsis, bullet) and the basic arrows the UI
// uses. Symbol and maths blocks are left out: each glyph costs atlas space in every font and size, and a
// 1024×1024 atlas at scale 1 (2048² at 2) was a measurable share of the window's memory.
const ImWchar kRanges[] = {
    0x0020, 0x00FF, 0x0100, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x2010, 0x205E, 0x2190, 0x2199, 0,
};

}  // namespace

bool rangesCover(unsigned codepoint) {
    for (const ImWchar* r = kRanges; r[0]; r += 2)
        if (codepoint >= r[0] && codepoint <= r[1]) return true;
    return false;
}

namespace {

std::string firstFont(std::initializer_list<const char*> patterns) {
    for (const char* p : patterns) {
        std::string f = findFontFile(p);
        if (!f.empty()) return f;
    }
    return {};
}

}  // namespace

Fonts buildFonts(ImFontAtlas& atlas, float pixelSize) {
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;  // GL 3.3 takes any height; rounding up wasted up to half

    Fonts fonts;
    fonts.pixelSize = pixelSize;
    std::string regular = firstFont({"DejaVu Sans:style=Book", "sans-serif:style=Regular", "sans-serif"});
    std::string bold = firstFont({"DejaVu Sans:style=Bold", "sans-serif:style=Bold"});
    ImFontConfig cfg;
    cfg.OversampleH = cfg.OversampleV = 1;  // FreeType hinting replaces oversampling
    if (!regular.empty()) {
        fonts.regularPath = regular;
        fonts.regular = atlas.AddFontFromFileTTF(regular.c_str(), pixelSize, &cfg, kRanges);
        const std::string& b = bold.empty() ? regular : bold;
        fonts.bold = atlas.AddFontFromFileTTF(b.c_str(), pixelSize, &cfg, kRanges);
        fonts.large = atlas.AddFontFromFileTTF(b.c_str(), pixelSize * 1.45f, &cfg, kRanges);
    }
    if (!fonts.regular) {
        // Last resort: ImGui's built-in bitmap font, scaled; still readable, never missing.
        ImFontConfig def;
        def.SizePixels = pixelSize;
        fonts.regular = fonts.bold = atlas.AddFontDefault(&def);
        def.SizePixels = pixelSize * 1.45f;
        fonts.large = atlas.AddFontDefault(&def);
        fonts.regularPath.clear();
    }
    atlas.Build();
    if (std::getenv("REKINDLE_REPORT_FIRST_FRAME"))
        std::fprintf(stderr, "font atlas %dx%d\n", atlas.TexWidth, atlas.TexHeight);
    return fonts;
}

Fonts buildFonts(float pixelSize) {
    ImGuiIO& io = ImGui::GetIO();
    Fonts fonts = buildFonts(*io.Fonts, pixelSize);
    io.FontDefault = fonts.regular;
    return fonts;
}

}  // namespace rekindle::ui
