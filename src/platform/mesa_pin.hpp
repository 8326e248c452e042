// Mesa's driver module at both ends of the window's life: loaded early, beside the X connection, so the GL context
// does not wait for it; kept mapped through shutdown so LeakSanitizer can symbolize (and not misreport) its
// allocations — a narrow fix instead of turning leak detection off.
#pragma once

#include <thread>

namespace rekindle::platform {

// Starts loading Mesa's DRI driver (one file under every driver's name, with LLVM behind it: ~25 ms) on a thread;
// join it before creating the GL context. Does nothing on a machine with NVIDIA's own driver or without Mesa.
std::thread preloadGlDriver();
void pinGlDriverModules();

}  // namespace rekindle::platform
