// The scripted test driver: plays a JSON list of steps (click a widget by label, press keys, type, wait, assert
// the screen or a widget, take screenshots) against the running app, as a person would use it.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

struct ImGuiIO;

namespace rekindle::platform {

struct DriverHost {
    std::function<std::string()> screenName;
    std::function<bool(const std::string& file, std::string* error, int* colours)> screenshot;  // of the next frame
    std::function<void(float scale)> setScale;
    std::function<void(int w, int h)> resize;
};

class ScriptDriver {
public:
    ScriptDriver(DriverHost host);
    ~ScriptDriver();
    bool load(const std::string& file, std::string* error);

    bool active() const;    // steps remain and none failed
    bool finished() const;  // all steps ran (or one failed)
    bool failed() const;
    bool sleeping() const;  // inside an idle step: the loop should behave as if no script ran
    double sleepUntil() const;

    // Called after the platform backend's NewFrame and before ImGui::NewFrame: injects input for this frame.
    void beforeFrame(ImGuiIO& io, double now);
    // Called after the frame has been rendered, before the swap (screenshots are read here).
    void afterRender(double now);

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

}  // namespace rekindle::platform
