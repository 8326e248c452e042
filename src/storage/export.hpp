// Exporting results for the person to keep or share: JSON (the saved records), CSV (a row per result, a column per
// dimension and tip) and a printable Markdown report.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/safety.hpp"
#include "storage/atomic_file.hpp"  // callers write the export with writeFileAtomic

namespace rekindle::storage {

// The shared disclaimer line, also printed by the Markdown report.
extern const char* const kNotTherapyLine;

// {"format": "rekindle.export/1", "results": [ <result>, ... ]} with each result in the result file format.
std::string exportJson(const std::vector<core::ResultRecord>& results);

// RFC 4180 quoting, "\n" line ends, percents with one decimal. Two header rows: the first names each column in
// words (dimension labels and tip titles, as a person reads them), the second is the machine form of the same
// columns: id, completedAt, setId, setVersion, topTip, then "dimension:<id>" (percent) for every dimension and
// "tip:<id>" (relevance) for every tip seen in any of the results (first-seen order), then note. An empty cell means
// "not in this result" or "not enough answers". Text cells starting with = + - @ get a leading ' so spreadsheets do
// not run them as formulas.
std::string exportCsv(const std::vector<core::ResultRecord>& results);

// A report per result (in the order given): date, set, safety first (each rule's notice, and its guidance text
// when `guidance` is given), dimensions with bands, featured tips with the answers behind them, reflections with
// their prompts, notes, and every answer. No internal ids in the text a person reads.
std::string exportMarkdown(const std::vector<core::ResultRecord>& results,
                           const core::SafetyGuidance* guidance = nullptr);

}  // namespace rekindle::storage
