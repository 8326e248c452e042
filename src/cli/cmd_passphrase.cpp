// rekindle passphrase set|change|remove|status: the same protection Settings offers, from a terminal or a script.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/passphrase_input.hpp"
#include "storage/crypto/protection.hpp"
#include "storage/paths.hpp"

namespace rekindle::cli {

namespace {

// A new passphrase: asked twice on a terminal (a typo would lock the user out), read once from --passphrase-fd.
std::optional<storage::SecretBytes> newPassphrase(const CommandContext& ctx, std::string* error) {
    auto first = readPassphrase(ctx, "New passphrase: ", error);
    if (!first) return std::nullopt;
    if (first->empty()) {
        if (error) *error = "the passphrase is empty";
        return std::nullopt;
    }
    if (ctx.passphraseFd >= 0) return first;
    auto again = readPassphrase(ctx, "The same passphrase again: ", error);
    if (!again) return std::nullopt;
    if (again->size() != first->size() || !std::equal(first->data(), first->data() + first->size(), again->data())) {
        if (error) *error = "the two passphrases differ; nothing was changed";
        return std::nullopt;
    }
    return first;
}

void progressLine(int done) {
    if (done % 200 == 0) std::cerr << "  " << done << " files converted\r" << std::flush;
}

void printReport(const storage::ConversionReport& report, const char* what) {
    std::cerr << what << " " << report.converted << " file" << (report.converted == 1 ? "" : "s") << ".\n";
    for (const auto& s : report.skipped) std::cerr << "  left as it was: " << s << "\n";
}

int fail(const std::string& error) {
    std::cerr << "rekindle passphrase: " << error << "\n";
    return 1;
}

int runSet(CommandContext& ctx, const std::filesystem::path& dataDir) {
    if (storage::isProtected(dataDir)) return fail("this data folder is already protected; use `passphrase change`");
    std::cerr << "Your results, drafts and notes will be encrypted with this passphrase.\n"
                 "A forgotten passphrase cannot be recovered, by us or anyone: write it down somewhere safe.\n";
    std::string error;
    auto pass = newPassphrase(ctx, &error);
    if (!pass) return fail(error);
    storage::ConversionReport report;
    if (!storage::protectFolder(dataDir, *pass, storage::kdfLimitsForNewKeys(), report, progressLine))
        return fail(report.error);
    printReport(report, "Protected with a passphrase; encrypted");
    return 0;
}

int runChange(CommandContext& ctx, const std::filesystem::path& dataDir) {
    if (!storage::isProtected(dataDir)) return fail("this data folder is not protected; use `passphrase set`");
    std::string error;
    auto current = readPassphrase(ctx, "Current passphrase: ", &error);
    if (!current) return fail(error);
    auto next = newPassphrase(ctx, &error);
    if (!next) return fail(error);
    if (!storage::changePassphrase(dataDir, *current, *next, storage::kdfLimitsForNewKeys(), &error)) return fail(error);
    std::cerr << "Passphrase changed. The old one no longer opens this folder.\n";
    return 0;
}

int runRemove(CommandContext& ctx, const std::filesystem::path& dataDir) {
    if (!storage::isProtected(dataDir)) return fail("this data folder is not protected");
    std::string error;
    auto current = readPassphrase(ctx, "Current passphrase: ", &error);
    if (!current) return fail(error);
    storage::ConversionReport report;
    if (!storage::removeProtection(dataDir, *current, report, progressLine)) return fail(report.error);
    printReport(report, "Protection removed; decrypted");
    std::cerr << "Your files are plain JSON again: anyone who can open this folder can read them.\n";
    return 0;
}

int runStatus(const std::filesystem::path& dataDir) {
    auto census = storage::countFiles(dataDir);
    if (!storage::isProtected(dataDir)) {
        std::cout << "Not protected: " << census.plain << " personal files in plain JSON in " << dataDir.string() << "\n";
        return 0;
    }
    std::cout << "Protected with a passphrase: " << census.sealed << " files encrypted, " << census.plain
              << " plain (plain ones are sealed at the next unlock)\n";
    return 0;
}

}  // namespace

void registerPassphrase(CLI::App& app, CommandContext& ctx) {
    auto* cmd = app.add_subcommand("passphrase", "Protect your data folder with a passphrase: set, change, remove, status");
    cmd->require_subcommand(1);
    auto paths = [&ctx] { return storage::resolvePaths(ctx.dataDir).dataDir; };
    cmd->add_subcommand("set", "Encrypt results, drafts, notes and trash with a new passphrase")
        ->callback([&ctx, paths] { ctx.ran = true; ctx.exitCode = runSet(ctx, paths()); });
    cmd->add_subcommand("change", "Change the passphrase (one atomic write; files are not rewritten)")
        ->callback([&ctx, paths] { ctx.ran = true; ctx.exitCode = runChange(ctx, paths()); });
    cmd->add_subcommand("remove", "Decrypt every file and turn protection off")
        ->callback([&ctx, paths] { ctx.ran = true; ctx.exitCode = runRemove(ctx, paths()); });
    cmd->add_subcommand("status", "Say whether the data folder is protected, and how many files are sealed")
        ->callback([&ctx, paths] { ctx.ran = true; ctx.exitCode = runStatus(paths()); });
}

}  // namespace rekindle::cli
