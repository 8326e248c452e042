// settings.json's lock options: read, bounded, written back; and the draft store's read-only mode.
#include <doctest/doctest.h>

#include "storage/draft_store.hpp"
#include "storage/settings.hpp"
#include "test_support.hpp"

using namespace rekindle;

TEST_CASE("settings: idle-lock minutes and lock on quick-hide read, bounded and written back") {
    auto defaults = storage::parseSettings("{}", "settings.json");
    CHECK(defaults.settings.idleLockMinutes == 10);
    CHECK(defaults.settings.lockOnHide);
    auto read = storage::parseSettings("{\"idleLockMinutes\": 0, \"lockOnHide\": false}", "settings.json");
    CHECK(read.problem.empty());
    CHECK(read.settings.idleLockMinutes == 0);
    CHECK_FALSE(read.settings.lockOnHide);
    auto again = storage::parseSettings(storage::settingsToJson(read.settings), "settings.json");
    CHECK(again.settings.idleLockMinutes == 0);
    CHECK_FALSE(again.settings.lockOnHide);
    for (const char* bad : {"-1", "1441", "2.5", "\"ten\""}) {
        CAPTURE(bad);
        auto s = storage::parseSettings(std::string("{\"idleLockMinutes\": ") + bad + "}", "settings.json");
        CHECK(s.settings.idleLockMinutes == 10);
        CHECK(s.problem.find("/idleLockMinutes") != std::string::npos);
    }
}

TEST_CASE("drafts: a read-only store refuses to save, remove or move it to the trash, and leaves the file as it was") {
    test::TempDir tmp;
    storage::DraftStore writer(tmp.path / "drafts");
    storage::Draft d;
    d.setId = "weekly-check-in";
    d.answers["q1"] = core::Answer::ofNumber(2);
    REQUIRE(writer.save(d));
    std::string before = *storage::readFile(writer.pathFor(d.setId));
    storage::DraftStore reader(tmp.path / "drafts");
    reader.setReadOnly(true);
    storage::Draft other = d;
    other.answers["q1"] = core::Answer::ofNumber(5);
    std::string err;
    CHECK_FALSE(reader.save(other, &err));
    CHECK(err.find("read-only") != std::string::npos);
    CHECK_FALSE(reader.remove(d.setId, &err));
    CHECK(reader.moveToTrash(d.setId, tmp.path / "trash", &err).empty());
    CHECK(err.find("read-only") != std::string::npos);
    CHECK(*storage::readFile(writer.pathFor(d.setId)) == before);
    CHECK(reader.load(d.setId));  // reading still works
}
