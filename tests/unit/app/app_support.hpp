// Helpers for the app layer's unit tests: an Application over a test's own data folder.
#pragma once

#include "app/application.hpp"
#include "test_support.hpp"

namespace rekindle::test {

// A controller's options for a test's own data folder, without the file watcher thread.
inline app::ControllerOptions controllerOptions(const TempDir& dir) {
    app::ControllerOptions opt;
    opt.dataDir = dir.path.string();
    opt.watchFiles = false;
    return opt;
}

}  // namespace rekindle::test
