// Hostile files around the loaders: FIFOs, links, loose folders, trash collisions, file-size limits, the lock, and
// exports that must stay data. Each test makes its own hostile layout in a private temp folder.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "storage/atomic_file.hpp"
#include "storage/data_lock.hpp"
#include "storage/draft_store.hpp"
#include "storage/export.hpp"
#include "storage/private_dir.hpp"
#include "storage/result_json.hpp"
#include "storage/result_store.hpp"
#include "storage/settings.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace rekindle;
using rekindle::test::modeOf;
using rekindle::test::TempDir;

namespace {

void put(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

core::ResultRecord sampleRecord(const std::string& id) {
    core::ResultRecord r;
    r.id = id;
    r.setId = "check-in-demo";
    r.setTitle = "Demo";
    r.completedAt = "2026-11-01T20:00:00Z";
    return r;
}

// Another user's uid for ownership tests: only root can give a folder away, so as root the folder is chowned to
// nobody; otherwise a root-owned system folder already belongs to someone else.
fs::path folderOfAnotherUser(const TempDir& tmp) {
    if (::geteuid() != 0) return "/usr/share";
    fs::path dir = tmp.path / "theirs";
    fs::create_directory(dir);
    REQUIRE(::chown(dir.c_str(), 65534, 65534) == 0);
    return dir;
}

}  // namespace

TEST_CASE("a FIFO, socket or device where a file is expected is refused at once, never opened for reading") {
    TempDir tmp;
    fs::path fifo = tmp.path / "settings.json";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto t0 = std::chrono::steady_clock::now();
    std::string why;
    CHECK_FALSE(storage::readFile(fifo, &why).has_value());
    CHECK(contains(why, "is not a regular file"));
    CHECK(contains(why, "FIFO"));
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(2));

    why.clear();
    CHECK_FALSE(storage::readFile("/dev/zero", &why, storage::kMaxFileBytes, storage::Links::Follow).has_value());
    CHECK(contains(why, "is not a regular file (a character device)"));

    fs::path sock = tmp.path / "sock.json";
    int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", sock.c_str());
    if (sock.string().size() < sizeof addr.sun_path && ::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
        why.clear();
        CHECK_FALSE(storage::readFile(sock, &why).has_value());
        CHECK(contains(why, "is not a regular file (a socket)"));
    }
    ::close(s);

    // Every store reports it with the path instead of hanging: settings, drafts, results.
    auto settings = storage::loadSettings(fifo);
    CHECK(contains(settings.problem, fifo.string() + ": is not a regular file"));
    fs::create_directory(tmp.path / "drafts");
    REQUIRE(::mkfifo((tmp.path / "drafts" / "pulling-away.json").c_str(), 0600) == 0);
    storage::DraftStore drafts(tmp.path / "drafts");
    auto list = drafts.list();
    REQUIRE(list.size() == 1);
    CHECK_FALSE(list[0].readable);
    CHECK(contains(list[0].error, "is not a regular file"));
    CHECK(drafts.exists("pulling-away"));  // so a take never starts over it
    fs::create_directory(tmp.path / "results");
    REQUIRE(::mkfifo((tmp.path / "results" / "20261101T200000Z-x-0000.json").c_str(), 0600) == 0);
    storage::ResultStore store(tmp.path / "results", tmp.path / "trash");
    auto rows = store.list();
    REQUIRE(rows.size() == 1);
    CHECK_FALSE(rows[0].readable);
    CHECK(contains(rows[0].error, "is not a regular file"));
    why.clear();
    CHECK_FALSE(store.load("20261101T200000Z-x-0000", &why));
    CHECK(contains(why, "20261101T200000Z-x-0000.json: is not a regular file"));
}

TEST_CASE("links are not followed inside Rekindle's folders, and are when the user names one") {
    TempDir tmp;
    fs::path target = tmp.path / "elsewhere.json";
    put(target, "{}");
    fs::path link = tmp.path / "link.json";
    fs::create_symlink(target, link);
    std::string why;
    CHECK_FALSE(storage::readFile(link, &why).has_value());
    CHECK(contains(why, "symbolic link"));
    CHECK(storage::readFile(storage::namedByUser(link), &why).value_or("") == "{}");
}

