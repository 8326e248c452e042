// Window icon and class names; the icon pixels are compiled in so the window has its icon wherever the binary runs.
#include "platform/window_icon.hpp"

#include <GLFW/glfw3.h>
#include <stb_image.h>

#include <vector>

namespace rekindle::platform {

void hintWindowClass() {
    glfwWindowHintString(GLFW_X11_CLASS_NAME, kWindowClass);
    glfwWindowHintString(GLFW_X11_INSTANCE_NAME, kWindowClass);
#ifdef GLFW_WAYLAND_APP_ID
    // GLFW 3.4 and later; Debian 12's 3.3 runs under X11 or XWayland, where the class above is what counts.
    glfwWindowHintString(GLFW_WAYLAND_APP_ID, kWindowClass);
#endif
}

void setWindowIcon(GLFWwindow* window) {
    std::vector<GLFWimage> images;
    for (int i = 0; i < kWindowIconPngCount; ++i) {
        const EmbeddedPng& png = kWindowIconPngs[i];
        int w = 0, h = 0, channels = 0;
        unsigned char* pixels = stbi_load_from_memory(png.bytes, int(png.length), &w, &h, &channels, 4);
        if (pixels) images.push_back(GLFWimage{w, h, pixels});
    }
    // Wayland compositors take the icon from the desktop entry and GLFW reports that as an error; it is not one here.
    GLFWerrorfun previous = glfwSetErrorCallback(nullptr);
    if (!images.empty()) glfwSetWindowIcon(window, int(images.size()), images.data());
    glfwSetErrorCallback(previous);
    for (GLFWimage& image : images) stbi_image_free(image.pixels);
}

}  // namespace rekindle::platform
