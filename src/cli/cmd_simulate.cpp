// rekindle simulate (issue 7).
#include "cli/commands.hpp"

namespace rekindle::cli {

void registerSimulate(CLI::App&, CommandContext&) {}

}  // namespace rekindle::cli
