// The set-reading worker: one read at a time, the newest request next, the result picked up by the loop.
#include "app/set_loader.hpp"

#include <utility>

namespace rekindle::app {

SetLoader::~SetLoader() {
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
}

void SetLoader::start(Read read) {
    if (m_thread.joinable()) {
        m_next = std::move(read);
        return;
    }
    m_done = false;
    m_thread = std::thread([this, read = std::move(read)] { run(read); });
}

void SetLoader::run(Read read) {
    m_result = read(m_stop);
    m_done = true;
    m_wake.fire();
}

std::optional<std::vector<SetEntry>> SetLoader::take() {
    if (!m_thread.joinable() || !m_done) return std::nullopt;
    m_thread.join();
    std::vector<SetEntry> sets = std::move(m_result);
    m_result.clear();
    if (m_next) start(std::exchange(m_next, nullptr));
    return sets;
}

}  // namespace rekindle::app
