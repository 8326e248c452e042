// Commands at the frame boundary: nothing changes while a frame is drawn, commands apply in order afterwards,
// and every command names its set or question by id so a stale one is dropped instead of landing elsewhere.
#include <doctest/doctest.h>

#include "app_support.hpp"

#include <filesystem>
#include <string>

#include "app/application.hpp"

using namespace rekindle;
namespace fs = std::filesystem;
using rekindle::test::TempDir;
using rekindle::test::controllerOptions;

namespace {

const char* kMultiPickSet = REKINDLE_TEST_SOURCE_DIR "/tests/gui/multi_pick_set.json";

app::ControllerOptions withMultiPick(const TempDir& dir) {
    app::ControllerOptions opt = controllerOptions(dir);
    opt.openFile = kMultiPickSet;
    return opt;
}

std::string questionOnScreen(const app::AppState& st) {
    const app::TakeState& t = st.take;
    if (t.step >= t.steps.size() || t.steps[t.step].kind != app::Step::Kind::Question) return {};
    return t.set.sections[t.steps[t.step].section].questions[t.steps[t.step].question].id;
}

}  // namespace

TEST_CASE("commands: queued while drawing, applied in order between frames") {
    TempDir dir("rekindle-cmd");
    app::Application a(withMultiPick(dir));
    REQUIRE(a.state().findSet("multi-pick") != nullptr);
    a.take().acceptDisclaimer();

    a.commands().push(app::cmd::RequestTake{"multi-pick"});
    a.commands().push(app::cmd::PickNumber{"seen", 2});
    // Nothing has happened yet: a screen reading the state during its frame sees it unchanged.
    CHECK(a.state().screen == app::Screen::Home);
    CHECK_FALSE(a.state().take.active);
    CHECK(a.applyCommands());
    CHECK_FALSE(a.applyCommands());  // the queue is empty afterwards

    REQUIRE(a.state().screen == app::Screen::Take);
    REQUIRE(questionOnScreen(a.state()) == "seen");
    CHECK(a.state().take.answers.at("seen") == core::Answer::ofChoices({"beta"}));
}

TEST_CASE("commands: deselecting the last pick of a multiple-choice question removes the answer") {
    TempDir dir("rekindle-cmd");
    app::Application a(withMultiPick(dir));
    a.apply(app::cmd::StartTake{"multi-pick"});
    REQUIRE(questionOnScreen(a.state()) == "seen");
    // The same frame's clicks: pick beta, then pick it again (deselect), then pick gamma.
    a.commands().push(app::cmd::PickNumber{"seen", 2});
    a.commands().push(app::cmd::PickNumber{"seen", 2});
    a.applyCommands();
    CHECK(a.state().take.answers.count("seen") == 0);
    a.commands().push(app::cmd::PickNumber{"seen", 1});
    a.commands().push(app::cmd::PickNumber{"seen", 3});
    a.applyCommands();
    CHECK(a.state().take.answers.at("seen") == core::Answer::ofChoices({"alpha", "gamma"}));
}

TEST_CASE("commands: a pick made for a question no longer on screen is dropped") {
    TempDir dir("rekindle-cmd");
    app::Application a(withMultiPick(dir));
    a.apply(app::cmd::StartTake{"multi-pick"});
    a.apply(app::cmd::PickNumber{"seen", 1});
    // Enter and a click on a tile in the same frame: Next first, so the pick names a question that has gone.
    a.commands().push(app::cmd::Next{});
    a.commands().push(app::cmd::PickNumber{"seen", 3});
    a.applyCommands();
    REQUIRE(questionOnScreen(a.state()) == "warm");
    CHECK(a.state().take.answers.count("warm") == 0);
    CHECK(a.state().take.answers.at("seen") == core::Answer::ofChoices({"alpha"}));
    a.apply(app::cmd::PickNumber{"warm", 3});
    CHECK(a.state().take.answers.at("warm") == core::Answer::ofNumber(3));
}

TEST_CASE("commands: the simulator names its set by id and ignores answers it cannot place") {
    TempDir dir("rekindle-cmd");
    app::Application a(controllerOptions(dir));
    a.apply(app::cmd::SetNewSetName{"first"});
    a.apply(app::cmd::CreateSet{});
    REQUIRE(a.state().findSet("first") != nullptr);
    a.apply(app::cmd::OpenSimulator{"first"});
    REQUIRE(a.state().screen == app::Screen::Simulator);
    CHECK(a.state().simulator.setId == "first");
    CHECK(a.state().simulator.mode == "first");

    // A question the set does not have: ignored, nothing indexed out of range.
    auto before = a.state().simulator.answers;
    a.apply(app::cmd::SimulateAnswer{"no-such-question", core::Answer::ofNumber(1)});
    CHECK(a.state().simulator.answers == before);
    CHECK(a.state().simulator.mode == "first");

    // A new set sorts in and the list is rebuilt: the simulator still follows its set by id.
    a.apply(app::cmd::SetNewSetName{"another"});
    a.apply(app::cmd::CreateSet{});
    a.apply(app::cmd::Simulate{"highest"});
    CHECK(a.state().simulator.mode == "highest");
    CHECK(a.state().simulator.setId == "first");

    // The file goes away and the list is rebuilt: the simulator's commands do nothing rather than crash.
    fs::remove(dir.path / "question-sets" / "first.json");
    a.apply(app::cmd::SetNewSetName{"third"});
    a.apply(app::cmd::CreateSet{});
    REQUIRE(a.state().findSet("first") == nullptr);
    a.apply(app::cmd::Simulate{"lowest"});
    a.apply(app::cmd::RunCoverage{50, 1});
    CHECK(a.state().simulator.mode == "highest");
    CHECK_FALSE(a.state().simulator.hasCoverage);
}

TEST_CASE("commands: a take requested before the disclaimer starts by id once it is accepted") {
    TempDir dir("rekindle-cmd");
    app::Application a(withMultiPick(dir));
    a.apply(app::cmd::RequestTake{"multi-pick"});
    CHECK(a.state().showDisclaimer);
    CHECK(a.state().pendingTakeSetId == "multi-pick");
    CHECK(a.state().screen == app::Screen::Home);
    a.apply(app::cmd::AcceptDisclaimer{});
    CHECK_FALSE(a.state().showDisclaimer);
    REQUIRE(a.state().screen == app::Screen::Take);
    CHECK(a.state().take.set.id == "multi-pick");

    // A request for a set that does not exist changes nothing.
    a.apply(app::cmd::AbandonTake{});
    a.apply(app::cmd::RequestTake{"gone"});
    CHECK(a.state().screen == app::Screen::Home);
}
