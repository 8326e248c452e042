// The bad-input corpus (tests/fixtures/bad, tests/fuzz/regressions): every loader refuses each file with a clear
// problem naming the file and the place, never crashes, and hands out no partial set, result, draft or settings.
#include <doctest/doctest.h>

#include "test_support.hpp"
#include <fcntl.h>
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "core/result.hpp"
#include "storage/answers_json.hpp"
#include "storage/atomic_file.hpp"
#include "storage/draft_store.hpp"
#include "storage/library.hpp"
#include "storage/question_set_json.hpp"
#include "storage/result_json.hpp"
#include "storage/result_store.hpp"
#include "storage/settings.hpp"

using namespace rekindle;
namespace fs = std::filesystem;

namespace {

const fs::path kBad = fs::path(REKINDLE_TEST_FIXTURES) / "bad";
const fs::path kRegressions = fs::path(REKINDLE_TEST_SOURCE_DIR) / "tests/fuzz/regressions";

using rekindle::test::TempDir;

const storage::Library& shippedLibrary() {
    static const storage::Library lib = storage::loadLibrary(fs::path(REKINDLE_TEST_SOURCE_DIR) / "assets");
    return lib;
}

const core::QuestionSet& workedSet() {
    static const core::QuestionSet set = [] {
        storage::Library lib = storage::loadLibrary(fs::path(REKINDLE_TEST_FIXTURES) / "library");
        auto loaded = storage::loadQuestionSet(fs::path(REKINDLE_TEST_FIXTURES) / "sets/valid/worked.json", lib);
        REQUIRE(loaded.valid());
        return *loaded.set;
    }();
    return set;
}

struct Expectation {
    std::string file;
    int line = 0, column = 0;
    std::string phrase;
};

std::vector<Expectation> expectations() {
    std::vector<Expectation> out;
    std::ifstream in(kBad / "expect.txt");
    std::string row;
    while (std::getline(in, row)) {
        if (row.empty() || row[0] == '#') continue;
        auto a = row.find('|'), b = row.find('|', a + 1);
        Expectation e;
        e.file = row.substr(0, a);
        std::sscanf(row.substr(a + 1, b - a - 1).c_str(), "%d:%d", &e.line, &e.column);
        e.phrase = row.substr(b + 1);
        out.push_back(e);
    }
    return out;
}

std::vector<fs::path> corpusFiles() {
    std::vector<fs::path> out;
    for (const fs::path& dir : {kBad, kRegressions}) {
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(dir, ec))
            if (e.is_regular_file() && e.path().extension() == ".json") out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Runs check in a child process, as the unprivileged user "nobody" when the tests run as root (root ignores file
// permissions, so a read-only folder or an unreadable file would not be refused otherwise). True when check passed.
bool inChild(const std::function<bool()>& check, bool dropRoot) {
    std::fflush(nullptr);
    pid_t pid = ::fork();
    if (pid == 0) {
        if (dropRoot && ::geteuid() == 0) {
            if (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(3);
        }
        ::_exit(check() ? 0 : 1);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// A file of the given apparent size without using the disk: readFile must refuse it from its size alone.
void makeSparse(const fs::path& p, off_t size) {
    int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(fd >= 0);
    REQUIRE(::ftruncate(fd, size) == 0);
    ::close(fd);
}

}  // namespace

TEST_CASE("bad input: each bad question set names the file, line:column and what is wrong") {
    auto list = expectations();
    REQUIRE(list.size() >= 40);
    for (const auto& e : list) {
        CAPTURE(e.file);
        fs::path p = kBad / e.file;
        REQUIRE(fs::exists(p));
        storage::LoadedSet loaded = storage::loadQuestionSet(p, shippedLibrary());
        CHECK_FALSE(loaded.valid());
        CHECK_FALSE(loaded.set.has_value());  // no partial set is handed out
        REQUIRE(loaded.errorCount() > 0);
        const storage::Problem* first = nullptr;
        for (const auto& pr : loaded.problems)
            if (pr.severity == storage::Problem::Severity::Error) {
                first = &pr;
                break;
            }
        REQUIRE(first);
        CHECK(first->file == p.string());
        CHECK(first->line == e.line);
        CHECK(first->column == e.column);
        CHECK_MESSAGE(first->message.find(e.phrase) != std::string::npos, first->format());
        // The one-line form the CLI prints starts with file:line:col.
        CHECK(first->format().rfind(p.string() + ":" + std::to_string(e.line) + ":" + std::to_string(e.column) + ": error: ", 0) == 0);
    }
    // Every file in the folder is listed, so a new bad file cannot slip in untested.
    size_t jsonFiles = 0;
    for (const auto& f : fs::directory_iterator(kBad)) jsonFiles += f.path().extension() == ".json";
    CHECK(jsonFiles == list.size());
}

TEST_CASE("bad input: every corpus file goes through every loader without a crash or partial state") {
    auto files = corpusFiles();
    REQUIRE(files.size() >= 40);
    int refusedResults = 0, refusedDrafts = 0, refusedAnswers = 0, settingsNotes = 0;
    for (const auto& p : files) {
        CAPTURE(p.string());
        std::string err;
        auto text = storage::readFile(p, &err);
        REQUIRE(text.has_value());

        storage::LoadedSet set = storage::parseQuestionSet(*text, p.string(), shippedLibrary());
        CHECK(set.valid() == (set.errorCount() == 0));

        storage::AnswersFile answers = storage::parseAnswers(*text, p.string(), workedSet());
        if (!answers.valid()) {
            ++refusedAnswers;
            for (const auto& pr : answers.problems) CHECK(pr.file == p.string());
        }

        core::ResultRecord record;
        std::string why;
        if (!storage::resultFromJson(*text, record, &why)) {
            ++refusedResults;
            CHECK_FALSE(why.empty());
        }
        storage::Draft draft;
        why.clear();
        if (!storage::draftFromJson(*text, draft, &why)) {
            ++refusedDrafts;
            CHECK_FALSE(why.empty());
            CHECK(draft == storage::Draft{});  // nothing half-filled
        }
        storage::SettingsLoad settings = storage::parseSettings(*text, p.string());
        if (!settings.problem.empty()) {
            ++settingsNotes;
            CHECK(settings.problem.find(p.string()) != std::string::npos);
        }
        // Whatever the file said, settings stay usable.
        CHECK(settings.settings.zoom >= 0.5f);
        CHECK(settings.settings.zoom <= 3.0f);
    }
    // None of these files is a result or a draft; nearly all are not answers or settings either.
    CHECK(refusedResults == int(files.size()));
    CHECK(refusedDrafts == int(files.size()));
    CHECK(refusedAnswers == int(files.size()));
    CHECK(settingsNotes >= int(files.size()) - 2);
}

TEST_CASE("bad input: a file over the 16 MiB limit is refused with a clear message, before it is read") {
    TempDir tmp;
    fs::path big = tmp.path / "huge.json";
    makeSparse(big, off_t(storage::kMaxFileBytes) + 1024 * 1024);

    storage::LoadedSet set = storage::loadQuestionSet(big, shippedLibrary());
    CHECK_FALSE(set.valid());
    REQUIRE(set.errorCount() == 1);
    CHECK(set.problems[0].file == big.string());
    CHECK(set.problems[0].message.find("16 MiB limit") != std::string::npos);

    std::string err;
    CHECK_FALSE(storage::ResultStore::loadFile(big, &err));
    CHECK(err.find("16 MiB limit") != std::string::npos);

    storage::SettingsLoad settings = storage::loadSettings(big);
    CHECK(settings.problem.find(big.string()) != std::string::npos);
    CHECK(settings.problem.find("limit") != std::string::npos);
    CHECK(settings.settings.theme == "light");

    // Exactly at the limit is still read (the refusal is about size, not about the file).
    fs::path edge = tmp.path / "edge.json";
    makeSparse(edge, off_t(storage::kMaxFileBytes));
    CHECK(storage::readFile(edge, &err).has_value());
}

TEST_CASE("bad input: a folder where a file is expected is reported, in every loader and in listings") {
    TempDir tmp;
    fs::path dir = tmp.path / "a-set.json";
    fs::create_directories(dir);
    storage::LoadedSet set = storage::loadQuestionSet(dir, shippedLibrary());
    CHECK_FALSE(set.valid());
    REQUIRE(set.errorCount() >= 1);
    CHECK(set.problems[0].file == dir.string());
    CHECK(set.problems[0].message.find("folder") != std::string::npos);

    std::string err;
    CHECK_FALSE(storage::ResultStore::loadFile(dir, &err));
    CHECK(err.find("folder") != std::string::npos);
    CHECK(storage::loadSettings(dir).problem.find("folder") != std::string::npos);

    // In the data folder: a folder named like a result is not a result (the listing leaves it out), and opening it
    // by id says what it is.
    storage::ResultStore store(tmp.path / "results", tmp.path / "trash");
    fs::create_directories(tmp.path / "results" / "20261125T000000Z-odd-0000.json");
    for (const auto& row : store.list()) CHECK_FALSE(row.readable);
    CHECK_FALSE(store.load("20261125T000000Z-odd-0000", &err));
    CHECK(err.find("folder") != std::string::npos);

    storage::DraftStore drafts(tmp.path / "drafts");
    fs::create_directories(tmp.path / "drafts" / "weird.json");
    auto loaded = drafts.load("weird", &err);
    CHECK_FALSE(loaded.has_value());
    CHECK_FALSE(err.empty());
}

TEST_CASE("bad input: a file without read permission names the file and the reason") {
    TempDir tmp;
    fs::permissions(tmp.path, fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
    fs::path locked = tmp.path / "locked.json";
    fs::copy_file(fs::path(REKINDLE_TEST_FIXTURES) / "sets/valid/worked.json", locked);
    fs::permissions(locked, fs::perms::none);
    bool ok = inChild([&] {
        storage::LoadedSet set = storage::loadQuestionSet(locked, shippedLibrary());
        if (set.valid() || set.problems.empty()) return false;
        const auto& p = set.problems[0];
        std::fprintf(stderr, "unreadable: %s\n", p.format().c_str());
        std::string err;
        bool resultRefused = !storage::ResultStore::loadFile(locked, &err) && err.find("ermission") != std::string::npos;
        return p.file == locked.string() && p.message.find("ermission denied") != std::string::npos && resultRefused;
    }, true);
    CHECK(ok);
}

TEST_CASE("bad input: ids and names from files never become paths outside their folder") {
    CHECK(storage::sanitizeFileComponent("../../etc/passwd").find('/') == std::string::npos);
    CHECK(storage::sanitizeFileComponent("../../etc/passwd").rfind('.', 0) != 0);
    CHECK(storage::sanitizeFileComponent("..") != "..");
    CHECK_FALSE(storage::sanitizeFileComponent(std::string("a\0b/c", 5)).empty());
    TempDir tmp;
    storage::DraftStore drafts(tmp.path / "drafts");
    for (const std::string& id : std::vector<std::string>{"../escape", "/etc/passwd", "..", ".hidden", "a/b", std::string("x\0y", 3)}) {
        CAPTURE(id);
        fs::path p = drafts.pathFor(id);
        CHECK(p.parent_path() == tmp.path / "drafts");
    }
    storage::ResultStore store(tmp.path / "results", tmp.path / "trash");
    std::string err;
    CHECK_FALSE(store.load("../../etc/passwd", &err));
    CHECK_FALSE(store.moveToTrash("../outside", &err));
}
