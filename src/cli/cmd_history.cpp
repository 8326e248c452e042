// rekindle history, compare and export: the result store from the command line.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/passphrase_input.hpp"
#include "core/compare.hpp"
#include "core/compare_summary.hpp"
#include "storage/atomic_file.hpp"
#include "storage/export.hpp"
#include "storage/library.hpp"
#include "storage/crypto/protection.hpp"
#include "storage/paths.hpp"
#include "storage/result_store.hpp"

namespace rekindle::cli {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

std::string pct(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string signedPct(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.1f", v);
    return buf;
}

// A result named on the command line: an existing file path wins, otherwise it is a result id in the store.
std::optional<core::ResultRecord> resolveResult(const storage::ResultStore& store, const std::string& arg,
                                                std::string* error) {
    std::error_code ec;
    // Anything but a folder at that path (a FIFO too) is what the user meant: loading it says what is wrong with it.
    auto st = fs::symlink_status(arg, ec);
    if (fs::exists(st) && !fs::is_directory(st)) return storage::ResultStore::loadFile(storage::namedByUser(arg), error);
    if (arg.find('/') != std::string::npos) {
        if (error) *error = arg + ": no such file";
        return std::nullopt;
    }
    std::string id = arg.ends_with(".json") ? arg.substr(0, arg.size() - 5) : arg;
    auto r = store.load(id, error);
    if (!r && error && store.list().empty()) *error += " (there are no saved results in " + store.resultsDir().string() + ")";
    return r;
}

Json summaryJson(const storage::ResultSummary& s) {
    Json j{{"id", s.id}, {"file", s.path.string()}, {"readable", s.readable}, {"completedAt", s.completedAt}};
    if (!s.readable) {
        j["error"] = s.error;
        return j;
    }
    Json dims = Json::array();
    for (const auto& d : s.dimensions) {
        Json dj{{"id", d.id}, {"label", d.label}, {"enoughAnswers", d.enoughAnswers}};
        if (d.enoughAnswers) {
            dj["percent"] = d.percent;
            dj["band"] = d.bandLabel;
        }
        dims.push_back(dj);
    }
    j.update(Json{{"setId", s.setId}, {"setTitle", s.setTitle}, {"setVersion", s.setVersion},
                  {"topTip", Json{{"id", s.topTipId}, {"title", s.topTipTitle}}}, {"dimensions", dims},
                  {"notes", s.notesText}, {"safety", s.safetyFlag}});
    return j;
}

Json moveJson(const core::TipMove& m) {
    return Json{{"id", m.id}, {"title", m.title}, {"rankBefore", m.rankBefore}, {"rankAfter", m.rankAfter},
                {"relevanceBefore", m.relevanceBefore}, {"relevanceAfter", m.relevanceAfter}};
}

Json comparisonJson(const core::Comparison& c) {
    Json dims = Json::array();
    for (const auto& d : c.dimensions)
        dims.push_back(Json{{"id", d.id}, {"label", d.label}, {"before", d.before}, {"after", d.after},
                            {"delta", d.delta}, {"threshold", d.threshold}, {"verdict", d.verdict()},
                            {"bandBefore", d.bandBefore}, {"bandAfter", d.bandAfter}});
    auto moves = [](const std::vector<core::TipMove>& v) {
        Json a = Json::array();
        for (const auto& m : v) a.push_back(moveJson(m));
        return a;
    };
    Json answers = Json::array();
    for (const auto& a : c.answersChanged)
        answers.push_back(Json{{"question", a.questionId}, {"text", a.question}, {"before", a.before}, {"after", a.after}});
    return Json{{"before", c.beforeId},
                {"after", c.afterId},
                {"setId", c.setId},
                {"beforeVersion", c.beforeVersion},
                {"afterVersion", c.afterVersion},
                {"sameVersion", c.sameVersion},
                {"topN", c.topN},
                {"dimensions", dims},
                {"enteredTop", moves(c.enteredTop)},
                {"leftTop", moves(c.leftTop)},
                {"rankMoves", moves(c.rankMoves)},
                {"answersChanged", answers},
                {"notComparable", c.notComparable}};
}

void printComparison(const core::Comparison& c, const core::ResultRecord& a, const core::ResultRecord& b) {
    std::cout << "Comparing " << a.id << " (" << a.completedAt << ")\n     with " << b.id << " (" << b.completedAt
              << ")\nSet " << c.setId << (c.sameVersion ? ", version " + c.afterVersion
                                                         : ", versions " + c.beforeVersion + " -> " + c.afterVersion)
              << "\n\nIn short:\n";
    for (const auto& line : core::compareSummary(c, a, b)) std::cout << "  " << line << "\n";
    std::cout << "\n";
    std::printf("%-28s %7s %7s %7s  %s\n", "Dimension", "before", "after", "delta", "verdict");
    for (const auto& d : c.dimensions) {
        std::string label = d.label.size() > 28 ? d.label.substr(0, 27) + "~" : d.label;
        std::printf("%-28s %7s %7s %7s  %s (threshold %s)\n", label.c_str(), pct(d.before).c_str(),
                    pct(d.after).c_str(), signedPct(d.delta).c_str(), d.verdict(), pct(d.threshold).c_str());
        if (d.higherIs != core::HigherIs::Neutral && d.comparable)
            std::printf("%-28s %s\n", "", d.changeText().c_str());  // "15 points better": which way is good, in words
    }
    std::fflush(stdout);
    auto listMoves = [](const char* title, const std::vector<core::TipMove>& v) {
        if (v.empty()) return;
        std::cout << "\n" << title << ":\n";
        for (const auto& m : v) {
            std::cout << "  " << m.title << " (";
            // A tip set aside by a safety rule says so, rather than "not ranked".
            auto rank = [](int r, bool heldBack) {
                return heldBack ? std::string("held back for safety") : r ? "#" + std::to_string(r) : std::string("not ranked");
            };
            std::cout << rank(m.rankBefore, m.heldBackBefore) << " -> " << rank(m.rankAfter, m.heldBackAfter) << ")\n";
        }
    };
    listMoves(("Entered the top " + std::to_string(c.topN)).c_str(), c.enteredTop);
    listMoves(("Left the top " + std::to_string(c.topN)).c_str(), c.leftTop);
    listMoves("Rank moves", c.rankMoves);
    if (!c.answersChanged.empty()) {
        std::cout << "\nAnswers that changed:\n";
        for (const auto& ch : c.answersChanged)
            std::cout << "  " << ch.questionId << ": " << (ch.before.empty() ? "(not answered)" : ch.before) << " -> "
                      << (ch.after.empty() ? "(not answered)" : ch.after) << "\n";
    }
    if (!c.notComparable.empty()) {
        std::cout << "\nNot compared:\n";
        for (const auto& s : c.notComparable) std::cout << "  " << s << "\n";
    }
}

// What history, compare and export read from the command line.
// Results are read only from folders that pass the ssh-style checks; the refusal names the folder and the fix.
std::optional<storage::ResultStore> openStore(const std::string& dataDir) {
    storage::Paths paths = storage::resolvePaths(dataDir);
    std::string why;
    if (storage::checkDataFolders(paths, &why)) return storage::ResultStore(paths);
    std::cerr << "rekindle: " << why << "\n";
    return std::nullopt;
}

struct Options {
    std::string set;
    bool json = false;
    std::string a, b;
    std::string format, out;
    std::vector<std::string> ids;
};

int runHistory(const std::string& dataDir, const Options& opts) {
    auto opened = openStore(dataDir);
    if (!opened) return 1;
    const storage::ResultStore& store = *opened;
    auto rows = store.list(opts.set);
    if (opts.json) {
        Json arr = Json::array();
        for (const auto& s : rows) arr.push_back(summaryJson(s));
        std::cout << arr.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    } else if (rows.empty()) {
        std::cout << "No saved results" << (opts.set.empty() ? "" : " for " + opts.set) << " in "
                  << store.resultsDir().string() << ".\n";
    } else {
        for (const auto& s : rows) {
            if (!s.readable) {
                std::cout << "UNREADABLE  " << s.fileName << ": " << s.error << "\n";
                continue;
            }
            std::string date = s.completedAt.size() >= 16 ? s.completedAt.substr(0, 10) + " " + s.completedAt.substr(11, 5)
                                                          : s.completedAt;
            std::cout << date << "  " << s.setId << "  " << s.id << "\n    top tip: "
                      << (s.topTipTitle.empty() ? "(none)" : s.topTipTitle);
            if (s.safetyFlag) std::cout << "  [safety guidance shown]";
            std::cout << "\n   ";
            for (const auto& d : s.dimensions)
                std::cout << " " << d.label << " " << (d.enoughAnswers ? pct(d.percent) + "%" : std::string("n/a")) << ";";
            std::cout << "\n";
        }
    }
    return 0;
}

int runCompare(const std::string& dataDir, const Options& opts) {
    auto opened = openStore(dataDir);
    if (!opened) return 1;
    const storage::ResultStore& store = *opened;
    std::string error;
    auto a = resolveResult(store, opts.a, &error);
    if (!a) {
        std::cerr << "rekindle compare: " << error << "\n";
        return 1;
    }
    auto b = resolveResult(store, opts.b, &error);
    if (!b) {
        std::cerr << "rekindle compare: " << error << "\n";
        return 1;
    }
    core::Comparison c = core::compareResults(*a, *b);
    if (!c.ok) {
        std::cerr << "rekindle compare: " << c.error << "\n";
        return 1;
    }
    if (opts.json) std::cout << comparisonJson(c).dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    else printComparison(c, *a, *b);
    return 0;
}

int runExport(const std::string& dataDir, const Options& opts) {
    auto opened = openStore(dataDir);
    if (!opened) return 1;
    const storage::ResultStore& store = *opened;
    std::vector<core::ResultRecord> results;
    std::vector<storage::ResultSummary> unreadable;
    if (opts.ids.empty()) {
        results = store.loadAll(opts.set, &unreadable);
    } else {
        for (const auto& id : opts.ids) {
            std::string error;
            auto r = resolveResult(store, id, &error);
            if (!r) {
                std::cerr << "rekindle export: " << error << "\n";
                return 1;
            }
            if (opts.set.empty() || r->setId == opts.set) results.push_back(std::move(*r));
        }
    }
    for (const auto& s : unreadable)
        std::cerr << "rekindle export: skipped unreadable " << s.fileName << ": " << s.error << "\n";
    // The report prints each safety rule's guidance text itself, from the shipped guidance.
    storage::Library library;
    if (opts.format == "md") library = storage::loadLibrary(storage::resolvePaths(dataDir).assetsDir);
    std::string text = opts.format == "json" ? storage::exportJson(results)
                       : opts.format == "csv" ? storage::exportCsv(results)
                                               : storage::exportMarkdown(results, &library.guidance);
    if (storage::isProtected(storage::resolvePaths(dataDir).dataDir))
        std::cerr << "Warning: this export is plain text, not protected by your passphrase (see docs/privacy.md).\n";
    if (opts.out.empty()) {
        std::cout << text << std::flush;
        if (!std::cout) {
            // E.g. EFBIG under a file-size limit, ENOSPC: a cut-off export must not look like a good one.
            std::cerr << "rekindle export: could not write the whole export to standard output\n";
            return 1;
        }
    } else {
        std::string error;
        if (!storage::writeFileAtomic(opts.out, text, &error)) {
            std::cerr << "rekindle export: " << error << "\n";
            return 1;
        }
        std::cerr << "Exported " << results.size() << " result" << (results.size() == 1 ? "" : "s") << " to "
                  << opts.out << "\n";
    }
    return 0;
}

}  // namespace

void registerHistory(CLI::App& app, CommandContext& ctx) {
    auto opts = std::make_shared<Options>();

    auto* history = app.add_subcommand("history", "List saved results, newest first (unreadable files included)");
    history->add_option("--set", opts->set, "Only results of this question set id");
    history->add_flag("--json", opts->json, "Print JSON instead of a table");
    history->callback([&ctx, opts] {
        ctx.ran = true;
        if (!unlockForCommand(ctx, "history")) return;
        ctx.exitCode = runHistory(ctx.dataDir, *opts);
    });

    auto* compare = app.add_subcommand("compare", "Compare two results of the same set (A is the earlier one)");
    compare->add_option("A", opts->a, "Result id or result file")->required();
    compare->add_option("B", opts->b, "Result id or result file")->required();
    compare->add_flag("--json", opts->json, "Print JSON instead of text");
    compare->callback([&ctx, opts] {
        ctx.ran = true;
        if (!unlockForCommand(ctx, "compare")) return;
        ctx.exitCode = runCompare(ctx.dataDir, *opts);
    });

    auto* exportCmd = app.add_subcommand("export", "Export results as JSON, CSV or a Markdown report (oldest first)");
    exportCmd->add_option("--format", opts->format, "json, csv or md")
        ->required()
        ->check(CLI::IsMember({"json", "csv", "md"}));
    exportCmd->add_option("--set", opts->set, "Only results of this question set id");
    exportCmd->add_option("--id", opts->ids, "Only these result ids (repeatable)");
    exportCmd->add_option("--out", opts->out, "Write to this file (mode 0600) instead of standard output");
    exportCmd->callback([&ctx, opts] {
        ctx.ran = true;
        if (!unlockForCommand(ctx, "export")) return;
        ctx.exitCode = runExport(ctx.dataDir, *opts);
    });
}

}  // namespace rekindle::cli
