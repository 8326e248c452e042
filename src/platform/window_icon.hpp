// The window's identity on the desktop: its icon, and the X11 class / Wayland app id that must equal the desktop
// entry's StartupWMClass (and its file name) so the shell shows the window under Rekindle's launcher and icon.
#pragma once

struct GLFWwindow;

namespace rekindle::platform {

inline constexpr const char* kWindowClass = "rekindle";  // = StartupWMClass in packaging/rekindle.desktop

// Before glfwCreateWindow.
void hintWindowClass();

// After glfwCreateWindow: the icon at 16, 32 and 48 px, from PNGs rendered from the SVG at build time.
void setWindowIcon(GLFWwindow* window);

// The embedded PNGs (generated from packaging/icons/rekindle.svg by packaging/icons.cmake).
struct EmbeddedPng {
    int size;
    const unsigned char* bytes;
    unsigned long length;
};
extern const EmbeddedPng kWindowIconPngs[];
extern const int kWindowIconPngCount;

}  // namespace rekindle::platform
