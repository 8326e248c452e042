// Window layout persistence through the storage helpers: readFile (no links, no FIFOs) and writeFileAtomic.
#include "platform/ini_file.hpp"

#include <imgui.h>

#include <cstdio>

#include "storage/atomic_file.hpp"
#include "storage/private_dir.hpp"

namespace rekindle::platform {

namespace {
constexpr size_t kMaxIniBytes = 1024 * 1024;  // a layout is a few hundred bytes; anything huge is not ours
}

void IniFile::load() {
    ImGui::GetIO().IniFilename = nullptr;
    if (m_file.empty()) return;
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(m_file, ec))) return;
    std::string why;
    auto text = storage::readFile(m_file, &why, kMaxIniBytes);
    if (!text) {
        std::fprintf(stderr, "rekindle: %s: %s; the window layout starts fresh\n", m_file.c_str(), why.c_str());
        return;
    }
    // ImGui 1.86 reads one byte past the buffer of an empty ini (ASan: heap-buffer-overflow), so never pass one.
    if (!text->empty()) ImGui::LoadIniSettingsFromMemory(text->data(), text->size());
}

void IniFile::saveIfWanted() {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.WantSaveIniSettings) return;
    io.WantSaveIniSettings = false;
    saveNow();
}

void IniFile::saveNow() {
    if (m_suppressed || m_file.empty()) return;
    size_t size = 0;
    const char* data = ImGui::SaveIniSettingsToMemory(&size);
    std::string why;
    bool ok = storage::ensurePrivateDir(m_file.parent_path(), &why) &&
              storage::writeFileAtomic(m_file, std::string(data ? data : "", size), &why);
    if (!ok && !m_reported) {
        std::fprintf(stderr, "rekindle: the window layout was not saved: %s\n", why.c_str());
        m_reported = true;  // once: this runs every few seconds while the window moves
    }
}

}  // namespace rekindle::platform
