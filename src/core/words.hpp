// Plain words for what people read: counts with the right plural, local dates with the time of day, the answers
// behind a score as sentences, and the reflections of a result with their prompts. No ids, no arithmetic.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"

namespace rekindle::core {

// "1 result", "4 results": count and the word that fits it.
std::string countText(long n, const std::string& one, const std::string& many);

// An RFC 3339 UTC time ("2026-11-25T22:15:00Z") in the local time zone, with the time of day:
// "25 Nov 2026, 23:15". Files keep UTC; people read their own clock. Unparseable input comes back unchanged.
std::string localDateTime(const std::string& rfc3339);
std::string localDate(const std::string& rfc3339);  // "25 Nov 2026"
// For a report read away from the app (printed, or brought to a counsellor): the month in full and the time zone,
// "25 November 2026, 23:15 CET". Unparseable input comes back unchanged.
std::string localDateTimeLong(const std::string& rfc3339);

// A saved answer label without the scale position: "Often (4 of 5)" -> "Often".
std::string plainAnswer(const std::string& label);

// Why a score is what it is, in sentences a person says: for the answers that added most (strongest first, at most
// `limit`), "You said “Often” to “They have seemed low, flat or worn out.”". Answers that only counted against it
// are left to the details. Empty when no answer added anything.
std::vector<std::string> reasonSentences(const ResultRecord& record, const std::vector<Contribution>& contributions,
                                         size_t limit = 3);

// One reflection of a take: the prompt as asked (or a plain stand-in for older files) and what was written.
struct Reflection {
    std::string key;     // the section id, or "note" for the free note
    std::string prompt;  // never an id
    std::string text;
};
// Every reflection of a result in the set's order (section reflections first, then the free note); empty texts
// are left out.
std::vector<Reflection> reflections(const ResultRecord& record);

// A tip held back by a safety rule, in words for Compare and the ranking ("held back for your safety").
std::string tipStatusText(const TipRecord* tip);

}  // namespace rekindle::core
