// Plain-word rendering shared by the screens and the exports: plurals, local time, reasons and reflections.
#include "core/words.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace rekindle::core {

namespace {

const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Parses "YYYY-MM-DDTHH:MM:SS" with "Z" or a "+HH:MM" offset into seconds since the epoch.
bool parseRfc3339(const std::string& s, std::time_t& out) {
    int y, mo, d, h, mi, se;
    if (s.size() < 19 || std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &se) != 6) return false;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60) return false;
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = se;
    std::time_t t = timegm(&tm);
    size_t z = 19;
    while (z < s.size() && (s[z] == '.' || (s[z] >= '0' && s[z] <= '9'))) ++z;  // fractional seconds
    if (z < s.size() && (s[z] == '+' || s[z] == '-') && s.size() >= z + 6) {
        int oh = std::atoi(s.substr(z + 1, 2).c_str()), om = std::atoi(s.substr(z + 4, 2).c_str());
        long off = (oh * 3600L + om * 60L) * (s[z] == '+' ? 1 : -1);
        t -= off;
    }
    out = t;
    return true;
}

const char* const kMonthsLong[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

std::string formatLocal(const std::string& rfc, bool withTime) {
    std::time_t t;
    if (!parseRfc3339(rfc, t)) return rfc;
    std::tm lt{};
    if (!localtime_r(&t, &lt)) return rfc;
    char buf[48];
    if (withTime)
        std::snprintf(buf, sizeof buf, "%d %s %d, %02d:%02d", lt.tm_mday, kMonths[lt.tm_mon], lt.tm_year + 1900, lt.tm_hour,
                      lt.tm_min);
    else
        std::snprintf(buf, sizeof buf, "%d %s %d", lt.tm_mday, kMonths[lt.tm_mon], lt.tm_year + 1900);
    return buf;
}

}  // namespace

std::string countText(long n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string localDateTime(const std::string& rfc3339) { return formatLocal(rfc3339, true); }
std::string localDate(const std::string& rfc3339) { return formatLocal(rfc3339, false); }

std::string localDateTimeLong(const std::string& rfc3339) {
    std::time_t t;
    if (!parseRfc3339(rfc3339, t)) return rfc3339;
    std::tm lt{};
    if (!localtime_r(&t, &lt)) return rfc3339;
    char buf[96];
    std::snprintf(buf, sizeof buf, "%d %s %d, %02d:%02d%s%s", lt.tm_mday, kMonthsLong[lt.tm_mon], lt.tm_year + 1900,
                  lt.tm_hour, lt.tm_min, lt.tm_zone && *lt.tm_zone ? " " : "", lt.tm_zone ? lt.tm_zone : "");
    return buf;
}

std::string plainAnswer(const std::string& label) {
    // describeAnswer() writes likert answers as "Often (4 of 5)": the position is arithmetic, not what was said.
    // Only exactly "(<digits> of <digits>)" at the end is taken off, so an option's own words stay whole.
    size_t open = label.rfind(" (");
    if (open == std::string::npos || label.empty() || label.back() != ')') return label;
    std::string inner = label.substr(open + 2, label.size() - open - 3);
    size_t of = inner.find(" of ");
    auto digits = [](const std::string& t) {
        return !t.empty() && t.find_first_not_of("0123456789") == std::string::npos;
    };
    if (of == std::string::npos || !digits(inner.substr(0, of)) || !digits(inner.substr(of + 4))) return label;
    return label.substr(0, open);
}

std::vector<std::string> reasonSentences(const ResultRecord& record, const std::vector<Contribution>& contributions,
                                         size_t limit) {
    std::vector<const Contribution*> adding;
    for (const auto& c : contributions)
        if (c.points > 1e-9) adding.push_back(&c);
    std::stable_sort(adding.begin(), adding.end(), [](auto* a, auto* b) { return a->points > b->points; });
    std::vector<std::string> out;
    for (const auto* c : adding) {
        if (out.size() >= limit) break;
        auto it = record.answerLabels.find(c->questionId);
        std::string question = it != record.answerLabels.end() ? it->second.question : std::string();
        std::string answer = plainAnswer(c->answer);
        if (question.empty()) out.push_back("You answered \u201c" + answer + "\u201d.");
        else out.push_back("You said \u201c" + answer + "\u201d to \u201c" + question + "\u201d");
    }
    return out;
}

std::vector<Reflection> reflections(const ResultRecord& record) {
    std::vector<Reflection> out;
    auto add = [&](const std::string& key) {
        auto it = record.notes.find(key);
        if (it == record.notes.end() || it->second.empty()) return;
        for (const auto& r : out)
            if (r.key == key) return;
        Reflection r;
        r.key = key;
        r.text = it->second;
        r.prompt = key == "note" ? "Your note" : "A reflection";
        for (const auto& p : record.notePrompts)
            if (p.section == key && key != "note") r.prompt = p.prompt;
        out.push_back(std::move(r));
    };
    // The set's order where the prompts were saved with the result; older files fall back to the notes' order.
    for (const auto& p : record.notePrompts) add(p.section);
    for (const auto& [key, text] : record.notes)
        if (key != "note") add(key);
    add("note");
    return out;
}

std::string tipStatusText(const TipRecord* tip) {
    if (!tip) return "not in this take";
    if (tip->suppressed) return "held back for your safety";
    if (!tip->enoughAnswers) return "not enough answers";
    if (tip->rank > 0) return "#" + std::to_string(tip->rank);
    return "not ranked";
}

}  // namespace rekindle::core
