// Starting the windowed app: options from the command line, and the loop that runs until the window closes.
#pragma once

#include <string>

namespace rekindle::platform {

class FrameHooks;

struct GuiOptions {
    std::string dataDir;      // --data-dir (else REKINDLE_DATA_DIR, else XDG)
    std::string openFile;     // --open FILE: a question set from anywhere
    int frames = -1;          // --frames N: render N frames and exit
    std::string screenshot;   // --screenshot FILE.png: capture the last frame
    float scale = 0;          // --scale S: force a content scale (0 = the monitor's)
    int width = 1100, height = 760;
    std::string theme;        // --theme light|dark|contrast (overrides settings for this run)
    FrameHooks* hooks = nullptr;  // a test harness driving the loop (src/testkit), or none
    double idleLockSeconds = 0;   // test builds: a short idle lock instead of the setting's minutes
};

// Returns the process exit code; 3 when no display is available.
int runGui(const GuiOptions& options);

}  // namespace rekindle::platform
