// `rekindle bench`: measures loading, scoring, saving, history, UI frames and (with --gui) the real window against
// the budgets in docs/performance.md, on generated inputs of growing size in a throwaway folder.
#include "bench/bench.hpp"

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <memory>
#include <optional>
#include <random>
#include <regex>

#include "app/application.hpp"
#include "bench/gen.hpp"
#include "bench/child_run.hpp"
#include "bench/support.hpp"
#include "bench/headless_ui.hpp"
#include "core/compare.hpp"
#include "core/simulate.hpp"
#include "storage/atomic_file.hpp"
#include "storage/crypto/protection.hpp"
#include "storage/library.hpp"
#include "storage/paths.hpp"
#include "storage/question_set_json.hpp"
#include "storage/result_store.hpp"

namespace rekindle::bench {

namespace {

namespace fs = std::filesystem;

// What a run measures. The full sizes are the issue's; --quick only proves that every metric still prints.
struct Plan {
    std::vector<int> questions;
    std::vector<int> results;
    int wideOptions = 100000;  // one question with this many options: validation must stay linear
    int uiFrames = 200;       // history frames at the largest size; the take walk draws about as many
    int framesPerStep = 5;
    int guiStarts = 5;        // --frames 2 runs: start-up time
    int guiLongRuns = 3;      // --frames 302 runs: frame cost and peak RSS
    double idleSeconds = 10;
    int repsFor(int size) const { return size <= 100 ? 30 : size <= 1000 ? 10 : 3; }
};

Plan planFor(const BenchOptions& o) {
    Plan p;
    if (!o.quick) {
        p.questions = {30, 1000, 10000};
        p.results = {100, 1000, 10000};
        return p;
    }
    p.questions = {30, 60, 120};
    p.results = {10, 30, 100};
    p.wideOptions = 2000;
    p.uiFrames = 10;
    p.framesPerStep = 1;
    p.guiStarts = 1;
    p.guiLongRuns = 1;
    p.idleSeconds = 1;
    return p;
}

// Budgets by metric name, as the performance targets set them; kept here and in docs/performance.md.
std::optional<double> budgetOf(const std::string& name) {
    static const std::vector<std::pair<std::string, double>> budgets = {
        {"set_load_q1000", 100},      {"history_open_r10000", 500}, {"ui_take_frame_cpu", 1},
        {"ui_history_frame_cpu_r10000", 2}, {"gui_start_to_first_frame", 200}, {"gui_idle_cpu", 1},
        {"gui_peak_rss", 110},        {"gui_peak_rss_take", 110}, {"history_open_sealed_pct_r10000", 200}};
    for (const auto& [n, b] : budgets)
        if (n == name) return b;
    return std::nullopt;
}

class Bench {
public:
    Bench(const BenchOptions& options, fs::path root) : m_opt(options), m_plan(planFor(options)), m_root(std::move(root)) {}

    // Returns false (after saying why) when an input that must work does not: the numbers would mean nothing.
    bool run();
    const Report& report() const { return m_report; }

private:
    void add(const std::string& name, double value, const std::string& unit) { m_report.add(name, value, unit, budgetOf(name)); }
    bool fail(const std::string& why) {
        std::fprintf(stderr, "rekindle bench: %s\n", why.c_str());
        return false;
    }
    bool questionSets();
    bool resultWrite();
    bool history(HeadlessUi& ui);
    bool sealedHistory();
    bool largeHistory(HeadlessUi& ui);
    bool takeFrames(HeadlessUi& ui);
    bool window();

