// Authoring actions: a starter file from the template, and the scoring simulator.
#include "app/authoring/authoring_controller.hpp"

#include <random>

#include "storage/atomic_file.hpp"

namespace rekindle::app {

namespace fs = std::filesystem;

namespace {

// What a person types ("Book Club!") made into a set id the validator accepts ("book-club"): lower-case letters
// and digits, single dashes between them, at most 64 characters. File names allow more, set ids do not.
std::string slugFromName(const std::string& name) {
    std::string out;
    for (unsigned char c : name) {
        if (out.size() >= 64) break;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += char(c);
        else if (c >= 'A' && c <= 'Z') out += char(c - 'A' + 'a');
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "my-set" : out;
}

}  // namespace

void AuthoringController::setNewSetName(const std::string& name) { m_ctx.state.author.newSetName = name; }

bool AuthoringController::createSetFromTemplate() {
    AuthorView& a = m_ctx.state.author;
    const storage::Paths& paths = m_ctx.state.paths;
    std::string slug = slugFromName(a.newSetName);
    std::string err;
    auto tmpl = storage::readFile(paths.assetsDir / "question-set-template.json", &err);
    if (!tmpl) {
        a.message = "The template could not be read: " + err;
        return false;
    }
    std::string text = *tmpl;
    for (size_t pos; (pos = text.find("TEMPLATE-ID")) != std::string::npos;) text.replace(pos, 11, slug);
    if (!storage::ensurePrivateDir(paths.userSetsDir(), &err)) {
        a.message = err;
        return false;
    }
    fs::path file = paths.userSetsDir() / (slug + ".json");
    if (!storage::writeNewFileAtomic(file, text, &err)) {
        a.message = "Not created: " + err + (fs::exists(file) ? " (a set with this name already exists)" : "");
        return false;
    }
    a.message = "Created " + file.string() + ". Open it in your editor; Rekindle re-checks it every time you save.";
    m_ctx.refreshSets();
    return true;
}

// By id, looked up each time: the file watcher may have reloaded, re-sorted or removed the set meanwhile.
const core::QuestionSet* AuthoringController::simulatedSet() const {
    const SetEntry* e = m_ctx.state.findSet(m_ctx.state.simulator.setId);
    return e ? e->set() : nullptr;
}

void AuthoringController::openSimulator(const std::string& setId) {
    m_ctx.state.simulator = SimulatorView{};
    m_ctx.state.simulator.setId = setId;
    m_ctx.show(Screen::Simulator);
    simulate("first");
}

void AuthoringController::simulate(const std::string& mode, uint64_t seed) {
    const core::QuestionSet* set = simulatedSet();
    if (!set) return;
    SimulatorView& s = m_ctx.state.simulator;
    s.mode = mode;
    s.seed = seed;
    if (mode == "first") s.answers = core::firstChoiceAnswers(*set);
    else if (mode == "lowest") s.answers = core::scoreExtremeAnswers(*set, core::ScoreExtreme::Lowest);
    else if (mode == "highest") s.answers = core::scoreExtremeAnswers(*set, core::ScoreExtreme::Highest);
    else if (mode == "random") {
        std::mt19937_64 rng(seed);
        s.answers = core::randomAnswers(*set, rng);
    }
    s.score = core::score(*set, core::effectiveAnswers(*set, s.answers));
}

void AuthoringController::simulateAnswer(const std::string& questionId, const core::Answer& answer) {
    const core::QuestionSet* set = simulatedSet();
    if (!set || !set->findQuestion(questionId)) return;
    SimulatorView& s = m_ctx.state.simulator;
    if (answer.isAnswered()) s.answers[questionId] = answer;
    else s.answers.erase(questionId);
    s.mode = "hand";
    s.score = core::score(*set, core::effectiveAnswers(*set, s.answers));
}

void AuthoringController::runCoverage(int patterns, uint64_t seed) {
    const core::QuestionSet* set = simulatedSet();
    if (!set) return;
    SimulatorView& s = m_ctx.state.simulator;
    s.coverage = core::coverage(*set, patterns, seed, set->result.topTips);
    s.hasCoverage = true;
}

}  // namespace rekindle::app
