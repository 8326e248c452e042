// Failing writes and private files: a read-only folder or a full disk is reported, the draft stays in memory and
// nothing saved before is harmed; every file Rekindle writes is 0600 in 0700 folders; "Delete all my data" works.
#include <doctest/doctest.h>

#include "app_support.hpp"
#include <grp.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <functional>

#include "app/application.hpp"
#include "storage/atomic_file.hpp"
#include "storage/draft_store.hpp"
#include "storage/result_json.hpp"
#include "storage/result_store.hpp"
#include "storage/settings.hpp"

using namespace rekindle;
namespace fs = std::filesystem;

namespace {

using rekindle::test::TempDir;
using rekindle::test::controllerOptions;
using rekindle::test::modeOf;
using rekindle::test::readText;

// Runs check in a child: as "nobody" when running as root (root writes into read-only folders regardless).
bool inChild(const std::function<bool()>& check, bool dropRoot) {
    std::fflush(nullptr);
    pid_t pid = ::fork();
    if (pid == 0) {
        if (dropRoot && ::geteuid() == 0 && (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0))
            ::_exit(3);
        ::_exit(check() ? 0 : 1);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// A folder the child (nobody, or the owner without write permission) can read but not write.
void makeReadOnlyForChild(const fs::path& dir) {
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read | fs::perms::group_exec |
                             fs::perms::others_read | fs::perms::others_exec);
}

core::ResultRecord sampleResult(const std::string& note) {
    core::ResultRecord r;
    r.setId = "check-in-demo";
    r.setVersion = "1.0.0";
    r.setTitle = "Demo";
    r.questionIds = {"q1"};
    r.answers["q1"] = core::Answer::ofNumber(3);
    r.notes["note"] = note;
    return r;
}

std::string bytesOf(const fs::path& p) { return storage::readFile(p).value_or("<missing>"); }

size_t countTempFiles(const fs::path& dir) {
    size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir)) n += e.path().filename().string().find(".tmp-") != std::string::npos;
    return n;
}


}  // namespace

TEST_CASE("failing writes: a read-only results folder is reported and earlier results are untouched") {
    TempDir tmp;
    fs::path results = tmp.path / "results";
    storage::ResultStore store(results, tmp.path / "trash");
    core::ResultRecord first = sampleResult("first");
    std::string err;
    fs::path firstPath;
    REQUIRE(store.save(first, &err, &firstPath));
    std::string before = bytesOf(firstPath);
    fs::permissions(tmp.path, fs::perms::owner_all | fs::perms::others_exec | fs::perms::group_exec);
    makeReadOnlyForChild(results);
    // The child must own the folder (Rekindle refuses anyone else's outright): as root, give it to nobody.
    if (::geteuid() == 0) REQUIRE(::chown(results.c_str(), 65534, 65534) == 0);

    bool ok = inChild([&] {
        storage::ResultStore s(results, tmp.path / "trash");
        core::ResultRecord second = sampleResult("second");
        std::string e;
        bool refused = !s.save(second, &e);
        std::fprintf(stderr, "read-only save: %s\n", e.c_str());
        return refused && e.find(results.string()) != std::string::npos && e.find("ermission denied") != std::string::npos;
    }, true);
    CHECK(ok);
    CHECK(bytesOf(firstPath) == before);
    CHECK(countTempFiles(results) == 0);
    size_t files = 0;
    for (const auto& e : fs::directory_iterator(results)) files += e.path().extension() == ".json";
    CHECK(files == 1);
}

TEST_CASE("failing writes: a full disk (simulated with a file-size limit) leaves the old draft whole") {
    TempDir tmp;
    storage::DraftStore drafts(tmp.path / "drafts");
    storage::Draft d;
    d.setId = "weekly-check-in";
    d.answers["q1"] = core::Answer::ofNumber(2);
    std::string err;
    REQUIRE(drafts.save(d, &err));
    std::string before = bytesOf(drafts.pathFor("weekly-check-in"));

    bool ok = inChild([&] {
        // RLIMIT_FSIZE makes write(2) fail with EFBIG the way a full disk fails with ENOSPC: mid-file, after open.
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit lim{64, 64};
        if (::setrlimit(RLIMIT_FSIZE, &lim) != 0) return false;
        storage::Draft bigger = d;
        bigger.answers["q2"] = core::Answer::ofText(std::string(4096, 'x'));
        std::string e;
        bool refused = !drafts.save(bigger, &e);
        std::fprintf(stderr, "full-disk save: %s\n", e.c_str());
        return refused && e.find("cannot write") != std::string::npos;
    }, false);
    CHECK(ok);
    CHECK(bytesOf(drafts.pathFor("weekly-check-in")) == before);
    CHECK(countTempFiles(tmp.path / "drafts") == 0);
    auto loaded = drafts.load("weekly-check-in", &err);
    REQUIRE(loaded);
    CHECK(loaded->answers.size() == 1);
}

