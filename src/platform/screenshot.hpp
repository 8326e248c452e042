// Reads the back buffer of the current frame and writes it as PNG; also judges whether an image is blank.
#pragma once

#include <string>

namespace rekindle::platform {

// Call after rendering and before the swap. Returns false with a reason on failure.
bool captureBackBuffer(int width, int height, const std::string& file, std::string* error, int* distinctColours);

}  // namespace rekindle::platform
