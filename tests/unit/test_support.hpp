// Helpers shared by the unit tests of every layer from storage up: a private temporary folder that is always
// cleaned up, file modes, whole files.
#pragma once

#include <doctest/doctest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "storage/atomic_file.hpp"

namespace rekindle::test {

// mkdtemp folder, removed with everything in it at scope end; permissions are restored first so tests that make
// files unreadable or folders read-only still clean up.
struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& prefix = "rekindle-test") {
        std::string tmpl = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
        REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
        path = tmpl;
    }
    ~TempDir() {
        namespace fs = std::filesystem;
        std::error_code ec;
        fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
        for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
            fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

// Permission bits of a file or folder (0600, 0700, ...), setuid/setgid/sticky included so they would show too.
inline unsigned modeOf(const std::filesystem::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return unsigned(st.st_mode & 07777);
}

// A whole file through the app's own reader; fails the test with the reason when it cannot be read.
inline std::string readText(const std::filesystem::path& p) {
    std::string error;
    auto text = storage::readFile(p, &error);
    std::string why = p.string() + ": " + error;
    REQUIRE_MESSAGE(text.has_value(), why);
    return *text;
}

}  // namespace rekindle::test
