// Steps run over several frames (move, press, release, settle) because ImGui 1.86 reads input once per frame.
#include "platform/script_driver.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <sys/resource.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "storage/atomic_file.hpp"
#include "ui/registry.hpp"

namespace rekindle::platform {

using nlohmann::json;

namespace {

int keyCode(const std::string& name) {
    static const std::map<std::string, int> keys = {
        {"Enter", GLFW_KEY_ENTER},   {"Return", GLFW_KEY_ENTER},   {"Tab", GLFW_KEY_TAB},
        {"Backspace", GLFW_KEY_BACKSPACE}, {"Escape", GLFW_KEY_ESCAPE}, {"Space", GLFW_KEY_SPACE},
        {"Left", GLFW_KEY_LEFT},     {"Right", GLFW_KEY_RIGHT},    {"Up", GLFW_KEY_UP},
        {"Down", GLFW_KEY_DOWN},     {"Home", GLFW_KEY_HOME},      {"End", GLFW_KEY_END},
        {"PageUp", GLFW_KEY_PAGE_UP}, {"PageDown", GLFW_KEY_PAGE_DOWN}, {"Delete", GLFW_KEY_DELETE},
        {"=", GLFW_KEY_EQUAL},       {"-", GLFW_KEY_MINUS},        {"F1", GLFW_KEY_F1},
        {"F12", GLFW_KEY_F12},
    };
    auto it = keys.find(name);
    if (it != keys.end()) return it->second;
    if (name.size() == 1) {
        char c = name[0];
        if (c >= 'a' && c <= 'z') return GLFW_KEY_A + (c - 'a');
        if (c >= 'A' && c <= 'Z') return GLFW_KEY_A + (c - 'A');
        if (c >= '0' && c <= '9') return GLFW_KEY_0 + (c - '0');
    }
    return -1;
}

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
    c.key = keyCode(rest);
    return c;
}

}  // namespace

struct ScriptDriver::Impl {
    DriverHost host;
    std::string file;
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
    void pass() {
        std::fprintf(stderr, "script step %zu ok: %s\n", index + 1, steps[index].dump().c_str());
        ++index;
        phase = 0;
        stepStart = -1;
        settle = 2;
    }
};

ScriptDriver::ScriptDriver(DriverHost host) : m(std::make_unique<Impl>()) { m->host = std::move(host); }
ScriptDriver::~ScriptDriver() = default;

