// Where the command line gets a passphrase: the terminal with echo off, or a file descriptor given with
// --passphrase-fd for scripts. Never an environment variable or an argument (both leak into ps and shell history).
#pragma once

#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "storage/crypto/secret.hpp"

namespace rekindle::cli {

// One passphrase: the next line of --passphrase-fd, or asked on /dev/tty. nullopt with error when neither works.
std::optional<storage::SecretBytes> readPassphrase(const CommandContext& ctx, const std::string& prompt,
                                                   std::string* error);

// For a subcommand about to read personal data: unlocks a protected data folder (asking for the passphrase).
// Prints why and sets ctx.exitCode on failure.
bool unlockForCommand(CommandContext& ctx, const std::string& command);

}  // namespace rekindle::cli
