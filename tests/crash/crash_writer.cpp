// rekindle_crash_writer: the process the crash-safety test kills. `write DATA LOG` saves drafts and results in a loop
// through DraftStore/ResultStore and logs each save only after it returned; `check DATA LOG [KILLED]` verifies
// what is on disk against that log: every file parses, no logged result is lost or changed, the draft is not behind.
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "storage/atomic_file.hpp"
#include "storage/draft_store.hpp"
#include "storage/question_set_json.hpp"
#include "storage/result_json.hpp"
#include "storage/result_store.hpp"

using namespace rekindle;
namespace fs = std::filesystem;

namespace {

constexpr const char* kSetId = "crash-test";
constexpr int kKeptAnswers = 40;  // the draft keeps the newest answers only, so saves stay the same size

// The draft's newest answer number: answers are q<n> for the last kKeptAnswers values of n.
long newestAnswer(const storage::Draft& d) {
    long newest = -1;
    for (const auto& [id, a] : d.answers)
        if (id.size() > 1 && id[0] == 'q') newest = std::max(newest, std::atol(id.c_str() + 1));
    return newest;
}

storage::Draft makeDraft(long newest) {
    storage::Draft d;
    d.setId = kSetId;
    d.setVersion = "1.0.0";
    d.setHash = "00000000deadbeef";
    d.setPath = "crash-test.json";
    for (long n = std::max(0L, newest - kKeptAnswers + 1); n <= newest; ++n)
        d.answers["q" + std::to_string(n)] = n % 3 == 0   ? core::Answer::ofNumber(double(n % 5 + 1))
                                             : n % 3 == 1 ? core::Answer::ofChoice("option-" + std::to_string(n % 4))
                                                          : core::Answer::ofText("a note written at step " + std::to_string(n));
    d.notes["s1"] = "reflection after " + std::to_string(newest) + " answers";
    d.position = int(newest % 1000);
    d.currentQuestion = "q" + std::to_string(newest + 1);
    return d;
}

core::ResultRecord makeResult(long serial) {
    core::ResultRecord r;
    r.setId = kSetId;
    r.setVersion = "1.0.0";
    r.setHash = "00000000deadbeef";
    r.setTitle = "Crash test";
    for (int i = 0; i < 6; ++i) {
        std::string q = "q" + std::to_string(i);
        r.questionIds.push_back(q);
        r.answers[q] = core::Answer::ofNumber(double((serial + i) % 5 + 1));
        r.answerLabels[q] = {"Question " + std::to_string(i), std::to_string((serial + i) % 5 + 1) + " of 5"};
    }
    core::DimensionRecord dim;
    dim.id = "closeness";
    dim.label = "Closeness";
    dim.percent = double(serial % 101);
    dim.raw = dim.percent / 10;
    dim.max = 10;
    dim.band = dim.percent < 50 ? 0 : 1;
    dim.bands = {{0, 50, "Low"}, {50, 100, "High"}};
    dim.bandLabel = dim.bands[size_t(dim.band)].label;
    r.dimensions.push_back(dim);
    core::TipRecord tip;
    tip.id = "slow-down";
    tip.title = "Slow down";
    tip.relevance = 100 - dim.percent;
    tip.rank = 1;
    r.tips.push_back(tip);
    r.notes["note"] = "result " + std::to_string(serial);
    r.visibleQuestions = r.answeredQuestions = 6;
    return r;
}

// One line per write(2) with O_APPEND, so a kill leaves whole lines (a torn last line is ignored by check).
void logLine(int fd, const std::string& line) {
    std::string l = line + "\n";
    if (::write(fd, l.data(), l.size()) != ssize_t(l.size())) std::_Exit(3);
}

int runWriter(const fs::path& data, const fs::path& log) {
    storage::DraftStore drafts(data / "drafts");
    storage::ResultStore results(data / "results", data / "trash");
    int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) return 2;
    // Clean up after the previous kill as the app's controller does at start.
    storage::removeStaleTempFiles(data / "drafts");
    storage::removeStaleTempFiles(data / "results");
    // Resume from the draft on disk, as the app does: the next answer follows the newest one saved.
    long newest = -1;
    std::string err;
    if (auto d = drafts.load(kSetId, &err)) {
        newest = newestAnswer(*d);
        // A save cut short by the last kill may have completed on disk: what loads back is now the confirmed state.
        logLine(fd, "draft " + std::to_string(newest));
    }
    long serial = 0;
    for (;;) {
        storage::Draft d = makeDraft(++newest);
        if (!drafts.save(d, &err)) {
            std::fprintf(stderr, "draft save failed: %s\n", err.c_str());
            return 1;
        }
        logLine(fd, "draft " + std::to_string(newest));
        if (newest % 4 == 0) {
            core::ResultRecord r = makeResult(newest + serial++);
            if (results.save(r, &err)) {
                logLine(fd, "result " + r.id + " " + storage::fnv1aHex(storage::resultToJson(r)));
            } else if (err.find("File exists") == std::string::npos) {
                // A same-second id clash is refused by design (results are never overwritten); anything else is a bug.
                std::fprintf(stderr, "result save failed: %s\n", err.c_str());
                return 1;
            }
        }
    }
}

