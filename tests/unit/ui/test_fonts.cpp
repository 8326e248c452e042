// The atlas's glyph ranges cover every character the UI and the shipped content use, so none shows as "?".
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "test_support.hpp"
#include "ui/fonts.hpp"

namespace fs = std::filesystem;

TEST_CASE("every character in the UI sources and shipped content has a glyph range") {
    const fs::path root = REKINDLE_TEST_SOURCE_DIR;
    int files = 0;
    std::string missing;
    for (const char* dir : {"src/ui", "src/app", "assets", "questionnaires"}) {
        for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
            if (!entry.is_regular_file()) continue;
            ++files;
            std::string text = rekindle::test::readText(entry.path());
            for (size_t i = 0; i < text.size();) {
                unsigned char c = static_cast<unsigned char>(text[i]);
                unsigned cp = c;
                size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
                if (len > 1) {
                    cp = c & (0xFF >> (len + 1));
                    for (size_t k = 1; k < len && i + k < text.size(); ++k) cp = (cp << 6) | (text[i + k] & 0x3F);
                }
                if (cp >= 0x20 && !rekindle::ui::rangesCover(cp))
                    missing += entry.path().filename().string() + ": U+" + std::to_string(cp) + "\n";
                i += len;
            }
        }
    }
    CHECK(files > 20);
    CHECK(missing == "");
    CHECK(rekindle::ui::rangesCover(0x2014));   // em dash, used in tips
    CHECK(rekindle::ui::rangesCover(0x0416));   // Cyrillic: sets may be written in other languages
    CHECK_FALSE(rekindle::ui::rangesCover(0x2603));  // symbol blocks are left out on purpose
}
