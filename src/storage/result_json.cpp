// Result JSON: a writer for format 1 and a reader for formats 0 and 1 that reports the JSON pointer of a bad field.
#include "storage/result_json.hpp"

#include <cmath>
#include <ctime>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "storage/json_parse.hpp"

namespace rekindle::storage {

using Json = nlohmann::ordered_json;
using core::Answer;

namespace {

struct FieldError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

[[noreturn]] void fail(const std::string& pointer, const std::string& what) {
    throw FieldError((pointer.empty() ? std::string("/") : pointer) + ": " + what);
}

// Parses text as JSON through the one parser every reader uses (depth limit, line:column of a syntax error).
Json parseJson(const std::string& text) {
    Json root;
    JsonParseFailure failure;
    if (!parseJson(text, root, failure)) throw FieldError(describe(failure));
    return root;  // a repeated key: the last one wins, as it always has for files Rekindle writes itself
}

const Json* member(const Json& obj, const char* key) {
    auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
}

std::string getString(const Json& obj, const char* key, const std::string& at, bool required = false) {
    const Json* v = member(obj, key);
    if (!v) {
        if (required) fail(at + "/" + key, "missing; it is required");
        return {};
    }
    if (!v->is_string()) fail(at + "/" + key, "expected a string");
    return v->get<std::string>();
}

double getNumber(const Json& obj, const char* key, const std::string& at, double fallback = 0) {
    const Json* v = member(obj, key);
    if (!v) return fallback;
    if (!v->is_number()) fail(at + "/" + key, "expected a number");
    return v->get<double>();
}

int getInt(const Json& obj, const char* key, const std::string& at, int fallback = 0) {
    const Json* v = member(obj, key);
    if (!v) return fallback;
    if (!v->is_number_integer()) fail(at + "/" + key, "expected a whole number");
    auto n = v->get<long long>();
    if (n < -1000000000LL || n > 1000000000LL) fail(at + "/" + key, "number out of range");
    return int(n);
}

bool getBool(const Json& obj, const char* key, const std::string& at, bool fallback) {
    const Json* v = member(obj, key);
    if (!v) return fallback;
    if (!v->is_boolean()) fail(at + "/" + key, "expected true or false");
    return v->get<bool>();
}

const Json& requireObject(const Json& v, const std::string& at) {
    if (!v.is_object()) fail(at, "expected an object");
    return v;
}

const Json* optionalArray(const Json& obj, const char* key, const std::string& at) {
    const Json* v = member(obj, key);
    if (v && !v->is_array()) fail(at + "/" + key, "expected an array");
    return v;
}

std::vector<std::string> getStrings(const Json& obj, const char* key, const std::string& at) {
    std::vector<std::string> out;
    const Json* arr = optionalArray(obj, key, at);
    if (!arr) return out;
    for (size_t i = 0; i < arr->size(); ++i) {
        if (!(*arr)[i].is_string()) fail(at + "/" + key + "/" + std::to_string(i), "expected a string");
        out.push_back((*arr)[i].get<std::string>());
    }
    return out;
}

// Keeps the members whose keys this build does not know, as compact JSON text ("" when none).
std::string extraMembers(const Json& obj, const std::set<std::string>& known) {
    Json extra = Json::object();
    for (auto it = obj.begin(); it != obj.end(); ++it)
        if (!known.count(it.key())) extra[it.key()] = it.value();
    return extra.empty() ? std::string() : extra.dump();
}

void mergeExtra(Json& obj, const std::string& extra) {
    if (extra.empty()) return;
    Json e;
    try {
        e = Json::parse(extra);
    } catch (...) {
        return;  // an extra that does not parse was not produced by us; dropping it beats writing a broken file
    }
    if (!e.is_object()) return;
    for (auto it = e.begin(); it != e.end(); ++it)
        if (!obj.contains(it.key())) obj[it.key()] = it.value();
}

Json answerToJson(const Answer& a) {
    switch (a.kind) {
        case Answer::Kind::Choice: return a.choice;
        case Answer::Kind::Choices: return a.choices;
        case Answer::Kind::Number: return a.number;
        case Answer::Kind::Text: return Json{{"text", a.text}};
        case Answer::Kind::None: break;
    }
    return nullptr;
}

Answer answerFromJson(const Json& v, const std::string& at) {
    Answer a;
    if (v.is_null()) return a;
    if (v.is_string()) {
        a.kind = Answer::Kind::Choice;
        a.choice = v.get<std::string>();
    } else if (v.is_number()) {
        a.kind = Answer::Kind::Number;
        a.number = v.get<double>();
    } else if (v.is_array()) {
        a.kind = Answer::Kind::Choices;
        for (size_t i = 0; i < v.size(); ++i) {
            if (!v[i].is_string()) fail(at + "/" + std::to_string(i), "expected an option id (string)");
            a.choices.push_back(v[i].get<std::string>());
        }
    } else if (v.is_object() && v.contains("text")) {
        a.kind = Answer::Kind::Text;
        a.text = getString(v, "text", at);
    } else {
        fail(at, "expected an option id, a list of option ids, a number or {\"text\": ...}");
    }
    return a;
}

core::Answers answersFrom(const Json& obj, const std::string& at) {
    core::Answers out;
    requireObject(obj, at);
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        Answer a = answerFromJson(it.value(), at + "/" + pointerEscape(it.key()));
        if (a.kind != Answer::Kind::None) out[it.key()] = a;
    }
    return out;
}

}  // namespace

