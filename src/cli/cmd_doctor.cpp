// rekindle doctor [--fix] [--json]: the data-folder check from the command line; exit 0 when nothing is left wrong.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "storage/doctor.hpp"

namespace rekindle::cli {

void registerDoctor(CLI::App& app, CommandContext& ctx) {
    struct Options {
        bool fix = false;
        bool json = false;
    };
    auto opts = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("doctor", "Check the data and config folders: ownership and modes, files that are "
                                             "not regular, unreadable results, leftovers, index drift");
    cmd->add_flag("--fix", opts->fix, "Repair what is safe (modes, temp files, the index) and say what changed");
    cmd->add_flag("--json", opts->json, "Print JSON instead of text");
    cmd->callback([&ctx, opts] {
        ctx.ran = true;
        storage::Paths paths = storage::resolvePaths(ctx.dataDir);
        storage::DoctorReport report = storage::examineDataFolder(paths, opts->fix);
        if (opts->json) {
            nlohmann::json out = {{"dataDir", paths.dataDir.string()},
                                  {"configDir", paths.configDir.string()},
                                  {"problems", report.problems()},
                                  {"fixed", report.fixed()},
                                  {"findings", nlohmann::json::array()}};
            for (const auto& f : report.findings) {
                using K = storage::DoctorFinding::Kind;
                out["findings"].push_back({{"kind", f.kind == K::Problem ? "problem" : f.kind == K::Fixed ? "fixed" : "note"},
                                           {"path", f.path},
                                           {"message", f.message},
                                           {"fixable", f.fixable}});
            }
            std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        } else {
            std::cout << "Data:   " << paths.dataDir.string() << "\nConfig: " << paths.configDir.string() << "\n"
                      << report.text();
        }
        ctx.exitCode = report.problems() == 0 ? 0 : 1;
    });
}

}  // namespace rekindle::cli
