// rekindle validate FILE…: every problem in each question set, errors apart from warnings; exit 0/1/2.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "storage/atomic_file.hpp"
#include "storage/paths.hpp"
#include "storage/question_set_json.hpp"

namespace rekindle::cli {

namespace {

struct ValidateOptions {
    std::vector<std::string> files;
    bool json = false;
    std::string assets;
};

nlohmann::json problemJson(const storage::Problem& p) {
    return {{"severity", p.severity == storage::Problem::Severity::Error ? "error" : "warning"},
            {"file", p.file},
            {"line", p.line},
            {"column", p.column},
            {"pointer", p.pointer},
            {"message", p.message},
            {"excerpt", p.excerpt}};
}

int runValidate(const ValidateOptions& opt, const CommandContext& ctx) {
    std::string assets = opt.assets.empty() ? storage::resolvePaths(ctx.dataDir).assetsDir.string() : opt.assets;
    storage::Library library = storage::loadLibrary(assets);
    bool allValid = storage::countErrors(library.problems) == 0;

    nlohmann::json out = {{"files", nlohmann::json::array()}};
    out["library"] = nlohmann::json::array();
    for (const auto& p : library.problems) {
        out["library"].push_back(problemJson(p));
        if (!opt.json) std::cout << p.formatWithExcerpt() << "\n";
    }
    for (const auto& file : opt.files) {
        storage::LoadedSet loaded = storage::loadQuestionSet(storage::namedByUser(file), library);
        allValid = allValid && loaded.valid();
        if (opt.json) {
            nlohmann::json f = {{"file", file}, {"valid", loaded.valid()}, {"errors", loaded.errorCount()},
                                {"warnings", loaded.warningCount()}, {"problems", nlohmann::json::array()}};
            if (loaded.set) f["id"] = loaded.set->id;
            for (const auto& p : loaded.problems) f["problems"].push_back(problemJson(p));
            out["files"].push_back(std::move(f));
            continue;
        }
        for (const auto& p : loaded.problems) std::cout << p.formatWithExcerpt() << "\n";
        std::cout << file << ": " << (loaded.valid() ? "valid" : "INVALID") << " (" << loaded.errorCount() << " error"
                  << (loaded.errorCount() == 1 ? "" : "s") << ", " << loaded.warningCount() << " warning"
                  << (loaded.warningCount() == 1 ? "" : "s") << ")\n";
    }
    if (opt.json) {
        out["valid"] = allValid;
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    return allValid ? 0 : 1;
}

}  // namespace

void registerValidate(CLI::App& app, CommandContext& ctx) {
    auto opt = std::make_shared<ValidateOptions>();
    CLI::App* cmd = app.add_subcommand("validate", "Check question-set files and report every problem (exit 0 all valid, 1 any invalid, 2 usage)");
    cmd->add_option("files", opt->files, "Question-set JSON files")->required()->check(CLI::ExistingPath);
    cmd->add_flag("--json", opt->json, "Machine-readable output");
    cmd->add_option("--assets", opt->assets, "Folder holding tips.json and safety-guidance.json (default: the shipped assets)")
        ->check(CLI::ExistingDirectory);
    cmd->callback([opt, &ctx]() {
        ctx.ran = true;
        ctx.exitCode = runValidate(*opt, ctx);
    });
}

}  // namespace rekindle::cli
