// Helpers for the app layer's unit tests: an Application over a test's own data folder.
#pragma once

#include <filesystem>
#include <string>

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

inline std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    for (size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size()) text.replace(pos, from.size(), to);
    return text;
}

// The starter template an author gets from "New question set", with its id placeholder filled in.
inline std::string templateSetText(const std::string& id) {
    return replaceAll(readText(std::filesystem::path(REKINDLE_TEST_SOURCE_DIR) / "assets/question-set-template.json"),
                      "TEMPLATE-ID", id);
}

}  // namespace rekindle::test
