// rekindle validate (issue 3).
#include "cli/commands.hpp"

namespace rekindle::cli {

void registerValidate(CLI::App&, CommandContext&) {}

}  // namespace rekindle::cli
