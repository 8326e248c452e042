// Window metrics for `rekindle bench --gui`: runs this same executable as a child with a real window (Xvfb + Mesa
// when headless) and reads start-up time, frame cost, peak memory and idle CPU from the outside.
#pragma once

#include <string>
#include <vector>

namespace rekindle::bench {

struct ChildRun {
    bool started = false;
    int exitCode = -1;           // -1: killed or did not start
    double firstFrameMs = -1;    // spawn to the child's "first frame" line on stderr; -1 if never printed
    double firstFrameCpuMs = 0;  // CPU the child had used (all threads, Mesa's included) when it printed that line
    double exitMs = 0;           // spawn to exit
    double cpuMs = 0;            // user + system CPU of the child
    double peakRssMb = 0;        // the child's VmHWM, sampled while it runs
    std::string stderrText;
};

// Runs `exe args...` with REKINDLE_REPORT_FIRST_FRAME=1, stdout discarded and stderr captured; kills it after
// timeoutSeconds.
ChildRun runChild(const std::string& exe, const std::vector<std::string>& args, double timeoutSeconds);

// The path of the running executable (/proc/self/exe).
std::string selfExe();

// True when a window can open here (DISPLAY or WAYLAND_DISPLAY set).
bool haveDisplay();

// Runs this executable again as `xvfb-run -a -s "-screen 0 WxHx24" <self> args...`, passing stdout and stderr
// through; returns its exit code, or -1 when xvfb-run is not installed.
int rerunUnderXvfb(const std::vector<std::string>& args);

}  // namespace rekindle::bench
