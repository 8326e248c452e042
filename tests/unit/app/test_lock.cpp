// Passphrase protection and one writer per data folder, in the app: unlocking off the UI thread, a wrong passphrase,
// the idle lock and quick-hide lock dropping what was read, set / change / remove from Settings, the export warning,
// a second window that stays read-only until the first closes, and "Delete all my data" telling the truth.
#include <doctest/doctest.h>

#include "app_support.hpp"
#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/application.hpp"
#include "storage/crypto/protection.hpp"
#include "storage/crypto/sealed_file.hpp"
#include "storage/data_lock.hpp"
#include "storage/draft_store.hpp"
#include "storage/result_store.hpp"

using namespace rekindle;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

using rekindle::test::TempDir;
using rekindle::test::controllerOptions;

// Every keyring these tests make uses libsodium's minimum Argon2id limits (a test-hook build honours this).
struct WeakKdf {
    WeakKdf() { ::setenv("REKINDLE_TEST_WEAK_KDF", "1", 1); }
};
const WeakKdf g_weakKdf;

app::Passphrase pass(const char* text) { return app::Passphrase::fromText(text, std::strlen(text)); }

// The worker thread runs the job; poll() applies it. At most ~30 s.
void waitForJob(app::Application& a) {
    for (int i = 0; i < 3000; ++i) {
        a.poll();
        if (!a.state().lock.working()) return;
        std::this_thread::sleep_for(10ms);
    }
    FAIL("the passphrase job did not finish");
}

core::ResultRecord sampleResult(const std::string& note) {
    core::ResultRecord r;
    r.setId = "weekly-check-in";
    r.setVersion = "1.0.0";
    r.setTitle = "Weekly check-in";
    r.questionIds = {"q1"};
    r.answers["q1"] = core::Answer::ofNumber(3);
    r.notes["note"] = note;
    return r;
}

// The bytes on disk, as someone copying the folder sees them (readFile would open a sealed file).
std::string headOf(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::string head(40, '\0');
    in.read(head.data(), std::streamsize(head.size()));
    head.resize(size_t(in.gcount()));
    return head;
}

// A data folder holding one saved result, protected with `secret`, and locked again as at a fresh start.
void protectedFolderWithResult(const TempDir& tmp, const char* secret) {
    storage::Paths paths = storage::resolvePaths(tmp.path.string());
    core::ResultRecord r = sampleResult("words only I should read");
    std::string err;
    REQUIRE(storage::ResultStore(paths).save(r, &err));
    storage::ConversionReport report;
    REQUIRE(storage::protectFolder(paths.dataDir, pass(secret).secret(), storage::kdfLimitsForNewKeys(), report));
    storage::lockFolder(paths.dataDir);
}

}  // namespace

TEST_CASE("lock: a protected folder opens locked, a wrong passphrase is refused calmly, the right one opens it") {
    TempDir tmp;
    protectedFolderWithResult(tmp, "river stone lantern");
    app::Application a(controllerOptions(tmp));
    const app::AppState& st = a.state();
    CHECK(st.lock.protectedFolder);
    CHECK(st.lock.locked);
    for (const auto& e : st.sets) CHECK(e.pastTakes == 0);  // nothing personal is read while locked
    a.apply(app::cmd::Go{app::Screen::History});
    CHECK(st.screen == app::Screen::Home);  // dropped: only unlocking is possible
    CHECK(st.history.rows.empty());

    a.apply(app::cmd::Unlock{pass("river stone")});
    CHECK(st.lock.working());  // derivation runs on the worker; the UI thread is free
    waitForJob(a);
    CHECK(st.lock.locked);
    CHECK(st.lock.unlockMessage.find("does not open") != std::string::npos);

    a.apply(app::cmd::Unlock{pass("river stone lantern")});
    waitForJob(a);
    CHECK_FALSE(st.lock.locked);
    CHECK(st.lock.unlockMessage.empty());
    a.apply(app::cmd::Go{app::Screen::History});
    REQUIRE(st.history.rows.size() == 1);
    CHECK(st.history.rows[0].readable);
    CHECK(st.history.rows[0].notesText.find("words only I") != std::string::npos);
    storage::lockFolder(st.paths.dataDir);
}

