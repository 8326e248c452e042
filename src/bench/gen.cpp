// Builds the bench's inputs in code, so the measurements need no fixture files and scale to any size.
#include "bench/gen.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>
#include <random>

#include "core/answers.hpp"
#include "core/result.hpp"
#include "core/scoring.hpp"
#include "core/simulate.hpp"
#include "storage/result_json.hpp"

namespace rekindle::bench {

namespace {

using Json = nlohmann::ordered_json;

constexpr int kDimensions = 6;
constexpr int kTips = 12;
constexpr int kPerSection = 10;

std::string qid(int section, int k) { return "q-" + std::to_string(section + 1) + "-" + std::to_string(k + 1); }
std::string dimId(int g) { return "dim-" + std::to_string(g % kDimensions + 1); }
std::string tipId(int g) { return "gen-tip-" + std::to_string(g % kTips + 1); }

// Each weighted question feeds one dimension and two tips, chosen by its global position so that every target is
// reached from 30 questions on.
Json weights(int g, double scale) {
    return Json{{"dimensions", Json{{dimId(g), 1.0 * scale}}},
                {"tips", Json{{tipId(g), 1.0 * scale}, {tipId(g + 5), 0.5 * scale}}}};
}

Json option(const std::string& id, const std::string& label, int g, double scale) {
    Json o{{"id", id}, {"label", label}};
    if (scale != 0) o.update(weights(g, scale));
    return o;
}

Json unscored(const std::string& id, const std::string& label) { return Json{{"id", id}, {"label", label}, {"unscored", true}}; }

Json likertLabels() { return Json::array({"Never", "Seldom", "Sometimes", "Often", "Nearly always"}); }

// One question of kind k (0..9) in section s; g is its position in the whole set.
Json question(int s, int k, int g) {
    const std::string id = qid(s, k);
    const std::string n = std::to_string(g + 1);
    Json q{{"id", id}};
    switch (k) {
        case 0:
            q.update(Json{{"type", "yesno"}, {"text", "Item " + n + ": did you two share a meal or a call in the last week?"},
                          {"options", Json::array({option("yes", "Yes", g, -0.3), option("no", "No", g, 1.0),
                                                   unscored("dont-know", "I'm not sure")})}});
            break;
        case 1:
            q.update(Json{{"type", "likert"}, {"text", "Item " + n + ": replies to your messages come more slowly than before."},
                          {"points", 5}, {"labels", likertLabels()},
                          {"options", Json::array({unscored("dont-know", "I can't tell")})}});
            q.update(weights(g, 1.0));
            break;
        case 2:
            q.update(Json{{"type", "single"}, {"text", "Item " + n + ": when plans change, who usually cancels?"},
                          {"options", Json::array({option("mostly-them", "Mostly them", g, 1.0),
                                                   option("both", "Both of us about equally", g, 0.4),
                                                   option("mostly-me", "Mostly me", g, 0.1),
                                                   unscored("rather-not", "I'd rather not say")})}});
            break;
        case 3:
            q.update(Json{{"type", "likert"}, {"text", "Item " + n + ": they still tell you about their day."},
                          {"points", 5}, {"labels", likertLabels()}, {"reverse", true},
                          {"showIf", Json{{"question", qid(s, 0)}, {"equals", "yes"}}}});
            q.update(weights(g, 0.8));
            break;
        case 4:
            q.update(Json{{"type", "multiple"}, {"text", "Item " + n + ": which of these changed lately? Pick up to two."},
                          {"maxPicks", 2},
                          {"options", Json::array({option("texts", "Fewer texts", g, 0.6), option("visits", "Fewer visits", g, 0.8),
                                                   option("topics", "Shorter talks", g, 0.5),
                                                   option("none", "None of these", g, 0)})}});
            break;
        case 5:
            q.update(Json{{"type", "slider"}, {"text", "Item " + n + ": how tense did your last talk feel?"},
                          {"min", 0}, {"max", 10}, {"step", 1}, {"minLabel", "Relaxed"}, {"maxLabel", "Very tense"}});
            q.update(weights(g, 0.9));
            break;
        case 6:
            q.update(Json{{"type", "likert"}, {"text", "Item " + n + ": you find yourself waiting for them to reach out."},
                          {"points", 5}, {"labels", likertLabels()},
                          {"variants", Json::array({Json{{"when", Json{{"question", qid(s, 2)}, {"in", Json::array({"mostly-them", "both"})}}},
                                                         {"text", "Item " + n + ": after a cancelled plan, you wait for them to get in touch."}}})}});
            q.update(weights(g, 0.7));
            break;
        case 7:
            q.update(Json{{"type", "single"}, {"text", "Item " + n + ": how did the last disagreement end?"},
                          {"showIf", Json{{"any", Json::array({Json{{"question", qid(s, 1)}, {"atLeast", 3}},
                                                               Json{{"not", Json{{"question", qid(s, 0)}, {"equals", "no"}}}}})}}},
                          {"options", Json::array({option("talked", "We talked it through", g, 0.2),
                                                   option("dropped", "It was dropped", g, 0.8),
                                                   option("walked-off", "One of us walked off", g, 1.0)})}});
            break;
        case 8:
            q.update(Json{{"type", "yesno"}, {"text", "Item " + n + ": have you told them you miss them?"}, {"required", false},
                          {"showIf", Json{{"question", qid(s, 5)}, {"atMost", 8}}}});
            break;
        default:
            q.update(Json{{"type", "text"}, {"text", "Item " + n + ": anything else you noticed here?"}, {"required", false}});
            break;
    }
    if (k == 1) q["help"] = "Think of the last two weeks rather than a single day.";
    return q;
}

Json dimension(int i) {
    Json bands = Json::array({Json{{"min", 0}, {"max", 40}, {"label", "Low"}, {"text", "Little sign of this so far."}},
                              Json{{"min", 40}, {"max", 70}, {"label", "Middle"}, {"text", "Some sign of this; worth watching."}},
                              Json{{"min", 70}, {"max", 100}, {"label", "High"}, {"text", "A clear sign of this right now."}}});
    return Json{{"id", "dim-" + std::to_string(i + 1)}, {"label", "Generated dimension " + std::to_string(i + 1)},
                {"bands", bands}, {"meaningfulChange", 10}};
}

Json tip(int i) {
    std::string n = std::to_string(i + 1);
    return Json{{"id", "gen-tip-" + n}, {"title", "Generated tip " + n},
                {"summary", "A placeholder suggestion numbered " + n + " for timing runs."},
                {"why", "It exists so the bench can rank a realistic number of tips."},
                {"tryThisWeek", Json::array({"Nothing: this tip only feeds the benchmark."})}};
}

bool writePrivate(const std::filesystem::path& path, const std::string& text, std::string* error) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (error) *error = "cannot create " + path.string() + ": " + std::strerror(errno);
        return false;
    }
    size_t done = 0;
    while (done < text.size()) {
        ssize_t w = ::write(fd, text.data() + done, text.size() - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            if (error) *error = "cannot write " + path.string() + ": " + std::strerror(errno);
            ::close(fd);
            return false;
        }
        done += size_t(w);
    }
    return ::close(fd) == 0;
}

}  // namespace

