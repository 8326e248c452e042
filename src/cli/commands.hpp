// The subcommands of `rekindle`; each file registers one on the CLI11 app and sets the exit code when it runs.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace rekindle::cli {

struct CommandContext {
    int exitCode = 0;
    bool ran = false;         // a subcommand handled the call
    std::string dataDir;      // --data-dir, shared by GUI and subcommands
    int passphraseFd = -1;    // --passphrase-fd: read passphrases from this descriptor, one per line
};

void registerValidate(CLI::App& app, CommandContext& ctx);
void registerScore(CLI::App& app, CommandContext& ctx);
void registerHistory(CLI::App& app, CommandContext& ctx);   // also compare, export
void registerSimulate(CLI::App& app, CommandContext& ctx);
void registerBench(CLI::App& app, CommandContext& ctx);
void registerPassphrase(CLI::App& app, CommandContext& ctx);
void registerDoctor(CLI::App& app, CommandContext& ctx);

// Parses argv, runs a subcommand or the GUI; returns the process exit code.
int run(int argc, char** argv);

}  // namespace rekindle::cli
