// The font atlas on the GPU as one 8-bit channel: a quarter of the RGBA copy ImGui 1.86's OpenGL3 backend makes.
#pragma once

namespace rekindle::platform {

// Replaces the backend's font texture (if any) with a single-channel one of the current atlas, points ImGui at it
// and frees the atlas pixels kept in RAM. Call after building fonts and after ImGui_ImplOpenGL3_CreateDeviceObjects.
void uploadFontAtlas();
// Deletes the texture uploadFontAtlas made; call before the backend shuts down.
void releaseFontAtlas();

}  // namespace rekindle::platform