TEST_CASE("an atomic write replaces a planted link and never writes or chmods through it") {
    TempDir tmp;
    fs::path victim = tmp.path / "victim.txt";
    put(victim, "precious");
    ::chmod(victim.c_str(), 0644);
    fs::path ini = tmp.path / "imgui.ini";
    fs::create_symlink(victim, ini);
    std::string why;
    REQUIRE_MESSAGE(storage::writeFileAtomic(ini, "[Window]\n", &why), why);
    CHECK(test::readText(victim) == "precious");
    CHECK(modeOf(victim) == 0644);
    CHECK_FALSE(fs::is_symlink(ini));
    CHECK(modeOf(ini) == 0600);
    // A link planted at the name of a new result is not replaced either: results are never overwritten.
    fs::create_symlink(victim, tmp.path / "r.json");
    CHECK_FALSE(storage::writeNewFileAtomic(tmp.path / "r.json", "{}", &why));
    CHECK(test::readText(victim) == "precious");
}

TEST_CASE("a write past the file-size limit fails with EFBIG and leaves no temp file") {
    TempDir tmp;
    struct rlimit old {};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
    struct rlimit small = old;
    small.rlim_cur = 4096;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    std::string why;
    bool ok = storage::writeFileAtomic(tmp.path / "report.md", std::string(100000, 'x'), &why);
    ::setrlimit(RLIMIT_FSIZE, &old);
    CHECK_FALSE(ok);
    CHECK(contains(why, "report.md: File too large"));
    for (const auto& e : fs::directory_iterator(tmp.path)) FAIL_CHECK("left behind: " << e.path());
}

TEST_CASE("folders are refused like ssh refuses a loose ~/.ssh: other owner, writable by others, links") {
    TempDir tmp;
    std::string why;
    fs::path loose = tmp.path / "loose";
    fs::create_directory(loose);
    ::chmod(loose.c_str(), 0777);
    CHECK_FALSE(storage::ensurePrivateDir(loose, &why));
    CHECK(contains(why, loose.string() + " can be changed by other users (mode 0777)"));
    CHECK(contains(why, "chmod 700"));
    CHECK(modeOf(loose) == 0777);  // refused, not silently changed
    ::chmod(loose.c_str(), 0770);
    CHECK_FALSE(storage::checkPrivateDir(loose, &why));

    fs::path theirs = folderOfAnotherUser(tmp);
    CHECK_FALSE(storage::checkPrivateDir(theirs, &why));
    CHECK(contains(why, theirs.string() + " belongs to uid"));
    CHECK(contains(why, "not to you"));

    // results/ as a link to someone's folder: refused, and the target's mode is left alone.
    fs::path data = tmp.path / "data";
    fs::path outside = tmp.path / "outside";
    fs::create_directories(data);
    fs::create_directories(outside);
    ::chmod(outside.c_str(), 0755);
    fs::create_directory_symlink(outside, data / "results");
    CHECK_FALSE(storage::ensurePrivateDir(data / "results", &why));
    CHECK(contains(why, "is a symbolic link"));
    CHECK(modeOf(outside) == 0755);
    core::ResultRecord r = sampleRecord("");
    storage::ResultStore store(data / "results", data / "trash");
    CHECK_FALSE(store.save(r, &why));
    CHECK(fs::is_empty(outside));
    storage::Paths paths;
    paths.dataDir = data;
    paths.configDir = data / "config";
    CHECK_FALSE(storage::checkDataFolders(paths, &why));
    CHECK(contains(why, (data / "results").string()));

    // A private folder of ours passes and is tightened to 0700 through its descriptor.
    fs::path mine = tmp.path / "mine";
    fs::create_directory(mine);
    ::chmod(mine.c_str(), 0755);
    CHECK(storage::ensurePrivateDir(mine, &why));
    CHECK(modeOf(mine) == 0700);
}

