// Headless ImGui frames for the bench: the same per-frame calls as the platform loop, minus the GL backend.
#include "bench/headless_ui.hpp"

#include <imgui.h>

#include <cstdint>

#include "bench/support.hpp"
#include "ui/fonts.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::bench {

namespace {
constexpr float kBaseFontPixels = 17.0f;  // the platform's base size at scale 1 and zoom 100 %
}

HeadlessUi::HeadlessUi(float width, float height) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the bench must never write an imgui.ini anywhere
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    // Keyboard navigation (as the app enables it) insists on a key map; any distinct codes do, as no key is pressed.
    for (int i = 0; i < ImGuiKey_COUNT; ++i) io.KeyMap[i] = 300 + i;
    ui::setFonts(ui::buildFonts(kBaseFontPixels));
    // The atlas is built on the CPU (that cost is real and stays in); no texture is uploaded, so any non-null id does.
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(intptr_t(1)));
}

HeadlessUi::~HeadlessUi() {
    ImGui::DestroyContext();
    ui::releaseFontLookup();
}

double HeadlessUi::frame(app::Application& app) {
    if (!m_themed) {
        ui::applyTheme(ui::themeFromName(app.state().settings.theme), 1.0f);
        m_themed = true;
    }
    double t0 = threadCpuMs();
    ImGui::NewFrame();
    ui::drawRoot(app.state(), app.commands(), m_views);
    ImGui::Render();
    app.applyCommands();
    double cpu = threadCpuMs() - t0;
    const ImDrawData* dd = ImGui::GetDrawData();
    m_vertices = dd ? dd->TotalVtxCount : 0;
    return cpu;
}

std::vector<double> walkTake(HeadlessUi& ui, app::Application& app, const std::string& setId,
                             const core::Answers& answers, int framesPerStep, int maxSteps) {
    std::vector<double> times;
    app.apply(app::cmd::StartTake{setId});
    for (int step = 0; step < maxSteps && app.state().screen == app::Screen::Take; ++step) {
        const app::TakeState& t = app.state().take;
        if (t.step < t.steps.size() && t.steps[t.step].kind == app::Step::Kind::Question) {
            const auto& q = t.set.sections[t.steps[t.step].section].questions[t.steps[t.step].question];
            if (auto it = answers.find(q.id); it != answers.end()) app.apply(app::cmd::SetAnswer{q.id, it->second});
        }
        for (int f = 0; f < framesPerStep; ++f) times.push_back(ui.frame(app));
        if (t.step >= t.steps.size()) break;  // the "see my result" page was drawn; the walk is done
        size_t before = t.step;
        app.apply(app::cmd::Next{});
        if (app.state().take.step == before) break;  // an unanswerable required question: stop rather than spin
    }
    return times;
}

}  // namespace rekindle::bench
