// `rekindle bench`: the subcommand only; the benchmark itself lives in src/bench.
#include <memory>

#include "bench/bench.hpp"
#include "cli/commands.hpp"

namespace rekindle::cli {

void registerBench(CLI::App& app, CommandContext& ctx) {
    auto opt = std::make_shared<bench::BenchOptions>();
    CLI::App* cmd = app.add_subcommand("bench", "Measure load, scoring, history and UI frame costs against the budgets "
                                                "(docs/performance.md); prints `name value unit` lines, each a median");
    cmd->add_flag("--quick", opt->quick, "Tiny sizes and few repetitions: proves every metric prints, in seconds");
    cmd->add_flag("--gui", opt->gui, "Also measure the real window (start-up, frame, peak RSS, idle CPU); uses xvfb-run without a display");
    cmd->add_flag("--check", opt->check, "Exit 1 when a budget is missed");
    cmd->add_flag("--large", opt->large, "Also History with 50,000 results: listing, opening, memory (minutes; ~2 GB of scratch files)");
    cmd->add_flag("--keep", opt->keep, "Keep the scratch folder with the generated sets and results");
    cmd->callback([opt, &ctx] {
        ctx.ran = true;
        ctx.exitCode = bench::runBench(*opt);
    });
}

}  // namespace rekindle::cli