    BenchOptions m_opt;
    Plan m_plan;
    fs::path m_root;
    storage::Paths m_paths;
    storage::Library m_library;
    core::QuestionSet m_main;
    Report m_report;
    fs::path m_largestSet;
    double m_plainHistoryOpenMs = 0;  // History opened at the largest size, plain files: the sealed run's baseline
};

bool Bench::run() {
    m_paths = storage::resolvePaths((m_root / "data").string());
    m_library = storage::loadLibrary(m_paths.assetsDir);
    for (const auto& p : m_library.problems)
        if (p.severity == storage::Problem::Severity::Error) return fail("the shipped tip library has a problem: " + p.format());
    fs::path mainFile = m_paths.builtinQuestionnaires / "pulling-away.json";
    auto main = storage::loadQuestionSet(mainFile, m_library);
    if (!main.valid()) return fail(mainFile.string() + " does not load; run `rekindle validate` on it");
    m_main = *main.set;
    note("shipped sets: " + m_paths.builtinQuestionnaires.string() + "; scratch folder: " + m_root.string());

    if (!questionSets() || !resultWrite()) return false;
    {
        HeadlessUi ui(1100, 760);  // the window's default size
        if (!history(ui) || !sealedHistory() || !takeFrames(ui)) return false;
        if (m_opt.large && !largeHistory(ui)) return false;
    }
    if (m_opt.gui && !window()) return false;
    return true;
}

// Load + validate (read the file, parse, check, build the model) and score one take, per size.
bool Bench::questionSets() {
    fs::path dir = m_root / "sets";
    std::string err;
    if (!storage::ensurePrivateDir(dir, &err)) return fail(err);
    auto measure = [&](const std::string& tag, const fs::path& file, int questions) -> bool {
        // Five loads at least: one noisy repetition out of three moved the median by a fifth on a shared machine.
        int reps = std::max(m_opt.quick ? 1 : 5, m_plan.repsFor(questions));
        storage::LoadedSet loaded;
        // Freeing the previous repetition's set is not part of loading, so it happens untimed.
        double load = medianCpuMs(reps, [&] { loaded = storage::loadQuestionSet(file, m_library); },
                                  [&] { loaded = storage::LoadedSet{}; });
        if (!loaded.valid()) {
            for (const auto& p : loaded.problems) std::fprintf(stderr, "%s\n", p.format().c_str());
            return fail(file.string() + " did not validate");
        }
        const core::QuestionSet& set = *loaded.set;
        std::vector<core::Answers> takes;
        std::mt19937_64 rng(42);
        for (int i = 0; i < reps; ++i) takes.push_back(core::randomAnswers(set, rng));
        size_t next = 0;
        core::ScoreResult sink;
        double score = medianCpuMs(reps, [&] { sink = core::score(set, takes[next++ % takes.size()]); });
        if (sink.dimensions.size() != set.dimensions.size()) return fail("scoring " + file.string() + " lost dimensions");
        add("set_load_" + tag, load, "ms");
        add("set_load_per_question_" + tag, load * 1000.0 / questions, "us");
        add("set_score_" + tag, score, "ms");
        add("set_score_per_question_" + tag, score * 1000.0 / questions, "us");
        return true;
    };
    if (!measure("main", m_paths.builtinQuestionnaires / "pulling-away.json", int(m_main.questionCount()))) return false;
    for (int n : m_plan.questions) {
        fs::path file = dir / ("generated-" + std::to_string(n) + ".json");
        if (!storage::writeFileAtomic(file, generateQuestionSetJson(n, 1), &err)) return fail(err);
        if (!measure("q" + std::to_string(n), file, n)) return false;
        m_largestSet = file;
    }
    // A question with 100,000 options: not a budget, a cliff detector (it once took 24 s, quadratic in options).
    fs::path wide = dir / "generated-wide.json";
    if (!storage::writeFileAtomic(wide, generateWideSetJson(m_plan.wideOptions), &err)) return fail(err);
    storage::LoadedSet loaded;
    double ms = medianCpuMs(m_opt.quick ? 1 : 3, [&] { loaded = storage::loadQuestionSet(wide, m_library); },
                            [&] { loaded = storage::LoadedSet{}; });
    if (!loaded.valid()) return fail(wide.string() + " did not validate");
    add("set_load_options_" + std::to_string(m_plan.wideOptions), ms, "ms");
    add("set_load_per_option", ms * 1000.0 / m_plan.wideOptions, "us");
    return true;
}

// One finished take saved the way the app saves it: JSON, written to a temp file, fsync'd, renamed, folder fsync'd.
bool Bench::resultWrite() {
    storage::ResultStore store(m_root / "write" / "results", m_root / "write" / "trash");
    std::mt19937_64 rng(7);
    core::Answers answers = core::randomAnswers(m_main, rng);
    core::ScoreResult score = core::score(m_main, answers);
    core::ResultRecord base = core::makeResult(m_main, answers, {{"note", "Saved by the bench."}}, score, "", "");
    std::string err;
    bool ok = true;
    double ms = medianWallMs(m_opt.quick ? 5 : 20, [&] {
        core::ResultRecord r = base;
        if (!store.save(r, &err)) ok = false;
    });
    if (!ok) return fail("saving a result failed: " + err);
    add("result_write", ms, "ms");
    return true;
}

// History at each size: the first listing without an index (it reads every file and writes the index), opening
// the History screen with the index in place, one frame of it, and comparing two results.
bool Bench::history(HeadlessUi& ui) {
    fs::path results = m_paths.resultsDir();
    std::string err;
    if (!storage::ensurePrivateDir(results, &err)) return fail(err);
    storage::ResultStore store(m_paths);
    int have = 0;
    for (int n : m_plan.results) {
        double t0 = wallMs();
        if (!writeGeneratedResults(m_main, results, have, n, 11, &err)) return fail(err);
        note("generated " + std::to_string(n - have) + " results in " + formatValue(wallMs() - t0) + " ms");
        have = n;
        std::string tag = "r" + std::to_string(n);

        size_t listed = 0;
        double cold = medianCpuMs(n >= 10000 ? 1 : 3, [&] { listed = store.list().size(); },
                                   [&] { fs::remove(store.indexFile()); });
        if (listed != size_t(n)) return fail("history listed " + std::to_string(listed) + " of " + std::to_string(n) + " results");
        add("history_list_cold_" + tag, cold, "ms");

        app::ControllerOptions copts;
        copts.dataDir = m_paths.dataDir.string();
        copts.watchFiles = false;
        app::Application ctrl(copts);
        double open = medianCpuMs(m_plan.repsFor(n), [&] { ctrl.apply(app::cmd::Go{app::Screen::History}); });
        if (ctrl.state().history.rows.size() != size_t(n)) return fail("the History screen did not show every result");
        add("history_open_" + tag, open, "ms");
        add("history_open_per_result_" + tag, open * 1000.0 / n, "us");
        m_plainHistoryOpenMs = open;
        // Opening also reads the index file; the wall time shows what waiting on the disk adds to the CPU time.
        add("history_open_wall_" + tag, medianWallMs(m_plan.repsFor(n), [&] { ctrl.apply(app::cmd::Go{app::Screen::History}); }), "ms");

        int frames = n == m_plan.results.back() ? m_plan.uiFrames : std::max(10, m_plan.uiFrames / 4);
        std::vector<double> cpu;
        for (int f = 0; f < frames; ++f) cpu.push_back(ui.frame(ctrl));
        if (ui.lastVertexCount() == 0) return fail("the History frame drew nothing");
        add("ui_history_frame_cpu_" + tag, median(cpu), "ms");

        if (n == m_plan.results.back()) {
            const auto& rows = ctrl.state().history.rows;
            std::string a = rows[rows.size() / 2].id, b = rows[0].id;
            core::Comparison cmp;
            bool loaded = true;
            double ms = medianCpuMs(m_plan.repsFor(100), [&] {
                auto before = store.load(a, &err), after = store.load(b, &err);
                if (!before || !after) loaded = false;
                else cmp = core::compareResults(*before, *after);
            });
            if (!loaded || !cmp.ok) return fail("comparing two results failed: " + (loaded ? cmp.error : err));
            add("compare_two", ms, "ms");
        }
    }
    return true;
}

// Passphrase protection: Argon2id unlock time with the default limits, then the largest History again from sealed
// files (a second folder, so the window bench keeps a plain one): listing without the index (every file opened) and
// opening the screen with the sealed index, against the plain figures.
bool Bench::sealedHistory() {
    const char phrase[] = "bench passphrase, not secret";
    storage::SecretBytes pass(phrase, sizeof phrase - 1);
    storage::Paths sealed = storage::resolvePaths((m_root / "sealed-data").string());
    std::string err;
    if (!storage::ensurePrivateDir(sealed.resultsDir(), &err)) return fail(err);
    int n = m_plan.results.back();
    if (!writeGeneratedResults(m_main, sealed.resultsDir(), 0, n, 11, &err)) return fail(err);
    // --quick keeps the test suite fast with libsodium's minimum limits; a full run measures what users get.
    storage::KdfLimits limits = m_opt.quick ? storage::minimalKdfLimits() : storage::moderateKdfLimits();
    storage::ConversionReport report;
    double t0 = wallMs();
    if (!storage::protectFolder(sealed.dataDir, pass, limits, report)) return fail("protecting: " + report.error);
    note("sealed " + std::to_string(report.converted) + " results in " + formatValue(wallMs() - t0) + " ms (" +
         (m_opt.quick ? "minimal" : "moderate") + " Argon2id limits)");
    storage::lockFolder(sealed.dataDir);
    double unlock = medianWallMs(m_opt.quick ? 1 : 3, [&] {
        storage::lockFolder(sealed.dataDir);
        if (storage::unlockFolder(sealed.dataDir, pass).status != storage::UnlockStatus::Ok) err = "unlock failed";
    });
    if (!err.empty()) return fail(err);
    add("unlock_argon2id", unlock, "ms");

    std::string tag = "r" + std::to_string(n);
    storage::ResultStore store(sealed);
    size_t listed = 0;
    double cold = medianCpuMs(n >= 10000 ? 1 : 3, [&] { listed = store.list().size(); },
                              [&] { fs::remove(store.indexFile()); });
    if (listed != size_t(n)) return fail("sealed history listed " + std::to_string(listed) + " of " + std::to_string(n));
    add("history_list_cold_sealed_" + tag, cold, "ms");
    app::ControllerOptions copts;
    copts.dataDir = sealed.dataDir.string();
    copts.watchFiles = false;
    app::Application ctrl(copts);
    double open = medianCpuMs(m_plan.repsFor(n), [&] { ctrl.apply(app::cmd::Go{app::Screen::History}); });
    if (ctrl.state().history.rows.size() != size_t(n)) return fail("the sealed History screen did not show every result");
    add("history_open_sealed_" + tag, open, "ms");
    add("history_open_sealed_added_per_result_" + tag, (open - m_plainHistoryOpenMs) * 1000.0 / n, "us");
    add("history_open_sealed_pct_" + tag, m_plainHistoryOpenMs > 0 ? 100.0 * open / m_plainHistoryOpenMs : 0, "%");
    storage::lockFolder(sealed.dataDir);
    return true;
}

// Resident memory of this process now (VmRSS, MB): what History's rows add is the difference around opening it.
double residentMb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
    return 0;
}

// --large: History with 50,000 results in a folder of its own (the window bench keeps its small one). The index is
// over 16 MiB at this size and must still be reused: listing with it, opening the screen, one frame, and the memory
// the rows take.
bool Bench::largeHistory(HeadlessUi& ui) {
    constexpr int n = 50000;
    storage::Paths large = storage::resolvePaths((m_root / "large-data").string());
    std::string err;
    if (!storage::ensurePrivateDir(large.resultsDir(), &err)) return fail(err);
    double t0 = wallMs();
    if (!writeGeneratedResults(m_main, large.resultsDir(), 0, n, 13, &err)) return fail(err);
    note("generated " + std::to_string(n) + " results in " + formatValue(wallMs() - t0) + " ms");
    storage::ResultStore store(large);
    size_t listed = 0;
    add("history_list_cold_r50000", medianCpuMs(1, [&] { listed = store.list().size(); }), "ms");
    if (listed != size_t(n)) return fail("history listed " + std::to_string(listed) + " of 50000 results");
    std::error_code ec;
    add("history_index_size_r50000", double(fs::file_size(store.indexFile(), ec)) / (1024.0 * 1024.0), "MiB");
    add("history_list_indexed_r50000", medianCpuMs(3, [&] { listed = store.list().size(); }), "ms");
    app::ControllerOptions copts;
    copts.dataDir = large.dataDir.string();
    copts.watchFiles = false;
    double before = residentMb();
    app::Application ctrl(copts);
    double open = medianCpuMs(3, [&] { ctrl.apply(app::cmd::Go{app::Screen::History}); });
    if (ctrl.state().history.rows.size() != size_t(n)) return fail("the History screen did not show every result");
    add("history_open_r50000", open, "ms");
    add("history_open_wall_r50000", medianWallMs(3, [&] { ctrl.apply(app::cmd::Go{app::Screen::History}); }), "ms");
    add("history_rss_added_r50000", residentMb() - before, "MB");
    std::vector<double> cpu;
    for (int f = 0; f < 20; ++f) cpu.push_back(ui.frame(ctrl));
    add("ui_history_frame_cpu_r50000", median(cpu), "ms");
    // Moving between screens reloads History each time: what a person waits for when coming back to it.
    add("history_back_and_forth_r50000", medianWallMs(3, [&] {
        ctrl.apply(app::cmd::Go{app::Screen::Home});
        ctrl.apply(app::cmd::Go{app::Screen::History});
    }), "ms");
    return true;
}

// The take screen, walked step by step through the main set (every step drawn), and the first steps of the
// largest generated set (the screen must not cost more because the set is long).
bool Bench::takeFrames(HeadlessUi& ui) {
    app::ControllerOptions copts;
    copts.dataDir = (m_root / "take-data").string();
    copts.openFile = m_largestSet.string();
    copts.watchFiles = false;
    app::Application ctrl(copts);
    auto walk = [&](const std::string& setId, int maxSteps, const std::string& name) -> bool {
        const app::SetEntry* entry = ctrl.state().findSet(setId);
        if (!entry) return fail("set " + setId + " was not found by the app");
        std::mt19937_64 rng(5);
        core::Answers answers = core::randomAnswers(*entry->set(), rng);
        auto cpu = walkTake(ui, ctrl, setId, answers, m_plan.framesPerStep, maxSteps);
        if (cpu.empty() || ui.lastVertexCount() == 0) return fail("the take screen drew nothing for " + setId);
        ctrl.apply(app::cmd::AbandonTake{});
        add(name, median(cpu), "ms");
        return true;
    };
    if (!walk(m_main.id, 1000, "ui_take_frame_cpu")) return false;
    std::string big = "generated-" + std::to_string(m_plan.questions.back());
    return walk(big, 40, "ui_take_frame_cpu_q" + std::to_string(m_plan.questions.back()));
}

#if REKINDLE_TEST_HOOKS
double parseIdlePercent(const std::string& text) {
    std::smatch m;
    static const std::regex re("= ([0-9.]+) % of one core");
    if (std::regex_search(text, m, re)) return std::stod(m[1].str());
    return -1;
}
#endif

// The real window, as a child process of this executable: start-up, frame cost, peak RSS and idle CPU.
bool Bench::window() {
    std::string exe = selfExe();
    fs::path data = m_root / "gui-data";
    std::string err;
    if (!storage::ensurePrivateDir(data, &err)) return fail(err);
    auto frames = [&](int n) { return std::vector<std::string>{"--data-dir", data.string(), "--frames", std::to_string(n)}; };

    std::vector<double> firstFrame, firstFrameCpu, shortExit, longExit, shortCpu, longCpu, rss;
    for (int i = 0; i < m_plan.guiStarts; ++i) {
        ChildRun r = runChild(exe, frames(2), 60);
        if (r.exitCode != 0 || r.firstFrameMs < 0) return fail("the window did not open (exit " + std::to_string(r.exitCode) + "):\n" + r.stderrText);
        firstFrame.push_back(r.firstFrameMs);
        firstFrameCpu.push_back(r.firstFrameCpuMs);
        shortExit.push_back(r.exitMs);
        shortCpu.push_back(r.cpuMs);
    }
    constexpr int kExtra = 300;
    for (int i = 0; i < m_plan.guiLongRuns; ++i) {
        ChildRun r = runChild(exe, frames(2 + kExtra), 120);
        if (r.exitCode != 0) return fail("the frame run failed (exit " + std::to_string(r.exitCode) + "):\n" + r.stderrText);
        longExit.push_back(r.exitMs);
        longCpu.push_back(r.cpuMs);
        rss.push_back(r.peakRssMb);
    }
    add("gui_start_to_first_frame", median(firstFrame), "ms");
    // What start-up costs in CPU (every thread of the child): unlike the wall time, it barely moves when the
    // machine is busy with other work.
    add("gui_start_cpu", median(firstFrameCpu), "ms");
    // The difference between 302 and 2 frames cancels start-up and shutdown, leaving 300 frames of the loop.
    add("gui_frame_wall", std::max(0.0, (median(longExit) - median(shortExit)) / kExtra), "ms");
    add("gui_frame_cpu", std::max(0.0, (median(longCpu) - median(shortCpu)) / kExtra), "ms");
    add("gui_peak_rss", median(rss), "MB");

#if REKINDLE_TEST_HOOKS
    // Idle with a take of the main set open, as someone would leave it: the loop must sleep.
    fs::path script = m_root / "idle.json";
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "{\"steps\": [{\"expectScreen\": \"home\"}, {\"click\": \"Start %s\"}, {\"click\": \"I understand, begin\"},"
                  " {\"expectScreen\": \"take\"}, {\"idle\": {\"seconds\": %.1f, \"maxCpuPercent\": 100}}]}\n",
                  m_main.title.c_str(), m_plan.idleSeconds);
    if (!storage::writeFileAtomic(script, buf, &err)) return fail(err);
    ChildRun idle = runChild(exe, {"--data-dir", data.string(), "--script", script.string()}, m_plan.idleSeconds + 60);
    double percent = parseIdlePercent(idle.stderrText);
    if (idle.exitCode != 0 || percent < 0) return fail("the idle run failed (exit " + std::to_string(idle.exitCode) + "):\n" + idle.stderrText);
    add("gui_idle_cpu", percent, "%");
    add("gui_peak_rss_take", idle.peakRssMb, "MB");
#else
    note("gui_idle_cpu and gui_peak_rss_take need the scripted driver, which this build leaves out (REKINDLE_TEST_HOOKS=OFF)");
#endif
    return true;
}

