// rekindle bench (issue 8).
#include "cli/commands.hpp"

namespace rekindle::cli {

void registerBench(CLI::App&, CommandContext&) {}

}  // namespace rekindle::cli
