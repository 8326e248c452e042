// Settings are forgiving: a bad value falls back to its default with a note, never a refusal to start.
#include "storage/settings.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "storage/atomic_file.hpp"
#include "storage/json_parse.hpp"
#include "storage/paths.hpp"

namespace rekindle::storage {

using nlohmann::json;

SettingsLoad parseSettings(const std::string& text, const std::string& fileName) {
    SettingsLoad out;
    json doc;
    JsonParseFailure failure;
    if (!parseJson(text, doc, failure)) {
        // Too deep, a syntax error or a number like 1e400 (which once ended the app at start-up): defaults, noted.
        out.problem = fileName + ": " + describe(failure) + "; using default settings";
        return out;
    }
    if (!doc.is_object()) {
        out.problem = fileName + ": expected an object; using default settings";
        return out;
    }
    Settings& s = out.settings;
    auto note = [&](const std::string& key, const std::string& what) {
        if (!out.problem.empty()) out.problem += "; ";
        out.problem += fileName + ": /" + key + ": " + what;
    };
    json extra = json::object();
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        const std::string& key = it.key();
        const json& v = it.value();
        if (key == "format") {
            if (!v.is_string() || v.get<std::string>().rfind("rekindle.settings/", 0) != 0) note(key, "unknown format tag");
        } else if (key == "zoom") {
            if (v.is_number() && std::isfinite(v.get<double>()) && v.get<double>() >= 0.5 && v.get<double>() <= 3.0)
                s.zoom = v.get<float>();
            else note(key, "zoom must be a number from 0.5 to 3; using 1");
        } else if (key == "theme") {
            if (v.is_string() && (v == "light" || v == "dark" || v == "contrast")) s.theme = v.get<std::string>();
            else note(key, "theme must be light, dark or contrast; using light");
        } else if (key == "disclaimerAccepted") {
            if (v.is_boolean()) s.disclaimerAccepted = v.get<bool>();
            else note(key, "must be true or false");
        } else if (key == "movingAverage") {
            if (v.is_boolean()) s.movingAverage = v.get<bool>();
            else note(key, "must be true or false");
        } else if (key == "idleLockMinutes") {
            if (v.is_number_integer() && v.get<long long>() >= 0 && v.get<long long>() <= kMaxIdleLockMinutes)
                s.idleLockMinutes = v.get<int>();
            else note(key, "must be a whole number of minutes from 0 (never) to 1440; using 10");
        } else if (key == "lockOnHide") {
            if (v.is_boolean()) s.lockOnHide = v.get<bool>();
            else note(key, "must be true or false");
        } else {
            extra[key] = v;
        }
    }
    if (!extra.empty()) s.extra = extra.dump();
    return out;
}

SettingsLoad loadSettings(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(file, ec))) return {};
    std::string err;
    auto text = readFile(file, &err, 1024 * 1024);
    if (!text) {
        SettingsLoad out;
        out.problem = file.string() + ": " + err + "; using default settings";
        return out;
    }
    return parseSettings(*text, file.string());
}

std::string settingsToJson(const Settings& s) {
    json doc = json::object();
    if (!s.extra.empty()) {
        try {
            json extra = json::parse(s.extra);
            if (extra.is_object()) doc = extra;
        } catch (...) {
        }
    }
    doc["format"] = "rekindle.settings/1";
    doc["zoom"] = std::round(double(s.zoom) * 100) / 100;
    doc["theme"] = s.theme;
    doc["disclaimerAccepted"] = s.disclaimerAccepted;
    doc["movingAverage"] = s.movingAverage;
    doc["idleLockMinutes"] = s.idleLockMinutes;
    doc["lockOnHide"] = s.lockOnHide;
    return doc.dump(2) + "\n";
}

bool saveSettings(const std::filesystem::path& file, const Settings& s, std::string* error) {
    if (!ensurePrivateDir(file.parent_path(), error)) return false;
    return writeFileAtomic(file, settingsToJson(s), error);
}

}  // namespace rekindle::storage
