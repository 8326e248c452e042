// rekindle history (issue 6).
#include "cli/commands.hpp"

namespace rekindle::cli {

void registerHistory(CLI::App&, CommandContext&) {}

}  // namespace rekindle::cli