nlohmann::ordered_json answersJson(const core::Answers& answers) {
    Json out = Json::object();
    for (const auto& [id, a] : answers)
        if (a.kind != Answer::Kind::None) out[id] = answerToJson(a);
    return out;
}

namespace {


std::vector<core::Contribution> contributionsFrom(const Json& obj, const std::string& at) {
    std::vector<core::Contribution> out;
    const Json* arr = optionalArray(obj, "contributions", at);
    if (!arr) return out;
    for (size_t i = 0; i < arr->size(); ++i) {
        std::string p = at + "/contributions/" + std::to_string(i);
        const Json& c = requireObject((*arr)[i], p);
        core::Contribution k;
        k.questionId = getString(c, "question", p, true);
        k.answer = getString(c, "answer", p);
        k.weight = getNumber(c, "weight", p);
        k.reversed = getBool(c, "reversed", p, false);
        k.points = getNumber(c, "points", p);
        k.maxPoints = getNumber(c, "maxPoints", p);
        out.push_back(std::move(k));
    }
    return out;
}

std::map<std::string, std::string> stringMap(const Json& obj, const char* key, const std::string& at) {
    std::map<std::string, std::string> out;
    const Json* m = member(obj, key);
    if (!m) return out;
    requireObject(*m, at + "/" + key);
    for (auto it = m->begin(); it != m->end(); ++it) {
        if (!it.value().is_string()) fail(at + "/" + key + "/" + pointerEscape(it.key()), "expected a string");
        out[it.key()] = it.value().get<std::string>();
    }
    return out;
}

const std::set<std::string> kTopLevelV1 = {"format",  "id",        "createdAt",  "completedAt", "appVersion",
                                           "set",     "topTips",   "questions",  "answers",     "answerLabels",
                                           "notes",   "dimensions", "tips",      "safety",  "minRelevance", "notePrompts"};
const std::set<std::string> kDimensionV1 = {"id",     "label",          "raw",        "max",
                                            "percent", "band",          "bandLabel",  "interpretation",
                                            "meaningfulChange", "enoughAnswers", "questionsTargeting",
                                            "questionsAnswered", "bands", "contributions", "higherIs"};
const std::set<std::string> kTipV1 = {"id",   "title",      "relevance",    "raw",          "max",
                                      "rank", "suppressed", "suppressedBy", "enoughAnswers", "contributions"};

void readV1(const Json& root, core::ResultRecord& r) {
    r.formatVersion = 1;
    r.id = getString(root, "id", "", true);
    r.createdAt = getString(root, "createdAt", "");
    r.completedAt = getString(root, "completedAt", "", true);
    if (r.createdAt.empty()) r.createdAt = r.completedAt;
    r.appVersion = getString(root, "appVersion", "");
    const Json* set = member(root, "set");
    if (!set) fail("/set", "missing; it is required");
    requireObject(*set, "/set");
    r.setId = getString(*set, "id", "/set", true);
    r.setVersion = getString(*set, "version", "/set");
    r.setHash = getString(*set, "contentHash", "/set");
    r.setTitle = getString(*set, "title", "/set");
    r.topTips = getInt(root, "topTips", "", 3);
    if (r.topTips < 1 || r.topTips > 10) fail("/topTips", "expected 1 to 10");
    r.minRelevance = getNumber(root, "minRelevance", "", 0);
    if (r.minRelevance < 0 || r.minRelevance > 100) fail("/minRelevance", "expected 0 to 100");
    if (const Json* q = member(root, "questions")) {
        requireObject(*q, "/questions");
        r.visibleQuestions = getInt(*q, "visible", "/questions");
        r.answeredQuestions = getInt(*q, "answered", "/questions");
        r.questionIds = getStrings(*q, "ids", "/questions");
    }
    if (const Json* a = member(root, "answers")) r.answers = answersFrom(*a, "/answers");
    if (const Json* l = member(root, "answerLabels")) {
        requireObject(*l, "/answerLabels");
        for (auto it = l->begin(); it != l->end(); ++it) {
            std::string p = "/answerLabels/" + pointerEscape(it.key());
            requireObject(it.value(), p);
            r.answerLabels[it.key()] = core::AnswerLabel{getString(it.value(), "question", p),
                                                          getString(it.value(), "answer", p)};
        }
    }
    r.notes = stringMap(root, "notes", "");
    if (const Json* prompts = optionalArray(root, "notePrompts", ""))
        for (size_t i = 0; i < prompts->size(); ++i) {
            std::string p = "/notePrompts/" + std::to_string(i);
            const Json& pj = requireObject((*prompts)[i], p);
            r.notePrompts.push_back(core::NotePrompt{getString(pj, "section", p, true), getString(pj, "prompt", p)});
        }

    const Json* dims = optionalArray(root, "dimensions", "");
    if (!dims) fail("/dimensions", "missing; it is required");
    for (size_t i = 0; i < dims->size(); ++i) {
        std::string p = "/dimensions/" + std::to_string(i);
        const Json& d = requireObject((*dims)[i], p);
        core::DimensionRecord x;
        x.id = getString(d, "id", p, true);
        x.label = getString(d, "label", p);
        if (x.label.empty()) x.label = x.id;
        x.raw = getNumber(d, "raw", p);
        x.max = getNumber(d, "max", p);
        x.percent = getNumber(d, "percent", p);
        if (x.percent < 0 || x.percent > 100) fail(p + "/percent", "expected 0 to 100");
        x.band = getInt(d, "band", p, -1);
        x.bandLabel = getString(d, "bandLabel", p);
        x.interpretation = getString(d, "interpretation", p);
        x.meaningfulChange = getNumber(d, "meaningfulChange", p, 10);
        if (!(x.meaningfulChange > 0)) fail(p + "/meaningfulChange", "expected a number above 0");
        std::string higher = getString(d, "higherIs", p);
        if (higher == "better") x.higherIs = core::HigherIs::Better;
        else if (higher == "worse") x.higherIs = core::HigherIs::Worse;
        else if (!higher.empty() && higher != "neutral") fail(p + "/higherIs", "expected \"better\", \"worse\" or \"neutral\"");
        x.enoughAnswers = getBool(d, "enoughAnswers", p, true);
        x.questionsTargeting = getInt(d, "questionsTargeting", p);
        x.questionsAnswered = getInt(d, "questionsAnswered", p);
        if (const Json* bands = optionalArray(d, "bands", p))
            for (size_t b = 0; b < bands->size(); ++b) {
                std::string bp = p + "/bands/" + std::to_string(b);
                const Json& bj = requireObject((*bands)[b], bp);
                x.bands.push_back(core::BandRecord{getNumber(bj, "min", bp), getNumber(bj, "max", bp, 100),
                                                   getString(bj, "label", bp)});
            }
        x.contributions = contributionsFrom(d, p);
        x.extra = extraMembers(d, kDimensionV1);
        r.dimensions.push_back(std::move(x));
    }

    const Json* tips = optionalArray(root, "tips", "");
    if (!tips) fail("/tips", "missing; it is required");
    for (size_t i = 0; i < tips->size(); ++i) {
        std::string p = "/tips/" + std::to_string(i);
        const Json& t = requireObject((*tips)[i], p);
        core::TipRecord x;
        x.id = getString(t, "id", p, true);
        x.title = getString(t, "title", p);
        if (x.title.empty()) x.title = x.id;
        x.relevance = getNumber(t, "relevance", p);
        if (x.relevance < 0 || x.relevance > 100) fail(p + "/relevance", "expected 0 to 100");
        x.raw = getNumber(t, "raw", p);
        x.max = getNumber(t, "max", p);
        x.rank = getInt(t, "rank", p);
        if (x.rank < 0) fail(p + "/rank", "expected 0 or more");
        x.suppressed = getBool(t, "suppressed", p, false);
        x.suppressedBy = getString(t, "suppressedBy", p);
        x.enoughAnswers = getBool(t, "enoughAnswers", p, true);
        x.contributions = contributionsFrom(t, p);
        x.extra = extraMembers(t, kTipV1);
        r.tips.push_back(std::move(x));
    }

    if (const Json* safety = optionalArray(root, "safety", ""))
        for (size_t i = 0; i < safety->size(); ++i) {
            std::string p = "/safety/" + std::to_string(i);
            const Json& s = requireObject((*safety)[i], p);
            r.safety.push_back(core::SafetyRecord{getString(s, "rule", p, true), getString(s, "guidance", p),
                                                  getString(s, "notice", p), getStrings(s, "suppress", p)});
        }
    r.extra = extraMembers(root, kTopLevelV1);
}

// Format 0: the pre-release shape written by development builds before 0.1.0. It had flat set fields, one date,
// one note, scores keyed by dimension id and tips as a ranked list of ids. Read and upgraded in memory.
const std::set<std::string> kTopLevelV0 = {"format", "id", "date", "set", "setVersion", "answers", "note", "scores",
                                           "tips"};

void readV0(const Json& root, core::ResultRecord& r) {
    r.formatVersion = 0;
    r.id = getString(root, "id", "", true);
    r.completedAt = getString(root, "date", "", true);
    r.createdAt = r.completedAt;
    r.setId = getString(root, "set", "", true);
    r.setVersion = getString(root, "setVersion", "");
    r.setTitle = r.setId;
    if (const Json* a = member(root, "answers")) r.answers = answersFrom(*a, "/answers");
    std::string note = getString(root, "note", "");
    if (!note.empty()) r.notes["note"] = note;
    const Json* scores = member(root, "scores");
    if (!scores) fail("/scores", "missing; it is required");
    requireObject(*scores, "/scores");
    for (auto it = scores->begin(); it != scores->end(); ++it) {
        std::string p = "/scores/" + pointerEscape(it.key());
        const Json& s = requireObject(it.value(), p);
        core::DimensionRecord d;
        d.id = it.key();
        d.label = it.key();
        d.percent = getNumber(s, "percent", p);
        if (d.percent < 0 || d.percent > 100) fail(p + "/percent", "expected 0 to 100");
        d.bandLabel = getString(s, "band", p);
        r.dimensions.push_back(std::move(d));
    }
    auto tipIds = getStrings(root, "tips", "");
    for (size_t i = 0; i < tipIds.size(); ++i) {
        core::TipRecord t;
        t.id = tipIds[i];
        t.title = tipIds[i];
        t.rank = int(i) + 1;
        r.tips.push_back(std::move(t));
    }
    r.extra = extraMembers(root, kTopLevelV0);
}

}  // namespace

