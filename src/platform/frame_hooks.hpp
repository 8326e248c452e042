// What a test harness (src/testkit) may do to the window's loop. The product runs without one; a build with
// REKINDLE_TEST_HOOKS=OFF has no implementation of it at all.
#pragma once

#include <functional>
#include <string>

struct ImGuiIO;

namespace rekindle::platform {

// What the loop offers the harness once the window exists.
struct LoopHost {
    std::function<std::string()> screenName;
    std::function<bool(const std::string& file, std::string* error, int* colours)> screenshot;  // of this frame
    std::function<void(float scale)> setScale;
    std::function<void(int w, int h)> resize;
    // True while the app still reads files in the background (the user's sets): a script step waits for it, so a
    // step never depends on how fast a worker thread was.
    std::function<bool()> settling;
};

class FrameHooks {
public:
    virtual ~FrameHooks() = default;
    // Called once the window and ImGui exist; false (with a reason) ends the run with exit code 2.
    virtual bool attach(LoopHost host, std::string* error) = 0;
    // Draw every frame without sleeping (a script is playing, or the loop is forced busy).
    virtual bool keepAwake() const = 0;
    // 0, or the glfwGetTime() by which the loop must draw again although nothing happened.
    virtual double wakeAt() const = 0;
    // After the backend's NewFrame and before ImGui::NewFrame: the only moment injected input survives in 1.86.
    virtual void beforeFrame(ImGuiIO& io, double now) = 0;
    // After rendering, before the swap: the back buffer holds this frame.
    virtual void afterRender(double now) = 0;
    virtual bool finished() const = 0;
    virtual int exitCode() const = 0;
};

}  // namespace rekindle::platform