bool ScriptDriver::load(const std::string& file, std::string* error) {
    m->file = file;
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

bool ScriptDriver::active() const { return !m->failedFlag && m->index < m->steps.size(); }
bool ScriptDriver::finished() const { return m->failedFlag || m->index >= m->steps.size(); }
bool ScriptDriver::failed() const { return m->failedFlag; }
bool ScriptDriver::sleeping() const { return active() && m->idleUntil > 0; }
double ScriptDriver::sleepUntil() const { return m->idleUntil; }

void ScriptDriver::beforeFrame(ImGuiIO& io, double now) {
    // Release whatever was held last frame so a press lasts exactly one frame.
    if (m->heldKey.key >= 0) {
        io.KeysDown[m->heldKey.key] = false;
        io.KeyCtrl = io.KeyAlt = io.KeyShift = false;
        m->heldKey = {};
        return;
    }
    if (!active()) return;
    if (m->settle > 0) {
        --m->settle;
        return;
    }
    if (!m->pendingKeys.empty()) {
        Chord c = m->pendingKeys.front();
        m->pendingKeys.erase(m->pendingKeys.begin());
        io.KeysDown[c.key] = true;
        io.KeyCtrl = c.ctrl;
        io.KeyAlt = c.alt;
        io.KeyShift = c.shift;
        m->heldKey = c;
        m->settle = 1;
        if (m->pendingKeys.empty() && !m->repeating) m->pass();
        return;
    }
    if (m->stepStart < 0) m->stepStart = now;
    const json& step = m->steps[m->index];
    const ui::Registry& reg = ui::Registry::get();
    try {
        if (step.contains("click")) {
            std::string label = step["click"].get<std::string>();
            const ui::RegisteredItem* item = reg.findClickable(label);
            if (!item) {
                if (now - m->stepStart > step.value("timeoutMs", 2000) / 1000.0) m->fail("no clickable widget labelled \"" + label + "\" on screen " + m->host.screenName());
                return;
            }
            if (!item->enabled) {
                m->fail("widget \"" + label + "\" is disabled");
                return;
            }
            io.MousePos = ImVec2((item->x0 + item->x1) * 0.5f, (item->y0 + item->y1) * 0.5f);
            if (m->phase == 0) { io.MouseDown[0] = false; ++m->phase; }
            else if (m->phase == 1) { io.MouseDown[0] = true; ++m->phase; }
            else { io.MouseDown[0] = false; m->pass(); }
        } else if (step.contains("key") || step.contains("keys")) {
            std::vector<std::string> names;
            if (step.contains("key")) names.push_back(step["key"].get<std::string>());
            else names = step["keys"].get<std::vector<std::string>>();
            for (const auto& n : names) {
                Chord c = parseChord(n);
                if (c.key < 0) { m->fail("unknown key \"" + n + "\""); return; }
                m->pendingKeys.push_back(c);
            }
        } else if (step.contains("repeat")) {
            // {"repeat": {"keys": [...], "untilText": "...", "max": N}}: press the keys until the text shows.
            const json& r = step["repeat"];
            std::string until = r["untilText"].get<std::string>();
            if (reg.hasText(until)) {
                m->repeating = false;
                m->pass();
                return;
            }
            if (m->phase++ >= r.value("max", 100)) {
                m->repeating = false;
                m->fail("\"" + until + "\" did not appear after " + std::to_string(r.value("max", 100)) + " repeats");
                return;
            }
            m->repeating = true;
            for (const auto& n : r["keys"].get<std::vector<std::string>>()) {
                Chord c = parseChord(n);
                if (c.key < 0) { m->fail("unknown key \"" + n + "\""); return; }
                m->pendingKeys.push_back(c);
            }
            m->settle = 0;
        } else if (step.contains("type")) {
            io.AddInputCharactersUTF8(step["type"].get<std::string>().c_str());
            m->pass();
        } else if (step.contains("wait")) {
            if (++m->phase >= step["wait"].get<int>()) m->pass();
        } else if (step.contains("waitMs")) {
            if (now - m->stepStart >= step["waitMs"].get<double>() / 1000.0) m->pass();
        } else if (step.contains("expectScreen")) {
            std::string want = step["expectScreen"].get<std::string>();
            if (m->host.screenName() == want) m->pass();
            else if (now - m->stepStart > step.value("timeoutMs", 2000) / 1000.0) m->fail("screen is \"" + m->host.screenName() + "\", expected \"" + want + "\"");
        } else if (step.contains("expectText")) {
            std::string want = step["expectText"].get<std::string>();
            if (reg.hasText(want)) m->pass();
            else if (now - m->stepStart > step.value("timeoutMs", 2000) / 1000.0) m->fail("text \"" + want + "\" not on screen " + m->host.screenName());
        } else if (step.contains("expectNoText")) {
            std::string want = step["expectNoText"].get<std::string>();
            if (!reg.hasText(want)) m->pass();
            else if (now - m->stepStart > step.value("timeoutMs", 2000) / 1000.0) m->fail("text \"" + want + "\" is still on screen");
        } else if (step.contains("expectWidget")) {
            std::string want = step["expectWidget"].get<std::string>();
            if (reg.findClickable(want)) m->pass();
            else if (now - m->stepStart > step.value("timeoutMs", 2000) / 1000.0) m->fail("no widget \"" + want + "\" on screen " + m->host.screenName());
        } else if (step.contains("screenshot")) {
            m->screenshotPending = true;  // taken in afterRender of this frame
        } else if (step.contains("scale")) {
            m->host.setScale(step["scale"].get<float>());
            m->pass();
            m->settle = 4;
        } else if (step.contains("resize")) {
            m->host.resize(step["resize"][0].get<int>(), step["resize"][1].get<int>());
            m->pass();
            m->settle = 4;
        } else if (step.contains("idle")) {
            // Let the loop sleep as it would with no one scripting it, then check the CPU it used.
            const json& idle = step["idle"];
            if (m->phase == 0) {
                m->idleWallStart = now;
                m->idleCpuStart = cpuSeconds();
                m->idleUntil = now + idle.value("seconds", 5.0);
                ++m->phase;
            } else if (now >= m->idleUntil) {
                double wall = now - m->idleWallStart;
                double cpu = cpuSeconds() - m->idleCpuStart;
                double percent = wall > 0 ? 100.0 * cpu / wall : 0;
                m->idleUntil = 0;
                std::fprintf(stderr, "idle: %.2f s CPU over %.2f s wall = %.2f %% of one core\n", cpu, wall, percent);
                if (percent > idle.value("maxCpuPercent", 5.0)) {
                    char buf[128];
                    std::snprintf(buf, sizeof buf, "idle CPU %.2f %% is over the %.2f %% budget", percent, idle.value("maxCpuPercent", 5.0));
                    m->fail(buf);
                } else {
                    m->pass();
                }
            }
        } else if (step.contains("replaceInFile")) {
            // Edits a file on disk the way an author's editor would (for live re-validation tests).
            const json& r = step["replaceInFile"];
            std::string path = r["path"].get<std::string>();
            std::string err;
            auto text = storage::readFile(path, &err);
            if (!text) { m->fail(path + ": " + err); return; }
            std::string find = r["find"].get<std::string>(), repl = r["replace"].get<std::string>();
            auto pos = text->find(find);
            if (pos == std::string::npos) { m->fail("\"" + find + "\" not found in " + path); return; }
            text->replace(pos, find.size(), repl);
            std::ofstream(path, std::ios::binary | std::ios::trunc) << *text;
            m->pass();
        } else if (step.contains("sigkill")) {
            std::fflush(stderr);
            std::raise(9);
        } else if (step.contains("log")) {
            std::fprintf(stderr, "script: %s\n", step["log"].get<std::string>().c_str());
            m->pass();
        } else {
            m->fail("unknown step");
        }
    } catch (const std::exception& e) {
        m->fail(std::string("malformed step: ") + e.what());
    }
}

void ScriptDriver::afterRender(double) {
    if (!m->screenshotPending || !active()) return;
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

}  // namespace rekindle::platform