TEST_CASE("moving to the trash never renames over a file already there, however many there are") {
    TempDir tmp;
    storage::ResultStore store(tmp.path / "results", tmp.path / "trash");
    core::ResultRecord r = sampleRecord("20261101T200000Z-check-in-demo-aaaa");
    std::string why;
    REQUIRE_MESSAGE(store.save(r, &why), why);
    fs::create_directories(store.trashDir());
    put(store.trashDir() / (r.id + ".json"), "first");
    for (int n = 2; n <= 10000; ++n) put(store.trashDir() / (r.id + "-" + std::to_string(n) + ".json"), std::to_string(n));
    REQUIRE_MESSAGE(store.moveToTrash(r.id, &why), why);
    CHECK(test::readText(store.trashDir() / (r.id + "-9999.json")) == "9999");
    CHECK(test::readText(store.trashDir() / (r.id + "-10000.json")) == "10000");
    CHECK(test::readText(store.trashDir() / (r.id + ".json")) == "first");
    CHECK(contains(test::readText(store.trashDir() / (r.id + "-10001.json")), "check-in-demo"));
    CHECK_FALSE(fs::exists(store.resultsDir() / (r.id + ".json")));
}

TEST_CASE("a results index over 16 MiB is still reused") {
    TempDir tmp;
    storage::ResultStore store(tmp.path / "results", tmp.path / "trash");
    core::ResultRecord r = sampleRecord("20261101T200000Z-check-in-demo-bbbb");
    std::string why;
    REQUIRE_MESSAGE(store.save(r, &why), why);
    REQUIRE(store.list().size() == 1);
    std::string idx = test::readText(store.indexFile());
    // Mark the cached row so reuse is visible, then pad past 16 MiB with lines the reader skips.
    size_t at = idx.find("\tDemo\t");
    REQUIRE(at != std::string::npos);
    idx.replace(at, 6, "\tFrom the index\t");
    std::string pad(1000, 'p');
    pad += '\n';
    while (idx.size() < 17u * 1024 * 1024) idx += pad;
    REQUIRE(storage::writeFileAtomic(store.indexFile(), idx, &why));
    auto rows = store.list();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].setTitle == "From the index");
}

TEST_CASE("one writer per data folder: a second lock is busy until the first is released") {
    TempDir tmp;
    auto a = storage::DataLock::acquire(tmp.path);
    REQUIRE(a.held());
    CHECK(modeOf(tmp.path / ".lock") == 0600);
    auto b = storage::DataLock::acquire(tmp.path);
    CHECK(b.state() == storage::DataLock::State::Busy);
    CHECK(b.problem() == storage::kReadOnlyBanner);
    a.release();
    auto c = storage::DataLock::acquire(tmp.path);
    CHECK(c.held());
    // A link planted as the lock file is refused, not followed.
    TempDir other;
    put(other.path / "victim", "x");
    fs::create_symlink(other.path / "victim", other.path / ".lock");
    auto d = storage::DataLock::acquire(other.path);
    CHECK(d.state() == storage::DataLock::State::Failed);
    CHECK(contains(d.problem(), ".lock"));
}

TEST_CASE("exports are data: CSV cells that start a formula, Markdown and HTML in a report") {
    core::ResultRecord r = sampleRecord("20261101T200000Z-check-in-demo-cccc");
    r.setTitle = "<img src=x onerror=alert(1)> *Title*";
    r.notes["note"] = "<script>alert('x')</script>\n[click](javascript:alert(1))\n# not a heading\n1. not a list";
    std::string md = storage::exportMarkdown({r});
    CHECK_FALSE(contains(md, "<script>"));
    CHECK_FALSE(contains(md, "<img"));
    CHECK(contains(md, "&lt;script&gt;alert('x')&lt;/script&gt;"));
    CHECK_FALSE(contains(md, "[click]("));
    CHECK(contains(md, "\\[click\\](javascript:alert(1))"));
    CHECK(contains(md, "> \\# not a heading"));
    CHECK(contains(md, "> 1\\. not a list"));
    CHECK(contains(md, "\\*Title\\*"));
    r.id = "x`y";
    CHECK(contains(storage::exportMarkdown({r}), "``x`y``"));

    for (const char* lead : {"\t=1+1", "\r=1+1", "=1+1", "+1", "-1", "@SUM(A1)"}) {
        core::ResultRecord c = sampleRecord("20261101T200000Z-check-in-demo-dddd");
        c.notes["note"] = lead;
        std::string csv = storage::exportCsv({c});
        CAPTURE(lead);
        CHECK(contains(csv, std::string("'") + lead));
    }
}