nlohmann::ordered_json contributionsJson(const std::vector<core::Contribution>& cs, Rounding rounding) {
    auto num = [&](double v) {
        if (rounding == Rounding::Exact) return v;
        double r = std::round(v * 1e4) / 1e4;
        return r == 0 ? 0.0 : r;  // no "-0"
    };
    Json arr = Json::array();
    for (const auto& c : cs)
        arr.push_back(Json{{"question", c.questionId}, {"answer", c.answer}, {"weight", num(c.weight)},
                           {"reversed", c.reversed}, {"points", num(c.points)}, {"maxPoints", num(c.maxPoints)}});
    return arr;
}

nlohmann::ordered_json resultJson(const core::ResultRecord& r) {
    Json root;
    root["format"] = kResultFormatTag;
    root["id"] = r.id;
    root["createdAt"] = r.createdAt;
    root["completedAt"] = r.completedAt;
    root["appVersion"] = r.appVersion;
    root["set"] = Json{{"id", r.setId}, {"version", r.setVersion}, {"contentHash", r.setHash}, {"title", r.setTitle}};
    root["topTips"] = r.topTips;
    if (r.minRelevance > 0) root["minRelevance"] = r.minRelevance;  // written only when the set had one
    root["questions"] = Json{{"visible", r.visibleQuestions}, {"answered", r.answeredQuestions}, {"ids", r.questionIds}};
    root["answers"] = answersJson(r.answers);
    Json labels = Json::object();
    for (const auto& [id, l] : r.answerLabels) labels[id] = Json{{"question", l.question}, {"answer", l.answer}};
    root["answerLabels"] = labels;
    Json notes = Json::object();
    for (const auto& [k, v] : r.notes) notes[k] = v;
    root["notes"] = notes;
    if (!r.notePrompts.empty()) {
        Json prompts = Json::array();
        for (const auto& p : r.notePrompts) prompts.push_back(Json{{"section", p.section}, {"prompt", p.prompt}});
        root["notePrompts"] = prompts;
    }
    Json dims = Json::array();
    for (const auto& d : r.dimensions) {
        Json bands = Json::array();
        for (const auto& b : d.bands) bands.push_back(Json{{"min", b.minPercent}, {"max", b.maxPercent}, {"label", b.label}});
        Json dj{{"id", d.id},
                {"label", d.label},
                {"raw", d.raw},
                {"max", d.max},
                {"percent", d.percent},
                {"band", d.band},
                {"bandLabel", d.bandLabel},
                {"interpretation", d.interpretation},
                {"meaningfulChange", d.meaningfulChange},
                {"enoughAnswers", d.enoughAnswers},
                {"questionsTargeting", d.questionsTargeting},
                {"questionsAnswered", d.questionsAnswered},
                {"bands", bands},
                {"contributions", contributionsJson(d.contributions)}};
        // Only when the set says which way is good: older readers and files stay as they were.
        if (d.higherIs != core::HigherIs::Neutral) dj["higherIs"] = core::higherIsName(d.higherIs);
        mergeExtra(dj, d.extra);
        dims.push_back(std::move(dj));
    }
    root["dimensions"] = dims;
    Json tips = Json::array();
    for (const auto& t : r.tips) {
        Json tj{{"id", t.id},
                {"title", t.title},
                {"relevance", t.relevance},
                {"raw", t.raw},
                {"max", t.max},
                {"rank", t.rank},
                {"suppressed", t.suppressed},
                {"suppressedBy", t.suppressedBy},
                {"enoughAnswers", t.enoughAnswers},
                {"contributions", contributionsJson(t.contributions)}};
        mergeExtra(tj, t.extra);
        tips.push_back(std::move(tj));
    }
    root["tips"] = tips;
    Json safety = Json::array();
    for (const auto& s : r.safety)
        safety.push_back(Json{{"rule", s.ruleId}, {"guidance", s.guidance}, {"notice", s.notice}, {"suppress", s.suppress}});
    root["safety"] = safety;
    mergeExtra(root, r.extra);
    return root;
}

