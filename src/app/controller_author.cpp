// Authoring actions: preview without saving, a starter file from the template, and the scoring simulator.
#include <random>

#include "app/controller.hpp"
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

void Controller::previewSet(int setIndex, const std::string& fromQuestion) { startTake(setIndex, true, fromQuestion); }

void Controller::setNewSetName(const std::string& name) { m_state.author.newSetName = name; }

bool Controller::createSetFromTemplate() {
    AuthorView& a = m_state.author;
    std::string slug = slugFromName(a.newSetName);
    std::string err;
    auto tmpl = storage::readFile(m_state.paths.assetsDir / "question-set-template.json", &err);
    if (!tmpl) {
        a.message = "The template could not be read: " + err;
        return false;
    }
    std::string text = *tmpl;
    for (size_t pos; (pos = text.find("TEMPLATE-ID")) != std::string::npos;) text.replace(pos, 11, slug);
    if (!storage::ensurePrivateDir(m_state.paths.userSetsDir(), &err)) {
        a.message = err;
        return false;
    }
    fs::path file = m_state.paths.userSetsDir() / (slug + ".json");
    if (!storage::writeNewFileAtomic(file, text, &err)) {
        a.message = "Not created: " + err + (fs::exists(file) ? " (a set with this name already exists)" : "");
        return false;
    }
    a.message = "Created " + file.string() + ". Open it in your editor; Rekindle re-checks it every time you save.";
    refreshSets();
    return true;
}

void Controller::openSimulator(int setIndex) {
    m_state.simulator = SimulatorView{};
    m_state.simulator.setIndex = setIndex;
    show(Screen::Simulator);
    simulate("lowest");
}

void Controller::simulate(const std::string& mode, uint64_t seed) {
    SimulatorView& s = m_state.simulator;
    if (s.setIndex < 0 || s.setIndex >= int(m_state.sets.size())) return;
    const core::QuestionSet* set = m_state.sets[size_t(s.setIndex)].set();
    if (!set) return;
    s.mode = mode;
    s.seed = seed;
    if (mode == "lowest") s.answers = core::lowestAnswers(*set);
    else if (mode == "highest") s.answers = core::highestAnswers(*set);
    else if (mode == "random") {
        std::mt19937_64 rng(seed);
        s.answers = core::randomAnswers(*set, rng);
    }
    s.score = core::score(*set, core::effectiveAnswers(*set, s.answers));
}

void Controller::simulateAnswer(const std::string& questionId, const core::Answer& answer) {
    SimulatorView& s = m_state.simulator;
    if (answer.isAnswered()) s.answers[questionId] = answer;
    else s.answers.erase(questionId);
    s.mode = "hand";
    const core::QuestionSet* set = m_state.sets[size_t(s.setIndex)].set();
    if (set) s.score = core::score(*set, core::effectiveAnswers(*set, s.answers));
}

void Controller::runCoverage(int patterns, uint64_t seed) {
    SimulatorView& s = m_state.simulator;
    if (s.setIndex < 0 || s.setIndex >= int(m_state.sets.size())) return;
    const core::QuestionSet* set = m_state.sets[size_t(s.setIndex)].set();
    if (!set) return;
    s.coverage = core::coverage(*set, patterns, seed, set->result.topTips);
    s.hasCoverage = true;
}

}  // namespace rekindle::app
