// The window and its event-driven loop: sleep in glfwWaitEventsTimeout while nothing changes, draw a few frames
// after each input (ImGui needs them to settle hover and animations), rebuild fonts when scale or zoom changes.
// runGui reads as its phases: display check, window, ImGui init (fonts built meanwhile), loop, shutdown.
#include "platform/gui.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glad/gl.h>
// glad must come before GLFW so GLFW does not pull in the system GL header.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <memory>
#include <string>
#include <thread>

#include "app/application.hpp"
#include "platform/font_texture.hpp"
#include "platform/frame_hooks.hpp"
#include "platform/ini_file.hpp"
#include "platform/input.hpp"
#include "platform/mesa_pin.hpp"
#include "platform/screenshot.hpp"
#include "platform/window_icon.hpp"
#include "ui/fonts.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::platform {

namespace {

constexpr int kFramesAfterInput = 3;
constexpr float kBaseFontPixels = 17.0f;

int g_framesToDraw = kFramesAfterInput;
input::WideCharacterGuard g_wideCharacters;

void wakeUp() { g_framesToDraw = std::max(g_framesToDraw, kFramesAfterInput); }

// Our callbacks are installed before ImGui's backend, which chains to them: every input means "draw again".
void onKey(GLFWwindow*, int, int, int, int) { wakeUp(); }
void onChar(GLFWwindow*, unsigned int c) {
    g_wideCharacters.onChar(c);
    wakeUp();
}
void onMouseButton(GLFWwindow*, int, int, int) { wakeUp(); }
void onScroll(GLFWwindow*, double, double) { wakeUp(); }
void onCursor(GLFWwindow*, double, double) { wakeUp(); }
void onSize(GLFWwindow*, int, int) { wakeUp(); }
void onRefresh(GLFWwindow*) { wakeUp(); }
void onFocus(GLFWwindow*, int) { wakeUp(); }
void onScale(GLFWwindow*, float, float) { wakeUp(); }

void errorCallback(int code, const char* text) { std::fprintf(stderr, "GLFW error %d: %s\n", code, text); }

float fontPixels(float scale, float zoom) { return std::round(kBaseFontPixels * scale * zoom); }

// Phase 0: without a display there is nothing to open; say so and name the way out.
bool haveDisplay() {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((display && *display) || (wayland && *wayland)) return true;
    std::fprintf(stderr,
                 "rekindle: no display found (DISPLAY is not set), so the window cannot open.\n"
                 "Run it on a desktop, or headless with: xvfb-run -a rekindle ...\n"
                 "The subcommands (rekindle --help) work without a display.\n");
    return false;
}

float primaryMonitorScale() {
    float sx = 1, sy = 1;
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) glfwGetMonitorContentScale(monitor, &sx, &sy);
    return sx > 0 ? sx : 1;
}

// Phase 1: the window, its GL 3.3 core context and the callbacks that wake the loop. Null (after saying why) on
// failure; the window is gone again then.
GLFWwindow* openWindow(const GuiOptions& options, std::thread& driverLoad) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    hintWindowClass();
    if (driverLoad.joinable()) driverLoad.join();  // GLX would wait for the loader's lock anyway
    GLFWwindow* window = glfwCreateWindow(options.width, options.height, "Rekindle", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "rekindle: could not create an OpenGL 3.3 window (see the GLFW error above).\n");
        return nullptr;
    }
    setWindowIcon(window);
    glfwMakeContextCurrent(window);
    if (!gladLoadGL(glfwGetProcAddress)) {
        std::fprintf(stderr, "rekindle: could not load OpenGL 3.3 functions.\n");
        glfwDestroyWindow(window);
        return nullptr;
    }
    // A harness or a frame count wants frames as fast as they come; a person gets vsync.
    glfwSwapInterval(options.hooks || options.frames > 0 ? 0 : 1);
    glfwSetKeyCallback(window, onKey);
    glfwSetCharCallback(window, onChar);
    glfwSetMouseButtonCallback(window, onMouseButton);
    glfwSetScrollCallback(window, onScroll);
    glfwSetCursorPosCallback(window, onCursor);
    glfwSetFramebufferSizeCallback(window, onSize);
    glfwSetWindowRefreshCallback(window, onRefresh);
    glfwSetWindowFocusCallback(window, onFocus);
    glfwSetWindowContentScaleCallback(window, onScale);
    return window;
}

