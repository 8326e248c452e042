// Child processes for the window metrics: posix_spawn, a stderr pipe read with poll, wait4 for CPU and peak RSS.
#include "bench/child_run.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "bench/support.hpp"

extern char** environ;

namespace rekindle::bench {

namespace {

std::vector<char*> cStrings(std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (auto& s : strings) out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

std::string findOnPath(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::string p = path ? path : "/usr/bin:/bin";
    size_t start = 0;
    while (start <= p.size()) {
        size_t end = p.find(':', start);
        if (end == std::string::npos) end = p.size();
        std::string dir = p.substr(start, end - start);
        if (!dir.empty()) {
            std::string candidate = dir + "/" + name;
            if (::access(candidate.c_str(), X_OK) == 0) return candidate;
        }
        start = end + 1;
    }
    return {};
}

// Peak resident set of a running process (VmHWM, in MB); 0 when it cannot be read. wait4's ru_maxrss cannot be
// used: Linux carries the spawning process's peak over exec, so the child would report the bench's own memory.
double peakRssMb(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;  // kB
    return 0;
}

// user + system CPU of a running process (all its threads), in ms.
double cpuMsOf(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto close = text.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream fields(text.substr(close + 2));
    std::string f;
    double utime = 0, stime = 0;
    for (int i = 3; fields >> f; ++i) {  // field 3 is the state; utime and stime are fields 14 and 15
        if (i == 14) utime = std::strtod(f.c_str(), nullptr);
        if (i == 15) { stime = std::strtod(f.c_str(), nullptr); break; }
    }
    return (utime + stime) * 1000.0 / double(::sysconf(_SC_CLK_TCK));
}

}  // namespace

std::string selfExe() {
    std::error_code ec;
    auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : p.string();
}

bool haveDisplay() {
    const char* d = std::getenv("DISPLAY");
    const char* w = std::getenv("WAYLAND_DISPLAY");
    return (d && *d) || (w && *w);
}

ChildRun runChild(const std::string& exe, const std::vector<std::string>& args, double timeoutSeconds) {
    ChildRun run;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return run;

    std::vector<std::string> argv{exe};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e)
        if (std::strncmp(*e, "REKINDLE_REPORT_FIRST_FRAME=", 28) != 0) env.emplace_back(*e);
    env.emplace_back("REKINDLE_REPORT_FIRST_FRAME=1");
    auto cargv = cStrings(argv);
    auto cenv = cStrings(env);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);

    double t0 = wallMs();
    pid_t pid = -1;
    int rc = posix_spawn(&pid, exe.c_str(), &actions, nullptr, cargv.data(), cenv.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    if (rc != 0) {
        ::close(fds[0]);
        run.stderrText = std::string("cannot start ") + exe + ": " + std::strerror(rc);
        return run;
    }
    run.started = true;

    bool killed = false;
    char buf[4096];
    for (;;) {
        double left = timeoutSeconds * 1000 - (wallMs() - t0);
        if (left <= 0) {
            ::kill(pid, SIGKILL);
            killed = true;
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        int n = ::poll(&p, 1, int(std::min(left, 20.0)) + 1);
        // Sampled every 20 ms while the child lives; VmHWM only grows, so the last reading is the peak.
        if (double hwm = peakRssMb(pid); hwm > 0) run.peakRssMb = hwm;
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) continue;
        ssize_t got = ::read(fds[0], buf, sizeof buf);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;  // EOF: the child closed stderr (it exited)
        run.stderrText.append(buf, size_t(got));
        if (run.firstFrameMs < 0 && run.stderrText.find("first frame after") != std::string::npos) {
            run.firstFrameMs = wallMs() - t0;
            run.firstFrameCpuMs = cpuMsOf(pid);
        }
    }
    ::close(fds[0]);
    int status = 0;
    rusage ru{};
    while (::wait4(pid, &status, 0, &ru) < 0 && errno == EINTR) {}
    run.exitMs = wallMs() - t0;
    run.cpuMs = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
    if (!killed && WIFEXITED(status)) run.exitCode = WEXITSTATUS(status);
    if (killed) run.stderrText += "\n(killed after the timeout)";
    return run;
}

int rerunUnderXvfb(const std::vector<std::string>& args) {
    std::string xvfbRun = findOnPath("xvfb-run");
    if (xvfbRun.empty()) return -1;
    std::vector<std::string> argv{xvfbRun, "-a", "-s", "-screen 0 1280x1024x24", selfExe()};
    argv.insert(argv.end(), args.begin(), args.end());
    auto cargv = cStrings(argv);
    pid_t pid = -1;
    if (posix_spawn(&pid, xvfbRun.c_str(), nullptr, nullptr, cargv.data(), environ) != 0) return -1;
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

}  // namespace rekindle::bench
