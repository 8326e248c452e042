// The test fixtures' folder and their tip library, loaded once per test binary: the storage tests validate and
// score fixture sets against it.
#pragma once

#include <string>

#include "storage/library.hpp"

namespace rekindle::test {

inline const std::string kFixtures = REKINDLE_TEST_FIXTURES;

inline const storage::Library& fixtureLibrary() {
    static storage::Library lib = storage::loadLibrary(kFixtures + "/library");
    return lib;
}

}  // namespace rekindle::test
