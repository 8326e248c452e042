// rekindle simulate: answers a question set with many seeded random patterns and reports how often each tip
// reaches the top N, so an author can see a tip that dominates or one that no answer can reach.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "core/simulate.hpp"
#include "storage/library.hpp"
#include "storage/atomic_file.hpp"
#include "storage/paths.hpp"
#include "storage/question_set_json.hpp"

namespace rekindle::cli {

namespace {

struct SimulateOptions {
    std::string set;
    int patterns = 10000;
    uint64_t seed = 1;
    int top = 0;  // 0: the set's own topTips
    bool json = false;
    bool safetyNo = false;
};

// A path wins; otherwise a set id is looked up among the shipped sets, then the user's own.
std::filesystem::path findSet(const std::string& arg, const storage::Paths& paths) {
    std::filesystem::path p(arg);
    std::error_code ec;
    // Anything at the path (a FIFO too) is the user's choice: loading it says what is wrong with it.
    if (std::filesystem::exists(std::filesystem::symlink_status(p, ec))) return storage::namedByUser(p);
    const std::string name = storage::sanitizeFileComponent(arg) + ".json";
    for (const auto& dir : {paths.builtinQuestionnaires, paths.userSetsDir()}) {
        auto candidate = dir / name;
        if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
    }
    return p;
}

std::string percent(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%5.1f %%", share * 100.0);
    return buf;
}

int runSimulate(const SimulateOptions& opt, const std::string& dataDir) {
    auto paths = storage::resolvePaths(dataDir);
    auto library = storage::loadLibrary(paths.assetsDir);
    for (const auto& p : library.problems)
        if (p.severity == storage::Problem::Severity::Error) std::cerr << p.formatWithExcerpt() << "\n";
    auto file = findSet(opt.set, paths);
    auto loaded = storage::loadQuestionSet(file, library);
    if (!loaded.valid()) {
        for (const auto& p : loaded.problems) std::cerr << p.formatWithExcerpt() << "\n";
        std::cerr << "rekindle simulate: " << file.string() << " is not a valid question set\n";
        return 1;
    }
    const auto& set = *loaded.set;
    const int top = opt.top > 0 ? opt.top : set.result.topTips;
    auto report = core::coverage(set, opt.patterns, opt.seed, top, opt.safetyNo);

    if (opt.json) {
        nlohmann::ordered_json out;
        out["set"] = set.id;
        out["version"] = set.version;
        out["patterns"] = report.patterns;
        out["seed"] = report.seed;
        out["top"] = report.topN;
        out["safetyHeldAtNo"] = report.safetyHeldAtNo;
        out["withSafety"] = report.withSafety;
        out["tips"] = nlohmann::ordered_json::array();
        for (const auto& t : report.tips)
            out["tips"].push_back({{"id", t.id}, {"inTop", t.inTop}, {"share", t.share},
                                   {"suppressed", t.suppressed}, {"reachable", t.reachable}});
        out["dimensions"] = nlohmann::ordered_json::array();
        for (const auto& d : report.dimensions)
            out["dimensions"].push_back({{"id", d.id}, {"meanPercent", d.meanPercent}, {"reachable", d.reachable}});
        out["unreachableTips"] = report.unreachableTips();
        out["unreachableDimensions"] = report.unreachableDimensions();
        std::cout << out.dump(2) << "\n";
    } else {
        std::cout << set.title << " (" << set.id << " " << set.version << ")\n"
                  << report.patterns << " random answer patterns, seed " << report.seed << ", top " << report.topN
                  << (report.safetyHeldAtNo ? ", safety questions held at \"no\"" : "")
                  << "; a safety rule held in " << report.withSafety << "\n\n";
        size_t width = 4;
        for (const auto& t : report.tips) width = std::max(width, t.id.size());
        std::cout << "tip" << std::string(width - 1, ' ') << "in top " << report.topN << "   suppressed\n";
        for (const auto& t : report.tips) {
            std::cout << t.id << std::string(width + 2 - t.id.size(), ' ') << percent(t.share) << "   "
                      << percent(report.patterns ? double(t.suppressed) / report.patterns : 0)
                      << (t.reachable ? "" : "   UNREACHABLE") << "\n";
        }
        if (!report.dimensions.empty()) {
            std::cout << "\ndimension mean percent\n";
            for (const auto& d : report.dimensions) {
                char buf[32];
                std::snprintf(buf, sizeof buf, "%5.1f", d.meanPercent);
                std::cout << "  " << d.id << ": " << buf << (d.reachable ? "" : "   UNREACHABLE") << "\n";
            }
        }
        auto ut = report.unreachableTips();
        auto ud = report.unreachableDimensions();
        if (ut.empty() && ud.empty()) std::cout << "\nEvery tip and dimension can be reached.\n";
        for (const auto& id : ut) std::cout << "unreachable tip: " << id << "\n";
        for (const auto& id : ud) std::cout << "unreachable dimension: " << id << "\n";
    }
    // Unreachable content is an authoring error worth failing a script on.
    return report.unreachableTips().empty() && report.unreachableDimensions().empty() ? 0 : 1;
}

}  // namespace

void registerSimulate(CLI::App& app, CommandContext& ctx) {
    auto opt = std::make_shared<SimulateOptions>();
    auto* cmd = app.add_subcommand("simulate", "Answer a question set with seeded random patterns and report how often "
                                               "each tip reaches the top; exit 1 if a tip or dimension is unreachable");
    cmd->add_option("set", opt->set, "Question-set file, or the id of a shipped or saved set")->required();
    cmd->add_option("--random", opt->patterns, "Number of random answer patterns (default 10000)")
        ->check(CLI::Range(1, 10000000));
    cmd->add_option("--seed", opt->seed, "Seed for the random patterns (default 1)");
    cmd->add_option("--top", opt->top, "Count a tip when it is in the top N (default: the set's topTips)")
        ->check(CLI::Range(1, 100));
    cmd->add_flag("--safety-no", opt->safetyNo,
                  "Answer every question a safety rule looks at with a value no rule names (\"no\" where offered), "
                  "so the shares measure the tips rather than what survives suppression");
    cmd->add_flag("--json", opt->json, "Machine-readable output");
    cmd->callback([opt, &ctx] {
        ctx.ran = true;
        ctx.exitCode = runSimulate(*opt, ctx.dataDir);
    });
}

}  // namespace rekindle::cli