TEST_CASE("lock: idle time locks, drops what was read and forgets the key, unlocking brings it back") {
    TempDir tmp;
    protectedFolderWithResult(tmp, "idle passphrase");
    auto opts = controllerOptions(tmp);
    opts.idleLockSeconds = 0.3;
    app::Application a(opts);
    const app::AppState& st = a.state();
    a.apply(app::cmd::Unlock{pass("idle passphrase")});
    waitForJob(a);
    REQUIRE_FALSE(st.lock.locked);
    a.apply(app::cmd::Go{app::Screen::History});
    REQUIRE(st.history.rows.size() == 1);
    a.apply(app::cmd::OpenResult{st.history.rows[0].id});
    REQUIRE(st.result.active);

    // Activity keeps it open.
    std::this_thread::sleep_for(200ms);
    a.noteActivity();
    std::this_thread::sleep_for(200ms);
    a.poll();
    CHECK_FALSE(st.lock.locked);
    CHECK(a.secondsUntilDue() > 0);

    std::this_thread::sleep_for(350ms);
    CHECK(a.poll());
    CHECK(st.lock.locked);
    CHECK_FALSE(storage::isUnlocked(st.paths.dataDir));
    CHECK_FALSE(st.result.active);
    CHECK(st.result.record.notes.empty());
    CHECK(st.history.rows.empty());
    CHECK(st.lock.unlockMessage == "Locked after a while without use.");
    CHECK(a.secondsUntilDue() < 0);  // nothing left to time while locked

    a.apply(app::cmd::Unlock{pass("idle passphrase")});
    waitForJob(a);
    a.apply(app::cmd::Go{app::Screen::History});
    CHECK(st.history.rows.size() == 1);
    storage::lockFolder(st.paths.dataDir);
}

TEST_CASE("lock: quick-hide locks a protected folder when the setting is on, and only hides when it is off") {
    TempDir tmp;
    protectedFolderWithResult(tmp, "hide me");
    app::Application a(controllerOptions(tmp));
    const app::AppState& st = a.state();
    a.apply(app::cmd::Unlock{pass("hide me")});
    waitForJob(a);
    a.apply(app::cmd::SetLockOnHide{false});
    a.apply(app::cmd::ToggleHide{});
    CHECK(st.screen == app::Screen::Hidden);
    CHECK_FALSE(st.lock.locked);
    a.apply(app::cmd::ToggleHide{});
    CHECK(st.screen == app::Screen::Home);
    a.apply(app::cmd::SetLockOnHide{true});
    a.apply(app::cmd::ToggleHide{});
    CHECK(st.lock.locked);
    CHECK_FALSE(storage::isUnlocked(st.paths.dataDir));
    a.apply(app::cmd::ToggleHide{});  // does not undo the lock
    CHECK(st.lock.locked);
}

TEST_CASE("passphrase settings: typed twice, set, change and remove work from the app and convert the files") {
    TempDir tmp;
    storage::Paths paths = storage::resolvePaths(tmp.path.string());
    core::ResultRecord r = sampleResult("plain before");
    std::string err;
    fs::path saved;
    REQUIRE(storage::ResultStore(paths).save(r, &err, &saved));
    app::Application a(controllerOptions(tmp));
    const app::AppState& st = a.state();
    REQUIRE_FALSE(st.lock.protectedFolder);

    a.apply(app::cmd::SetPassphrase{pass("first try"), pass("first tyr")});
    CHECK_FALSE(st.lock.working());
    CHECK(st.lock.settingsFailed);
    CHECK(st.lock.settingsMessage.find("not the same") != std::string::npos);
    CHECK_FALSE(fs::exists(storage::keyringPath(paths.dataDir)));

    a.apply(app::cmd::SetPassphrase{pass("first passphrase"), pass("first passphrase")});
    waitForJob(a);
    CHECK_FALSE(st.lock.settingsFailed);
    CHECK(st.lock.protectedFolder);
    CHECK_FALSE(st.lock.locked);
    CHECK(headOf(saved).starts_with("{\"format\":\"rekindle.sealed/1\""));
    CHECK(st.lock.settingsMessage.find("encrypted") != std::string::npos);

    a.apply(app::cmd::ChangePassphrase{pass("not it"), pass("second passphrase"), pass("second passphrase")});
    waitForJob(a);
    CHECK(st.lock.settingsFailed);
    a.apply(app::cmd::ChangePassphrase{pass("first passphrase"), pass("second passphrase"), pass("second passphrase")});
    waitForJob(a);
    CHECK_FALSE(st.lock.settingsFailed);

    a.apply(app::cmd::LockNow{});
    REQUIRE(st.lock.locked);
    a.apply(app::cmd::Unlock{pass("first passphrase")});
    waitForJob(a);
    CHECK(st.lock.locked);
    a.apply(app::cmd::Unlock{pass("second passphrase")});
    waitForJob(a);
    REQUIRE_FALSE(st.lock.locked);

    a.apply(app::cmd::RemovePassphrase{pass("second passphrase")});
    waitForJob(a);
    CHECK_FALSE(st.lock.settingsFailed);
    CHECK_FALSE(st.lock.protectedFolder);
    CHECK_FALSE(fs::exists(storage::keyringPath(paths.dataDir)));
    CHECK(headOf(saved).starts_with("{"));
    CHECK(headOf(saved).find("sealed") == std::string::npos);
}

