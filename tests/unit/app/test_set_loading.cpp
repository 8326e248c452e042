// The window reads the user's sets on a worker: the built-in sets are there at once, the user's appear only when
// the loop picks the read up (poll), and a change noticed during a read is read again after it.
#include <doctest/doctest.h>

#include "app_support.hpp"

#include <chrono>
#include <future>
#include <optional>
#include <filesystem>
#include <string>
#include <thread>

#include "app/application.hpp"
#include "storage/atomic_file.hpp"

using namespace rekindle;
namespace fs = std::filesystem;

namespace {

using rekindle::test::TempDir;
using rekindle::test::controllerOptions;

void writeUserSet(const TempDir& dir, const std::string& id) {
    std::string text = rekindle::test::templateSetText(id);
    std::string err;
    fs::create_directories(dir.path / "question-sets");
    REQUIRE_MESSAGE(storage::writeFileAtomic(dir.path / "question-sets" / (id + ".json"), text, &err), err);
}

// Polls as the loop does until the read is in (a generous bound: the worker reads two small files).
void pollUntilRead(app::Application& a) {
    for (int i = 0; i < 3000 && a.state().setsLoading; ++i) {
        a.poll();
        if (a.state().setsLoading) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    REQUIRE_FALSE(a.state().setsLoading);
}

}  // namespace

TEST_CASE("sets: the window lists the built-in sets at once and the user's once the worker has read them") {
    TempDir dir;
    writeUserSet(dir, "book-club");
    auto opts = controllerOptions(dir);
    opts.loadSetsInBackground = true;
    app::Application a(opts);
    const app::AppState& st = a.state();

    // Before the loop has polled, nothing from the worker is in the state, whatever it has done meanwhile.
    CHECK(st.setsLoading);
    REQUIRE_FALSE(st.sets.empty());
    for (const auto& e : st.sets) CHECK(e.builtin);
    CHECK(st.findSet("book-club") == nullptr);
    size_t builtinCount = st.sets.size();

    pollUntilRead(a);
    REQUIRE(st.findSet("book-club") != nullptr);
    CHECK_FALSE(st.findSet("book-club")->builtin);
    CHECK(st.sets.size() == builtinCount + 1);
    CHECK(st.sets.front().builtin);  // the built-in sets stay first, in the same order
}

TEST_CASE("sets: without background reading (tests, bench, CLI) every set is there when the constructor returns") {
    TempDir dir;
    writeUserSet(dir, "book-club");
    app::Application a(controllerOptions(dir));
    CHECK_FALSE(a.state().setsLoading);
    CHECK(a.state().findSet("book-club") != nullptr);
}

TEST_CASE("sets: a set saved while a read is under way is read again after it") {
    TempDir dir;
    writeUserSet(dir, "first-set");
    auto opts = controllerOptions(dir);
    opts.loadSetsInBackground = true;
    opts.watchFiles = true;  // the watcher notices the new file and asks for another read
    app::Application a(opts);
    writeUserSet(dir, "second-set");
    // The watcher polls the folder itself; wait until both sets are in, as the window would, redrawing meanwhile.
    const app::AppState& st = a.state();
    for (int i = 0; i < 1000 && !(st.findSet("second-set") && !st.setsLoading); ++i) {
        a.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK(st.findSet("first-set") != nullptr);
    CHECK(st.findSet("second-set") != nullptr);
    CHECK_FALSE(st.setsLoading);
}

TEST_CASE("set loader: one read at a time, and a request made during a read runs after it, its result next") {
    app::SetLoader loader;
    std::promise<void> release;
    std::shared_future<void> gate = release.get_future().share();
    auto entries = [](const char* name) {
        std::vector<app::SetEntry> v(1);
        v[0].loaded.path = name;
        return v;
    };
    loader.start([&](const std::atomic<bool>&) { gate.wait(); return entries("first"); });
    loader.start([&](const std::atomic<bool>&) { return entries("second"); });
    CHECK(loader.busy());
    CHECK_FALSE(loader.take().has_value());  // the first is still held at the gate
    release.set_value();
    std::optional<std::vector<app::SetEntry>> got;
    for (int i = 0; i < 3000 && !got; ++i) {
        got = loader.take();
        if (!got) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    REQUIRE(got.has_value());
    CHECK(got->at(0).loaded.path == "first");
    CHECK(loader.busy());  // the waiting request started as the first was taken
    got.reset();
    for (int i = 0; i < 3000 && !got; ++i) {
        got = loader.take();
        if (!got) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    REQUIRE(got.has_value());
    CHECK(got->at(0).loaded.path == "second");
    CHECK_FALSE(loader.busy());
}
