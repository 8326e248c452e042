// UI frame cost without a window: a real ImGui context with the app's fonts and theme, drawing the app's screens
// through ui::drawRoot, timed in CPU time of the calling thread. No GL: the draw lists are built and dropped.
#pragma once

#include <vector>

#include "app/application.hpp"
#include "ui/screens.hpp"

namespace rekindle::bench {

class HeadlessUi {
public:
    HeadlessUi(float width, float height);
    ~HeadlessUi();
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    // Builds one whole frame (NewFrame, drawRoot, Render) and returns its CPU time in ms.
    double frame(app::Application& app);
    // The vertices ImGui produced in the last frame: proof that something was drawn, and how much.
    int lastVertexCount() const { return m_vertices; }

private:
    bool m_themed = false;
    ui::Views m_views;
    int m_vertices = 0;
};

// Walks a take from its first step, answering each question from `answers` when it has one, drawing
// `framesPerStep` frames per step; stops after maxSteps steps or when the take leaves the take screen.
// Returns the CPU time of every frame.
std::vector<double> walkTake(HeadlessUi& ui, app::Application& app, const std::string& setId, const core::Answers& answers,
                             int framesPerStep, int maxSteps);

}  // namespace rekindle::bench
