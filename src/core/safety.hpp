// Safety guidance shipped with the app (assets/safety-guidance.json): what a safety rule's `guidance` id points at.
// Plain data; storage fills it, the result screen and `rekindle score` show it before any tip.
#pragma once

#include <string>
#include <vector>

namespace rekindle::core {

struct SafetyGuidanceEntry {
    std::string id, title, text;
    // The same guidance without "you said": shown on "When to get help", opened from the menu where nothing was
    // answered. Empty when text already reads right there.
    std::string general;
    std::vector<std::string> steps;
};

struct SafetyGuidance {
    std::string lastReviewed, disclaimer;
    std::vector<SafetyGuidanceEntry> entries;

    const SafetyGuidanceEntry* find(const std::string& id) const {
        for (const auto& e : entries)
            if (e.id == id) return &e;
        return nullptr;
    }
};

}  // namespace rekindle::core
