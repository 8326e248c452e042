// Finds a real UI font through fontconfig and builds the ImGui atlas (FreeType rasterizer) for a pixel size.
#pragma once

#include <string>

struct ImFont;
struct ImFontAtlas;

namespace rekindle::ui {

struct Fonts {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* large = nullptr;  // question text and headings
    std::string regularPath;  // empty when ImGui's built-in bitmap font had to be used
    float pixelSize = 0;
};

// Rebuilds an atlas for the given base pixel size (already multiplied by DPI scale and zoom). The caller must
// recreate the GPU texture afterwards. Needs no ImGui context, so the window can build it on another thread
// while the GL context is being created; the one-argument form rebuilds io.Fonts.
Fonts buildFonts(ImFontAtlas& atlas, float pixelSize);
Fonts buildFonts(float pixelSize);

// Whether the atlas buildFonts makes has a glyph range for this code point (the font file may still lack it).
bool rangesCover(unsigned codepoint);

// fontconfig lookup: the file of the best match for a pattern such as "DejaVu Sans:style=Bold"; "" if none.
std::string findFontFile(const std::string& pattern);

// Releases fontconfig's cached configuration (FcFini) so LeakSanitizer's report stays clean without a
// suppression. Fonts may still be looked up afterwards: fontconfig re-initialises on demand.
void releaseFontLookup();

}  // namespace rekindle::ui
