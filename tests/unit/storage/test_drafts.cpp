// Drafts: round trip with every answer kind, atomic replace, listing with a corrupt draft, and safe file names.
#include <doctest/doctest.h>

#include "test_support.hpp"
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "storage/atomic_file.hpp"
#include "storage/draft_store.hpp"

using namespace rekindle;
namespace fs = std::filesystem;

namespace {

using rekindle::test::TempDir;
using rekindle::test::modeOf;
using rekindle::test::readText;

storage::Draft sample(const std::string& setId) {
    storage::Draft d;
    d.setId = setId;
    d.setVersion = "1.0.0";
    d.setHash = "sha256:abcd";
    d.setPath = "/usr/share/rekindle/questionnaires/" + setId + ".json";
    d.startedAt = "2026-11-25T21:00:00Z";
    core::Answer likert;
    likert.kind = core::Answer::Kind::Number;
    likert.number = 4;
    core::Answer slider;
    slider.kind = core::Answer::Kind::Number;
    slider.number = 6.5;
    core::Answer pick;
    pick.kind = core::Answer::Kind::Choice;
    pick.choice = "dont-know";
    core::Answer picks;
    picks.kind = core::Answer::Kind::Choices;
    picks.choices = {"work", "grief"};
    core::Answer text;
    text.kind = core::Answer::Kind::Text;
    text.text = "line one\nline \"two\"";
    d.answers = {{"q1", likert}, {"q2", slider}, {"q3", pick}, {"q4", picks}, {"q5", text}};
    d.notes = {{"note", "half way"}, {"signals", "they seem tired"}};
    d.position = 5;
    d.currentQuestion = "q6";
    return d;
}


}  // namespace

TEST_CASE("a draft saves and loads back unchanged") {
    TempDir tmp;
    storage::DraftStore store(tmp.path / "drafts");
    storage::Draft d = sample("pulling-away");
    std::string error;
    REQUIRE_MESSAGE(store.save(d, &error), error);
    CHECK_FALSE(d.updatedAt.empty());
    CHECK(d.startedAt == "2026-11-25T21:00:00Z");
    CHECK(store.exists("pulling-away"));
    CHECK(modeOf(store.pathFor("pulling-away")) == 0600);
    CHECK(modeOf(tmp.path / "drafts") == 0700);
    auto back = store.load("pulling-away", &error);
    REQUIRE_MESSAGE(back.has_value(), error);
    CHECK(*back == d);
    auto j = nlohmann::json::parse(*storage::readFile(store.pathFor("pulling-away")));
    CHECK(j["format"] == "rekindle.draft/1");
    CHECK(j["answers"]["q5"]["text"] == "line one\nline \"two\"");
}

TEST_CASE("saving again replaces the set's one draft") {
    TempDir tmp;
    storage::DraftStore store(tmp.path / "drafts");
    storage::Draft d = sample("weekly-check-in");
    std::string error;
    REQUIRE(store.save(d, &error));
    d.answers.erase("q5");
    d.position = 6;
    REQUIRE(store.save(d, &error));
    auto back = store.load("weekly-check-in");
    REQUIRE(back.has_value());
    CHECK(back->position == 6);
    CHECK_FALSE(back->answers.count("q5"));
    CHECK(store.list().size() == 1);
    size_t files = 0;
    for (auto& e : fs::directory_iterator(tmp.path / "drafts")) {
        (void)e;
        ++files;
    }
    CHECK(files == 1);  // no temp files left
}

TEST_CASE("unknown draft fields are kept") {
    TempDir tmp;
    storage::DraftStore store(tmp.path / "drafts");
    storage::Draft d = sample("pulling-away");
    REQUIRE(store.save(d));
    auto j = nlohmann::json::parse(*storage::readFile(store.pathFor("pulling-away")));
    j["timer"] = {{"seconds", 42}};
    std::ofstream(store.pathFor("pulling-away")) << j.dump();
    auto back = store.load("pulling-away");
    REQUIRE(back.has_value());
    REQUIRE(store.save(*back));
    auto again = nlohmann::json::parse(*storage::readFile(store.pathFor("pulling-away")));
    CHECK(again["timer"]["seconds"] == 42);
}

TEST_CASE("a corrupt draft is reported next to good ones, never fatal") {
    TempDir tmp;
    storage::DraftStore store(tmp.path / "drafts");
    storage::Draft a = sample("pulling-away");
    storage::Draft b = sample("looking-after-yourself");
    REQUIRE(store.save(a));
    REQUIRE(store.save(b));
    std::ofstream(tmp.path / "drafts" / "weekly-check-in.json") << "{\"format\": \"rekindle.draft/1\", \"set\": ";
    std::ofstream(tmp.path / "drafts" / "odd.json") << R"({"format": "rekindle.draft/1", "set": {"id": "odd"}, "position": "five"})";
    auto list = store.list();
    REQUIRE(list.size() == 4);
    int bad = 0;
    for (const auto& e : list) {
        CAPTURE(e.setId);
        if (e.readable) continue;
        ++bad;
        if (e.setId == "weekly-check-in") CHECK(e.error.find("line 1, column") != std::string::npos);
        if (e.setId == "odd") CHECK(e.error == "/position: expected a whole number 0 or more");
    }
    CHECK(bad == 2);
    std::string error;
    CHECK_FALSE(store.load("weekly-check-in", &error).has_value());
    CHECK(error.find("weekly-check-in.json") != std::string::npos);
    CHECK_FALSE(store.load("never-started", &error).has_value());
    CHECK(error.find("cannot open") != std::string::npos);
}

TEST_CASE("draft file names come from sanitised set ids") {
    TempDir tmp;
    storage::DraftStore store(tmp.path / "drafts");
    CHECK(store.pathFor("../../etc/passwd").parent_path() == tmp.path / "drafts");
    storage::Draft d = sample("../outside");
    REQUIRE(store.save(d));
    CHECK_FALSE(fs::exists(tmp.path / "outside.json"));
    CHECK(store.load("../outside").has_value());
}

TEST_CASE("removing a draft") {
    TempDir tmp;
    storage::DraftStore store(tmp.path / "drafts");
    storage::Draft d = sample("pulling-away");
    REQUIRE(store.save(d));
    std::string error;
    CHECK(store.remove("pulling-away", &error));
    CHECK_FALSE(store.exists("pulling-away"));
    CHECK(store.remove("pulling-away", &error));  // nothing left is fine
    CHECK(store.list().empty());
}
