// Single-channel font texture: the atlas is coverage only, so GL_R8 with a (1, 1, 1, R) swizzle samples exactly
// like the backend's RGBA texture (white, alpha = coverage) without changing its shader.
#include "platform/font_texture.hpp"

#include <glad/gl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <cstdint>

namespace rekindle::platform {

namespace {
GLuint g_fontTexture = 0;
}

void uploadFontAtlas() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();  // the backend's RGBA one, made by CreateDeviceObjects
    releaseFontAtlas();
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);

    GLint lastTexture = 0, lastAlignment = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &lastTexture);
    glGetIntegerv(GL_UNPACK_ALIGNMENT, &lastAlignment);
    glGenTextures(1, &g_fontTexture);
    glBindTexture(GL_TEXTURE_2D, g_fontTexture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    glPixelStorei(GL_UNPACK_ALIGNMENT, lastAlignment);
    glBindTexture(GL_TEXTURE_2D, GLuint(lastTexture));

    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(g_fontTexture)));
    // The GPU has its copy; the atlas keeps its glyph table, which is all ImGui needs from now on.
    io.Fonts->ClearTexData();
}

void releaseFontAtlas() {
    if (g_fontTexture) glDeleteTextures(1, &g_fontTexture);
    g_fontTexture = 0;
}

}  // namespace rekindle::platform
