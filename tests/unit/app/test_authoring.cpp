// Authoring: the starter template validates once its id placeholder is replaced, "New question set" writes it
// into the user's folder (private, never over an existing file), and the docs' example sets validate cleanly.
#include <doctest/doctest.h>

#include "app_support.hpp"
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "app/application.hpp"
#include "storage/atomic_file.hpp"
#include "storage/library.hpp"
#include "storage/question_set_json.hpp"

using namespace rekindle;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = REKINDLE_TEST_SOURCE_DIR;

using rekindle::test::TempDir;
using rekindle::test::controllerOptions;
using rekindle::test::modeOf;
using rekindle::test::readText;
using rekindle::test::replaceAll;
using rekindle::test::templateSetText;


std::string problemsText(const storage::LoadedSet& loaded) {
    std::string out;
    for (const auto& p : loaded.problems) out += p.format() + "\n";
    return out;
}


}  // namespace

TEST_CASE("the starter template validates with no warnings once TEMPLATE-ID is replaced") {
    storage::Library lib = storage::loadLibrary(kSource / "assets");
    REQUIRE(readText(kSource / "assets/question-set-template.json").find("TEMPLATE-ID") != std::string::npos);

    auto loaded = storage::parseQuestionSet(templateSetText("book-club"), "book-club.json", lib);
    INFO(problemsText(loaded));
    REQUIRE(loaded.valid());
    CHECK(loaded.warningCount() == 0);
    CHECK(loaded.set->id == "book-club");
    // A starter must show every moving part an author needs: a dimension, library and inline tips, a condition,
    // and a safety rule.
    CHECK(loaded.set->dimensions.size() >= 1);
    CHECK(loaded.set->tips.size() >= 2);
    CHECK(loaded.set->safetyRules.size() >= 1);
    bool hasCondition = false;
    for (const auto& sec : loaded.set->sections)
        for (const auto& q : sec.questions) hasCondition = hasCondition || q.showIf.has_value();
    CHECK(hasCondition);
}

TEST_CASE("the template as shipped is not a usable set: the placeholder id is reported at /id") {
    storage::Library lib = storage::loadLibrary(kSource / "assets");
    auto loaded = storage::parseQuestionSet(readText(kSource / "assets/question-set-template.json"), "template.json", lib);
    CHECK_FALSE(loaded.valid());
    bool atId = false;
    for (const auto& p : loaded.problems) atId = atId || (p.pointer == "/id" && p.line > 0);
    CHECK_MESSAGE(atId, problemsText(loaded));
}

TEST_CASE("New question set writes a valid, private starter file and never overwrites one") {
    TempDir dir;
    app::Application ctrl(controllerOptions(dir));

    // What a person might type: capitals, spaces and punctuation still give a valid id.
    ctrl.authoring().setNewSetName("Book Club!");
    REQUIRE_MESSAGE(ctrl.authoring().createSetFromTemplate(), ctrl.state().author.message);
    fs::path file = dir.path / "question-sets" / "book-club.json";
    REQUIRE(fs::exists(file));
    CHECK(modeOf(file) == 0600);
    CHECK(modeOf(file.parent_path()) == 0700);

    int found = -1;
    for (size_t i = 0; i < ctrl.state().sets.size(); ++i)
        if (ctrl.state().sets[i].loaded.path == file) found = int(i);
    REQUIRE(found >= 0);
    const app::SetEntry& entry = ctrl.state().sets[size_t(found)];
    INFO(problemsText(entry.loaded));
    REQUIRE(entry.set() != nullptr);
    CHECK_FALSE(entry.builtin);
    CHECK(entry.set()->id == "book-club");
    CHECK(entry.loaded.warningCount() == 0);

    // The author edits the file; a second "New question set" with the same name must not replace their work.
    std::string err;
    std::string edited = replaceAll(readText(file), "My new question set", "Our book club");
    REQUIRE(storage::writeFileAtomic(file, edited, &err));
    CHECK_FALSE(ctrl.authoring().createSetFromTemplate());
    CHECK(ctrl.state().author.message.find("already exists") != std::string::npos);
    CHECK(readText(file) == edited);
}

TEST_CASE("names that are not ids become valid ids") {
    TempDir dir;
    app::Application ctrl(controllerOptions(dir));
    for (auto [typed, id] : {std::pair<const char*, const char*>{"  Sister -- 2027 ", "sister-2027"},
                             {"amie_proche.v2", "amie-proche-v2"},
                             {"???", "my-set"}}) {
        CAPTURE(typed);
        ctrl.authoring().setNewSetName(typed);
        REQUIRE_MESSAGE(ctrl.authoring().createSetFromTemplate(), ctrl.state().author.message);
        fs::path file = dir.path / "question-sets" / (std::string(id) + ".json");
        REQUIRE(fs::exists(file));
        auto loaded = storage::loadQuestionSet(file, storage::loadLibrary(kSource / "assets"));
        INFO(problemsText(loaded));
        CHECK(loaded.valid());
        if (loaded.valid()) CHECK(loaded.set->id == id);
    }
}

TEST_CASE("every example set in docs/examples validates with no warnings") {
    storage::Library lib = storage::loadLibrary(kSource / "assets");
    int count = 0;
    for (const auto& it : fs::directory_iterator(kSource / "docs/examples")) {
        if (it.path().extension() != ".json") continue;
        CAPTURE(it.path().string());
        auto loaded = storage::loadQuestionSet(it.path(), lib);
        INFO(problemsText(loaded));
        CHECK(loaded.valid());
        CHECK(loaded.warningCount() == 0);
        ++count;
    }
    CHECK(count >= 1);
}
