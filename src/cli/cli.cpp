// `rekindle` with no subcommand opens the window; subcommands work headless.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "platform/gui.hpp"
#if REKINDLE_TEST_HOOKS
#include "testkit/script_driver.hpp"
#endif

namespace rekindle::cli {

int run(int argc, char** argv) {
    // A write past a file-size limit (ulimit -f) must fail with EFBIG so the writer can clean up and say so;
    // SIGXFSZ's default action would kill the process and leave a temp file behind.
    std::signal(SIGXFSZ, SIG_IGN);
    CLI::App app{"Rekindle: reflect on a relationship where someone you love is pulling away.\n"
                 "Runs without a subcommand as a desktop app; all data stays on this computer.",
                 "rekindle"};
    app.set_version_flag("--version", std::string("rekindle ") + REKINDLE_VERSION);
    CommandContext ctx;
    platform::GuiOptions gui;
    app.add_option("--data-dir", ctx.dataDir, "Folder for results, drafts and your own sets (default: XDG data dir; env REKINDLE_DATA_DIR)");
    app.add_option("--passphrase-fd", ctx.passphraseFd,
                   "Read the passphrase of a protected data folder from this file descriptor (one per line)")
        ->check(CLI::NonNegativeNumber);
    app.add_option("--open", gui.openFile, "Open a question-set file from anywhere");
    // The desktop entry's `Exec=rekindle %f`; must exist, so a mistyped subcommand is an error, not a window.
    app.add_option("file", gui.openFile, "Question-set file to open (same as --open)")->check(CLI::ExistingFile);
    app.add_option("--frames", gui.frames, "Render N frames, then exit (testing)");
    app.add_option("--screenshot", gui.screenshot, "Write the last frame to this PNG (testing)");
    app.add_option("--scale", gui.scale, "Force a UI scale instead of the monitor's content scale");
    app.add_option("--size", [&gui](const std::vector<std::string>& v) {
        int w = 0, h = 0;
        char tail = 0;
        if (std::sscanf(v.front().c_str(), "%dx%d%c", &w, &h, &tail) != 2 || w <= 0 || h <= 0 || w > 16384 || h > 16384)
            return false;
        gui.width = w;
        gui.height = h;
        return true;
    }, "Window size, e.g. 1280x800");
    app.add_option("--theme", gui.theme, "light, dark or contrast (this run only)")
        ->check(CLI::IsMember({"light", "dark", "contrast"}));
#if REKINDLE_TEST_HOOKS
    // Test hooks: a build with REKINDLE_TEST_HOOKS=OFF does not know these options, so they are usage errors there.
    std::string script;
    bool busyLoop = false;
    app.add_option("--script", script, "Run a scripted test driver (JSON); exit 0 only if every step passes (testing)");
    app.add_flag("--busy-loop", busyLoop, "Never sleep between frames (only for testing the idle check)");
#endif

    registerValidate(app, ctx);
    registerScore(app, ctx);
    registerHistory(app, ctx);
    registerSimulate(app, ctx);
    registerBench(app, ctx);
    registerPassphrase(app, ctx);
    registerDoctor(app, ctx);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    if (ctx.ran) return ctx.exitCode;
    gui.dataDir = ctx.dataDir;
    // A protected folder is unlocked in the window (its own unlock screen), never on the terminal.
#if REKINDLE_TEST_HOOKS
    // Tests lock after seconds rather than minutes; a package build does not know this variable.
    if (const char* idle = std::getenv("REKINDLE_TEST_IDLE_LOCK_SECONDS")) gui.idleLockSeconds = std::atof(idle);
    std::unique_ptr<testkit::ScriptDriver> driver;
    if (!script.empty() || busyLoop) {
        driver = std::make_unique<testkit::ScriptDriver>(script, busyLoop);
        gui.hooks = driver.get();
    }
#endif
    return platform::runGui(gui);
}

}  // namespace rekindle::cli
