// Text an ImGui 1.86 field cannot edit without loss: characters beyond U+FFFF, found in UTF-8 by their lead byte.
#include <doctest/doctest.h>

#include "ui/input.hpp"

using rekindle::ui::holdsCharactersBeyondBmp;

TEST_CASE("text with a character beyond U+FFFF is recognised, BMP text of any script is not") {
    CHECK(holdsCharactersBeyondBmp("Heartbroken \xF0\x9F\x92\x94 today"));  // U+1F494 BROKEN HEART
    CHECK(holdsCharactersBeyondBmp("\xF0\x90\x80\x80"));                   // U+10000, the first one
    CHECK_FALSE(holdsCharactersBeyondBmp(""));
    CHECK_FALSE(holdsCharactersBeyondBmp("plain words"));
    CHECK_FALSE(holdsCharactersBeyondBmp("caf\xC3\xA9, \xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82, \xE2\x9D\xA4"));  // é, Cyrillic, U+2764
    CHECK_FALSE(holdsCharactersBeyondBmp("\xEF\xBF\xBD"));                 // U+FFFD itself is in the BMP
}
