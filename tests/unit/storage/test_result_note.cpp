// The note sidecar (rekindle.note/1): a note added or changed after saving is written beside the result, never into
// it; History lists and searches it; delete takes it to the trash; a protected folder seals it.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "storage/crypto/keyring.hpp"
#include "storage/crypto/protection.hpp"
#include "storage/result_note.hpp"
#include "storage/result_store.hpp"
#include "test_support.hpp"

using namespace rekindle;
namespace fs = std::filesystem;
using rekindle::test::modeOf;
using rekindle::test::readText;
using rekindle::test::TempDir;

namespace {

fs::path fixtures() { return fs::path(REKINDLE_TEST_FIXTURES); }

std::string rawBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct Store {
    TempDir dir{"rekindle-note"};
    storage::Paths paths;
    std::string id;
    Store() {
        paths.dataDir = dir.path / "data";
        paths.configDir = dir.path / "data" / "config";
        std::string error;
        auto r = storage::ResultStore::loadFile(fixtures() / "results" / "v1-check-in-2.json", &error);
        REQUIRE_MESSAGE(r.has_value(), error);
        REQUIRE_MESSAGE(store().save(*r, &error), error);
        id = r->id;
    }
    storage::ResultStore store() const { return storage::ResultStore(paths); }
    fs::path resultFile() const { return paths.resultsDir() / (id + ".json"); }
};

}  // namespace

TEST_CASE("note file format 1: the fixture reads, and a newer version is refused by name") {
    storage::ResultNote n;
    std::string error;
    REQUIRE_MESSAGE(storage::noteFromJson(readText(fixtures() / "notes" / "20261101T200000Z-check-in-demo-2c3d.note.json"), n, &error), error);
    CHECK(n.resultId == "20261101T200000Z-check-in-demo-2c3d");
    CHECK(n.updatedAt == "2026-11-03T08:30:00Z");
    CHECK(n.note == "Added two days later: the walk on Sunday was his idea.");
    // What we write reads back the same.
    storage::ResultNote again;
    REQUIRE(storage::noteFromJson(storage::noteToJson(n), again, &error));
    CHECK(again.note == n.note);
    CHECK(again.resultId == n.resultId);
    CHECK_FALSE(storage::noteFromJson(R"({"format": "rekindle.note/2", "note": "x"})", again, &error));
    CHECK(error.find("rekindle.note/2 is not supported") != std::string::npos);
    CHECK_FALSE(storage::noteFromJson(R"({"format": "rekindle.note/1"})", again, &error));
    CHECK(error.find("/note") != std::string::npos);
    CHECK(storage::notePathFor("/x/r/abc.json") == fs::path("/x/r/abc.note.json"));
}

TEST_CASE("a note added after saving goes beside the result, which stays byte for byte as saved") {
    Store s;
    std::string before = rawBytes(s.resultFile());
    std::string error;
    REQUIRE_MESSAGE(s.store().saveNote(s.id, "Later: it was his idea to walk.", &error), error);
    fs::path note = storage::notePathFor(s.resultFile());
    REQUIRE(fs::exists(note));
    CHECK(modeOf(note) == 0600);
    CHECK(rawBytes(s.resultFile()) == before);
    auto loaded = s.store().load(s.id, &error);
    REQUIRE(loaded);
    CHECK(loaded->notes.at("note") == "Later: it was his idea to walk.");
    // History: still one result (the note file is not a result), and the search finds the new note.
    auto rows = s.store().list();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].notesContain("his idea"));
    // Changed again: the cached listing notices and shows the newest words.
    REQUIRE(s.store().saveNote(s.id, "Changed my mind about the walk.", &error));
    rows = s.store().list();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].notesContain("changed my mind"));
    CHECK_FALSE(rows[0].notesContain("his idea"));
    CHECK(s.store().indexDrift().any() == false);
    // Cleared: the note saved in the result is hidden too, as the person asked.
    REQUIRE(s.store().saveNote(s.id, "", &error));
    loaded = s.store().load(s.id, &error);
    REQUIRE(loaded);
    CHECK(loaded->notes.count("note") == 0);
    CHECK(rawBytes(s.resultFile()) == before);
}

TEST_CASE("a note is only written for a result that exists, and goes to the trash with it") {
    Store s;
    std::string error;
    CHECK_FALSE(s.store().saveNote("20990101T000000Z-nothing-0000", "x", &error));
    CHECK(error.find("no result") != std::string::npos);
    CHECK_FALSE(s.store().saveNote("../escape", "x", &error));
    REQUIRE(s.store().saveNote(s.id, "Keep this with it.", &error));
    REQUIRE(s.store().moveToTrash(s.id, &error));
    CHECK_FALSE(fs::exists(storage::notePathFor(s.resultFile())));
    fs::path trashed = s.paths.trashDir() / (s.id + ".note.json");
    REQUIRE(fs::exists(trashed));
    CHECK(readText(trashed).find("Keep this with it.") != std::string::npos);
    CHECK(s.store().list().empty());
}

TEST_CASE("a damaged note file never hides the result: it opens with the note it was saved with") {
    Store s;
    std::ofstream(storage::notePathFor(s.resultFile())) << "{ not json";
    std::string error;
    auto loaded = s.store().load(s.id, &error);
    REQUIRE(loaded);
    CHECK(loaded->notes.at("note").find("We walked together twice") == 0);
    REQUIRE(s.store().list().size() == 1);
    CHECK(s.store().list()[0].readable);
}

TEST_CASE("in a protected folder the note file is sealed like the result") {
    Store s;
    storage::ConversionReport report;
    storage::SecretBytes pass("pass phrase one", 15);
    REQUIRE_MESSAGE(storage::protectFolder(s.paths.dataDir, pass, storage::minimalKdfLimits(), report), report.error);
    std::string error;
    REQUIRE_MESSAGE(s.store().saveNote(s.id, "secret-later-note about the flat", &error), error);
    CHECK(rawBytes(storage::notePathFor(s.resultFile())).find("secret-later-note") == std::string::npos);
    auto loaded = s.store().load(s.id, &error);
    REQUIRE_MESSAGE(loaded, error);
    CHECK(loaded->notes.at("note") == "secret-later-note about the flat");
    storage::lockFolder(s.paths.dataDir);
    CHECK_FALSE(s.store().saveNote(s.id, "written while locked", &error));
    CHECK(rawBytes(storage::notePathFor(s.resultFile())).find("written while locked") == std::string::npos);
}
