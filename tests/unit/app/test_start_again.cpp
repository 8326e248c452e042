// No click throws answers away: "Start again" asks, trashes and can be undone; a new take over a draft written by
// someone else resumes it; a private take writes nothing; resume lands on the step that was on screen (an intro or
// a reflection too); fields of a draft this version does not know survive resume and rewrite.
#include <doctest/doctest.h>

#include "app_support.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "app/application.hpp"
#include "storage/atomic_file.hpp"
#include "storage/draft_store.hpp"

using namespace rekindle;
namespace fs = std::filesystem;
using rekindle::test::TempDir;
using rekindle::test::controllerOptions;

namespace {

const std::string kSet = "weekly-check-in";

int filesIn(const fs::path& dir) {
    std::error_code ec;
    int n = 0;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) ++n;
    return n;
}

nlohmann::json draftJson(const TempDir& dir) {
    auto text = storage::readFile(dir.path / "drafts" / (kSet + ".json"));
    REQUIRE(text);
    return nlohmann::json::parse(*text);
}

// Intro, then n answers of 2.
void answer(app::Application& a, int n) {
    a.take().next();
    for (int i = 0; i < n; ++i) {
        a.take().pickNumber(2);
        a.take().next();
    }
}

}  // namespace

TEST_CASE("start again: asks, moves the draft to the trash, and Undo brings it back") {
    TempDir dir("rekindle-restart");
    app::Application a(controllerOptions(dir));
    a.take().acceptDisclaimer();
    a.take().request(kSet);
    answer(a, 3);
    a.go(app::Screen::Home);
    REQUIRE(a.state().findSet(kSet)->hasDraft);

    a.apply(app::cmd::AskStartAgain{kSet});
    CHECK(a.state().confirmRestartSetId == kSet);
    a.apply(app::cmd::CancelStartAgain{});  // "Keep my answers"
    CHECK(a.state().confirmRestartSetId.empty());
    CHECK(fs::exists(dir.path / "drafts" / (kSet + ".json")));

    a.apply(app::cmd::AskStartAgain{kSet});
    a.apply(app::cmd::ConfirmStartAgain{});
    CHECK(a.state().screen == app::Screen::Take);
    CHECK(a.state().take.answers.empty());
    CHECK_FALSE(fs::exists(dir.path / "drafts" / (kSet + ".json")));
    REQUIRE(a.state().undo);
    CHECK(a.state().undo->answers == 3);
    CHECK(fs::exists(a.state().undo->trashed));
    CHECK(a.state().undo->trashed.parent_path() == dir.path / "trash");

    answer(a, 1);  // the new take has one answer (and a draft) when Undo is pressed
    a.apply(app::cmd::UndoStartAgain{});
    const app::TakeState& t = a.state().take;
    REQUIRE(t.active);
    CHECK(t.answers.size() == 3);
    CHECK(a.take().currentStepKey() == "question:pressed-for-contact");
    CHECK(draftJson(dir)["answers"].size() == 3);
    // The one-answer take was not thrown away either: it is in the trash, and Undo offers it now.
    REQUIRE(a.state().undo);
    CHECK(a.state().undo->answers == 1);
    CHECK(filesIn(dir.path / "trash") == 1);
}

TEST_CASE("a take started over a draft that appeared on disk resumes it, a fresh start over one trashes it") {
    TempDir dir("rekindle-restart");
    app::Application a(controllerOptions(dir));
    a.take().acceptDisclaimer();
    REQUIRE_FALSE(a.state().findSet(kSet)->hasDraft);  // Home was drawn without one
    // Then another window, or a sync, writes a draft.
    storage::Draft d;
    d.setId = kSet;
    d.setVersion = a.state().findSet(kSet)->set()->version;
    d.setHash = a.state().findSet(kSet)->set()->contentHash;
    d.answers["contact-warmth"] = core::Answer::ofNumber(5);
    d.answers["they-reached-out"] = core::Answer::ofNumber(1);
    d.currentStep = "question:felt-on-edge";
    std::string err;
    REQUIRE_MESSAGE(storage::DraftStore(dir.path / "drafts").save(d, &err), err);
    a.take().request(kSet);  // asks the disk, not the list drawn before
    CHECK(a.state().take.answers.size() == 2);
    CHECK(a.take().currentStepKey() == "question:felt-on-edge");
    CHECK(a.state().take.notice.find("Welcome back") != std::string::npos);
    // A fresh start over it never deletes it.
    a.take().start(kSet);
    CHECK(a.state().take.answers.empty());
    REQUIRE(a.state().undo);
    CHECK(a.state().undo->answers == 2);
    CHECK(filesIn(dir.path / "trash") == 1);
}

