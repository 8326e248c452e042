// Result format round trips, older formats, unknown fields, the result store on disk and the export goldens.
#include <doctest/doctest.h>

#include "test_support.hpp"
#include "../zone_scope.hpp"
#include <sys/stat.h>
#include <fcntl.h>
#include <sys/time.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "core/compare.hpp"
#include "core/scoring.hpp"
#include "core/simulate.hpp"
#include "storage/atomic_file.hpp"
#include "storage/library.hpp"
#include "storage/question_set_json.hpp"
#include "storage/export.hpp"
#include "storage/result_json.hpp"
#include "storage/result_store.hpp"

using namespace rekindle;
namespace fs = std::filesystem;

namespace {

fs::path resultFixture(const std::string& name) { return fs::path(REKINDLE_TEST_FIXTURES) / "results" / name; }

core::ResultRecord readFixture(const std::string& name) {
    std::string error;
    auto r = storage::ResultStore::loadFile(resultFixture(name), &error);
    REQUIRE_MESSAGE(r.has_value(), error);
    return *r;
}

using rekindle::test::TempDir;
using rekindle::test::modeOf;
using rekindle::test::readText;


void writeRaw(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}


core::ResultRecord handMade() {
    core::ResultRecord r;
    r.id = "20261125T221500Z-pulling-away-7f3a";
    r.createdAt = "2026-11-25T22:05:00Z";
    r.completedAt = "2026-11-25T22:15:00Z";
    r.appVersion = "0.1.0";
    r.setId = "pulling-away";
    r.setVersion = "1.2.0";
    r.setHash = "sha256:0123";
    r.setTitle = "Why are they pulling away?";
    r.questionIds = {"who", "signals", "talk", "sleep", "free"};
    core::Answer choice;
    choice.kind = core::Answer::Kind::Choice;
    choice.choice = "partner";
    core::Answer many;
    many.kind = core::Answer::Kind::Choices;
    many.choices = {"quiet", "busy"};
    core::Answer number;
    number.kind = core::Answer::Kind::Number;
    number.number = 3.25;
    core::Answer text;
    text.kind = core::Answer::Kind::Text;
    text.text = "Ünïcode, \"quotes\" and a\nnew line";
    r.answers = {{"who", choice}, {"signals", many}, {"sleep", number}, {"free", text}};
    r.answerLabels["who"] = {"Who is pulling away?", "My partner"};
    r.notes = {{"note", "after the holiday"}, {"us", "I listened more"}};
    core::DimensionRecord d;
    d.id = "closeness";
    d.label = "Closeness";
    d.raw = 2.0 / 3.0;
    d.max = 3;
    d.percent = 200.0 / 9.0;
    d.band = 0;
    d.bandLabel = "Low";
    d.interpretation = "Distance is high right now.";
    d.meaningfulChange = 7.5;
    d.questionsTargeting = 3;
    d.questionsAnswered = 2;
    d.bands = {{0, 40, "Low"}, {40, 100, "Higher"}};
    d.contributions = {{"talk", "Rarely (2 of 5)", 3, true, 2.0 / 3.0, 3}};
    r.dimensions.push_back(d);
    core::DimensionRecord thin;
    thin.id = "support";
    thin.label = "Support";
    thin.enoughAnswers = false;
    r.dimensions.push_back(thin);
    core::TipRecord t;
    t.id = "listen-first";
    t.title = "Listen first";
    t.relevance = 81.25;
    t.rank = 1;
    t.contributions = {{"signals", "Quiet, Busy", 2, false, 1.5, 2}};
    r.tips.push_back(t);
    core::TipRecord s;
    s.id = "give-space";
    s.title = "Give space";
    s.suppressed = true;
    s.suppressedBy = "fear";
    r.tips.push_back(s);
    r.safety.push_back({"fear", "feeling-unsafe", "Your safety comes first.", {"give-space"}});
    r.topTips = 2;
    r.visibleQuestions = 5;
    r.answeredQuestions = 4;
    return r;
}

}  // namespace

TEST_CASE("result JSON round trip keeps every field") {
    core::ResultRecord r = handMade();
    std::string json = storage::resultToJson(r);
    core::ResultRecord back;
    std::string error;
    REQUIRE_MESSAGE(storage::resultFromJson(json, back, &error), error);
    CHECK(back == r);
    CHECK(storage::resultToJson(back) == json);  // deterministic: a second write is byte-identical
    CHECK(json.find("\"format\": \"rekindle.result/1\"") != std::string::npos);

    core::ResultRecord changed = back;
    changed.dimensions[0].contributions[0].points = 1;
    CHECK_FALSE(changed == r);  // the equality really looks into contributions
}