// Phase 2: ImGui on the window, with the atlas built meanwhile on another thread. The layout file is ours (IniFile).
void initImGui(GLFWwindow* window, ImFontAtlas& atlas, const ui::Fonts& fonts, IniFile& ini) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext(&atlas);
    ImGuiIO& io = ImGui::GetIO();
    io.FontDefault = fonts.regular;
    ui::setFonts(fonts);
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    input::giveUiKeyCodes();
    // A steady cursor: a blinking one would need a frame every half second and keep the process awake.
    io.ConfigInputTextCursorBlink = false;
    ini.load();  // also sets io.IniFilename = nullptr: ImGui's fopen would follow a planted link

    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    // Created now rather than in the first NewFrame, so the font texture below replaces the backend's for good.
    // The backend insists on uploading the atlas as RGBA here; it is handed a placeholder (ImGui's small built-in
    // font) so that the real atlas is converted and uploaded only once, as one channel.
    {
        ImFontAtlas placeholder;
        io.Fonts = &placeholder;
        ImGui_ImplOpenGL3_CreateDeviceObjects();
        io.Fonts = &atlas;
    }
    uploadFontAtlas();  // also deletes the placeholder's texture
}

// Phase 4 works on this: the window, the app, and what was last built for which scale, zoom and theme.
struct Session {
    Session(const GuiOptions& o, GLFWwindow* w, app::Application& c, IniFile& i, float scale, float zoom)
        : options(o), window(w), ctrl(c), ini(i), hooks(o.hooks), forcedScale(o.scale), builtScale(scale), builtZoom(zoom) {}
    const GuiOptions& options;
    GLFWwindow* window;
    app::Application& ctrl;
    ui::Views views;  // each screen's UI-only state
    IniFile& ini;
    FrameHooks* hooks;
    float forcedScale;
    float builtScale;
    float builtZoom;
    std::string builtTheme;
    bool hiddenTitle = false;
    input::TabNavigation tab;
    int frame = 0;
    int exitCode = 0;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
};

// Sleeps until there is something to draw; false when this turn of the loop draws nothing.
bool waitForWork(Session& s) {
    bool awake = (s.hooks && s.hooks->keepAwake()) || s.options.frames > 0;
    double wakeAt = s.hooks ? s.hooks->wakeAt() : 0;
    // While a passphrase job runs the spinner turns: a frame every 1/15 s, the rest of the time asleep.
    bool animating = s.ctrl.state().lock.working();
    if (awake || g_framesToDraw > 0) {
        glfwPollEvents();
    } else {
        double timeout = wakeAt > 0 ? std::max(0.0, wakeAt - glfwGetTime()) : 30.0;
        if (double due = s.ctrl.secondsUntilDue(); due >= 0) timeout = std::min(timeout, due + 0.01);
        if (animating) timeout = std::min(timeout, 1.0 / 15);
        glfwWaitEventsTimeout(std::max(timeout, 0.001));
    }
    if (s.ctrl.poll()) wakeUp();
    if (wakeAt > 0 && glfwGetTime() >= wakeAt) wakeUp();
    if (animating) g_framesToDraw = std::max(g_framesToDraw, 1);
    return awake || g_framesToDraw > 0;
}

