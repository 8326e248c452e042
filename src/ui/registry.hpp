// What the UI drew this frame, by label: the scripted test driver finds widgets and text here, as a person
// would find them on screen. Filled by the widget wrappers in widgets.hpp, cleared at the start of each frame.
#pragma once

#include <string>
#include <vector>

namespace rekindle::ui {

struct RegisteredItem {
    enum class Kind { Button, Text, Input, Checkbox, Tab };
    Kind kind = Kind::Text;
    std::string label;  // visible label (without the "##id" part)
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool enabled = true;
    bool cut = false;  // partly hidden by its window, child or column although in view (ui::lastItemClip)
    float clipX0 = 0, clipY0 = 0, clipX1 = 0, clipY1 = 0;  // the visible area it was drawn into
    // What is wrong when cut: "cut by its window, child or column", "overflows its card", "is broken mid-word".
    std::string problem;
    bool outOfView = false;  // a widget scrolled out of view: not clickable until scrolled to (as for a person)
    bool focused = false;  // has keyboard focus with its highlight showing, or is the text field being typed in
};

class Registry {
public:
    static Registry& get();
    void beginFrame();
    void add(RegisteredItem item);
    void dropLast() { if (!m_current.empty()) m_current.pop_back(); }
    // The last complete frame's items: the driver looks between frames, after one frame ended and before the
    // next one begins, so the list being filled is the finished one at that moment.
    const std::vector<RegisteredItem>& items() const { return m_current; }
    const RegisteredItem* findClickable(const std::string& label) const;  // in view only
    const RegisteredItem* findOutOfView(const std::string& label) const;  // a widget scrolled away, to scroll to
    bool hasText(const std::string& needle) const;  // substring of any text or label drawn
    const RegisteredItem* firstCut() const;          // the first item drawn partly hidden, or null
    const RegisteredItem* focused() const;           // the item with keyboard focus, or null
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool enabled() const { return m_enabled; }

private:
    std::vector<RegisteredItem> m_current;
    bool m_enabled = false;
};

}  // namespace rekindle::ui
