// What `rekindle bench` shares between its parts: clocks, medians, and the report of `name value unit` lines with
// the budgets from docs/performance.md they are held against.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace rekindle::bench {

double wallMs();       // steady clock, milliseconds since an arbitrary start
double threadCpuMs();  // CPU time of the calling thread
double processCpuMs(); // CPU time of the whole process (all threads)

double median(std::vector<double> values);

// Runs fn `reps` times and returns the median wall time in ms; `setup` (untimed) runs before each repetition.
double medianWallMs(int reps, const std::function<void()>& fn, const std::function<void()>& setup = {});
// The same in CPU time of the calling thread: what the work itself costs, even on a machine busy with other jobs
// (on an idle machine it equals the wall time for this single-threaded work).
double medianCpuMs(int reps, const std::function<void()>& fn, const std::function<void()>& setup = {});

struct Metric {
    std::string name;
    double value = 0;
    std::string unit;
    std::optional<double> budget;  // the value must be <= budget (same unit)
};

class Report {
public:
    // Prints `name value unit` to stdout at once, so a long run shows progress.
    void add(const std::string& name, double value, const std::string& unit, std::optional<double> budget = {});
    const std::vector<Metric>& metrics() const { return m_metrics; }
    // Budget lines on stderr; returns how many budgets were missed.
    int printBudgets() const;

private:
    std::vector<Metric> m_metrics;
};

// "12.3" style formatting with enough digits for both 0.004 ms and 1234 ms.
std::string formatValue(double v);

// Progress and context for people, on stderr so stdout stays one metric per line.
void note(const std::string& text);

}  // namespace rekindle::bench
