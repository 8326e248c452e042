// Entry point: everything is decided in the CLI layer, which opens the GUI when no subcommand is given.
#include "cli/commands.hpp"

int main(int argc, char** argv) { return rekindle::cli::run(argc, argv); }