// /proc files report size 0, so they are read as streams rather than through storage::readFile.
std::string procText(const char* path) {
    std::ifstream in(path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string machineLine() {
    std::string model = "unknown CPU";
    std::string cpuinfo = procText("/proc/cpuinfo");
    if (auto p = cpuinfo.find("model name"); p != std::string::npos) {
        auto colon = cpuinfo.find(':', p), end = cpuinfo.find('\n', p);
        if (colon != std::string::npos && end != std::string::npos && end > colon + 2) model = cpuinfo.substr(colon + 2, end - colon - 2);
    }
    std::string line = model + ", " + std::to_string(::sysconf(_SC_NPROCESSORS_ONLN)) + " cores online";
    // Other work on the machine shows up in every number; the load average says how busy it was.
    std::string load = procText("/proc/loadavg");
    if (!load.empty()) line += ", load average " + load.substr(0, load.find(' ', load.find(' ') + 1));
    return line;
}

}  // namespace

int runBench(const BenchOptions& opt) {
    if (opt.gui && !haveDisplay()) {
        note("no DISPLAY: running the whole bench again under xvfb-run (Xvfb + Mesa llvmpipe)");
        std::vector<std::string> args{"bench", "--gui"};
        if (opt.quick) args.push_back("--quick");
        if (opt.check) args.push_back("--check");
        if (opt.keep) args.push_back("--keep");
        int rc = rerunUnderXvfb(args);
        if (rc >= 0) return rc;
        std::fprintf(stderr, "rekindle bench --gui: no display (DISPLAY is not set) and xvfb-run is not installed;\n"
                             "install it (apt-get install xvfb xauth) or run without --gui.\n");
        return 3;
    }
    const char* tmp = std::getenv("TMPDIR");
    std::string tmpl = std::string(tmp && *tmp ? tmp : "/tmp") + "/rekindle-bench.XXXXXX";
    if (!::mkdtemp(tmpl.data())) {
        std::perror("rekindle bench: cannot create a scratch folder");
        return 1;
    }
    fs::path root = tmpl;
    note("machine: " + machineLine() + (opt.quick ? "; --quick: tiny sizes, numbers not comparable to the budgets" : ""));
    double t0 = wallMs();
    Bench bench(opt, root);
    bool ok = bench.run();
    note("bench took " + formatValue((wallMs() - t0) / 1000.0) + " s");
    int missed = bench.report().printBudgets();
    std::error_code ec;
    if (opt.keep) note("kept " + root.string());
    else fs::remove_all(root, ec);  // only the folder mkdtemp made for this run
    if (!ok) return 1;
    if (missed) note(std::to_string(missed) + " budget(s) missed");
    return opt.check && missed ? 1 : 0;
}

}  // namespace rekindle::bench
