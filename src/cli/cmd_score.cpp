// rekindle score SET ANSWERS.json: safety notices first, then ranked tips with the answers behind each, then
// dimension scores with their bands; --json gives the same, byte-identical for the same inputs.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "core/result.hpp"
#include "core/scoring.hpp"
#include "storage/answers_json.hpp"
#include "storage/atomic_file.hpp"
#include "storage/paths.hpp"
#include "storage/question_set_json.hpp"
#include "storage/result_json.hpp"

namespace rekindle::cli {

namespace {

struct ScoreOptions {
    std::string set, answers, assets;
    bool json = false;
};

// Four decimals: enough to compare, and free of last-bit noise in the printed text.
double round4(double v) {
    double r = std::round(v * 1e4) / 1e4;
    return r == 0 ? 0 : r;  // no "-0"
}

std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

std::string questionText(const core::QuestionSet& set, const core::Answers& answers, const std::string& qid) {
    const core::Question* q = set.findQuestion(qid);
    return q ? core::displayText(*q, answers) : qid;
}


void itemJson(nlohmann::json& j, const core::ScoreItem& s) {
    j["percent"] = round4(s.percent);
    j["raw"] = round4(s.raw);
    j["max"] = round4(s.max);
    j["enoughAnswers"] = s.enoughAnswers;
    j["questionsTargeting"] = s.questionsTargeting;
    j["questionsAnswered"] = s.questionsAnswered;
    j["contributions"] = nlohmann::json(storage::contributionsJson(s.contributions, storage::Rounding::Round4));
}

nlohmann::json resultJson(const core::QuestionSet& set, const storage::Library& lib, const core::ScoreResult& r) {
    nlohmann::json out;
    out["format"] = "rekindle.score/1";
    out["set"] = {{"id", set.id}, {"version", set.version}, {"contentHash", set.contentHash}};
    out["visibleQuestions"] = r.visibleQuestions;
    out["answeredQuestions"] = r.answeredQuestions;
    out["safety"] = nlohmann::json::array();
    for (const auto& s : r.safety) {
        nlohmann::json j = {{"rule", s.ruleId}, {"notice", s.notice}, {"guidance", s.guidance}, {"suppress", s.suppress}};
        if (const auto* g = lib.guidance.find(s.guidance))
            j["guidanceEntry"] = {{"title", g->title}, {"text", g->text}, {"steps", g->steps}};
        j["setAside"] = core::setAsideText(s.suppress, set);
        out["safety"].push_back(std::move(j));
    }
    auto top = r.topTips(set.result.topTips);
    out["tips"] = nlohmann::json::array();
    for (const auto& t : r.tips) {
        const core::Tip* tip = set.findTip(t.id);
        nlohmann::json j = {{"id", t.id}, {"title", tip ? tip->title : t.id}, {"rank", t.rank},
                            {"featured", std::find(top.begin(), top.end(), &t) != top.end()},
                            {"suppressed", t.suppressed}, {"suppressedBy", t.suppressedBy}};
        itemJson(j, t);
        out["tips"].push_back(std::move(j));
    }
    out["dimensions"] = nlohmann::json::array();
    for (const auto& d : r.dimensions) {
        const core::Dimension* dim = set.findDimension(d.id);
        nlohmann::json j = {{"id", d.id}, {"label", dim ? dim->label : d.id}, {"band", d.band}, {"bandLabel", d.bandLabel},
                            {"interpretation", d.interpretation}};
        itemJson(j, d);
        out["dimensions"].push_back(std::move(j));
    }
    return out;
}

void printBecause(std::ostream& os, const core::QuestionSet& set, const core::Answers& answers, const core::ScoreItem& s) {
    for (const auto& c : s.contributions) {
        os << "       because you answered \"" << c.answer << "\" to \"" << questionText(set, answers, c.questionId) << "\" ("
           << (c.points >= 0 ? "+" : "") << fmt("%g", round4(c.points)) << " of " << fmt("%g", round4(c.maxPoints))
           << (c.reversed ? ", reverse-scored" : "") << ")\n";
    }
}

void printText(std::ostream& os, const core::QuestionSet& set, const storage::Library& lib, const core::Answers& answers,
               const core::ScoreResult& r) {
    os << set.title << " (" << set.id << " " << set.version << "): " << r.answeredQuestions << " of " << r.visibleQuestions
       << " visible questions answered\n";
    if (!r.safety.empty()) {
        os << "\nSAFETY FIRST\n";
        for (const auto& s : r.safety) {
            if (!s.notice.empty()) os << "  ! " << s.notice << "\n";
            if (const auto* g = lib.guidance.find(s.guidance)) {
                os << "  ! " << g->title << ": " << g->text << "\n";
                for (const auto& step : g->steps) os << "      - " << step << "\n";
            }
            if (auto aside = core::setAsideText(s.suppress, set); !aside.empty()) os << "    " << aside << "\n";
        }
    }
    os << "\nTIPS\n";
    auto top = r.topTips(set.result.topTips);
    bool any = false;
    for (const auto& t : r.tips) {
        if (t.rank == 0) continue;
        any = true;
        const core::Tip* tip = set.findTip(t.id);
        bool featured = std::find(top.begin(), top.end(), &t) != top.end();
        os << "  " << (featured ? "*" : " ") << t.rank << ". " << (tip ? tip->title : t.id) << " [" << t.id << "] — "
           << core::relevanceWord(t.percent) << " (relevance " << fmt("%.0f", t.percent) << "%)\n";
        if (tip && featured) os << "       " << tip->summary << "\n";
        printBecause(os, set, answers, t);
    }
    if (!any) os << "  (no tip has enough answers yet)\n";
    for (const auto& t : r.tips)
        if (t.suppressed) os << "  - " << t.id << ": not offered while safety rule \"" << t.suppressedBy << "\" holds\n";
    for (const auto& t : r.tips)
        if (!t.suppressed && !t.enoughAnswers)
            os << "  - " << t.id << ": not enough answers (" << t.questionsAnswered << " of " << t.questionsTargeting << ")\n";

    if (!r.dimensions.empty()) os << "\nDIMENSIONS\n";
    for (const auto& d : r.dimensions) {
        const core::Dimension* dim = set.findDimension(d.id);
        os << "  " << (dim ? dim->label : d.id) << ": ";
        if (!d.enoughAnswers) {
            os << "not enough answers (" << d.questionsAnswered << " of " << d.questionsTargeting << ")\n";
            continue;
        }
        os << fmt("%.0f", d.percent) << "% — " << d.bandLabel << "\n";
        if (!d.interpretation.empty()) os << "       " << d.interpretation << "\n";
        printBecause(os, set, answers, d);
    }
}

int runScore(const ScoreOptions& opt, const CommandContext& ctx) {
    std::string assets = opt.assets.empty() ? storage::resolvePaths(ctx.dataDir).assetsDir.string() : opt.assets;
    storage::Library library = storage::loadLibrary(assets);
    for (const auto& p : library.problems) std::cerr << p.formatWithExcerpt() << "\n";
    storage::LoadedSet loaded = storage::loadQuestionSet(storage::namedByUser(opt.set), library);
    if (!loaded.valid()) {
        for (const auto& p : loaded.problems) std::cerr << p.formatWithExcerpt() << "\n";
        std::cerr << opt.set << ": the question set is invalid; run `rekindle validate` and fix the errors above\n";
        return 1;
    }
    const core::QuestionSet& set = *loaded.set;
    storage::AnswersFile answers = storage::loadAnswers(storage::namedByUser(opt.answers), set);
    if (!answers.valid()) {
        for (const auto& p : answers.problems) std::cerr << p.formatWithExcerpt() << "\n";
        std::cerr << opt.answers << ": the answers file is invalid (see docs/answers-format.md)\n";
        return 1;
    }
    core::ScoreResult result = core::score(set, answers.answers);
    if (opt.json) std::cout << resultJson(set, library, result).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    else printText(std::cout, set, library, core::effectiveAnswers(set, answers.answers), result);
    return 0;
}

}  // namespace

void registerScore(CLI::App& app, CommandContext& ctx) {
    auto opt = std::make_shared<ScoreOptions>();
    CLI::App* cmd = app.add_subcommand("score", "Score an answers file against a question set: ranked tips with reasons, dimensions, safety notices");
    cmd->add_option("set", opt->set, "Question-set JSON file")->required()->check(CLI::ExistingFile);
    cmd->add_option("answers", opt->answers, "Answers JSON file (docs/answers-format.md)")->required()->check(CLI::ExistingFile);
    cmd->add_flag("--json", opt->json, "Machine-readable output");
    cmd->add_option("--assets", opt->assets, "Folder holding tips.json and safety-guidance.json (default: the shipped assets)")
        ->check(CLI::ExistingDirectory);
    cmd->callback([opt, &ctx]() {
        ctx.ran = true;
        ctx.exitCode = runScore(*opt, ctx);
    });
}

}  // namespace rekindle::cli
