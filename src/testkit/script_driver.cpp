// Steps run over several frames (move, press, release, settle) because ImGui 1.86 reads input once per frame.
#include "testkit/script_driver.hpp"

#include <imgui.h>
#include <sys/resource.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "platform/input.hpp"
#include "storage/atomic_file.hpp"
#include "ui/registry.hpp"

namespace rekindle::testkit {

using nlohmann::json;

namespace {

double cpuSeconds() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

// A key chord like "Ctrl+=", "Alt+Left", "1".
struct Chord {
    int key = -1;
    bool ctrl = false, alt = false, shift = false;
};

Chord parseChord(const std::string& text) {
    Chord c;
    std::string rest = text;
    for (;;) {
        if (rest.rfind("Ctrl+", 0) == 0) { c.ctrl = true; rest = rest.substr(5); }
        else if (rest.rfind("Alt+", 0) == 0) { c.alt = true; rest = rest.substr(4); }
        else if (rest.rfind("Shift+", 0) == 0) { c.shift = true; rest = rest.substr(6); }
        else break;
    }
    c.key = platform::input::keyByName(rest);
    return c;
}

}  // namespace

struct ScriptDriver::Impl {
    platform::LoopHost host;
    std::string file;
    bool busyLoop = false;
    json steps;
    size_t index = 0;
    int phase = 0;       // frame within the current step
    int settle = 0;      // frames to wait before the next step
    bool failedFlag = false;
    double stepStart = -1;
    double idleUntil = 0;
    double idleCpuStart = 0, idleWallStart = 0;
    std::vector<Chord> pendingKeys;
    Chord heldKey;
    bool screenshotPending = false;
    bool repeating = false;  // inside a "repeat" step: keys do not end the step

    void fail(const std::string& why) {
        std::fprintf(stderr, "script %s: step %zu failed: %s\n  step: %s\n", file.c_str(), index + 1, why.c_str(),
                     steps[index].dump().c_str());
        failedFlag = true;
    }
    bool active() const { return !failedFlag && index < steps.size(); }
    void pass() {
        std::fprintf(stderr, "script step %zu ok: %s\n", index + 1, steps[index].dump().c_str());
        ++index;
        if (index == steps.size()) std::fprintf(stderr, "script passed\n");
        phase = 0;
        stepStart = -1;
        settle = 2;
    }

    bool timedOut(const json& step, double now) const { return now - stepStart > step.value("timeoutMs", 2000) / 1000.0; }

    bool queueKeys(const std::vector<std::string>& names) {
        for (const auto& n : names) {
            Chord c = parseChord(n);
            if (c.key < 0) {
                fail("unknown key \"" + n + "\"");
                return false;
            }
            pendingKeys.push_back(c);
        }
        return true;
    }

    // Mouse move, press, release over three frames: ImGui 1.86 reads the mouse once per frame.
    void click(const json& step, ImGuiIO& io, double now) {
        std::string label = step["click"].get<std::string>();
        const ui::RegisteredItem* item = ui::Registry::get().findClickable(label);
        if (phase == 0) {
            // Scrolled out of view, or only partly in it: turn the wheel over its window towards it, as a person
            // would, then click (a small turn once it shows, so it does not fly past).
            const ui::RegisteredItem* away = item ? item : ui::Registry::get().findOutOfView(label);
            bool partly = item && item->y1 - item->y0 < item->clipY1 - item->clipY0 &&
                          (item->y0 < item->clipY0 || item->y1 > item->clipY1);
            if (away && (!item || partly)) {
                io.MousePos = ImVec2((away->clipX0 + away->clipX1) * 0.5f, (away->clipY0 + away->clipY1) * 0.5f);
                float turn = partly ? 0.3f : 1.0f;
                io.MouseWheel = away->y1 > away->clipY1 ? -turn : turn;
                return;
            }
        }
        if (!item) {
            if (timedOut(step, now)) fail("no clickable widget labelled \"" + label + "\" on screen " + host.screenName());
            return;
        }
        // Half in view (its middle past the edge): a click there would miss it, so turn the wheel a little further.
        if (float mid = (item->y0 + item->y1) * 0.5f; phase == 0 && (mid > item->clipY1 || mid < item->clipY0)) {
            io.MousePos = ImVec2((item->clipX0 + item->clipX1) * 0.5f, (item->clipY0 + item->clipY1) * 0.5f);
            io.MouseWheel = mid > item->clipY1 ? -1.0f : 1.0f;
            return;
        }
        if (!item->enabled) {
            fail("widget \"" + label + "\" is disabled");
            return;
        }
        io.MousePos = ImVec2((item->x0 + item->x1) * 0.5f, (item->y0 + item->y1) * 0.5f);
        if (phase == 0) { io.MouseDown[0] = false; ++phase; }
        else if (phase == 1) { io.MouseDown[0] = true; ++phase; }
        else { io.MouseDown[0] = false; pass(); }
    }

