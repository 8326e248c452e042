// Plain words for what people read: plurals, local time with the time of day, answers as sentences, reflections
// with their prompts, and a held-back tip named as such. Core only: no files, no JSON.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>

#include "core/compare.hpp"
#include "core/words.hpp"
#include "../zone_scope.hpp"

using namespace rekindle;

namespace {

core::Contribution contribution(const std::string& q, const std::string& answer, double points) {
    core::Contribution c;
    c.questionId = q;
    c.answer = answer;
    c.points = points;
    c.maxPoints = 1;
    return c;
}

}  // namespace

TEST_CASE("counts take the plural that fits") {
    CHECK(core::countText(1, "result", "results") == "1 result");
    CHECK(core::countText(0, "result", "results") == "0 results");
    CHECK(core::countText(4, "result", "results") == "4 results");
}

TEST_CASE("dates are shown in local time with the time of day, files keep UTC") {
    {
        ZoneScope zone("Europe/Berlin");  // UTC+1 in November
        CHECK(core::localDateTime("2026-11-25T22:15:00Z") == "25 Nov 2026, 23:15");
        CHECK(core::localDateTime("2026-11-25T23:30:00Z") == "26 Nov 2026, 00:30");  // the local day, not the UTC one
        CHECK(core::localDate("2026-11-25T23:30:00Z") == "26 Nov 2026");
        CHECK(core::localDateTime("2026-07-01T12:00:00Z") == "1 Jul 2026, 14:00");  // summer time
        CHECK(core::localDateTime("2026-11-25T22:15:00+02:00") == "25 Nov 2026, 21:15");  // an offset is honoured
    }
    {
        ZoneScope zone("UTC");
        CHECK(core::localDateTime("2026-11-25T22:15:00Z") == "25 Nov 2026, 22:15");
    }
    CHECK(core::localDateTime("not a date") == "not a date");
}

TEST_CASE("a report's dates are local too, with the month in full and the zone, for a reader away from the app") {
    {
        ZoneScope zone("Europe/Berlin");
        CHECK(core::localDateTimeLong("2026-11-25T22:15:00Z") == "25 November 2026, 23:15 CET");
        CHECK(core::localDateTimeLong("2026-07-01T12:00:00Z") == "1 July 2026, 14:00 CEST");
    }
    {
        ZoneScope zone("UTC");
        CHECK(core::localDateTimeLong("2026-10-01T20:00:00Z") == "1 October 2026, 20:00 UTC");
    }
    CHECK(core::localDateTimeLong("garbage") == "garbage");
}

TEST_CASE("why a tip fits is said in sentences, strongest answer first, points stay out of them") {
    core::ResultRecord r;
    r.answerLabels["on-edge"] = {"How often have you felt on edge?", "Most days (4 of 5)"};
    r.answerLabels["sleep"] = {"I have slept badly.", "Often (4 of 5)"};
    r.answerLabels["calm"] = {"I felt calm.", "Rarely (2 of 5)"};
    std::vector<core::Contribution> cs = {contribution("sleep", "Often (4 of 5)", 0.5),
                                          contribution("on-edge", "Most days (4 of 5)", 0.75),
                                          contribution("calm", "Rarely (2 of 5)", -0.4)};
    auto s = core::reasonSentences(r, cs);
    REQUIRE(s.size() == 2);  // the answer that counted against it is left to the details
    CHECK(s[0] == "You said \u201cMost days\u201d to \u201cHow often have you felt on edge?\u201d");
    CHECK(s[1] == "You said \u201cOften\u201d to \u201cI have slept badly.\u201d");
    for (const auto& line : s) CHECK(line.find("point") == std::string::npos);
    CHECK(core::reasonSentences(r, cs, 1).size() == 1);
    CHECK(core::plainAnswer("Someone close to them died") == "Someone close to them died");
    CHECK(core::plainAnswer("7 (slider 0 to 10)") == "7 (slider 0 to 10)");  // "of" is what marks a scale position
}

TEST_CASE("reflections come with their prompts in the set's order, the note last, and never an id") {
    core::ResultRecord r;
    r.notes = {{"note", "A note."}, {"their-side", "Work, I think."}, {"reactions", "Less checking."}, {"empty", ""}};
    r.notePrompts = {{"reactions", "Which reactions would you change?"}, {"their-side", "What might they carry?"}};
    auto list = core::reflections(r);
    REQUIRE(list.size() == 3);
    CHECK(list[0].prompt == "Which reactions would you change?");
    CHECK(list[0].text == "Less checking.");
    CHECK(list[1].prompt == "What might they carry?");
    CHECK(list[2].key == "note");
    CHECK(list[2].prompt == "Your note");
    // An older file without prompts still never shows the section id as the prompt.
    r.notePrompts.clear();
    for (const auto& x : core::reflections(r)) CHECK(x.prompt.find("their-side") == std::string::npos);
}

TEST_CASE("a tip held back for safety says so instead of \"not ranked\"") {
    core::TipRecord t;
    t.suppressed = true;
    CHECK(core::tipStatusText(&t) == "held back for your safety");
    t.suppressed = false;
    t.rank = 2;
    CHECK(core::tipStatusText(&t) == "#2");
    t.rank = 0;
    CHECK(core::tipStatusText(&t) == "not ranked");
}

TEST_CASE("a change is said in points and in words, by which way is good") {
    core::DimensionDelta d;
    d.delta = 12.4;
    d.higherIs = core::HigherIs::Better;
    CHECK(d.changeText() == "12 points better");
    d.higherIs = core::HigherIs::Worse;
    CHECK(d.changeText() == "12 points worse");
    d.delta = -1;
    CHECK(d.changeText() == "1 point better");
    d.higherIs = core::HigherIs::Neutral;
    CHECK(d.changeText() == "1 point lower");
    d.delta = 0.4;
    CHECK(d.changeText() == "no change");
}

TEST_CASE("only a scale position is taken off an answer, never an option's own words") {
    CHECK(core::plainAnswer("Often (4 of 5)") == "Often");
    CHECK(core::plainAnswer("Yes (some of the time)") == "Yes (some of the time)");
    CHECK(core::plainAnswer("(4 of 5)") == "(4 of 5)");
}
