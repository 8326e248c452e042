// Placeholder until the window lands in this same issue.
#include "platform/gui.hpp"
namespace rekindle::platform {
int runGui(const GuiOptions&) { return 3; }
}
