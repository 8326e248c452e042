// The per-frame list of drawn items; recording is off unless a script runs, so it costs nothing otherwise.
#include "ui/registry.hpp"

namespace rekindle::ui {

Registry& Registry::get() {
    static Registry instance;
    return instance;
}

void Registry::beginFrame() { m_current.clear(); }

void Registry::add(RegisteredItem item) {
    if (!m_enabled) return;
    auto hash = item.label.find("##");
    if (hash != std::string::npos) item.label.resize(hash);
    m_current.push_back(std::move(item));
}

namespace {
// Exact label first, then a prefix (buttons often carry a count or a shortcut hint after the words).
const RegisteredItem* findWidget(const std::vector<RegisteredItem>& items, const std::string& label, bool outOfView) {
    for (const auto& it : items)
        if (it.kind != RegisteredItem::Kind::Text && it.outOfView == outOfView && it.label == label) return &it;
    for (const auto& it : items)
        if (it.kind != RegisteredItem::Kind::Text && it.outOfView == outOfView && it.label.rfind(label, 0) == 0) return &it;
    return nullptr;
}
}  // namespace

const RegisteredItem* Registry::findClickable(const std::string& label) const { return findWidget(m_current, label, false); }
const RegisteredItem* Registry::findOutOfView(const std::string& label) const { return findWidget(m_current, label, true); }

const RegisteredItem* Registry::firstCut() const {
    for (const auto& it : m_current)
        if (it.cut) return &it;
    return nullptr;
}

const RegisteredItem* Registry::focused() const {
    // The last one: a widget with no visible label is recorded again under a name the screen gives it ("Note box").
    for (auto it = m_current.rbegin(); it != m_current.rend(); ++it)
        if (it->focused) return &*it;
    return nullptr;
}

bool Registry::hasText(const std::string& needle) const {
    for (const auto& it : m_current)
        if (it.label.find(needle) != std::string::npos) return true;
    return false;
}

}  // namespace rekindle::ui