std::string resultToJson(const core::ResultRecord& r) {
    // Invalid UTF-8 in a note must not make saving throw: replace it rather than lose the whole result.
    return resultJson(r).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

bool resultFromJson(const std::string& text, core::ResultRecord& out, std::string* error) {
    try {
        Json root = parseJson(text);
        if (!root.is_object()) fail("", "expected a JSON object (a Rekindle result)");
        std::string format = getString(root, "format", "", true);
        const std::string prefix = "rekindle.result/";
        if (format.rfind(prefix, 0) != 0) fail("/format", "\"" + format + "\" is not a Rekindle result format");
        std::string ver = format.substr(prefix.size());
        core::ResultRecord r;
        if (ver == "1") readV1(root, r);
        else if (ver == "0") readV0(root, r);
        else
            fail("/format", "format version " + ver + " is not supported; this build reads versions 0 and 1 (a newer "
                            "Rekindle may have written it)");
        out = std::move(r);
        return true;
    } catch (const FieldError& e) {
        if (error) *error = e.what();
    } catch (const std::exception& e) {
        if (error) *error = std::string("cannot read result: ") + e.what();
    }
    return false;
}

std::string answersToJsonText(const core::Answers& answers) {
    return answersJson(answers).dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool answersFromJsonText(const std::string& text, core::Answers& out, std::string* error) {
    try {
        out = answersFrom(parseJson(text), "");
        return true;
    } catch (const std::exception& e) {
        if (error) *error = e.what();
        return false;
    }
}

std::string rfc3339Utc(long long unixSeconds) {
    std::time_t t = static_cast<std::time_t>(unixSeconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string nowRfc3339() { return rfc3339Utc(static_cast<long long>(std::time(nullptr))); }

}  // namespace rekindle::storage
