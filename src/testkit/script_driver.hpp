// The scripted test driver: plays a JSON list of steps (click a widget by label, press keys, type, wait, assert
// the screen or a widget, take screenshots) against the running app, as a person would use it.
#pragma once

#include <memory>
#include <string>

#include "platform/frame_hooks.hpp"

namespace rekindle::testkit {

class ScriptDriver : public platform::FrameHooks {
public:
    // scriptFile may be empty: then the driver only keeps the loop busy (busyLoop), which proves the idle check
    // can fail. busyLoop: never let the loop sleep, not even inside an idle step.
    ScriptDriver(std::string scriptFile, bool busyLoop);
    ~ScriptDriver() override;

    bool attach(platform::LoopHost host, std::string* error) override;
    bool keepAwake() const override;
    double wakeAt() const override;
    void beforeFrame(ImGuiIO& io, double now) override;
    void afterRender(double now) override;
    bool finished() const override;
    int exitCode() const override;

private:
    struct Impl;
    std::unique_ptr<Impl> m;
    void step(ImGuiIO& io, double now);
};

}  // namespace rekindle::testkit
