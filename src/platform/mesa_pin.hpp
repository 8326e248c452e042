// Keeps Mesa's driver modules mapped through shutdown so LeakSanitizer can symbolize (and not misreport) their
// allocations; a narrow fix instead of turning leak detection off.
#pragma once

namespace rekindle::platform {
void pinGlDriverModules();
}
