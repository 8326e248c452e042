// Loads and checks the tip library and the safety guidance that ship in assets/.
#include "storage/library.hpp"

#include <regex>
#include <set>

#include "storage/atomic_file.hpp"
#include "storage/json_reader.hpp"

namespace rekindle::storage {

using nlohmann::json;

const core::Tip* Library::findTip(const std::string& id) const {
    for (const auto& t : tips)
        if (t.id == id) return &t;
    return nullptr;
}

core::Tip readTip(JsonChecker& checker, const json& value, const std::string& pointer) {
    core::Tip tip;
    ObjectReader o(checker, value, pointer, "a tip");
    if (!o.ok()) return tip;
    tip.id = o.slug("id", true);
    tip.title = o.string("title", true);
    tip.summary = o.string("summary", true);
    tip.why = o.string("why", true);
    tip.tryThisWeek = o.stringArray("tryThisWeek", true, 1, 6);
    tip.cautions = o.stringArray("cautions", false, 0, 20);
    tip.cautionFirst = o.boolean("cautionFirst", false);
    if (tip.cautionFirst && tip.cautions.empty())
        checker.error(o.child("cautionFirst"), "\"cautionFirst\" shows the cautions first, but this tip has none; add \"cautions\" or remove it");
    o.finish();
    return tip;
}

namespace {

std::optional<JsonDocument> readDocument(std::string_view text, const std::string& fileName,
                                         std::vector<Problem>& problems) {
    JsonDocument doc;
    if (!parseJsonDocument(text, fileName, doc, problems)) {
        if (doc.root.is_discarded() || doc.root.is_null()) return std::nullopt;
    }
    return doc;
}

void checkFormat(ObjectReader& o, JsonChecker& checker, const char* expected) {
    const json* f = o.get("format", true);
    if (f && (!f->is_string() || f->get<std::string>() != expected))
        checker.error(o.child("format"), std::string("\"format\" must be \"") + expected + "\"; this file has " +
                                             (f->is_string() ? quote(f->get<std::string>()) : jsonTypeName(*f)));
}

}  // namespace

void parseTipLibrary(std::string_view text, const std::string& fileName, Library& into) {
    auto doc = readDocument(text, fileName, into.problems);
    if (!doc) return;
    JsonChecker checker(fileName, doc->positions, into.problems);
    ObjectReader top(checker, doc->root, "", "the tip library");
    if (!top.ok()) return;
    checkFormat(top, checker, "rekindle.tip-library/1");
    std::set<std::string> seen;
    if (const json* tips = top.array("tips", true, 1)) {
        for (size_t i = 0; i < tips->size(); ++i) {
            std::string p = "/tips/" + std::to_string(i);
            core::Tip tip = readTip(checker, (*tips)[i], p);
            if (tip.id.empty()) continue;
            if (!seen.insert(tip.id).second) {
                checker.error(p + "/id", "tip id " + quote(tip.id) + " is used twice in the library; give each tip its own id");
                continue;
            }
            tip.fromLibrary = true;
            into.tips.push_back(std::move(tip));
        }
    }
    top.finish();
}

void parseSafetyGuidance(std::string_view text, const std::string& fileName, Library& into) {
    auto doc = readDocument(text, fileName, into.problems);
    if (!doc) return;
    JsonChecker checker(fileName, doc->positions, into.problems);
    ObjectReader top(checker, doc->root, "", "the safety guidance");
    if (!top.ok()) return;
    checkFormat(top, checker, "rekindle.safety-guidance/1");
    into.guidance.lastReviewed = top.string("lastReviewed", true);
    static const std::regex date(R"(\d{4}-\d{2}-\d{2})");
    if (!into.guidance.lastReviewed.empty() && !std::regex_match(into.guidance.lastReviewed, date))
        checker.error("/lastReviewed", "\"lastReviewed\" must be a date written YYYY-MM-DD, e.g. \"2026-11-01\"");
    into.guidance.disclaimer = top.string("disclaimer", true);
    std::set<std::string> seen;
    if (const json* entries = top.array("entries", true, 1)) {
        for (size_t i = 0; i < entries->size(); ++i) {
            std::string p = "/entries/" + std::to_string(i);
            ObjectReader e(checker, (*entries)[i], p, "a guidance entry");
            if (!e.ok()) continue;
            core::SafetyGuidanceEntry entry;
            entry.id = e.slug("id", true);
            entry.title = e.string("title", true);
            entry.text = e.string("text", true);
            entry.general = e.string("general", false);
            entry.steps = e.stringArray("steps", false, 0, 20);
            e.finish();
            if (entry.id.empty()) continue;
            if (!seen.insert(entry.id).second) {
                checker.error(p + "/id", "entry id " + quote(entry.id) + " is used twice; give each entry its own id");
                continue;
            }
            into.guidance.entries.push_back(std::move(entry));
        }
    }
    top.finish();
}

Library loadLibrary(const std::filesystem::path& assetsDir) {
    Library lib;
    auto load = [&](const char* name, void (*parse)(std::string_view, const std::string&, Library&)) {
        std::filesystem::path file = assetsDir / name;
        std::string error;
        auto text = readFile(file, &error);
        if (!text) {
            Problem p;
            p.file = file.string();
            p.message = "cannot read the file (" + error + "); reinstall Rekindle or check the assets folder";
            lib.problems.push_back(std::move(p));
            return;
        }
        parse(*text, file.string(), lib);
    };
    load("tips.json", &parseTipLibrary);
    load("safety-guidance.json", &parseSafetyGuidance);
    return lib;
}

}  // namespace rekindle::storage
