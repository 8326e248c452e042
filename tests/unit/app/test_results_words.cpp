// What people read about saved results, at the app layer: a note added after saving goes to the note file (the
// result is never rewritten), History's filter names sets by title, a delete names the date and the set, and Home's
// question count is the take's.
#include <doctest/doctest.h>

#include "app_support.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/application.hpp"
#include "storage/result_note.hpp"
#include "storage/result_store.hpp"

using namespace rekindle;
namespace fs = std::filesystem;
using rekindle::test::controllerOptions;
using rekindle::test::TempDir;

namespace {

std::string rawBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Two saved results of the fixture check-in, written before the app starts.
std::vector<std::string> seedResults(const TempDir& dir) {
    storage::Paths paths;
    paths.dataDir = dir.path;
    storage::ResultStore store(paths);
    std::vector<std::string> ids;
    for (const char* name : {"v1-check-in-1.json", "v1-check-in-2.json"}) {
        std::string error;
        auto r = storage::ResultStore::loadFile(fs::path(REKINDLE_TEST_FIXTURES) / "results" / name, &error);
        REQUIRE_MESSAGE(r.has_value(), error);
        REQUIRE_MESSAGE(store.save(*r, &error), error);
        ids.push_back(r->id);
    }
    return ids;
}

}  // namespace

TEST_CASE("results: a note changed after saving goes to the note file, the result file stays as saved") {
    TempDir dir("rekindle-words");
    auto ids = seedResults(dir);
    app::Application a(controllerOptions(dir));
    fs::path file = dir.path / "results" / (ids[1] + ".json");
    std::string before = rawBytes(file);
    a.results().open(ids[1]);
    const app::ResultView& r = a.state().result;
    REQUIRE(r.active);
    REQUIRE(r.saved);
    a.results().setNote(r.note + " And on Sunday he called.");
    CHECK(r.noteStatus == "Note saved.");
    CHECK(r.error.empty());
    CHECK(rawBytes(file) == before);
    REQUIRE(fs::exists(storage::notePathFor(file)));
    // Opened again (from History), the result shows the changed note.
    a.results().open(ids[0]);
    a.results().open(ids[1]);
    CHECK(a.state().result.note.find("And on Sunday he called.") != std::string::npos);
}

TEST_CASE("results: History's filter names sets by title, and a delete names the date and the set") {
    TempDir dir("rekindle-words");
    auto ids = seedResults(dir);
    app::Application a(controllerOptions(dir));
    a.results().loadHistory();
    const app::HistoryView& h = a.state().history;
    REQUIRE(h.setIds == std::vector<std::string>{"check-in-demo"});
    REQUIRE(h.setTitles == std::vector<std::string>{"Demo check-in"});
    a.results().askDelete(ids[1]);
    a.results().confirmDelete();
    CHECK(h.message.find("Demo check-in") != std::string::npos);
    CHECK(h.message.find("1 Nov 2026") != std::string::npos);
    CHECK(h.message.find(ids[1]) == std::string::npos);
    CHECK(h.rows.size() == 1);
}

TEST_CASE("home: the question count is the take's, before and after a draft's answers open follow-ups") {
    TempDir dir("rekindle-words");
    app::Application a(controllerOptions(dir));
    REQUIRE(a.state().findSet("pulling-away") != nullptr);
    a.take().acceptDisclaimer();
    a.take().start("pulling-away");
    const app::TakeState& t = a.state().take;
    int shownByTake = 0;
    for (const auto& s : t.steps) shownByTake += s.kind == app::Step::Kind::Question ? 1 : 0;
    const app::SetEntry* e = a.state().findSet("pulling-away");
    REQUIRE(e != nullptr);
    CHECK(e->shownAtStart == shownByTake);
    CHECK(e->shownAtStart < int(e->set()->questionCount()));  // some questions only follow a concern
}