TEST_CASE("export: from a protected folder the plain copy is written only after the warning") {
    TempDir tmp;
    protectedFolderWithResult(tmp, "export guard");
    app::Application a(controllerOptions(tmp));
    const app::AppState& st = a.state();
    a.apply(app::cmd::Unlock{pass("export guard")});
    waitForJob(a);
    a.apply(app::cmd::Go{app::Screen::History});
    a.apply(app::cmd::Export{"json"});
    CHECK(st.pendingExport == "json");
    CHECK_FALSE(fs::exists(st.paths.dataDir / "exports"));
    a.apply(app::cmd::CancelExport{});
    CHECK(st.pendingExport.empty());
    CHECK_FALSE(fs::exists(st.paths.dataDir / "exports"));
    a.apply(app::cmd::Export{"csv"});
    a.apply(app::cmd::ConfirmExport{});
    CHECK(st.history.message.find("not protected by your passphrase") != std::string::npos);
    int files = 0;
    for (const auto& e : fs::directory_iterator(st.paths.dataDir / "exports")) files += e.path().extension() == ".csv";
    CHECK(files == 1);
    storage::lockFolder(st.paths.dataDir);
}

TEST_CASE("read-only: a second window cannot replace the first one's draft, and can write once the first closes") {
    TempDir tmp;
    auto first = std::make_unique<app::Application>(controllerOptions(tmp));
    REQUIRE_FALSE(first->state().readOnly);
    const std::string setId = "weekly-check-in";
    REQUIRE(first->state().findSet(setId));
    first->take().start(setId);
    // Five answers (section intros and reflections in between are passed over).
    for (int guard = 0; first->state().take.answers.size() < 5 && guard < 40; ++guard) {
        first->take().pickNumber(2);
        first->take().next();
    }
    storage::DraftStore drafts(tmp.path / "drafts");
    auto before = drafts.load(setId);
    REQUIRE(before);
    REQUIRE(before->answers.size() == 5);

    app::Application second(controllerOptions(tmp));
    const app::AppState& st = second.state();
    CHECK(st.readOnly);
    CHECK(st.readOnlyBanner == storage::kReadOnlyBanner);
    second.take().start(setId);
    second.take().next();
    second.take().pickNumber(1);
    CHECK(st.take.draftError.find("read but not save") != std::string::npos);
    second.apply(app::cmd::SetDeleteConfirmText{"DELETE"});
    CHECK_FALSE(second.settings().deleteAllData());
    std::string why;
    auto after = drafts.load(setId, &why);
    CAPTURE(why);
    REQUIRE(after);
    CHECK(*after == *before);  // the first window's five answers, untouched

    first.reset();  // the first window closes: the kernel drops its lock
    CHECK(second.poll());
    CHECK_FALSE(st.readOnly);
    CHECK(st.toast.find("can save now") != std::string::npos);
    // The take on screen in B keeps A's five answers as well as its own, and is written now.
    CHECK(st.take.draftError.empty());
    auto merged = drafts.load(setId);
    REQUIRE(merged);
    CHECK(merged->answers.size() >= 5);
    for (const auto& [qid, a] : before->answers) CHECK(merged->answers.count(qid) == 1);
}

TEST_CASE("delete all: every removal is checked and what stays is listed by path, imgui.ini is not written again") {
    TempDir tmp;
    // As root, the folder goes to nobody and the child runs as nobody, for whom a read-only folder is read-only.
    bool asRoot = ::geteuid() == 0;
    std::fflush(nullptr);
    pid_t pid = ::fork();
    if (pid == 0) {
        storage::Paths paths = storage::resolvePaths(tmp.path.string());
        core::ResultRecord r = sampleResult("to delete");
        storage::ResultStore store(paths);
        std::string err;
        bool ok = store.save(r, &err) && store.moveToTrash(r.id, &err);
        fs::permissions(paths.trashDir(), fs::perms::owner_read | fs::perms::owner_exec);  // a read-only trash
        if (asRoot) {
            for (const auto& e : fs::recursive_directory_iterator(tmp.path)) ok &= ::lchown(e.path().c_str(), 65534, 65534) == 0;
            ok &= ::chown(tmp.path.c_str(), 65534, 65534) == 0;
            ok &= ::setgroups(0, nullptr) == 0 && ::setgid(65534) == 0 && ::setuid(65534) == 0;
        }
        app::Application a(controllerOptions(tmp));
        a.apply(app::cmd::SetDeleteConfirmText{"DELETE"});
        bool refusedHonestly = !a.settings().deleteAllData();
        const auto& failures = a.state().deleteFailures;
        bool listed = failures.size() == 1 && failures[0].find(paths.trashDir().string()) == 0 &&
                      failures[0].find("ermission denied") != std::string::npos;
        bool toldSo = a.state().toast.find("Not everything could be deleted") == 0;
        bool resultsGone = !fs::exists(paths.resultsDir());
        bool layoutStaysGone = a.state().layoutFileDeleted;
        std::fprintf(stderr, "delete-all failures: %s\n", failures.empty() ? "none" : failures[0].c_str());
        ::_exit(ok && refusedHonestly && listed && toldSo && resultsGone && layoutStaysGone ? 0 : 1);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
}
