// Text from files clipped for display: at most the asked number of characters, cut between words when it can,
// never inside a UTF-8 sequence, marked with "…", and left alone when it already fits.
#include <doctest/doctest.h>

#include <string>

#include "ui/widgets.hpp"

using rekindle::ui::clipForDisplay;

namespace {
size_t codePoints(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}
bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}
}  // namespace

TEST_CASE("text that fits is shown as it is") {
    CHECK(clipForDisplay("", 10) == "");
    CHECK(clipForDisplay("Weekly check-in", 15) == "Weekly check-in");
    CHECK(clipForDisplay("caf\xC3\xA9", 4) == "caf\xC3\xA9");  // 4 characters in 5 bytes
}

TEST_CASE("long text is cut between words and marked") {
    std::string title;
    for (int i = 0; i < 1200; ++i) title += "A very long title ";
    std::string shown = clipForDisplay(title, 200);
    REQUIRE(endsWith(shown, "…"));
    std::string kept = shown.substr(0, shown.size() - std::string("…").size());
    CHECK(title.compare(0, kept.size(), kept) == 0);  // a beginning of the title,
    CHECK(title[kept.size()] == ' ');                 // ending where a word ends
    CHECK(codePoints(shown) <= 201);
    CHECK(codePoints(shown) > 160);  // at the last space, not far before the limit
}

TEST_CASE("one endless word is cut at the limit and a 100 KB note stays small") {
    std::string t(20000, 'T');
    std::string shown = clipForDisplay(t, 200);
    CHECK(shown == std::string(200, 'T') + "…");
    std::string note(100000, 'n');
    CHECK(clipForDisplay(note, 600).size() == 600 + std::string("…").size());
}

TEST_CASE("a cut never splits a UTF-8 sequence") {
    std::string s;
    for (int i = 0; i < 300; ++i) s += "\xC3\xA9";  // é
    std::string shown = clipForDisplay(s, 200);
    CHECK(codePoints(shown) == 201);
    CHECK(endsWith(shown, "\xC3\xA9…"));
    std::string mixed = "a\xE2\x9D\xA4\xF0\x9F\x92\x94" + std::string(10, 'b');  // a, U+2764, U+1F494, b...
    CHECK(clipForDisplay(mixed, 3) == "a\xE2\x9D\xA4\xF0\x9F\x92\x94…");
}