int fail(const std::string& why) {
    std::fprintf(stderr, "CHECK FAILED: %s\n", why.c_str());
    return 1;
}

int runCheck(const fs::path& data, const fs::path& log, bool full) {
    // What the log promises: the newest draft whose save returned, and every result whose save returned.
    long loggedDraft = -1;
    std::map<std::string, std::string> loggedResults;
    std::ifstream in(log);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::istringstream lines(text.substr(0, text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1));
    std::string kind, a, b;
    while (lines >> kind) {
        if (kind == "draft") {
            lines >> a;
            loggedDraft = std::max(loggedDraft, std::atol(a.c_str()));
        } else if (kind == "result") {
            lines >> a >> b;
            loggedResults[a] = b;
        }
    }

    storage::DraftStore drafts(data / "drafts");
    std::string err;
    auto draft = drafts.load(kSetId, &err);
    if (loggedDraft >= 0) {
        if (!draft) return fail("the draft does not load: " + err);
        long onDisk = newestAnswer(*draft);
        // On disk: the last save that returned, or the one in flight when the kill came (one answer ahead).
        if (onDisk < loggedDraft || onDisk > loggedDraft + 1)
            return fail("draft holds answer " + std::to_string(onDisk) + " but the last completed save was " +
                        std::to_string(loggedDraft));
        storage::Draft expected = makeDraft(onDisk);
        if (draft->answers != expected.answers || draft->notes != expected.notes)
            return fail("draft content differs from what was saved");
    }
    for (const auto& e : drafts.list())
        if (!e.readable) return fail("unreadable draft " + e.path.string() + ": " + e.error);
    if (!full) return 0;

    // Every file in the data folder: a leftover temp file from a killed write is allowed (the loaders ignore it);
    // every other file must parse as JSON.
    int files = 0, temps = 0;
    for (const auto& e : fs::recursive_directory_iterator(data)) {
        if (!e.is_regular_file()) continue;
        std::string name = e.path().filename().string();
        if (name.find(".tmp-") != std::string::npos) {
            ++temps;
            continue;
        }
        ++files;
        auto bytes = storage::readFile(e.path(), &err);
        if (!bytes) return fail(e.path().string() + ": " + err);
        // The listing index is a cache in its own format; list() below must cope with whatever state it is in.
        if (e.path().extension() == ".json" && name.rfind(".index", 0) != 0 && !nlohmann::json::accept(*bytes))
            return fail(e.path().string() + " is not valid JSON");
    }
    storage::ResultStore results(data / "results", data / "trash");
    std::map<std::string, bool> listed;
    for (const auto& s : results.list()) {
        if (!s.readable) return fail("unreadable result " + s.fileName + ": " + s.error);
        listed[s.id] = true;
    }
    for (const auto& [id, hash] : loggedResults) {
        auto r = results.load(id, &err);
        if (!r) return fail("completed result " + id + " is lost: " + err);
        if (storage::fnv1aHex(storage::resultToJson(*r)) != hash) return fail("completed result " + id + " changed");
        if (!listed.count(id)) return fail("completed result " + id + " is missing from the listing");
    }
    // Temp files of earlier kills were removed by the next start; only the last kill's (a draft and a result) remain.
    if (temps > 2) return fail(std::to_string(temps) + " temp files left: stale ones are not cleaned up");
    std::printf("check: %zu completed results intact, draft at answer %ld (last completed save %ld), %d files parse, "
                "%d temp files left by kills\n",
                loggedResults.size(), draft ? newestAnswer(*draft) : -1L, loggedDraft, files, temps);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: rekindle_crash_writer write|check|check-full DATA LOG\n");
        return 2;
    }
    std::string mode = argv[1];
    fs::path data = argv[2], log = argv[3];
    if (mode == "write") return runWriter(data, log);
    if (mode == "check") return runCheck(data, log, false);
    if (mode == "check-full") return runCheck(data, log, true);
    return 2;
}
