// Shared pieces of the libFuzzer targets: the shipped library and a fixed question set, loaded once per process.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "storage/library.hpp"
#include "storage/question_set_json.hpp"

namespace rekindle::fuzz {

inline const storage::Library& library() {
    static const storage::Library lib = storage::loadLibrary(REKINDLE_FUZZ_ASSETS);
    return lib;
}

// The answers target needs a set to interpret answers against; a broken fixture would make the target useless.
inline const core::QuestionSet& workedSet() {
    static const core::QuestionSet set = [] {
        // The unit tests read it against the fixture library (its tips are defined inline), so do the same.
        static const storage::Library fixtureLibrary = storage::loadLibrary(REKINDLE_FUZZ_FIXTURES "/library");
        storage::LoadedSet loaded = storage::loadQuestionSet(REKINDLE_FUZZ_FIXTURES "/sets/valid/worked.json", fixtureLibrary);
        if (!loaded.set) {
            std::fprintf(stderr, "fuzz: the worked fixture set does not load\n");
            std::abort();
        }
        return *loaded.set;
    }();
    return set;
}

// A property the loader promises; libFuzzer reports the abort as a crash with the input that broke it.
inline void require(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "fuzz property failed: %s\n", what);
        std::abort();
    }
}

}  // namespace rekindle::fuzz
