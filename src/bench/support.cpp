// Clocks, medians and the metric report of `rekindle bench`.
#include "bench/support.hpp"

#include <time.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace rekindle::bench {

namespace {

double clockMs(clockid_t id) {
    timespec ts{};
    clock_gettime(id, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

}  // namespace

double wallMs() { return clockMs(CLOCK_MONOTONIC); }
double threadCpuMs() { return clockMs(CLOCK_THREAD_CPUTIME_ID); }
double processCpuMs() { return clockMs(CLOCK_PROCESS_CPUTIME_ID); }

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

namespace {

// Runs fn `reps` times on the given clock (ms); `setup` runs untimed before each repetition.
double medianOn(double (*clock)(), int reps, const std::function<void()>& fn, const std::function<void()>& setup) {
    std::vector<double> times;
    for (int i = 0; i < std::max(reps, 1); ++i) {
        if (setup) setup();
        double t0 = clock();
        fn();
        times.push_back(clock() - t0);
    }
    return median(times);
}

}  // namespace

double medianWallMs(int reps, const std::function<void()>& fn, const std::function<void()>& setup) {
    return medianOn(wallMs, reps, fn, setup);
}

double medianCpuMs(int reps, const std::function<void()>& fn, const std::function<void()>& setup) {
    return medianOn(threadCpuMs, reps, fn, setup);
}

std::string formatValue(double v) {
    char buf[64];
    double a = std::fabs(v);
    if (a >= 100) std::snprintf(buf, sizeof buf, "%.0f", v);
    else if (a >= 10) std::snprintf(buf, sizeof buf, "%.1f", v);
    else if (a >= 1) std::snprintf(buf, sizeof buf, "%.2f", v);
    else std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

void note(const std::string& text) {
    std::fprintf(stderr, "# %s\n", text.c_str());
    std::fflush(stderr);
}

void Report::add(const std::string& name, double value, const std::string& unit, std::optional<double> budget) {
    m_metrics.push_back({name, value, unit, budget});
    std::printf("%s %s %s\n", name.c_str(), formatValue(value).c_str(), unit.c_str());
    std::fflush(stdout);
}

int Report::printBudgets() const {
    int missed = 0;
    bool any = false;
    for (const auto& m : m_metrics) {
        if (!m.budget) continue;
        if (!any) note("budgets (docs/performance.md):");
        any = true;
        bool ok = m.value <= *m.budget;
        missed += ok ? 0 : 1;
        std::fprintf(stderr, "#   %-4s %-34s %10s %-3s (budget %s %s)\n", ok ? "ok" : "OVER", m.name.c_str(),
                     formatValue(m.value).c_str(), m.unit.c_str(), formatValue(*m.budget).c_str(), m.unit.c_str());
    }
    return missed;
}

}  // namespace rekindle::bench