std::string generateQuestionSetJson(int questions, uint64_t seed) {
    (void)seed;  // the structure is fixed by position; the seed only names the variant in the id
    Json sections = Json::array();
    int g = 0;
    for (int s = 0; g < questions; ++s) {
        Json qs = Json::array();
        for (int k = 0; k < kPerSection && g < questions; ++k, ++g) qs.push_back(question(s, k, g));
        Json section{{"id", "part-" + std::to_string(s + 1)}, {"title", "Part " + std::to_string(s + 1)}, {"questions", qs}};
        if (s % 4 == 0) section["intro"] = "A short block of generated items; answer as it feels today.";
        if (s % 3 == 2) section["reflection"] = "What stood out to you in this part?";
        // Every fifth part depends on the first answer of the part before it.
        if (s > 0 && s % 5 == 0) section["showIf"] = Json{{"not", Json{{"question", qid(s - 1, 0)}, {"equals", "yes"}}}};
        sections.push_back(std::move(section));
    }
    Json dims = Json::array();
    for (int i = 0; i < kDimensions; ++i) dims.push_back(dimension(i));
    Json tips = Json::array();
    for (int i = 0; i < kTips; ++i) tips.push_back(tip(i));
    Json set{{"format", "rekindle.question-set/1"},
             {"id", "generated-" + std::to_string(questions)},
             {"version", "1.0.0"},
             {"title", "Generated set with " + std::to_string(questions) + " questions"},
             {"description", "Made by rekindle bench to time loading, checking and scoring."},
             {"estimatedMinutes", std::clamp(questions / 6, 1, 600)},
             {"author", "rekindle bench"},
             {"sections", sections},
             {"dimensions", dims},
             {"tips", tips},
             {"safetyRules", Json::array({Json{{"id", "gen-rule"},
                                               {"when", Json{{"question", qid(0, 5)}, {"atLeast", 10}}},
                                               {"notice", "A generated notice, shown when the first slider is at its top."},
                                               {"suppress", Json::array({"gen-tip-12"})}}})},
             {"result", Json{{"topTips", 3}, {"minAnsweredShare", 0.5}}}};
    return set.dump(2) + "\n";
}

