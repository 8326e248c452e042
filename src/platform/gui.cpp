// The window and its event-driven loop: sleep in glfwWaitEventsTimeout while nothing changes, draw a few frames
// after each input (ImGui needs them to settle hover and animations), rebuild fonts when scale or zoom changes.
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

#include "app/controller.hpp"
#include "platform/font_texture.hpp"
#include "platform/mesa_pin.hpp"
#include "platform/screenshot.hpp"
#include "platform/script_driver.hpp"
#include "ui/fonts.hpp"
#include "ui/registry.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace rekindle::platform {

namespace {

constexpr int kFramesAfterInput = 3;
constexpr float kBaseFontPixels = 17.0f;

struct LoopState {
    int framesToDraw = kFramesAfterInput;
};
LoopState g_loop;

void wakeUp() { g_loop.framesToDraw = std::max(g_loop.framesToDraw, kFramesAfterInput); }

// Our callbacks are installed before ImGui's backend, which chains to them: every input means "draw again".
void onKey(GLFWwindow*, int, int, int, int) { wakeUp(); }
void onChar(GLFWwindow*, unsigned int) { wakeUp(); }
void onMouseButton(GLFWwindow*, int, int, int) { wakeUp(); }
void onScroll(GLFWwindow*, double, double) { wakeUp(); }
void onCursor(GLFWwindow*, double, double) { wakeUp(); }
void onSize(GLFWwindow*, int, int) { wakeUp(); }
void onRefresh(GLFWwindow*) { wakeUp(); }
void onFocus(GLFWwindow*, int) { wakeUp(); }
void onScale(GLFWwindow*, float, float) { wakeUp(); }

void errorCallback(int code, const char* text) { std::fprintf(stderr, "GLFW error %d: %s\n", code, text); }

}  // namespace

