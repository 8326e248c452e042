// glReadPixels + stb_image_write (libstb already contains the implementation; no macro here).
#include "platform/screenshot.hpp"

#include <glad/gl.h>
#include <stb_image_write.h>

#include <unordered_set>
#include <vector>

namespace rekindle::platform {

bool captureBackBuffer(int width, int height, const std::string& file, std::string* error, int* distinctColours) {
    if (width <= 0 || height <= 0) {
        if (error) *error = "window has no size";
        return false;
    }
    std::vector<unsigned char> pixels(size_t(width) * size_t(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    std::unordered_set<unsigned> colours;
    for (size_t i = 0; i < pixels.size(); i += 4) {
        pixels[i + 3] = 255;  // the framebuffer's alpha is meaningless for a screenshot
        if (colours.size() < 4096) colours.insert(pixels[i] | (pixels[i + 1] << 8) | (pixels[i + 2] << 16));
    }
    if (distinctColours) *distinctColours = int(colours.size());
    stbi_flip_vertically_on_write(1);
    if (!stbi_write_png(file.c_str(), width, height, 4, pixels.data(), width * 4)) {
        if (error) *error = "cannot write " + file;
        return false;
    }
    return true;
}

}  // namespace rekindle::platform