std::string generateWideSetJson(int options) {
    Json set = Json::parse(generateQuestionSetJson(30, 1));
    Json opts = Json::array();
    for (int i = 0; i < options; ++i) {
        Json o{{"id", "o-" + std::to_string(i + 1)}, {"label", "Option " + std::to_string(i + 1)}};
        if (i % 100 == 0) o["dimensions"] = Json{{dimId(i / 100), 1}};
        opts.push_back(std::move(o));
    }
    set["id"] = "generated-wide-" + std::to_string(options);
    set["sections"][0]["questions"].push_back(
        Json{{"id", "wide"}, {"type", "multiple"}, {"text", "Which of these apply?"}, {"required", false}, {"options", opts}});
    return set.dump(2) + "\n";
}

bool writeGeneratedResults(const core::QuestionSet& set, const std::filesystem::path& resultsDir, int from, int to,
                           uint64_t seed, std::string* error) {
    static const char* kNotes[] = {"We had a good walk on Sunday.", "Quiet week; I gave them room.",
                                   "Talked about the holiday plans.", "", "", ""};
    constexpr long long kStart = 1704067200;  // 2024-01-01T00:00:00Z
    for (int i = from; i < to; ++i) {
        std::mt19937_64 rng(seed * 1000003ULL + uint64_t(i));
        core::Answers answers = core::randomAnswers(set, rng);
        core::ScoreResult score = core::score(set, answers);
        std::map<std::string, std::string> notes;
        if (const char* note = kNotes[size_t(i) % (sizeof kNotes / sizeof *kNotes)]; *note) notes["note"] = note;
        std::string completed = storage::rfc3339Utc(kStart + (long long)i * 6 * 3600);
        std::string started = storage::rfc3339Utc(kStart + (long long)i * 6 * 3600 - 420);
        char suffix[16];
        std::snprintf(suffix, sizeof suffix, "-%04x", unsigned(i & 0xffff));
        std::string compact;
        for (char c : completed)
            if (c >= '0' && c <= '9') compact += c;
        std::string id = compact.substr(0, 8) + "T" + compact.substr(8, 6) + "Z-" + set.id + suffix;
        core::ResultRecord record = core::makeResult(set, answers, notes, score, completed, id, started);
        record.appVersion = REKINDLE_VERSION;
        if (!writePrivate(resultsDir / (id + ".json"), storage::resultToJson(record), error)) return false;
    }
    return true;
}

}  // namespace rekindle::bench