TEST_CASE("failing writes: the take shows the error, keeps answers in memory and saves again once it can") {
    TempDir tmp;
    bool ok = inChild([&] {
        app::Application ctrl(controllerOptions(tmp));
        const std::string setId = "weekly-check-in";
        if (!ctrl.state().findSet(setId)) return false;
        ctrl.take().start(setId);
        const app::TakeState& t = ctrl.state().take;
        ctrl.take().next();  // past the section intro
        ctrl.take().pickNumber(3);
        if (!t.draftError.empty() || t.answers.size() != 1) return false;
        ctrl.take().next();
        fs::path draftFile = tmp.path / "drafts" / "weekly-check-in.json";
        std::string onDisk = bytesOf(draftFile);

        std::signal(SIGXFSZ, SIG_IGN);
        rlimit lim{};
        ::getrlimit(RLIMIT_FSIZE, &lim);
        rlimit tiny{16, lim.rlim_max};
        ::setrlimit(RLIMIT_FSIZE, &tiny);
        ctrl.take().pickNumber(4);
        bool reported = t.draftError.find("could not be written") != std::string::npos;
        bool kept = t.answers.size() == 2;
        bool diskIntact = bytesOf(draftFile) == onDisk;
        std::fprintf(stderr, "draft error shown: %s\n", t.draftError.c_str());

        ::setrlimit(RLIMIT_FSIZE, &lim);  // space again
        ctrl.take().next();
        ctrl.take().pickNumber(2);
        storage::DraftStore drafts(tmp.path / "drafts");
        auto d = drafts.load("weekly-check-in");
        return reported && kept && diskIntact && t.draftError.empty() && d && d->answers.size() == 3;
    }, false);
    CHECK(ok);
}

TEST_CASE("privacy: everything written is 0600 in 0700 folders, whatever the umask") {
    TempDir tmp;
    mode_t old = ::umask(0);  // modes must be set explicitly, not inherited from a lenient umask
    storage::Paths paths = storage::resolvePaths(tmp.path.string());
    storage::ResultStore store(paths);
    core::ResultRecord r = sampleResult("modes");
    std::string err;
    fs::path saved;
    CHECK(store.save(r, &err, &saved));
    store.list();  // writes the index
    storage::DraftStore drafts(paths);
    storage::Draft d;
    d.setId = "modes";
    CHECK(drafts.save(d, &err));
    CHECK(storage::saveSettings(paths.settingsFile(), storage::Settings{}, &err));
    ::umask(old);

    int checked = 0;
    for (const auto& e : fs::recursive_directory_iterator(tmp.path)) {
        CAPTURE(e.path().string());
        CHECK(modeOf(e.path()) == (e.is_directory() ? 0700u : 0600u));
        ++checked;
    }
    CHECK(checked >= 7);  // results/, its file and index, drafts/, its file, config/, settings.json
}

TEST_CASE("privacy: Delete all my data needs the typed word and then removes results, drafts and settings") {
    TempDir tmp;
    app::Application ctrl(controllerOptions(tmp));
    const storage::Paths& paths = ctrl.state().paths;
    storage::ResultStore store(paths);
    core::ResultRecord r = sampleResult("to be deleted");
    std::string err;
    REQUIRE(store.save(r, &err));
    storage::Draft d;
    d.setId = "weekly-check-in";
    REQUIRE(storage::DraftStore(paths).save(d, &err));
    ctrl.settings().setZoom(1.5f);
    REQUIRE(fs::exists(paths.settingsFile()));

    ctrl.settings().setDeleteConfirmText("delete");
    CHECK_FALSE(ctrl.settings().deleteAllData());
    CHECK(fs::exists(paths.resultsDir() / (r.id + ".json")));
    ctrl.settings().setDeleteConfirmText("DELETE");
    CHECK(ctrl.settings().deleteAllData());
    CHECK_FALSE(fs::exists(paths.resultsDir()));
    CHECK_FALSE(fs::exists(paths.draftsDir()));
    CHECK_FALSE(fs::exists(paths.settingsFile()));
    CHECK(ctrl.state().settings.zoom == doctest::Approx(1.0));
    CHECK(store.list().empty());
}

TEST_CASE("crash leftovers: temp files of a dead writer are removed, a running writer's are kept") {
    TempDir tmp;
    pid_t dead = ::fork();
    if (dead == 0) ::_exit(0);
    ::waitpid(dead, nullptr, 0);  // reaped: this pid now names no process
    fs::path stale = tmp.path / ("draft.json.tmp-" + std::to_string(dead) + "-17");
    fs::path live = tmp.path / ("draft.json.tmp-" + std::to_string(::getpid()) + "-18");
    fs::path kept = tmp.path / "draft.json";
    for (const auto& p : {stale, live, kept}) REQUIRE(storage::writeFileAtomic(p, "{}"));
    CHECK(storage::removeStaleTempFiles(tmp.path) == 1);
    CHECK_FALSE(fs::exists(stale));
    CHECK(fs::exists(live));
    CHECK(fs::exists(kept));
    CHECK(storage::removeStaleTempFiles(tmp.path / "missing") == 0);
}

TEST_CASE("a failed write's advice fits its reason: free space only when space ran out, never a doubled full stop") {
    CHECK(app::writeFailureAdvice("/d/results.json: No space left on device") ==
          "/d/results.json: No space left on device. Free some space");
    std::string link = app::writeFailureAdvice(
        "/d/results is a symbolic link; Rekindle does not write through links. Fix: move it aside so that Rekindle "
        "makes a real folder.");
    CHECK(link.find("..") == std::string::npos);
    CHECK(link.find("space") == std::string::npos);
    CHECK(link.ends_with("makes a real folder. Fix the data folder as this says"));
}