// Phase 3, again whenever it changes: scale = monitor content scale (or --scale) × the user's zoom; fonts are
// rebuilt for it, the theme's sizes follow it.
void followScaleAndTheme(Session& s) {
    float scale = s.forcedScale;
    if (scale <= 0) {
        float sx = 1, sy = 1;
        glfwGetWindowContentScale(s.window, &sx, &sy);
        scale = sx > 0 ? sx : 1;
    }
    const app::AppState& st = s.ctrl.state();
    float zoom = st.settings.zoom;
    if (std::abs(scale - s.builtScale) > 1e-3f || std::abs(zoom - s.builtZoom) > 1e-3f) {
        ui::setFonts(ui::buildFonts(fontPixels(scale, zoom)));
        uploadFontAtlas();
        s.builtScale = scale;
        s.builtZoom = zoom;
        s.builtTheme.clear();  // style sizes follow the scale too
    }
    if (s.builtTheme != st.settings.theme) {
        ui::applyTheme(ui::themeFromName(st.settings.theme), scale * zoom);
        s.builtTheme = st.settings.theme;
    }
    // The unlock screen is titled like the quick-hide screen: neither names the app or its subject.
    bool hidden = st.screen == app::Screen::Hidden || st.lock.locked;
    if (hidden != s.hiddenTitle) {
        glfwSetWindowTitle(s.window, hidden ? "Notes" : "Rekindle");
        s.hiddenTitle = hidden;
    }
}

// One frame, from input to swap; false when it was the last one.
bool drawFrame(Session& s) {
    ImGuiIO& io = ImGui::GetIO();
    double now = glfwGetTime();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (s.hooks) s.hooks->beforeFrame(io, now);
    s.tab.apply(io);
    g_wideCharacters.apply(io);
    ImGui::NewFrame();
    if (input::frameHadInput(io)) s.ctrl.noteActivity();
    ui::drawRoot(s.ctrl.state(), s.ctrl.commands(), s.views);
    if (s.ctrl.applyCommands()) wakeUp();  // the frame boundary: no screen is reading the state any more
    ui::drawTypingNotice();
    ImGui::Render();
    // After "Delete all my data" the layout file stays gone; a read-only window leaves it to the first one.
    if (s.ctrl.state().layoutFileDeleted) s.ini.suppress();
    if (!s.ctrl.state().readOnly) s.ini.saveIfWanted();
    int fbw = 0, fbh = 0;
    glfwGetFramebufferSize(s.window, &fbw, &fbh);
    glViewport(0, 0, fbw, fbh);
    ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++s.frame;
    if (s.hooks) s.hooks->afterRender(now);
    bool lastFrame = s.options.frames > 0 && s.frame >= s.options.frames;
    if (lastFrame && !s.options.screenshot.empty()) {
        std::string e;
        int colours = 0;
        if (!captureBackBuffer(fbw, fbh, s.options.screenshot, &e, &colours)) {
            std::fprintf(stderr, "rekindle: screenshot failed: %s\n", e.c_str());
            s.exitCode = 1;
        }
    }
    glfwSwapBuffers(s.window);
    // Reported once the frame is presented: llvmpipe rasterises at the swap, so earlier would flatter it.
    if (s.frame == 1 && std::getenv("REKINDLE_REPORT_FIRST_FRAME")) {
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - s.start).count();
        std::fprintf(stderr, "first frame after %.1f ms\n", ms);
    }
    if (g_framesToDraw > 0) --g_framesToDraw;
    // ImGui asks for more frames while a mouse button is held (dragging). A focused text field does not: the cursor
    // does not blink and every key wakes the loop, so a field waiting for input (the unlock screen's) costs nothing.
    if (ImGui::IsAnyMouseDown()) g_framesToDraw = std::max(g_framesToDraw, 1);
    if (lastFrame) return false;
    if (s.hooks && s.hooks->finished()) {
        s.exitCode = s.hooks->exitCode();
        return false;
    }
    return true;
}

