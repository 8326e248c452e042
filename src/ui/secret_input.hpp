// Passphrase fields: a fixed buffer that is wiped after use (never a std::string, whose old copies linger), a
// masked input over it, the wiping of ImGui's own copy of the text being edited, and a small progress spinner.
#pragma once

#include <cstddef>
#include <string>

namespace rekindle::ui {

struct SecretField {
    char text[256] = {};
    size_t size() const;
    void wipe();
    ~SecretField() { wipe(); }
};

// A masked single-line field; true when Enter was pressed in it. focus: take keyboard focus this frame.
bool passphraseField(const char* id, const char* name, SecretField& field, float width, bool focus = false);
// Forgets the text ImGui keeps for the field being edited (its edit and undo buffers), and leaves the field.
// Call at the start of a frame, before any text field is drawn.
void forgetTypedText();
// A turning arc, `radius` in pixels; the loop keeps drawing while a job runs, so it moves.
void spinner(float radius);

}  // namespace rekindle::ui
