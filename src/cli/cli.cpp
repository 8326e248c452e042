// `rekindle` with no subcommand opens the window; subcommands work headless.
#include <iostream>

#include "cli/commands.hpp"
#include "platform/gui.hpp"

namespace rekindle::cli {

int run(int argc, char** argv) {
    CLI::App app{"Rekindle: reflect on a relationship where someone you love is pulling away.\n"
                 "Runs without a subcommand as a desktop app; all data stays on this computer.",
                 "rekindle"};
    app.set_version_flag("--version", std::string("rekindle ") + REKINDLE_VERSION);
    CommandContext ctx;
    platform::GuiOptions gui;
    app.add_option("--data-dir", ctx.dataDir, "Folder for results, drafts and your own sets (default: XDG data dir; env REKINDLE_DATA_DIR)");
    app.add_option("--open", gui.openFile, "Open a question-set file from anywhere");
    app.add_option("--frames", gui.frames, "Render N frames, then exit (testing)");
    app.add_option("--screenshot", gui.screenshot, "Write the last frame to this PNG (testing)");
    app.add_option("--script", gui.script, "Run a scripted test driver (JSON); exit 0 only if every step passes");
    app.add_option("--scale", gui.scale, "Force a UI scale instead of the monitor's content scale");
    app.add_option("--size", [&gui](const std::vector<std::string>& v) {
        auto x = v.front().find('x');
        if (x == std::string::npos) return false;
        gui.width = std::stoi(v.front().substr(0, x));
        gui.height = std::stoi(v.front().substr(x + 1));
        return gui.width > 0 && gui.height > 0;
    }, "Window size, e.g. 1280x800");
    app.add_option("--theme", gui.theme, "light, dark or contrast (this run only)")
        ->check(CLI::IsMember({"light", "dark", "contrast"}));
    app.add_flag("--busy-loop", gui.busyLoop, "Never sleep between frames (only for testing the idle check)");

    registerValidate(app, ctx);
    registerScore(app, ctx);
    registerHistory(app, ctx);
    registerSimulate(app, ctx);
    registerBench(app, ctx);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    if (ctx.ran) return ctx.exitCode;
    gui.dataDir = ctx.dataDir;
    return platform::runGui(gui);
}

}  // namespace rekindle::cli