int runGui(const GuiOptions& options) {
    glfwSetErrorCallback(errorCallback);
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((!display || !*display) && (!wayland || !*wayland)) {
        std::fprintf(stderr,
                     "rekindle: no display found (DISPLAY is not set), so the window cannot open.\n"
                     "Run it on a desktop, or headless with: xvfb-run -a rekindle ...\n"
                     "The subcommands (rekindle --help) work without a display.\n");
        return 3;
    }
    // While GLFW connects to the display: Mesa's driver loads, and the controller reads settings, the tip library,
    // the sets and the results index (a few ms).
    std::thread driverLoad = preloadGlDriver();
    app::ControllerOptions copts;
    copts.dataDir = options.dataDir;
    copts.openFile = options.openFile;
    copts.theme = options.theme;
    auto controllerMade = std::async(std::launch::async, [copts] { return std::make_unique<app::Controller>(copts); });
    if (!glfwInit()) {
        std::fprintf(stderr, "rekindle: could not connect to the display \"%s\". Headless, use: xvfb-run -a rekindle ...\n",
                     display ? display : "");
        if (driverLoad.joinable()) driverLoad.join();
        return 3;
    }
    int exitCode = 0;
    GLFWwindow* window = nullptr;
    {
        std::unique_ptr<app::Controller> controller = controllerMade.get();
        app::Controller& ctrl = *controller;
        ctrl.setWake([] { glfwPostEmptyEvent(); });

        // Fonts need no GL and no ImGui context, so the atlas is built on a second thread while the window and its
        // GL context are created (Mesa loading LLVM takes ~100 ms; FreeType rasterising three fonts ~35 ms). The
        // scale is the primary monitor's; if the window lands on another, the loop rebuilds as on any change.
        float forcedScale = options.scale;
        float builtScale = forcedScale;
        if (builtScale <= 0) {
            float sx = 1, sy = 1;
            if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) glfwGetMonitorContentScale(monitor, &sx, &sy);
            builtScale = sx > 0 ? sx : 1;
        }
        float builtZoom = ctrl.state().settings.zoom;
        ImFontAtlas atlas;  // outlives the context, which only borrows it
        std::future<ui::Fonts> fontsBuilt = std::async(std::launch::async, [&atlas, px = std::round(kBaseFontPixels * builtScale * builtZoom)] {
            return ui::buildFonts(atlas, px);
        });

        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
        if (driverLoad.joinable()) driverLoad.join();  // GLX would wait for the loader's lock anyway
        window = glfwCreateWindow(options.width, options.height, "Rekindle", nullptr, nullptr);
        if (!window) {
            std::fprintf(stderr, "rekindle: could not create an OpenGL 3.3 window (see the GLFW error above).\n");
            fontsBuilt.wait();
            glfwTerminate();
            return 3;
        }
        glfwMakeContextCurrent(window);
        if (!gladLoadGL(glfwGetProcAddress)) {
            std::fprintf(stderr, "rekindle: could not load OpenGL 3.3 functions.\n");
            glfwDestroyWindow(window);
            fontsBuilt.wait();
            glfwTerminate();
            return 3;
        }
        bool scripted = !options.script.empty();
        glfwSwapInterval(scripted || options.frames > 0 ? 0 : 1);

        glfwSetKeyCallback(window, onKey);
        glfwSetCharCallback(window, onChar);
        glfwSetMouseButtonCallback(window, onMouseButton);
        glfwSetScrollCallback(window, onScroll);
        glfwSetCursorPosCallback(window, onCursor);
        glfwSetFramebufferSizeCallback(window, onSize);
        glfwSetWindowRefreshCallback(window, onRefresh);
        glfwSetWindowFocusCallback(window, onFocus);
        glfwSetWindowContentScaleCallback(window, onScale);

        ui::Fonts fonts = fontsBuilt.get();
        IMGUI_CHECKVERSION();
        ImGui::CreateContext(&atlas);
        ImGuiIO& io = ImGui::GetIO();
        io.FontDefault = fonts.regular;
        ui::setFonts(fonts);
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        // A steady cursor: a blinking one would need a frame every half second and keep the process awake.
        io.ConfigInputTextCursorBlink = false;

        std::string iniPath;
        std::string err;
        if (storage::ensurePrivateDir(ctrl.state().paths.configDir, &err)) {
            iniPath = ctrl.state().paths.imguiIni().string();
            // ImGui writes the file with fopen (mode 0644 from the umask); fopen keeps an existing file's mode, so
            // create it 0600 first and tighten an old one. Never leave it empty: ImGui 1.86 reads one byte past
            // the buffer of a 0-byte ini (ASan: heap-buffer-overflow in LoadIniSettingsFromMemory).
            int fd = ::open(iniPath.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
            if (fd >= 0) {
                ::fchmod(fd, 0600);
                struct stat st {};
                if (::fstat(fd, &st) == 0 && st.st_size == 0 && ::write(fd, "\n", 1) != 1) {
                    // Nothing to do: ImGui writes the file again at its next save.
                }
                ::close(fd);
            }
        }
        io.IniFilename = iniPath.empty() ? nullptr : iniPath.c_str();

        ImGui_ImplGlfw_InitForOpenGL(window, true);
        ImGui_ImplOpenGL3_Init("#version 330 core");
        // Created now rather than in the first NewFrame, so the font texture below replaces the backend's for good.
        // The backend insists on uploading the atlas as RGBA here; it is handed a placeholder (ImGui's small
        // built-in font) so that the real atlas is converted and uploaded only once, as one channel.
        {
            ImFontAtlas placeholder;
            io.Fonts = &placeholder;
            ImGui_ImplOpenGL3_CreateDeviceObjects();
            io.Fonts = &atlas;
        }
        uploadFontAtlas();  // also deletes the placeholder's texture

        std::string builtTheme;

        DriverHost host;
        host.screenName = [&ctrl] { return std::string(app::screenName(ctrl.state().screen)); };
        host.screenshot = [&](const std::string& file, std::string* e, int* colours) {
            int w = 0, h = 0;
            glfwGetFramebufferSize(window, &w, &h);
            bool ok = captureBackBuffer(w, h, file, e, colours);
            return ok;
        };
        host.setScale = [&](float s) { forcedScale = s; };
        host.resize = [&](int w, int h) { glfwSetWindowSize(window, w, h); };
        ScriptDriver driver(host);
        if (scripted) {
            std::string e;
            if (!driver.load(options.script, &e)) {
                std::fprintf(stderr, "rekindle: %s\n", e.c_str());
                exitCode = 2;
                glfwSetWindowShouldClose(window, GLFW_TRUE);
            }
        }

        int frame = 0;
        auto start = std::chrono::steady_clock::now();
        bool hiddenTitle = false;
        bool tabWasDown = false;
        while (!glfwWindowShouldClose(window)) {
            double now = glfwGetTime();
            bool driving = scripted && driver.active() && !driver.sleeping();
            if (options.busyLoop || driving || options.frames > 0) {
                glfwPollEvents();
            } else if (g_loop.framesToDraw <= 0) {
                double timeout = driver.sleeping() ? std::max(0.0, driver.sleepUntil() - now) : 30.0;
                glfwWaitEventsTimeout(std::max(timeout, 0.001));
            } else {
                glfwPollEvents();
            }
            if (ctrl.poll()) wakeUp();
            now = glfwGetTime();
            if (scripted && driver.sleeping() && now >= driver.sleepUntil()) wakeUp();
            if (!(options.busyLoop || driving || options.frames > 0 || g_loop.framesToDraw > 0 ||
                  (scripted && driver.sleeping() && now >= driver.sleepUntil())))
                continue;

            // Scale = monitor content scale (or --scale) × the user's zoom; fonts are rebuilt when it changes.
            float scale = forcedScale;
            if (scale <= 0) {
                float sx = 1, sy = 1;
                glfwGetWindowContentScale(window, &sx, &sy);
                scale = sx > 0 ? sx : 1;
            }
            float zoom = ctrl.state().settings.zoom;
            if (std::abs(scale - builtScale) > 1e-3f || std::abs(zoom - builtZoom) > 1e-3f) {
                ui::Fonts fonts = ui::buildFonts(std::round(kBaseFontPixels * scale * zoom));
                ui::setFonts(fonts);
                uploadFontAtlas();
                builtScale = scale;
                builtZoom = zoom;
                builtTheme.clear();  // style sizes follow the scale too
            }
            if (builtTheme != ctrl.state().settings.theme) {
                ui::applyTheme(ui::themeFromName(ctrl.state().settings.theme), scale * zoom);
                builtTheme = ctrl.state().settings.theme;
            }
            bool hidden = ctrl.state().screen == app::Screen::Hidden;
            if (hidden != hiddenTitle) {
                glfwSetWindowTitle(window, hidden ? "Notes" : "Rekindle");
                hiddenTitle = hidden;
            }

            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            // Injected input must be written after the backend's NewFrame, which overwrites mouse state.
            if (scripted) driver.beforeFrame(io, now);
            // ImGui 1.86 only tabs between text fields; Rekindle's promise is that Tab reaches every control, so
            // outside a text field Tab / Shift+Tab drive keyboard navigation to the next / previous widget.
            bool tabDown = io.KeysDown[GLFW_KEY_TAB];
            if (tabDown && !tabWasDown && !io.WantTextInput) {
                io.NavInputs[io.KeyShift ? ImGuiNavInput_KeyUp_ : ImGuiNavInput_KeyDown_] = 1.0f;
                io.KeysDown[GLFW_KEY_TAB] = false;  // consumed: not also ImGui's own text-field tabbing
            }
            tabWasDown = tabDown;
            ImGui::NewFrame();
            ui::Registry::get().beginFrame();
            ui::drawRoot(ctrl);
            ImGui::Render();
            int fbw = 0, fbh = 0;
            glfwGetFramebufferSize(window, &fbw, &fbh);
            glViewport(0, 0, fbw, fbh);
            ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
            glClearColor(bg.x, bg.y, bg.z, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            ++frame;
            if (scripted) driver.afterRender(now);
            bool lastFrame = options.frames > 0 && frame >= options.frames;
            if (lastFrame && !options.screenshot.empty()) {
                std::string e;
                int colours = 0;
                if (!captureBackBuffer(fbw, fbh, options.screenshot, &e, &colours)) {
                    std::fprintf(stderr, "rekindle: screenshot failed: %s\n", e.c_str());
                    exitCode = 1;
                }
            }
            glfwSwapBuffers(window);
            // Reported once the frame is presented: llvmpipe rasterises at the swap, so earlier would flatter it.
            if (frame == 1 && std::getenv("REKINDLE_REPORT_FIRST_FRAME")) {
                double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
                std::fprintf(stderr, "first frame after %.1f ms\n", ms);
            }
            if (g_loop.framesToDraw > 0) --g_loop.framesToDraw;
            // ImGui asks for more frames while something animates or a popup settles.
            if (ImGui::IsAnyMouseDown() || io.WantTextInput) g_loop.framesToDraw = std::max(g_loop.framesToDraw, 1);
            if (lastFrame) break;
            if (scripted && driver.finished()) {
                exitCode = driver.failed() ? 1 : 0;
                if (!driver.failed()) std::fprintf(stderr, "script passed\n");
                break;
            }
        }
        releaseFontAtlas();
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
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
