// Generated inputs for `rekindle bench`: question sets of any size that use every feature the format has, and
// result histories built the way the app builds them (random answers to a real set, scored, made into records).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/question_set.hpp"

namespace rekindle::bench {

// A valid `rekindle.question-set/1` file with `questions` questions (sections of 10, all six types, conditions on
// earlier questions, text variants, weights on 6 dimensions and 12 inline tips), as pretty JSON text.
// The number of dimensions and tips stays fixed, so cost measured against it grows with questions alone.
std::string generateQuestionSetJson(int questions, uint64_t seed);

// The 30-question set plus one multiple-choice question with `options` options: what a hostile or runaway file
// looks like to the validator, which must stay linear in the number of options.
std::string generateWideSetJson(int options);

// Writes results [from, to) of a history into resultsDir: seeded random answers to `set`, scored, one every
// six hours from 2024-01-01, some with notes. Files are written 0600 but without fsync: this is bench setup,
// and the fsync'd save path is measured on its own. Returns false with a reason on the first failure.
bool writeGeneratedResults(const core::QuestionSet& set, const std::filesystem::path& resultsDir, int from, int to,
                           uint64_t seed, std::string* error);

}  // namespace rekindle::bench