    // {"repeat": {"keys": [...], "untilText": "...", "max": N}}: press the keys until the text shows; with
    // "untilFocus": "Label" instead, until that widget has keyboard focus.
    void repeat(const json& step) {
        const json& r = step["repeat"];
        bool byFocus = r.contains("untilFocus");
        std::string until = r[byFocus ? "untilFocus" : "untilText"].get<std::string>();
        const ui::RegisteredItem* f = ui::Registry::get().focused();
        if (byFocus ? f && f->label == until : ui::Registry::get().hasText(until)) {
            repeating = false;
            pass();
            return;
        }
        if (phase++ >= r.value("max", 100)) {
            repeating = false;
            fail("\"" + until + "\" did not appear after " + std::to_string(r.value("max", 100)) + " repeats");
            return;
        }
        repeating = true;
        if (queueKeys(r["keys"].get<std::vector<std::string>>())) settle = 0;
    }

    std::string describeCut(const ui::RegisteredItem& item) const {
        static const char* kinds[] = {"button", "text", "input", "checkbox", "tab"};
        char where[160];
        std::snprintf(where, sizeof where, "item x %.0f..%.0f y %.0f..%.0f, visible x %.0f..%.0f y %.0f..%.0f", item.x0,
                      item.x1, item.y0, item.y1, item.clipX0, item.clipX1, item.clipY0, item.clipY1);
        return "\"" + item.label.substr(0, 80) + "\" (" + kinds[int(item.kind)] + ") " + (item.problem.empty() ? std::string("is cut by its window, child or column") : item.problem) + " on screen " +
               host.screenName() + ": " + where;
    }

    // expectScreen, expectText, expectNoText, expectWidget, expectFocus, expectNoClipping: true when the step was one
    // of them.
    bool expectation(const json& step, double now) {
        const ui::Registry& reg = ui::Registry::get();
        std::string failure;
        bool holds = false;
        if (step.contains("expectScreen")) {
            std::string want = step["expectScreen"].get<std::string>();
            holds = host.screenName() == want;
            failure = "screen is \"" + host.screenName() + "\", expected \"" + want + "\"";
        } else if (step.contains("expectText")) {
            std::string want = step["expectText"].get<std::string>();
            holds = reg.hasText(want);
            failure = "text \"" + want + "\" not on screen " + host.screenName();
        } else if (step.contains("expectNoText")) {
            std::string want = step["expectNoText"].get<std::string>();
            holds = !reg.hasText(want);
            failure = "text \"" + want + "\" is still on screen";
        } else if (step.contains("expectWidget")) {
            std::string want = step["expectWidget"].get<std::string>();
            holds = reg.findClickable(want) != nullptr;
            failure = "no widget \"" + want + "\" on screen " + host.screenName();
        } else if (step.contains("expectNoWidget")) {
            std::string label = step["expectNoWidget"].get<std::string>();
            const ui::RegisteredItem* found = reg.findClickable(label);
            holds = found == nullptr;
            failure = "widget \"" + label + "\" is on screen " + host.screenName() + " (in view)";
        } else if (step.contains("expectFocus")) {
            std::string want = step["expectFocus"].get<std::string>();
            const ui::RegisteredItem* f = reg.focused();
            holds = f && f->label == want;
            failure = "keyboard focus is on " + (f ? "\"" + f->label + "\"" : std::string("nothing")) + ", expected \"" +
                      want + "\" on screen " + host.screenName();
        } else if (step.contains("expectNoClipping")) {
            const ui::RegisteredItem* cut = reg.firstCut();
            holds = cut == nullptr;
            if (cut) failure = describeCut(*cut);
        } else {
            return false;
        }
        if (holds) pass();
        else if (timedOut(step, now)) fail(failure);
        return true;
    }