TEST_CASE("fixtures of format 1 read, and re-write to the same record") {
    for (const char* name : {"v1-check-in-1.json", "v1-check-in-2.json", "v1-check-in-3-newer-version.json"}) {
        CAPTURE(name);
        core::ResultRecord r = readFixture(name);
        CHECK(r.formatVersion == 1);
        CHECK(r.setId == "check-in-demo");
        core::ResultRecord again;
        REQUIRE(storage::resultFromJson(storage::resultToJson(r), again));
        CHECK(again == r);
    }
    core::ResultRecord r1 = readFixture("v1-check-in-1.json");
    CHECK(r1.createdAt == "2026-10-01T19:52:10Z");
    CHECK(r1.answers.at("q-talk").kind == core::Answer::Kind::Number);
    CHECK(r1.answers.at("q-talk").number == 2);
    CHECK(r1.answers.at("q-note").kind == core::Answer::Kind::Text);
    CHECK(r1.topTip()->id == "listen-first");
    CHECK(r1.findDimension("strain")->meaningfulChange == 15);
}

TEST_CASE("unknown fields survive a read and re-write") {
    core::ResultRecord r = readFixture("v1-unknown-fields.json");
    CHECK_FALSE(r.extra.empty());
    auto out = nlohmann::json::parse(storage::resultToJson(r));
    CHECK(out["mood"]["emoji"] == "calm");
    CHECK(out["mood"]["scale"].size() == 3);
    CHECK(out["dimensions"][0]["trendHint"] == "up");
    CHECK(out["tips"][0]["pinned"] == true);
    CHECK_FALSE(out["dimensions"][1].contains("trendHint"));
    // Known fields win over an extra of the same name, so an edited record is never shadowed by stale extras.
    r.extra = R"({"setTitle":"x","id":"shadow","mood":1})";
    auto shadow = nlohmann::json::parse(storage::resultToJson(r));
    CHECK(shadow["id"] == r.id);
    CHECK(shadow["mood"] == 1);
}

TEST_CASE("format 0 (pre-release) results are read and upgraded") {
    core::ResultRecord r = readFixture("v0-check-in.json");
    CHECK(r.formatVersion == 0);
    CHECK(r.id == "20260915T180000Z-check-in-demo-beef");
    CHECK(r.completedAt == "2026-09-15T18:00:00Z");
    CHECK(r.createdAt == r.completedAt);
    CHECK(r.setId == "check-in-demo");
    CHECK(r.setVersion == "0.9.0");
    CHECK(r.notes.at("note") == "First try, before the release.");
    REQUIRE(r.dimensions.size() == 2);
    CHECK(r.findDimension("closeness")->percent == 25.0);
    CHECK(r.findDimension("strain")->bandLabel == "High");
    REQUIRE(r.tips.size() == 3);
    CHECK(r.topTip()->id == "slow-down");
    CHECK(r.findTip("own-support")->rank == 3);
    CHECK(r.extra.find("device") != std::string::npos);
    // Re-written as the current format, still carrying the field it did not know.
    auto out = nlohmann::json::parse(storage::resultToJson(r));
    CHECK(out["format"] == "rekindle.result/1");
    CHECK(out["device"] == "laptop");
}

TEST_CASE("bad result files give a reason with the place") {
    core::ResultRecord r;
    std::string error;
    CHECK_FALSE(storage::resultFromJson("{\n  \"format\": \"rekindle.result/1\",\n  \"id\": }", r, &error));
    CHECK(error.find("line 3, column") != std::string::npos);

    std::string good = readText(resultFixture("v1-check-in-1.json"));
    auto j = nlohmann::json::parse(good);
    j["dimensions"][1]["percent"] = "sixty";
    CHECK_FALSE(storage::resultFromJson(j.dump(), r, &error));
    CHECK(error == "/dimensions/1/percent: expected a number");

    j = nlohmann::json::parse(good);
    j["format"] = "rekindle.result/2";
    CHECK_FALSE(storage::resultFromJson(j.dump(), r, &error));
    CHECK(error.find("version 2 is not supported") != std::string::npos);

    j = nlohmann::json::parse(good);
    j.erase("completedAt");
    CHECK_FALSE(storage::resultFromJson(j.dump(), r, &error));
    CHECK(error == "/completedAt: missing; it is required");

    CHECK_FALSE(storage::resultFromJson("[1, 2]", r, &error));
    CHECK(error.find("expected a JSON object") != std::string::npos);
    CHECK_FALSE(storage::resultFromJson("", r, &error));
    CHECK(error.find("not valid JSON") != std::string::npos);
}

