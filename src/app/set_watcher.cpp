// Polling a handful of stat() calls every 300 ms costs microseconds and works on every file system, including
// editors that save by rename.
#include "app/set_watcher.hpp"

#include <algorithm>
#include <chrono>

namespace rekindle::app {

namespace fs = std::filesystem;

SetWatcher::SetWatcher(std::vector<fs::path> dirs, std::string extraFile)
    : m_dirs(std::move(dirs)), m_extraFile(std::move(extraFile)) {
    m_thread = std::thread([this] { run(); });
}

SetWatcher::~SetWatcher() {
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
}

void SetWatcher::setWake(std::function<void()> wake) { m_wake.set(std::move(wake)); }

SetWatcher::Snapshot SetWatcher::snapshot() const {
    Snapshot out;
    auto add = [&out](const std::string& path) {
        if (auto stamp = storage::fileStamp(path)) out.push_back({path, *stamp});
    };
    for (const fs::path& dir : m_dirs) {
        std::error_code ec;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) add(it->path().string());
    }
    if (!m_extraFile.empty()) add(m_extraFile);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

void SetWatcher::run() {
    auto last = snapshot();
    while (!m_stop) {
        for (int i = 0; i < 6 && !m_stop; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        auto now = snapshot();
        if (now == last) continue;
        last = std::move(now);
        m_changed = true;
        m_wake.fire();
    }
}

}  // namespace rekindle::app