TEST_CASE("a private take writes nothing: no draft, no result, no settings") {
    TempDir dir("rekindle-private");
    app::Application a(controllerOptions(dir));
    a.take().request(kSet, true);  // the disclaimer first
    REQUIRE(a.state().showDisclaimer);
    a.take().acceptDisclaimer();
    REQUIRE(a.state().take.active);
    CHECK(a.state().take.privateTake);
    CHECK_FALSE(a.take().wouldLoseAnswers());
    answer(a, 7);
    a.take().setNote("nothing of this may reach the disk");
    CHECK(a.take().wouldLoseAnswers());
    CHECK_FALSE(fs::exists(dir.path / "settings.json"));
    CHECK_FALSE(fs::exists(dir.path / "config" / "settings.json"));
    CHECK(filesIn(dir.path / "drafts") == 0);
    a.take().next();  // leaves the reflection
    a.take().next();  // leaves the safety intro
    a.take().pickNumber(2);
    a.take().next();
    a.take().pickNumber(2);
    a.take().next();
    a.take().next();  // finish
    REQUIRE(a.state().screen == app::Screen::Result);
    CHECK(a.state().result.privateTake);
    a.apply(app::cmd::SetResultNote{"a note"});
    a.apply(app::cmd::SaveResult{});
    CHECK_FALSE(a.state().result.saved);
    CHECK(filesIn(dir.path / "results") == 0);
    CHECK(filesIn(dir.path / "drafts") == 0);
    CHECK(filesIn(dir.path / "trash") == 0);
    a.apply(app::cmd::RequestQuit{});
    CHECK(a.state().confirmQuit);
    CHECK_FALSE(a.state().quitRequested);
    a.apply(app::cmd::ForgetPrivate{});
    CHECK_FALSE(a.state().result.active);
    CHECK_FALSE(a.take().wouldLoseAnswers());
}

TEST_CASE("resume lands on the reflection or intro that was on screen, with unknown draft fields kept") {
    TempDir dir("rekindle-resume-step");
    {
        app::Application a(controllerOptions(dir));
        a.take().acceptDisclaimer();
        a.take().request(kSet);
        answer(a, 7);
        REQUIRE(a.take().currentStepKey() == "reflection:this-week");
        a.take().setNote("half a thou");
        // Killed here: the draft was written by setNote.
    }
    nlohmann::json d = draftJson(dir);
    CHECK(d["currentStep"] == "reflection:this-week");
    d["fromTheFuture"] = {{"kept", true}, {"list", {1, 2, 3}}};
    std::string err;
    REQUIRE(storage::writeFileAtomic(dir.path / "drafts" / (kSet + ".json"), d.dump(), &err));
    {
        app::Application a(controllerOptions(dir));
        a.take().request(kSet);
        CHECK(a.take().currentStepKey() == "reflection:this-week");
        CHECK(a.state().take.notes.at("this-week") == "half a thou");
        a.take().next();
        CHECK(a.take().currentStepKey() == "intro:safety");
    }
    {
        app::Application a(controllerOptions(dir));
        a.take().request(kSet);
        CHECK(a.take().currentStepKey() == "intro:safety");
        a.take().back();
    }
    d = draftJson(dir);
    CHECK(d["currentStep"] == "reflection:this-week");  // Back is written too
    CHECK(d["fromTheFuture"]["kept"] == true);
    CHECK(d["fromTheFuture"]["list"].size() == 3);
}