// Phase 4: until the window closes, the frame count is reached or the harness is done.
void runLoop(Session& s) {
    if (s.hooks) {
        LoopHost host;
        host.screenName = [&s] { return std::string(app::screenName(s.ctrl.state().screen)); };
        host.screenshot = [&s](const std::string& file, std::string* e, int* colours) {
            int w = 0, h = 0;
            glfwGetFramebufferSize(s.window, &w, &h);
            return captureBackBuffer(w, h, file, e, colours);
        };
        host.setScale = [&s](float scale) { s.forcedScale = scale; };
        host.resize = [&s](int w, int h) { glfwSetWindowSize(s.window, w, h); };
        host.settling = [&s] { return s.ctrl.state().setsLoading; };
        std::string e;
        if (!s.hooks->attach(std::move(host), &e)) {
            std::fprintf(stderr, "rekindle: %s\n", e.c_str());
            s.exitCode = 2;
            return;
        }
    }
    while (!s.ctrl.state().quitRequested) {
        // The close button goes through the app like Ctrl+Q: it quits at once, or first asks when answers that
        // were never written (a private take) would be lost.
        if (glfwWindowShouldClose(s.window)) {
            glfwSetWindowShouldClose(s.window, GLFW_FALSE);
            s.ctrl.apply(app::cmd::RequestQuit{});
            wakeUp();
            if (s.ctrl.state().quitRequested) break;
        }
        if (!waitForWork(s)) continue;
        followScaleAndTheme(s);
        // A private take leaves nothing behind, the window layout file included (its table entries would tell).
        if (s.ctrl.state().take.privateTake || s.ctrl.state().result.privateTake) s.ini.suppress();
        if (!drawFrame(s)) break;
    }
}

// Phase 5: ImGui and its backends go before the window; the GL driver stays mapped through glfwTerminate.
void shutdownImGui() {
    releaseFontAtlas();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
}

}  // namespace

int runGui(const GuiOptions& options) {
    glfwSetErrorCallback(errorCallback);
    if (!haveDisplay()) return 3;
    // While GLFW connects to the display: Mesa's driver loads, and the controller reads settings, the tip library,
    // the sets and the results index (a few ms).
    std::thread driverLoad = preloadGlDriver();
    app::ControllerOptions copts;
    copts.dataDir = options.dataDir;
    copts.openFile = options.openFile;
    copts.theme = options.theme;
    copts.idleLockSeconds = options.idleLockSeconds;
    copts.loadSetsInBackground = true;
    auto controllerMade = std::async(std::launch::async, [copts] { return std::make_unique<app::Application>(copts); });
    if (!glfwInit()) {
        const char* display = std::getenv("DISPLAY");
        std::fprintf(stderr, "rekindle: could not connect to the display \"%s\". Headless, use: xvfb-run -a rekindle ...\n",
                     display ? display : "");
        if (driverLoad.joinable()) driverLoad.join();
        return 3;
    }
    int exitCode = 0;
    GLFWwindow* window = nullptr;
    {
        std::unique_ptr<app::Application> controller = controllerMade.get();
        controller->setWake([] { glfwPostEmptyEvent(); });
        // Fonts need no GL and no ImGui context, so the atlas is built on a second thread while the window and its
        // GL context are created (Mesa loading LLVM takes ~100 ms; FreeType rasterising three fonts ~35 ms). The
        // scale is the primary monitor's; if the window lands on another, the loop rebuilds as on any change.
        float builtScale = options.scale > 0 ? options.scale : primaryMonitorScale();
        float builtZoom = controller->state().settings.zoom;
        ImFontAtlas atlas;  // outlives the context, which only borrows it
        std::future<ui::Fonts> fontsBuilt = std::async(std::launch::async, [&atlas, px = fontPixels(builtScale, builtZoom)] {
            return ui::buildFonts(atlas, px);
        });
        window = openWindow(options, driverLoad);
        if (!window) {
            fontsBuilt.wait();
            glfwTerminate();
            return 3;
        }
        IniFile ini(controller->state().paths.imguiIni());
        initImGui(window, atlas, fontsBuilt.get(), ini);
        Session session(options, window, *controller, ini, builtScale, builtZoom);
        runLoop(session);
        exitCode = session.exitCode;
        if (!controller->state().readOnly) ini.saveNow();
        shutdownImGui();
    }
    pinGlDriverModules();
    glfwDestroyWindow(window);
    glfwTerminate();
    // fontconfig keeps its configuration until FcFini; releasing it here keeps LeakSanitizer's report clean without
    // a suppression (fonts are only looked up while the window exists).
    ui::releaseFontLookup();
    return exitCode;
}

}  // namespace rekindle::platform