TEST_CASE("rfc3339Utc formats UTC with seconds") {
    CHECK(storage::rfc3339Utc(0) == "1970-01-01T00:00:00Z");
    CHECK(storage::rfc3339Utc(1795644900) == "2026-11-25T22:15:00Z");
    CHECK(std::regex_match(storage::nowRfc3339(), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
}

TEST_CASE("result ids come from the time and a file-safe set id") {
    std::string id = storage::makeResultId("2026-11-25T22:15:00Z", "pulling-away");
    CHECK(std::regex_match(id, std::regex(R"(20261125T221500Z-pulling-away-[0-9a-f]{4})")));
    std::string odd = storage::makeResultId("2026-11-25T22:15:00Z", "../../Etc/Passwd");
    CHECK(odd.find('/') == std::string::npos);
    CHECK(std::regex_match(odd, std::regex(R"(20261125T221500Z-etc-passwd-[0-9a-f]{4})")));
}

TEST_CASE("store saves new files 0600 in 0700 folders and never overwrites") {
    TempDir tmp;
    storage::ResultStore store(tmp.path / "data" / "results", tmp.path / "data" / "trash");
    core::ResultRecord r = handMade();
    r.id.clear();
    r.appVersion.clear();
    std::string error;
    fs::path saved;
    REQUIRE_MESSAGE(store.save(r, &error, &saved), error);
    CHECK(std::regex_match(r.id, std::regex(R"(20261125T221500Z-pulling-away-[0-9a-f]{4})")));
    CHECK(saved == store.resultsDir() / (r.id + ".json"));
    CHECK(r.appVersion == REKINDLE_VERSION);
    CHECK(modeOf(saved) == 0600);
    CHECK(modeOf(store.resultsDir()) == 0700);
    CHECK(modeOf(tmp.path / "data") == 0700);
    auto loaded = store.load(r.id, &error);
    REQUIRE_MESSAGE(loaded.has_value(), error);
    CHECK(*loaded == r);

    // Same explicit id again: refused, and the saved file is untouched.
    std::string before = readText(saved);
    core::ResultRecord clash = r;
    clash.notes["note"] = "a different note";
    CHECK_FALSE(store.save(clash, &error));
    CHECK(error.find("never overwritten") != std::string::npos);
    CHECK(readText(saved) == before);

    // Generated ids never collide: the same second and set gives a second file.
    core::ResultRecord twin = handMade();
    twin.id.clear();
    REQUIRE(store.save(twin, &error));
    CHECK(twin.id != r.id);
    CHECK(store.list().size() == 2);

    core::ResultRecord bad = handMade();
    bad.id = "../escape";
    CHECK_FALSE(store.save(bad, &error));
    CHECK_FALSE(fs::exists(tmp.path / "data" / "escape.json"));
    CHECK_FALSE(store.load("../results/x", &error).has_value());
    CHECK(error.find("not a valid result id") != std::string::npos);
    // No temp files left behind.
    for (auto& e : fs::directory_iterator(store.resultsDir()))
        CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("listing shows corrupt files next to good ones, newest first") {
    TempDir tmp;
    storage::ResultStore store(tmp.path / "results", tmp.path / "trash");
    fs::create_directories(store.resultsDir());
    for (const char* name : {"v1-check-in-1.json", "v1-check-in-2.json", "v1-check-in-3-newer-version.json", "v0-check-in.json"})
        fs::copy_file(resultFixture(name), store.resultsDir() / (readFixture(name).id + ".json"));
    writeRaw(store.resultsDir() / "20261105T000000Z-check-in-demo-dead.json", "{\"format\": \"rekindle.result/1\", \"id\": ");
    writeRaw(store.resultsDir() / "20261106T000000Z-check-in-demo-0000.json", "");
    writeRaw(store.resultsDir() / "notes-from-elsewhere.json", "{\"format\": \"something-else/3\"}");
    writeRaw(store.resultsDir() / "readme.txt", "not a result");  // ignored: not .json
    writeRaw(store.resultsDir() / "x.json.tmp-1-2", "{");            // ignored: an interrupted write
    fs::create_directory(store.resultsDir() / "folder.json");        // ignored: not a regular file

    auto rows = store.list();
    REQUIRE(rows.size() == 7);
    int unreadable = 0;
    for (const auto& s : rows) {
        CAPTURE(s.fileName);
        if (!s.readable) {
            ++unreadable;
            CHECK_FALSE(s.error.empty());
        }
    }
    CHECK(unreadable == 3);
    // Readable ones newest first.
    std::vector<std::string> readableIds;
    for (const auto& s : rows)
        if (s.readable) readableIds.push_back(s.id);
    CHECK(readableIds == std::vector<std::string>{"20261120T200000Z-check-in-demo-4e5f", "20261101T200000Z-check-in-demo-2c3d",
                                                  "20261001T200000Z-check-in-demo-0a1b", "20260915T180000Z-check-in-demo-beef"});
    const storage::ResultSummary* truncated = nullptr;
    for (const auto& s : rows)
        if (s.id == "20261105T000000Z-check-in-demo-dead") truncated = &s;
    REQUIRE(truncated != nullptr);
    CHECK_FALSE(truncated->readable);
    CHECK(truncated->error.find("line 1, column") != std::string::npos);

    for (const auto& s : rows)
        if (s.id == "20261101T200000Z-check-in-demo-2c3d") {
            CHECK(s.setTitle == "Demo check-in");
            CHECK(s.topTipTitle == "Notice small good moments");
            REQUIRE(s.dimensions.size() == 3);
            CHECK(s.dimensions[0].label == "Closeness");
            CHECK(s.dimensions[0].percent == 55.0);
            CHECK(s.notesContain("WALKED together"));
            CHECK(s.notesContain("interrupted"));
            CHECK_FALSE(s.notesContain("car"));
        }

    // loadAll: readable ones oldest first, unreadable reported, none hidden.
    std::vector<storage::ResultSummary> bad;
    auto all = store.loadAll("check-in-demo", &bad);
    CHECK(all.size() == 4);
    CHECK(all.front().id == "20260915T180000Z-check-in-demo-beef");
    CHECK(bad.size() == 3);

    // The set filter keeps unreadable files visible: they might belong to the set.
    CHECK(store.list("no-such-set").size() == 3);
}

TEST_CASE("the listing index is reused for unchanged files and refreshed for changed ones") {
    TempDir tmp;
    storage::ResultStore store(tmp.path / "results", tmp.path / "trash");
    fs::create_directories(store.resultsDir());
    fs::path file = store.resultsDir() / "20261001T200000Z-check-in-demo-0a1b.json";
    fs::copy_file(resultFixture("v1-check-in-1.json"), file);
    REQUIRE(store.list().front().readable);
    REQUIRE(fs::exists(store.indexFile()));
    CHECK(modeOf(store.indexFile()) == 0600);

    // Damage the file but keep its size and modification time: the cached summary is used, so no parse happened.
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    std::string same(size_t(st.st_size), ' ');
    writeRaw(file, same);
    struct timespec times[2] = {st.st_atim, st.st_mtim};
    REQUIRE(::utimensat(AT_FDCWD, file.c_str(), times, 0) == 0);
    CHECK(store.list().front().readable);

    // A new modification time makes the entry stale: the file is read again and shows as unreadable.
    struct timespec later[2] = {st.st_atim, {st.st_mtim.tv_sec + 5, 0}};
    REQUIRE(::utimensat(AT_FDCWD, file.c_str(), later, 0) == 0);
    auto rows = store.list();
    REQUIRE(rows.size() == 1);
    CHECK_FALSE(rows.front().readable);

    // A damaged index is ignored and rebuilt.
    writeRaw(store.indexFile(), "{ nonsense");
    rows = store.list();
    REQUIRE(rows.size() == 1);
    CHECK_FALSE(rows.front().readable);
    CHECK(readText(store.indexFile()).rfind("rekindle.result-index/2\n", 0) == 0);
}

TEST_CASE("summaries read from the index equal the ones read from the files") {
    TempDir tmp;
    storage::ResultStore store(tmp.path / "results", tmp.path / "trash");
    core::ResultRecord r = handMade();
    r.notes["note"] = "tabs\there, a back\\slash,\nnew lines\r\nand \\t not a tab";
    r.setTitle = "Title\twith tab";
    std::string error;
    REQUIRE(store.save(r, &error));
    fs::create_directories(store.resultsDir());
    writeRaw(store.resultsDir() / "broken.json", "{\n\t\"x\": ");
    auto fresh = store.list();  // parses the files and writes the index
    auto cached = store.list();  // reads the index only
    REQUIRE(fresh.size() == 2);
    REQUIRE(cached.size() == 2);
    for (size_t i = 0; i < 2; ++i) {
        CAPTURE(fresh[i].fileName);
        CHECK(cached[i].readable == fresh[i].readable);
        CHECK(cached[i].error == fresh[i].error);
        CHECK(cached[i].completedAt == fresh[i].completedAt);
        CHECK(cached[i].notesText == fresh[i].notesText);
        CHECK(cached[i].setTitle == fresh[i].setTitle);
        CHECK(cached[i].topTipTitle == fresh[i].topTipTitle);
        CHECK(cached[i].safetyFlag == fresh[i].safetyFlag);
        REQUIRE(cached[i].dimensions.size() == fresh[i].dimensions.size());
        for (size_t d = 0; d < fresh[i].dimensions.size(); ++d) {
            CHECK(cached[i].dimensions[d].percent == fresh[i].dimensions[d].percent);  // exact, not rounded
            CHECK(cached[i].dimensions[d].label == fresh[i].dimensions[d].label);
            CHECK(cached[i].dimensions[d].enoughAnswers == fresh[i].dimensions[d].enoughAnswers);
        }
    }
    const auto& good = fresh[0].readable ? fresh[0] : fresh[1];
    CHECK(good.notesText == r.notesText());
    CHECK(good.dimensions[0].percent == 200.0 / 9.0);
}

TEST_CASE("delete moves the file to the trash") {
    TempDir tmp;
    storage::ResultStore store(tmp.path / "results", tmp.path / "trash");
    core::ResultRecord a = readFixture("v1-check-in-1.json");
    core::ResultRecord b = readFixture("v1-check-in-2.json");
    std::string error;
    REQUIRE(store.save(a, &error));
    REQUIRE(store.save(b, &error));
    REQUIRE(store.list().size() == 2);
    REQUIRE_MESSAGE(store.moveToTrash(a.id, &error), error);
    auto rows = store.list();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].id == b.id);
    CHECK(fs::exists(store.trashDir() / (a.id + ".json")));
    CHECK(modeOf(store.trashDir()) == 0700);
    // Same id deleted twice (saved again in between): the first trashed copy is kept.
    REQUIRE(store.save(a, &error));
    REQUIRE(store.moveToTrash(a.id, &error));
    CHECK(fs::exists(store.trashDir() / (a.id + "-2.json")));
    CHECK_FALSE(store.moveToTrash(a.id, &error));
    CHECK(error.find("no result") != std::string::npos);
    CHECK_FALSE(store.moveToTrash("../trash/x", &error));
}

TEST_CASE("previousOf finds the take before, of the same set") {
    TempDir tmp;
    storage::ResultStore store(tmp.path / "results", tmp.path / "trash");
    std::string error;
    for (const char* name : {"v1-check-in-1.json", "v1-check-in-2.json", "v1-check-in-3-newer-version.json"}) {
        core::ResultRecord r = readFixture(name);
        REQUIRE(store.save(r, &error));
    }
    core::ResultRecord other = handMade();
    other.completedAt = "2026-11-10T00:00:00Z";
    REQUIRE(store.save(other, &error));
    auto prev = store.previousOf(readFixture("v1-check-in-3-newer-version.json"));
    REQUIRE(prev.has_value());
    CHECK(prev->id == "20261101T200000Z-check-in-demo-2c3d");
    CHECK_FALSE(store.previousOf(readFixture("v1-check-in-1.json")).has_value());
    // A take that is scored but not saved yet, finished in the same second as the newest saved one.
    core::ResultRecord unsaved = readFixture("v1-check-in-3-newer-version.json");
    unsaved.id.clear();
    prev = store.previousOf(unsaved);
    REQUIRE(prev.has_value());
    CHECK(prev->id == "20261120T200000Z-check-in-demo-4e5f");
}

TEST_CASE("CSV and Markdown exports match the golden files byte for byte") {
    std::vector<core::ResultRecord> rs = {readFixture("v1-check-in-1.json"), readFixture("v1-check-in-2.json"),
                                          readFixture("v1-check-in-3-newer-version.json")};
    fs::path golden = fs::path(REKINDLE_TEST_FIXTURES) / "golden";
    ZoneScope zone("UTC");  // the report gives local times; the golden file was made in UTC
    CHECK(storage::exportCsv(rs) == readText(golden / "check-in.csv"));
    CHECK(storage::exportMarkdown(rs) == readText(golden / "check-in.md"));
    CHECK(storage::exportMarkdown(rs).find(storage::kNotTherapyLine) != std::string::npos);

    // JSON export holds each result in the result format, readable again.
    auto j = nlohmann::json::parse(storage::exportJson(rs));
    CHECK(j["format"] == "rekindle.export/1");
    REQUIRE(j["results"].size() == 3);
    core::ResultRecord back;
    REQUIRE(storage::resultFromJson(j["results"][1].dump(), back));
    CHECK(back == rs[1]);
}

TEST_CASE("CSV quotes separators and defuses formulas") {
    core::ResultRecord r = handMade();
    r.notes = {{"note", "=HYPERLINK(\"x\"), then, more"}};
    std::string csv = storage::exportCsv({r});
    CHECK(csv.find("\"'=HYPERLINK(\"\"x\"\"), then, more\"") != std::string::npos);
    // Not enough answers and suppressed tips leave their cells empty.
    CHECK(csv.find(",22.2,,81.2,,") != std::string::npos);
}

TEST_CASE("a scored take of a shipped set saves, lists, reloads and compares") {
    fs::path root = REKINDLE_TEST_SOURCE_DIR;
    storage::Library library = storage::loadLibrary(root / "assets");
    storage::LoadedSet loaded = storage::loadQuestionSet(root / "questionnaires" / "weekly-check-in.json", library);
    REQUIRE_MESSAGE(loaded.valid(), loaded.errorCount());
    const core::QuestionSet& set = *loaded.set;

    core::Answers low = core::firstChoiceAnswers(set);
    core::Answers high = core::lastChoiceAnswers(set);
    core::ScoreResult lowScore = core::score(set, low);
    core::ScoreResult highScore = core::score(set, high);
    core::ResultRecord first = core::makeResult(set, low, {{"note", "first week"}}, lowScore, "2026-11-01T10:00:00Z", "",
                                                "2026-11-01T09:55:00Z");
    core::ResultRecord second = core::makeResult(set, high, {}, highScore, "2026-11-08T10:00:00Z", "");

    // The record snapshots what compare and trends need.
    CHECK(first.setId == set.id);
    CHECK(first.setVersion == set.version);
    CHECK(first.setHash == set.contentHash);
    CHECK(first.createdAt == "2026-11-01T09:55:00Z");
    CHECK(first.questionIds.size() == set.questionCount());
    REQUIRE(first.dimensions.size() == set.dimensions.size());
    for (size_t i = 0; i < set.dimensions.size(); ++i) {
        CHECK(first.dimensions[i].label == set.dimensions[i].label);
        CHECK(first.dimensions[i].meaningfulChange == set.dimensions[i].meaningfulChange);
        CHECK(first.dimensions[i].bands.size() == set.dimensions[i].bands.size());
        CHECK(first.dimensions[i].percent == lowScore.dimensions[i].percent);
    }
    CHECK(first.tips.size() == lowScore.tips.size());
    for (const auto& [qid, label] : first.answerLabels) {
        CHECK(first.answers.count(qid) == 1);
        CHECK_FALSE(label.answer.empty());
    }

    TempDir tmp;
    storage::ResultStore store(tmp.path / "results", tmp.path / "trash");
    std::string error;
    REQUIRE_MESSAGE(store.save(first, &error), error);
    REQUIRE_MESSAGE(store.save(second, &error), error);
    auto rows = store.list(set.id);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].id == second.id);
    auto back = store.load(first.id, &error);
    REQUIRE(back.has_value());
    CHECK(*back == first);

    auto prev = store.previousOf(second);
    REQUIRE(prev.has_value());
    core::Comparison c = core::compareResults(*prev, second);
    REQUIRE(c.ok);
    CHECK(c.sameVersion);
    CHECK(c.dimensions.size() == set.dimensions.size());
    // Lowest against highest answers: every dimension with answers on both sides moved, most of them a lot.
    for (const auto& d : c.dimensions) {
        CAPTURE(d.id);
        if (!d.comparable) continue;
        CHECK(d.meaningful == (std::abs(d.delta) + 1e-9 >= d.threshold));
    }
    CHECK(c.meaningfulCount() > 0);
    CHECK_FALSE(c.answersChanged.empty());
}
