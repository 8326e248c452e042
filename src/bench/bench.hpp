// `rekindle bench`: the performance benchmark, held against the budgets in docs/performance.md.
#pragma once

namespace rekindle::bench {

struct BenchOptions {
    bool quick = false;  // tiny sizes: proves every metric prints
    bool gui = false;    // also the real window (as a child process, under xvfb-run without a display)
    bool check = false;  // exit 1 when a budget is missed
    bool keep = false;   // keep the scratch folder
    bool large = false;  // also History with 50,000 results (minutes, about 2 GB of scratch files)
};

// Prints `name value unit` lines on stdout; returns the process exit code.
int runBench(const BenchOptions& options);

}  // namespace rekindle::bench
