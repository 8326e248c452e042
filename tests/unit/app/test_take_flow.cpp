// The take flow in the app layer, without a window: steps and progress, keyboard answer mapping, drafts saved on
// every answer and resumed, and a draft resumed after its set changed (answers to removed questions set aside).
#include <doctest/doctest.h>

#include "app_support.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "app/application.hpp"
#include "app/take/take_flow.hpp"
#include "storage/atomic_file.hpp"

using namespace rekindle;
namespace fs = std::filesystem;
using rekindle::test::TempDir;
using rekindle::test::controllerOptions;

namespace {

const fs::path kSource = REKINDLE_TEST_SOURCE_DIR;

// The shipped check-in copied into the user's folder under another id, so a test may change it.
void installUserSet(const TempDir& dir, const std::string& version, bool dropSecondQuestion) {
    auto text = storage::readFile(kSource / "questionnaires/weekly-check-in.json");
    REQUIRE(text);
    nlohmann::json doc = nlohmann::json::parse(*text);
    doc["id"] = "my-check-in";
    doc["version"] = version;
    if (dropSecondQuestion) doc["sections"][0]["questions"].erase(1);
    fs::create_directories(dir.path / "question-sets");
    std::string err;
    REQUIRE_MESSAGE(storage::writeFileAtomic(dir.path / "question-sets/my-check-in.json", doc.dump(2), &err), err);
}

}  // namespace

TEST_CASE("take flow: steps, progress and keyboard answers on the shipped check-in") {
    TempDir dir("rekindle-take");
    app::Application ctrl(controllerOptions(dir));
    const app::SetEntry* entry = ctrl.state().findSet("weekly-check-in");
    REQUIRE(entry != nullptr);
    const core::QuestionSet& set = *entry->set();
    auto steps = app::buildSteps(set, {});
    // Section 1: intro, 7 questions, reflection; section 2: intro, 2 questions.
    CHECK(steps.size() == 12);
    CHECK(steps[0].kind == app::Step::Kind::Intro);
    CHECK(steps[8].kind == app::Step::Kind::Reflection);
    app::Progress p = app::progressAt(set, steps, 1);
    CHECK(p.number == 1);
    CHECK(p.total == 9);

    const core::Question& likert = *set.findQuestion("contact-warmth");
    CHECK(app::choiceCount(likert) == 6);  // five points and "We had no contact"
    CHECK(app::answerForNumber(likert, {}, 2) == core::Answer::ofNumber(2));
    CHECK(app::answerForNumber(likert, {}, 6) == core::Answer::ofChoice("no-contact"));
    CHECK(app::answerForNumber(likert, {}, 7) == core::Answer{});  // out of range: unchanged
}

TEST_CASE("take flow: every answer is in the draft at once, and a new session resumes it") {
    TempDir dir("rekindle-take");
    {
        app::Application ctrl(controllerOptions(dir));
        const std::string setId = "weekly-check-in";
        ctrl.take().acceptDisclaimer();
        ctrl.take().request(setId);
        REQUIRE(ctrl.state().screen == app::Screen::Take);
        ctrl.take().next();  // intro
        ctrl.take().next();  // required question unanswered: stays, with a message
        CHECK_FALSE(ctrl.state().take.message.empty());
        ctrl.take().pickNumber(4);
        ctrl.take().next();
        ctrl.take().pickNumber(2);
        // No explicit save: the controller is simply dropped, like a closed window.
    }
    app::Application again(controllerOptions(dir));
    const std::string setId = "weekly-check-in";
    REQUIRE(again.state().findSet(setId) != nullptr);
    REQUIRE(again.state().findSet(setId)->hasDraft);
    again.take().request(setId);  // the disclaimer was accepted and saved in settings
    const app::TakeState& t = again.state().take;
    REQUIRE(t.active);
    CHECK(t.answers.at("contact-warmth") == core::Answer::ofNumber(4));
    CHECK(t.answers.at("they-reached-out") == core::Answer::ofNumber(2));
    CHECK(t.notice.find("Welcome back") != std::string::npos);
    // Back where it was: the second question, not the start.
    const app::Step& s = t.steps[t.step];
    CHECK(t.set.sections[s.section].questions[s.question].id == "they-reached-out");
}

TEST_CASE("take flow: a draft of a set that changed keeps the answers whose questions still exist") {
    TempDir dir("rekindle-take");
    installUserSet(dir, "1.0.0", false);
    {
        app::Application ctrl(controllerOptions(dir));
        const std::string setId = "my-check-in";
        REQUIRE(ctrl.state().findSet(setId) != nullptr);
        ctrl.take().start(setId);
        ctrl.take().next();
        ctrl.take().pickNumber(3);  // contact-warmth
        ctrl.take().next();
        ctrl.take().pickNumber(5);  // they-reached-out, removed below
        ctrl.take().next();
        ctrl.take().pickNumber(1);  // felt-on-edge
    }
    installUserSet(dir, "1.1.0", true);
    app::Application ctrl(controllerOptions(dir));
    const std::string setId = "my-check-in";
    REQUIRE(ctrl.state().findSet(setId) != nullptr);
    ctrl.take().resume(setId);
    const app::TakeState& t = ctrl.state().take;
    REQUIRE(t.active);
    CHECK(t.notice.find("changed since you started") != std::string::npos);
    CHECK(t.notice.find("1.0.0 → 1.1.0") != std::string::npos);
    CHECK(t.notice.find("1 answer(s) to removed questions were set aside") != std::string::npos);
    CHECK(t.answers.count("contact-warmth") == 1);
    CHECK(t.answers.count("felt-on-edge") == 1);
    CHECK(t.answers.count("they-reached-out") == 0);
}
