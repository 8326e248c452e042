// The plain-words summary of a comparison: grouped by verdict, so a person reads the answer before the table.
#include "core/compare_summary.hpp"

namespace rekindle::core {

std::string joinWords(const std::vector<std::string>& items) {
    // A name that holds "and" itself ("Worry and chasing") would run into the next one: a comma keeps them apart.
    bool anyAnd = false;
    for (const auto& item : items) anyAnd = anyAnd || item.find(" and ") != std::string::npos;
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 < items.size() ? ", " : anyAnd ? ", and " : " and ";
        out += items[i];
    }
    return out;
}

std::vector<std::string> compareSummary(const Comparison& cmp, const ResultRecord& before, const ResultRecord& after) {
    std::vector<std::string> out;
    if (!cmp.ok) return out;
    // Safety first, as on a result: the comparison below is no reason to look past it.
    if (!after.safety.empty())
        out.push_back("The later take showed safety guidance. It matters more than any change below.");
    else if (!before.safety.empty())
        out.push_back("The earlier take showed safety guidance; the later one did not.");

    std::vector<std::string> better, worse, higher, lower, possible, noise, notEnough;
    for (const auto& d : cmp.dimensions) {
        if (!d.comparable) notEnough.push_back(d.label);
        else if (d.possible) possible.push_back(d.label);
        else if (!d.meaningful) noise.push_back(d.label);
        else {
            std::string dir = d.direction();
            if (dir == "better") better.push_back(d.label);
            else if (dir == "worse") worse.push_back(d.label);
            else if (dir == "higher") higher.push_back(d.label);
            else lower.push_back(d.label);
        }
    }
    auto verb = [](const std::vector<std::string>& v) { return v.size() == 1 ? " is " : " are "; };
    if (!better.empty()) out.push_back(joinWords(better) + verb(better) + "clearly better.");
    if (!worse.empty()) out.push_back(joinWords(worse) + verb(worse) + "clearly worse.");
    if (!higher.empty()) out.push_back(joinWords(higher) + verb(higher) + "clearly higher.");
    if (!lower.empty()) out.push_back(joinWords(lower) + verb(lower) + "clearly lower.");
    if (!possible.empty())
        out.push_back(joinWords(possible) + " may have changed, but a score rests on a single answer.");
    size_t moved = better.size() + worse.size() + higher.size() + lower.size();
    if (!noise.empty()) {
        if (moved == 0 && possible.empty() && notEnough.empty())
            out.push_back("No area moved more than the usual ups and downs.");
        else
            out.push_back(joinWords(noise) + " stayed within the usual ups and downs.");
    }
    if (!notEnough.empty())
        out.push_back(joinWords(notEnough) + (notEnough.size() == 1 ? " has" : " have") +
                      " too few answers to compare.");

    std::string top = "top " + std::to_string(cmp.topN);
    if (cmp.enteredTop.empty() && cmp.leftTop.empty())
        out.push_back("Your " + top + " tips are the same ones as before.");
    else {
        std::vector<std::string> titles;
        for (const auto& t : cmp.enteredTop) titles.push_back(t.title);
        if (!titles.empty())
            out.push_back("New in your " + top + ": " + joinWords(titles) + ".");
    }
    return out;
}

}  // namespace rekindle::core
