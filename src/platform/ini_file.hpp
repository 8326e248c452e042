// imgui.ini kept by Rekindle rather than by ImGui: ImGui's own writer uses fopen, which follows a planted symlink
// and leaves a 0644 file; ours reads with O_NOFOLLOW and writes atomically at 0600 into a checked folder.
#pragma once

#include <filesystem>
#include <string>

namespace rekindle::platform {

class IniFile {
public:
    explicit IniFile(std::filesystem::path file) : m_file(std::move(file)) {}
    // Call after ImGui::CreateContext: turns off ImGui's own file handling and loads ours. A missing file is fine;
    // a bad one (a link, FIFO, too big) is reported on stderr and ignored.
    void load();
    // Once a frame: saves when ImGui asks (it does so a few seconds after a window moved or resized).
    void saveIfWanted();
    // At exit, unless suppressed: the last layout.
    void saveNow();
    // After "Delete all my data": nothing may re-create the file.
    void suppress() { m_suppressed = true; }

private:
    std::filesystem::path m_file;
    bool m_suppressed = false;
    bool m_reported = false;
};

}  // namespace rekindle::platform
