// rekindle score (issue 3).
#include "cli/commands.hpp"

namespace rekindle::cli {

void registerScore(CLI::App&, CommandContext&) {}

}  // namespace rekindle::cli