    // Lets the loop sleep as it would with no one scripting it, then checks the CPU it used.
    void idle(const json& step, double now) {
        const json& idle = step["idle"];
        if (phase == 0) {
            idleWallStart = now;
            idleCpuStart = cpuSeconds();
            idleUntil = now + idle.value("seconds", 5.0);
            ++phase;
            return;
        }
        if (now < idleUntil) return;
        double wall = now - idleWallStart;
        double cpu = cpuSeconds() - idleCpuStart;
        double percent = wall > 0 ? 100.0 * cpu / wall : 0;
        idleUntil = 0;
        std::fprintf(stderr, "idle: %.2f s CPU over %.2f s wall = %.2f %% of one core\n", cpu, wall, percent);
        double budget = idle.value("maxCpuPercent", 5.0);
        if (percent <= budget) {
            pass();
            return;
        }
        char buf[128];
        std::snprintf(buf, sizeof buf, "idle CPU %.2f %% is over the %.2f %% budget", percent, budget);
        fail(buf);
    }

    // Edits a file on disk the way an author's editor would (for live re-validation tests).
    void replaceInFile(const json& step) {
        const json& r = step["replaceInFile"];
        std::string path = r["path"].get<std::string>();
        std::string err;
        auto text = storage::readFile(path, &err);
        if (!text) { fail(path + ": " + err); return; }
        std::string find = r["find"].get<std::string>(), repl = r["replace"].get<std::string>();
        auto pos = text->find(find);
        if (pos == std::string::npos) { fail("\"" + find + "\" not found in " + path); return; }
        text->replace(pos, find.size(), repl);
        std::ofstream(path, std::ios::binary | std::ios::trunc) << *text;
        pass();
    }

    // One frame of the current step.
    void run(ImGuiIO& io, double now) {
        const json& step = steps[index];
        if (expectation(step, now)) return;
        if (step.contains("click")) {
            click(step, io, now);
        } else if (step.contains("key")) {
            queueKeys({step["key"].get<std::string>()});
        } else if (step.contains("keys")) {
            queueKeys(step["keys"].get<std::vector<std::string>>());
        } else if (step.contains("repeat")) {
            repeat(step);
        } else if (step.contains("type")) {
            io.AddInputCharactersUTF8(step["type"].get<std::string>().c_str());
            pass();
        } else if (step.contains("wheel")) {
            // The mouse wheel over the middle of the window: positive scrolls up, negative down, in lines.
            io.MousePos = ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.6f);
            if (phase++ == 0) io.MouseWheel = step["wheel"].get<float>();
            else pass();
        } else if (step.contains("wait")) {
            if (++phase >= step["wait"].get<int>()) pass();
        } else if (step.contains("waitMs")) {
            if (now - stepStart >= step["waitMs"].get<double>() / 1000.0) pass();
        } else if (step.contains("screenshot")) {
            screenshotPending = true;  // taken in afterRender of this frame
        } else if (step.contains("scale") || step.contains("resize")) {
            if (step.contains("scale")) host.setScale(step["scale"].get<float>());
            else host.resize(step["resize"][0].get<int>(), step["resize"][1].get<int>());
            pass();
            settle = 4;
        } else if (step.contains("idle")) {
            idle(step, now);
        } else if (step.contains("replaceInFile")) {
            replaceInFile(step);
        } else if (step.contains("sigkill")) {
            std::fflush(stderr);
            std::raise(SIGKILL);
        } else if (step.contains("log")) {
            std::fprintf(stderr, "script: %s\n", step["log"].get<std::string>().c_str());
            pass();
        } else {
            fail("unknown step");
        }
    }
};

ScriptDriver::ScriptDriver(std::string scriptFile, bool busyLoop) : m(std::make_unique<Impl>()) {
    m->file = std::move(scriptFile);
    m->busyLoop = busyLoop;
}
ScriptDriver::~ScriptDriver() = default;

bool ScriptDriver::attach(platform::LoopHost host, std::string* error) {
    m->host = std::move(host);
    if (m->file.empty()) return true;
    const std::string& file = m->file;
    std::string err;
    auto text = storage::readFile(file, &err);
    if (!text) {
        if (error) *error = file + ": " + err;
        return false;
    }
    try {
        json doc = json::parse(*text);
        m->steps = doc.is_array() ? doc : doc.value("steps", json::array());
    } catch (const std::exception& e) {
        if (error) *error = file + ": " + e.what();
        return false;
    }
    if (!m->steps.is_array() || m->steps.empty()) {
        if (error) *error = file + ": no steps";
        return false;
    }
    ui::Registry::get().setEnabled(true);
    return true;
}

// Without a script there is nothing to finish: the loop runs until the window closes, as the app does.
bool ScriptDriver::finished() const { return !m->file.empty() && (m->failedFlag || m->index >= m->steps.size()); }
int ScriptDriver::exitCode() const { return m->failedFlag ? 1 : 0; }
bool ScriptDriver::keepAwake() const { return m->busyLoop || (m->active() && m->idleUntil <= 0); }
double ScriptDriver::wakeAt() const { return m->active() ? m->idleUntil : 0; }

void ScriptDriver::beforeFrame(ImGuiIO& io, double now) {
    step(io, now);
    // The registry now holds the frame that just ended, which is what the step looked at; the next frame refills it.
    ui::Registry::get().beginFrame();
}

void ScriptDriver::step(ImGuiIO& io, double now) {
    // Release whatever was held last frame so a press lasts exactly one frame.
    if (m->heldKey.key >= 0) {
        platform::input::setKeyDown(io, m->heldKey.key, false);
        io.KeyCtrl = io.KeyAlt = io.KeyShift = false;
        m->heldKey = {};
        return;
    }
    if (!m->active()) return;
    if (m->settle > 0) {
        --m->settle;
        return;
    }
    if (!m->pendingKeys.empty()) {
        Chord c = m->pendingKeys.front();
        m->pendingKeys.erase(m->pendingKeys.begin());
        platform::input::setKeyDown(io, c.key, true);
        io.KeyCtrl = c.ctrl;
        io.KeyAlt = c.alt;
        io.KeyShift = c.shift;
        m->heldKey = c;
        m->settle = 1;
        if (m->pendingKeys.empty() && !m->repeating) m->pass();
        return;
    }
    if (m->host.settling && m->host.settling()) return;
    if (m->stepStart < 0) m->stepStart = now;
    try {
        m->run(io, now);
    } catch (const std::exception& e) {
        m->fail(std::string("malformed step: ") + e.what());
    }
}

void ScriptDriver::afterRender(double) {
    if (!m->screenshotPending || !m->active()) return;
    m->screenshotPending = false;
    const json& step = m->steps[m->index];
    std::string file = step["screenshot"].get<std::string>();
    std::string err;
    int colours = 0;
    if (!m->host.screenshot(file, &err, &colours)) {
        m->fail(err);
        return;
    }
    int minColours = step.value("minColours", 16);
    if (colours < minColours) {
        m->fail("screenshot " + file + " looks blank (" + std::to_string(colours) + " colours)");
        return;
    }
    std::fprintf(stderr, "screenshot %s (%d colours)\n", file.c_str(), colours);
    m->pass();
}

}  // namespace rekindle::testkit
