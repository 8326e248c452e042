// JSON → core::QuestionSet, checking the format of docs/question-sets.md and the cross-references the schema
// cannot express (ids, conditions, reachability, bands). Reading continues after a problem so all are reported.
#include "storage/question_set_json.hpp"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <map>
#include <regex>
#include <set>
#include <unordered_map>

#include "storage/atomic_file.hpp"
#include "storage/json_reader.hpp"

namespace rekindle::storage {

using nlohmann::json;
using core::Condition;
using core::Question;
using core::QuestionType;

namespace {

struct Fnv1a {
    uint64_t h = 1469598103934665603ull;
    void add(const char* bytes, size_t n) {
        for (size_t i = 0; i < n; ++i) {
            h ^= static_cast<unsigned char>(bytes[i]);
            h *= 1099511628211ull;
        }
    }
    std::string hex() const {
        char buf[17];
        std::snprintf(buf, sizeof buf, "%016" PRIx64, h);
        return buf;
    }
};

// nlohmann's serializer writes numbers through this, so they hash exactly as dump() prints them.
class HashingOutput : public nlohmann::detail::output_adapter_protocol<char> {
public:
    explicit HashingOutput(Fnv1a& hash) : m_hash(hash) {}
    void write_character(char c) override { m_hash.add(&c, 1); }
    void write_characters(const char* s, std::size_t length) override { m_hash.add(s, length); }

private:
    Fnv1a& m_hash;
};

// Feeds the hash the bytes of value.dump() without building them (a 10,000-question set dumps to ~4 MB, and
// nlohmann's serializer re-decodes every string's UTF-8). The text was parsed, so strings are valid UTF-8, and
// dump() escapes only quote, backslash and control characters; the hash test compares both on tricky values.
class CanonicalHasher {
public:
    CanonicalHasher() : m_numbers(std::make_shared<HashingOutput>(m_hash), ' ') {}
    std::string hash(const nlohmann::json& value) {
        walk(value);
        return m_hash.hex();
    }

private:
    void text(const char* s) { m_hash.add(s, std::char_traits<char>::length(s)); }
    void string(const std::string& s) {
        text("\"");
        size_t run = 0;
        for (size_t i = 0; i < s.size(); ++i) {
            unsigned char c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            m_hash.add(s.data() + run, i - run);
            run = i + 1;
            switch (c) {
                case '"': text("\\\""); break;
                case '\\': text("\\\\"); break;
                case '\b': text("\\b"); break;
                case '\f': text("\\f"); break;
                case '\n': text("\\n"); break;
                case '\r': text("\\r"); break;
                case '\t': text("\\t"); break;
                default: {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
                    text(buf);
                }
            }
        }
        m_hash.add(s.data() + run, s.size() - run);
        text("\"");
    }
    void walk(const nlohmann::json& v) {
        switch (v.type()) {
            case nlohmann::json::value_t::object: {
                text("{");
                bool first = true;
                for (const auto& [key, member] : v.get_ref<const nlohmann::json::object_t&>()) {
                    if (!first) text(",");
                    first = false;
                    string(key);
                    text(":");
                    walk(member);
                }
                text("}");
                break;
            }
            case nlohmann::json::value_t::array: {
                text("[");
                bool first = true;
                for (const auto& item : v.get_ref<const nlohmann::json::array_t&>()) {
                    if (!first) text(",");
                    first = false;
                    walk(item);
                }
                text("]");
                break;
            }
            case nlohmann::json::value_t::string: string(v.get_ref<const std::string&>()); break;
            default: m_numbers.dump(v, false, false, 0); break;  // numbers, true/false, null
        }
    }

    Fnv1a m_hash;
    nlohmann::detail::serializer<nlohmann::json> m_numbers;
};

}  // namespace

std::string fnv1aHex(std::string_view bytes) {
    Fnv1a hash;
    hash.add(bytes.data(), bytes.size());
    return hash.hex();
}

std::string canonicalHash(const nlohmann::json& value) {
    return CanonicalHasher().hash(value);
}

namespace {

constexpr double kMaxWeight = 1000;

std::string idList(const std::vector<std::string>& ids) {
    std::string out;
    std::set<std::string> seen;
    for (const auto& id : ids) {
        if (!seen.insert(id).second) continue;
        if (!out.empty()) out += ", ";
        out += id;
    }
    return out.empty() ? "none" : out;
}

std::string formatNumber(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

const char* typeArticle(QuestionType t) {
    switch (t) {
        case QuestionType::Likert: return "a likert question";
        case QuestionType::SingleChoice: return "a single-choice question";
        case QuestionType::MultipleChoice: return "a multiple-choice question";
        case QuestionType::YesNo: return "a yes/no question";
        case QuestionType::Slider: return "a slider question";
        case QuestionType::FreeText: return "a free-text question";
    }
    return "a question";
}

struct WeightRef {
    size_t object = 0;  // index into SetReader::m_weightObjects: the pointer of the weight object it is in
    bool tip = false;
    std::string id;
    double weight = 0;
    std::string questionId;
};

class SetReader {
public:
    SetReader(JsonChecker& checker, const Library& library) : m_ck(checker), m_lib(library) {}

    core::QuestionSet read(const json& root) {
        core::QuestionSet set;
        ObjectReader top(m_ck, root, "", "a question set");
        if (!top.ok()) return set;
        top.allow({"$schema"});
        const json* f = top.get("format", true);
        if (f) {
            if (!f->is_string())
                m_ck.error("/format", std::string("\"format\" must be the string \"") + kQuestionSetFormat + "\"");
            else if (f->get<std::string>() != kQuestionSetFormat)
                m_ck.error("/format", "unknown format " + quote(f->get<std::string>()) + "; this version of Rekindle reads \"" +
                                          kQuestionSetFormat + "\"");
            else
                set.format = kQuestionSetFormat;
        }
        set.id = top.slug("id", true);
        set.version = top.string("version", true);
        static const std::regex semver(
            R"((0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?)");
        if (!set.version.empty() && !std::regex_match(set.version, semver))
            m_ck.error("/version", quote(set.version) + " is not a semantic version; write three numbers like \"1.0.0\"");
        set.title = top.string("title", true);
        set.description = top.string("description", true);
        set.language = top.string("language", false, "en");
        static const std::regex bcp47(R"([A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*)");
        if (!std::regex_match(set.language, bcp47))
            m_ck.error("/language", quote(set.language) + " is not a language tag; use a BCP 47 tag such as \"en\" or \"pt-BR\"");
        set.estimatedMinutes = top.integer("estimatedMinutes", false, 1, 600).value_or(5);
        set.author = top.string("author", false, "", false);

        const json* sections = top.array("sections", true, 1);
        if (sections) prepass(*sections);
        // Dimensions and tips first, so questions can be checked against them once all are known.
        if (const json* dims = top.array("dimensions", false)) readDimensions(*dims, set);
        if (const json* tips = top.array("tips", false)) readTips(*tips, set);
        if (sections) readSections(*sections, set);
        if (const json* rules = top.array("safetyRules", false)) readSafetyRules(*rules, set);
        if (const json* result = top.get("result", false)) readResult(*result, set);
        top.finish();
        checkReferences(set);
        checkReachability(set);
        return set;
    }

private:
    JsonChecker& m_ck;
    const Library& m_lib;
    std::unordered_map<std::string, int> m_order;  // every question id in the file → its position (pre-pass)
    struct Declared {
        size_t section, question;          // index in the model
        size_t jsonSection, jsonQuestion;  // where it is in the file, for "already used at"
    };
    std::unordered_map<std::string, Declared> m_declared;  // every question read so far, by id
    const core::QuestionSet* m_set = nullptr;
    std::vector<WeightRef> m_weightRefs;
    std::vector<std::string> m_weightObjects;  // one pointer per weight object; a weight's own is built on error

    std::string pointerOf(const WeightRef& ref) const { return m_weightObjects[ref.object] + "/" + pointerEscape(ref.id); }
    std::map<std::string, std::string> m_dimensionPointer, m_tipPointer;

    // Learns every question id and its order up front, so a condition on a later question can be told apart from
    // one on a question that does not exist.
    void prepass(const json& sections) {
        int order = 0;
        for (const auto& s : sections) {
            if (!s.is_object()) continue;
            auto qs = s.find("questions");
            if (qs == s.end() || !qs->is_array()) continue;
            m_order.reserve(m_order.size() + qs->size());
            for (const auto& q : *qs) {
                if (q.is_object()) {
                    auto id = q.find("id");
                    if (id != q.end() && id->is_string()) m_order.emplace(id->get_ref<const std::string&>(), order);
                }
                ++order;
            }
        }
    }

    const Question* declaredQuestion(const core::QuestionSet& set, const std::string& id) const {
        auto it = m_declared.find(id);
        if (it == m_declared.end()) return nullptr;
        return &set.sections[it->second.section].questions[it->second.question];
    }

    // ---- weights -------------------------------------------------------------------------------------------

    std::map<std::string, double> readWeightMap(const json& v, std::string ptr, bool tip, const std::string& qid) {
        std::map<std::string, double> out;
        if (!v.is_object()) {
            m_ck.error(ptr, std::string("weights must be an object mapping ") + (tip ? "tip" : "dimension") +
                                " ids to numbers, like {\"" + (tip ? "stay-curious" : "closeness") + "\": 2}");
            return out;
        }
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (!it.value().is_number()) {
                m_ck.error(ptr + "/" + pointerEscape(it.key()),
                           "the weight for " + quote(it.key()) + " must be a number, not " + jsonTypeName(it.value()));
                continue;
            }
            double w = it.value().get<double>();
            if (!std::isfinite(w) || std::fabs(w) > kMaxWeight) {
                m_ck.error(ptr + "/" + pointerEscape(it.key()),
                           "the weight for " + quote(it.key()) + " is out of range; use a number from -1000 to 1000");
                continue;
            }
            out.emplace_hint(out.end(), it.key(), w);  // the object's keys already come sorted and unique
            m_weightRefs.push_back({m_weightObjects.size(), tip, it.key(), w, qid});
        }
        m_weightObjects.push_back(std::move(ptr));
        return out;
    }

    void readWeights(ObjectReader& o, core::Weights& w, const std::string& qid) {
        if (const json* d = o.get("dimensions", false)) w.dimensions = readWeightMap(*d, o.child("dimensions"), false, qid);
        if (const json* t = o.get("tips", false)) w.tips = readWeightMap(*t, o.child("tips"), true, qid);
    }

    // ---- options -------------------------------------------------------------------------------------------

    // extrasOnly: likert/slider/yes-no extras, which must be unscored (yes/no's own "yes"/"no" excepted).
    void readOptions(const json& arr, const std::string& ptr, Question& q, bool extrasOnly) {
        size_t before = q.options.size();
        q.options.reserve(before + arr.size());
        for (size_t i = 0; i < arr.size(); ++i) {
            std::string p = ptr + "/" + std::to_string(i);
            ObjectReader o(m_ck, arr[i], p, "an option");
            if (!o.ok()) continue;
            core::Option opt;
            opt.id = o.slug("id", true);
            opt.label = o.string("label", true);
            opt.unscored = o.boolean("unscored", false);
            readWeights(o, opt.weights, q.id);
            o.finish();
            // A handful of options per question: a linear look beats building a set for each one.
            bool repeated = std::any_of(q.options.begin() + long(before), q.options.end(),
                                        [&](const core::Option& prev) { return prev.id == opt.id; });
            if (!opt.id.empty() && repeated)
                m_ck.error(o.child("id"), "option id " + quote(opt.id) + " is used twice in this question; give each option its own id");
            bool yesNoOwn = q.type == QuestionType::YesNo && (opt.id == "yes" || opt.id == "no");
            if (opt.unscored && !opt.weights.empty())
                m_ck.error(p, "an unscored option changes no score, so it cannot carry weights; remove its \"dimensions\" and "
                              "\"tips\" or drop \"unscored\"");
            if (yesNoOwn && opt.unscored)
                m_ck.error(o.child("unscored"), "\"yes\" and \"no\" are the answer itself and cannot be unscored; remove \"unscored\"");
            if (extrasOnly && !yesNoOwn && !opt.unscored) {
                if (q.type == QuestionType::YesNo)
                    m_ck.error(o.child("id"), "a yes/no question has the options \"yes\" and \"no\"; an extra option such as " +
                                                  quote(opt.id) + " must be marked \"unscored\": true");
                else
                    m_ck.error(p, std::string("options on ") + typeArticle(q.type) +
                                      " are extra choices beside the scale (like \"I don't know\") and must be marked \"unscored\": true");
            }
            q.options.push_back(std::move(opt));
        }
    }

    // ---- conditions ----------------------------------------------------------------------------------------

    // limit: only questions whose order is below it may be referred to; -1 allows every question in the set.
    Condition readCondition(const json& v, const std::string& ptr, int limit, const core::QuestionSet& set, int depth = 0) {
        Condition c;
        ObjectReader o(m_ck, v, ptr, "a condition");
        if (!o.ok()) return c;
        static const char* combinators[] = {"all", "any", "not"};
        static const char* comparisons[] = {"equals", "in", "atLeast", "atMost"};
        std::vector<std::string> present;
        for (const char* k : combinators)
            if (o.has(k)) present.push_back(k);
        for (const char* k : comparisons)
            if (o.has(k)) present.push_back(k);
        if (present.size() != 1) {
            m_ck.error(ptr, present.empty()
                                ? "a condition needs one of \"equals\", \"in\", \"atLeast\", \"atMost\" (with \"question\"), or "
                                  "\"all\", \"any\", \"not\"; add one"
                                : "a condition takes exactly one of equals / in / atLeast / atMost / all / any / not, but this one has " +
                                      idList(present) + "; split it with \"all\" or \"any\"");
            o.allow({"question", "equals", "in", "atLeast", "atMost", "all", "any", "not"});
            o.finish();
            return c;
        }
        const std::string& form = present.front();
        if (form == "all" || form == "any") {
            c.op = form == "all" ? Condition::Op::All : Condition::Op::Any;
            if (const json* arr = o.array(form, true, 1))
                for (size_t i = 0; i < arr->size(); ++i)
                    c.children.push_back(readCondition((*arr)[i], o.child(form) + "/" + std::to_string(i), limit, set, depth + 1));
            o.finish();
            return c;
        }
        if (form == "not") {
            c.op = Condition::Op::Not;
            c.children.push_back(readCondition(*o.get("not", true), o.child("not"), limit, set, depth + 1));
            o.finish();
            return c;
        }
        c.op = form == "equals" ? Condition::Op::Equals
             : form == "in"     ? Condition::Op::OneOf
             : form == "atLeast" ? Condition::Op::AtLeast
                                 : Condition::Op::AtMost;
        const json* qv = o.get("question", true);
        const Question* target = nullptr;
        if (qv) {
            if (!qv->is_string()) {
                m_ck.error(o.child("question"), "\"question\" must be the id of an earlier question, as a string");
            } else {
                c.question = qv->get<std::string>();
                target = checkConditionTarget(c.question, o.child("question"), limit, set);
            }
        }
        const json* value = o.get(form, true);
        if (value) {
            if (c.op == Condition::Op::OneOf) {
                if (!value->is_array() || value->empty()) {
                    m_ck.error(o.child(form), "\"in\" must be a non-empty list of values, like [\"often\", \"always\"]");
                } else {
                    for (size_t i = 0; i < value->size(); ++i)
                        c.values.push_back(readConditionValue((*value)[i], o.child(form) + "/" + std::to_string(i), target, false));
                }
            } else {
                c.values.push_back(readConditionValue(*value, o.child(form), target, c.op != Condition::Op::Equals));
            }
        }
        o.finish();
        return c;
    }

    const Question* checkConditionTarget(const std::string& id, const std::string& ptr, int limit, const core::QuestionSet& set) {
        auto it = m_order.find(id);
        if (it == m_order.end()) {
            m_ck.error(ptr, "condition refers to " + quote(id) + ", which is not a question in this set; use the id of an earlier question");
            return nullptr;
        }
        if (limit >= 0 && it->second >= limit) {
            m_ck.error(ptr, "condition refers to " + quote(id) +
                                ", which comes later in the set; conditions may only look at earlier questions");
            return nullptr;
        }
        const Question* q = declaredQuestion(set, id);
        if (q && q->type == QuestionType::FreeText) {
            m_ck.error(ptr, "condition refers to " + quote(id) + ", a free-text question; conditions can only look at "
                            "choices, yes/no, likert points and slider values");
            return nullptr;
        }
        return q;
    }

    core::ConditionValue readConditionValue(const json& v, const std::string& ptr, const Question* q, bool numeric) {
        core::ConditionValue cv;
        if (numeric) {
            if (!v.is_number()) {
                m_ck.error(ptr, std::string("\"atLeast\" and \"atMost\" compare numbers; write a number, not ") + jsonTypeName(v));
                return cv;
            }
            cv.number = v.get<double>();
            if (q && q->type != QuestionType::Likert && q->type != QuestionType::Slider) {
                m_ck.error(ptr, quote(q->id) + " is " + typeArticle(q->type) +
                                    "; \"atLeast\" and \"atMost\" only work on likert and slider questions — use \"equals\" or \"in\"");
                return cv;
            }
            if (q) checkNumberFor(*q, *cv.number, ptr);
            return cv;
        }
        if (v.is_string()) {
            cv.option = v.get<std::string>();
            if (q && !q->findOption(*cv.option)) {
                std::vector<std::string> ids;
                for (const auto& o : q->options) ids.push_back(o.id);
                if (q->type == QuestionType::Likert || q->type == QuestionType::Slider)
                    m_ck.error(ptr, quote(*cv.option) + " is not an answer " + quote(q->id) + " can take: it is " + typeArticle(q->type) +
                                        (ids.empty() ? std::string(" with no extra options") : " whose extra options are " + idList(ids)) +
                                        "; compare its value with a number");
                else
                    m_ck.error(ptr, quote(*cv.option) + " is not an option of " + quote(q->id) + "; use one of: " + idList(ids));
            }
        } else if (v.is_number()) {
            cv.number = v.get<double>();
            if (q) {
                if (q->type != QuestionType::Likert && q->type != QuestionType::Slider) {
                    std::vector<std::string> ids;
                    for (const auto& o : q->options) ids.push_back(o.id);
                    m_ck.error(ptr, quote(q->id) + " is " + typeArticle(q->type) + " and cannot be answered with a number; compare with one of: " +
                                        idList(ids));
                } else {
                    checkNumberFor(*q, *cv.number, ptr);
                }
            }
        } else {
            m_ck.error(ptr, std::string("a condition value must be an option id (string) or a number, not ") + jsonTypeName(v));
        }
        return cv;
    }

    void checkNumberFor(const Question& q, double n, const std::string& ptr) {
        if (q.type == QuestionType::Likert) {
            if (n < 1 || n > q.points || std::floor(n) != n)
                m_ck.error(ptr, quote(q.id) + " is a " + std::to_string(q.points) + "-point likert question; compare with a whole number from 1 to " +
                                    std::to_string(q.points));
        } else if (q.type == QuestionType::Slider) {
            if (n < q.min || n > q.max)
                m_ck.error(ptr, quote(q.id) + " is a slider from " + formatNumber(q.min) + " to " + formatNumber(q.max) +
                                    "; " + formatNumber(n) + " is outside it, so this condition could never hold as written");
        }
    }

    // ---- questions -----------------------------------------------------------------------------------------

    Question readQuestion(const json& v, const std::string& ptr, int order, const core::QuestionSet& set) {
        Question q;
        ObjectReader o(m_ck, v, ptr, "a question");
        if (!o.ok()) return q;
        q.id = o.slug("id", true);
        std::string typeName = o.string("type", true);
        static const std::map<std::string, QuestionType> types = {
            {"likert", QuestionType::Likert}, {"single", QuestionType::SingleChoice}, {"multiple", QuestionType::MultipleChoice},
            {"yesno", QuestionType::YesNo},   {"slider", QuestionType::Slider},       {"text", QuestionType::FreeText}};
        auto t = types.find(typeName);
        bool typeKnown = t != types.end();
        if (!typeKnown && !typeName.empty())
            m_ck.error(o.child("type"), "unknown question type " + quote(typeName) + "; use likert, single, multiple, yesno, slider or text");
        if (typeKnown) q.type = t->second;
        q.text = o.string("text", true);
        q.help = o.string("help", false);
        q.required = o.boolean("required", true);
        if (const json* c = o.get("showIf", false)) q.showIf = readCondition(*c, o.child("showIf"), order, set);
        if (const json* vars = o.array("variants", false)) {
            for (size_t i = 0; i < vars->size(); ++i) {
                std::string p = o.child("variants") + "/" + std::to_string(i);
                ObjectReader vo(m_ck, (*vars)[i], p, "a text variant");
                if (!vo.ok()) continue;
                core::TextVariant tv;
                if (const json* w = vo.get("when", true)) tv.when = readCondition(*w, vo.child("when"), order, set);
                tv.text = vo.string("text", true);
                vo.finish();
                q.variants.push_back(std::move(tv));
            }
        }
        if (!typeKnown) {
            // Without a type the other fields cannot be judged; accept them silently rather than guess.
            o.allow({"points", "labels", "reverse", "dimensions", "tips", "options", "maxPicks", "min", "max", "step", "minLabel", "maxLabel"});
            o.finish();
            return q;
        }
        switch (q.type) {
            case QuestionType::Likert: {
                q.points = o.integer("points", false, 2, 11).value_or(5);
                q.labels = o.stringArray("labels", true, 0, 11);
                if (o.has("labels") && o.get("labels", true)->is_array() && o.get("labels", true)->size() != size_t(q.points))
                    m_ck.error(o.child("labels"), "this likert question has " + std::to_string(q.points) + " points but " +
                                                      std::to_string(o.get("labels", true)->size()) + " labels; give exactly one label per point" +
                                                      (o.has("points") ? "" : " (\"points\" defaults to 5)"));
                q.reverse = o.boolean("reverse", false);
                readWeights(o, q.weights, q.id);
                if (const json* opts = o.array("options", false)) readOptions(*opts, o.child("options"), q, true);
                break;
            }
            case QuestionType::SingleChoice:
            case QuestionType::MultipleChoice: {
                if (const json* opts = o.array("options", true, 2)) readOptions(*opts, o.child("options"), q, false);
                if (q.type == QuestionType::MultipleChoice) {
                    q.maxPicks = o.integer("maxPicks", false, 1, 1000).value_or(0);
                    if (q.maxPicks > 0 && size_t(q.maxPicks) > q.options.size() && !q.options.empty())
                        m_ck.error(o.child("maxPicks"), "\"maxPicks\" is " + std::to_string(q.maxPicks) + " but there are only " +
                                                            std::to_string(q.options.size()) + " options; lower it or remove it");
                }
                break;
            }
            case QuestionType::YesNo: {
                if (const json* opts = o.array("options", false)) {
                    readOptions(*opts, o.child("options"), q, true);
                    for (const char* need : {"yes", "no"})
                        if (!q.findOption(need))
                            m_ck.error(o.child("options"), std::string("a yes/no question's options must include \"") + need +
                                                               "\"; add {\"id\": \"" + need + "\", \"label\": …}");
                } else {
                    q.options.push_back({"yes", "Yes", false, {}});
                    q.options.push_back({"no", "No", false, {}});
                }
                break;
            }
            case QuestionType::Slider: {
                q.min = o.number("min", false).value_or(0);
                q.max = o.number("max", false).value_or(10);
                q.step = o.number("step", false).value_or(1);
                if (!(q.max > q.min)) m_ck.error(o.child(o.has("max") ? "max" : "min"), "\"max\" must be greater than \"min\"; swap or change them");
                if (!(q.step > 0)) m_ck.error(o.child("step"), "\"step\" must be greater than 0");
                else if (q.max > q.min) {
                    double steps = (q.max - q.min) / q.step;
                    if (std::fabs(steps - std::round(steps)) > 1e-6)
                        m_ck.error(o.child("step"), "the range " + formatNumber(q.min) + "–" + formatNumber(q.max) +
                                                        " is not a whole number of steps of " + formatNumber(q.step) + "; change \"step\" or the range");
                    else if (steps > 10000)
                        m_ck.error(o.child("step"), "this slider has more than 10000 steps; use a larger \"step\"");
                }
                q.minLabel = o.string("minLabel", false);
                q.maxLabel = o.string("maxLabel", false);
                q.reverse = o.boolean("reverse", false);
                readWeights(o, q.weights, q.id);
                if (const json* opts = o.array("options", false)) readOptions(*opts, o.child("options"), q, true);
                break;
            }
            case QuestionType::FreeText: break;
        }
        o.finish();
        return q;
    }

    void readSections(const json& arr, core::QuestionSet& set) {
        m_set = &set;
        std::set<std::string> sectionIds;
        int order = 0;
        set.sections.reserve(arr.size());
        for (size_t si = 0; si < arr.size(); ++si) {
            std::string p = "/sections/" + std::to_string(si);
            ObjectReader o(m_ck, arr[si], p, "a section");
            if (!o.ok()) continue;
            core::Section s;
            s.id = o.slug("id", true);
            if (!s.id.empty() && !sectionIds.insert(s.id).second)
                m_ck.error(o.child("id"), "section id " + quote(s.id) + " is used twice; give each section its own id");
            s.title = o.string("title", true);
            s.intro = o.string("intro", false);
            s.reflectionPrompt = o.string("reflection", false);
            if (const json* c = o.get("showIf", false)) s.showIf = readCondition(*c, o.child("showIf"), order, set);
            set.sections.push_back(std::move(s));
            size_t sectionIndex = set.sections.size() - 1;
            if (const json* qs = o.array("questions", true, 1)) {
                set.sections[sectionIndex].questions.reserve(qs->size());
                for (size_t qi = 0; qi < qs->size(); ++qi) {
                    std::string qp = o.child("questions") + "/" + std::to_string(qi);
                    Question q = readQuestion((*qs)[qi], qp, order, set);
                    ++order;
                    auto& questions = set.sections[sectionIndex].questions;
                    if (!q.id.empty()) {
                        auto [it, fresh] = m_declared.try_emplace(q.id, Declared{sectionIndex, questions.size(), si, qi});
                        if (!fresh) {
                            m_ck.error(qp + "/id", "question id " + quote(q.id) + " is already used at /sections/" +
                                                       std::to_string(it->second.jsonSection) + "/questions/" +
                                                       std::to_string(it->second.jsonQuestion) +
                                                       "; question ids must be unique across the whole set");
                            continue;
                        }
                    }
                    questions.push_back(std::move(q));
                }
            }
            o.finish();
        }
    }

    // ---- dimensions, tips, rules, result -------------------------------------------------------------------

    void readDimensions(const json& arr, core::QuestionSet& set) {
        for (size_t i = 0; i < arr.size(); ++i) {
            std::string p = "/dimensions/" + std::to_string(i);
            ObjectReader o(m_ck, arr[i], p, "a dimension");
            if (!o.ok()) continue;
            core::Dimension d;
            d.id = o.slug("id", true);
            d.label = o.string("label", true);
            d.description = o.string("description", false);
            if (auto mc = o.number("meaningfulChange", false)) {
                if (*mc <= 0 || *mc > 100) m_ck.error(o.child("meaningfulChange"), "\"meaningfulChange\" is in percentage points and must be above 0 and at most 100");
                else d.meaningfulChange = *mc;
            }
            if (const json* bands = o.array("bands", true, 1)) readBands(*bands, o.child("bands"), d);
            o.finish();
            if (d.id.empty()) continue;
            if (m_dimensionPointer.count(d.id)) {
                m_ck.error(o.child("id"), "dimension id " + quote(d.id) + " is used twice; give each dimension its own id");
                continue;
            }
            m_dimensionPointer[d.id] = p;
            set.dimensions.push_back(std::move(d));
        }
    }

    void readBands(const json& arr, const std::string& ptr, core::Dimension& d) {
        std::vector<std::pair<core::Band, std::string>> bands;
        bool complete = true;
        for (size_t i = 0; i < arr.size(); ++i) {
            std::string p = ptr + "/" + std::to_string(i);
            ObjectReader o(m_ck, arr[i], p, "a band");
            if (!o.ok()) {
                complete = false;
                continue;
            }
            core::Band b;
            auto lo = o.number("min", true), hi = o.number("max", true);
            b.label = o.string("label", true);
            b.interpretation = o.string("text", true);
            o.finish();
            if (!lo || !hi) {
                complete = false;
                continue;
            }
            b.minPercent = *lo;
            b.maxPercent = *hi;
            if (*lo < 0 || *hi > 100) {
                m_ck.error(p, "band limits are percentages; keep \"min\" and \"max\" within 0–100");
                complete = false;
            } else if (*lo >= *hi) {
                m_ck.error(o.child("max"), "this band's \"max\" (" + formatNumber(*hi) + ") must be greater than its \"min\" (" + formatNumber(*lo) + ")");
                complete = false;
            }
            bands.emplace_back(b, p);
        }
        if (complete && !bands.empty()) {
            std::vector<size_t> idx(bands.size());
            for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
            std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return bands[a].first.minPercent < bands[b].first.minPercent; });
            const auto& first = bands[idx.front()];
            if (first.first.minPercent > 0)
                m_ck.error(first.second + "/min", "the bands leave 0–" + formatNumber(first.first.minPercent) + " uncovered; make the lowest band start at 0");
            for (size_t k = 0; k + 1 < idx.size(); ++k) {
                const auto& a = bands[idx[k]];
                const auto& b = bands[idx[k + 1]];
                if (b.first.minPercent > a.first.maxPercent)
                    m_ck.error(b.second + "/min", "the bands leave a gap between " + formatNumber(a.first.maxPercent) + " and " +
                                                      formatNumber(b.first.minPercent) + "; start this band at " + formatNumber(a.first.maxPercent));
                else if (b.first.minPercent < a.first.maxPercent)
                    m_ck.error(b.second + "/min", "this band overlaps the one at " + a.second + " (" + formatNumber(b.first.minPercent) + "–" +
                                                      formatNumber(a.first.maxPercent) + "); start it at " + formatNumber(a.first.maxPercent));
            }
            const auto& last = bands[idx.back()];
            if (last.first.maxPercent < 100)
                m_ck.error(last.second + "/max", "the bands leave " + formatNumber(last.first.maxPercent) + "–100 uncovered; make the highest band end at 100");
        }
        for (auto& b : bands) d.bands.push_back(std::move(b.first));
        // Keep bands in percent order so the score's band index reads low → high.
        std::stable_sort(d.bands.begin(), d.bands.end(), [](const core::Band& a, const core::Band& b) { return a.minPercent < b.minPercent; });
    }

    void readTips(const json& arr, core::QuestionSet& set) {
        for (size_t i = 0; i < arr.size(); ++i) {
            std::string p = "/tips/" + std::to_string(i);
            const json& v = arr[i];
            core::Tip tip;
            if (v.is_string()) {
                std::string id = v.get<std::string>();
                const core::Tip* found = m_lib.findTip(id);
                if (!found) {
                    m_ck.error(p, "tip " + quote(id) + " is not in the tip library (assets/tips.json); fix the id or define the tip here as an object");
                    continue;
                }
                tip = *found;
            } else if (v.is_object()) {
                tip = readTip(m_ck, v, p);
                if (tip.id.empty()) continue;
            } else {
                m_ck.error(p, std::string("each entry of \"tips\" is a library tip id (string) or a tip object, not ") + jsonTypeName(v));
                continue;
            }
            if (m_tipPointer.count(tip.id)) {
                m_ck.error(p, "tip " + quote(tip.id) + " is listed twice (first at " + m_tipPointer[tip.id] + "); keep one");
                continue;
            }
            m_tipPointer[tip.id] = p;
            set.tips.push_back(std::move(tip));
        }
    }

    void readSafetyRules(const json& arr, core::QuestionSet& set) {
        std::set<std::string> ids;
        for (size_t i = 0; i < arr.size(); ++i) {
            std::string p = "/safetyRules/" + std::to_string(i);
            ObjectReader o(m_ck, arr[i], p, "a safety rule");
            if (!o.ok()) continue;
            core::SafetyRule r;
            r.id = o.slug("id", true);
            if (!r.id.empty() && !ids.insert(r.id).second)
                m_ck.error(o.child("id"), "safety rule id " + quote(r.id) + " is used twice; give each rule its own id");
            if (const json* w = o.get("when", true)) r.when = readCondition(*w, o.child("when"), -1, set);
            r.guidance = o.string("guidance", false);
            r.notice = o.string("notice", false);
            if (!o.has("guidance") && !o.has("notice"))
                m_ck.error(p, "a safety rule must say something: add \"guidance\" (an entry of assets/safety-guidance.json), \"notice\" (text), or both");
            if (!r.guidance.empty() && !m_lib.guidance.find(r.guidance)) {
                std::vector<std::string> known;
                for (const auto& e : m_lib.guidance.entries) known.push_back(e.id);
                m_ck.error(o.child("guidance"), "there is no safety guidance entry " + quote(r.guidance) + "; use one of: " + idList(known));
            }
            r.suppress = o.stringArray("suppress", false, 0, 1000);
            if (const json* sup = o.get("suppress", false); sup && sup->is_array()) {
                for (size_t k = 0; k < r.suppress.size() && k < sup->size(); ++k)
                    if (!set.findTip(r.suppress[k]))
                        m_ck.error(o.child("suppress") + "/" + std::to_string(k),
                                   "tip " + quote(r.suppress[k]) + " is not one of this set's tips, so there is nothing to suppress; fix the id or add the tip to \"tips\"");
            }
            o.finish();
            set.safetyRules.push_back(std::move(r));
        }
    }

    void readResult(const json& v, core::QuestionSet& set) {
        ObjectReader o(m_ck, v, "/result", "the result settings");
        if (!o.ok()) return;
        set.result.topTips = o.integer("topTips", false, 1, 10).value_or(3);
        if (auto share = o.number("minAnsweredShare", false)) {
            if (*share < 0 || *share > 1) m_ck.error("/result/minAnsweredShare", "\"minAnsweredShare\" is a share from 0 to 1 (0.5 = half); change it");
            else set.result.minAnsweredShare = *share;
        }
        set.result.tieBreak = o.string("tieBreak", false, "declared-order");
        if (set.result.tieBreak != "declared-order")
            m_ck.error("/result/tieBreak", "the only tie-break is \"declared-order\" (earlier in \"tips\" wins); use it or remove the field");
        o.finish();
    }

    // ---- cross-checks --------------------------------------------------------------------------------------

    void checkReferences(const core::QuestionSet& set) {
        for (const auto& ref : m_weightRefs) {
            if (!ref.tip) {
                if (!set.findDimension(ref.id)) {
                    std::vector<std::string> ids;
                    for (const auto& d : set.dimensions) ids.push_back(d.id);
                    m_ck.errorAtKey(pointerOf(ref), "there is no dimension " + quote(ref.id) + " in this set; add it to \"dimensions\" or use one of: " + idList(ids));
                }
            } else if (!set.findTip(ref.id)) {
                if (m_lib.findTip(ref.id))
                    m_ck.errorAtKey(pointerOf(ref), "tip " + quote(ref.id) + " is in the tip library but not listed in this set's \"tips\"; add \"" + ref.id + "\" there");
                else
                    m_ck.errorAtKey(pointerOf(ref), "there is no tip " + quote(ref.id) + " in this set or the tip library; fix the id or define the tip in \"tips\"");
            }
        }
    }

    void checkReachability(const core::QuestionSet& set) {
        // Which questions can raise each target: a positive weight on the scale or on a scored option. Only "none",
        // "one (which)" and "more" matter, so the first question and whether another one follows are enough.
        struct Raisers {
            const Question* first = nullptr;
            bool more = false;
        };
        std::unordered_map<std::string, Raisers> dimQs, tipQs;
        for (const auto& ref : m_weightRefs) {
            if (ref.weight <= 0) continue;
            // The id map, not set.findQuestion: a linear search per weight made a 10,000-question set take seconds.
            // Unscored options never carry weights (reported above), so only the question's own kind matters.
            const Question* q = declaredQuestion(set, ref.questionId);
            if (!q || !q->isScored()) continue;
            Raisers& r = (ref.tip ? tipQs : dimQs)[ref.id];
            if (!r.first) r.first = q;
            else if (r.first != q) r.more = true;
        }
        for (const auto& d : set.dimensions)
            if (!dimQs.count(d.id))
                m_ck.error(m_dimensionPointer[d.id], "no answer can raise dimension " + quote(d.id) +
                                                         ", so it would always score 0; give it a positive weight on a question or option");
        for (const auto& t : set.tips) {
            auto it = tipQs.find(t.id);
            if (it == tipQs.end())
                m_ck.error(m_tipPointer[t.id], "no answer can make tip " + quote(t.id) +
                                                   " relevant, so it would never be ranked; give it a positive weight on a question or option, or remove it");
            else if (!it->second.more)
                m_ck.warning(m_tipPointer[t.id], "tip " + quote(t.id) + " is reachable through one question only (" + quote(it->second.first->id) +
                                                     "), so a single answer decides it; consider weighting it from a second question");
        }
    }
};

}  // namespace

LoadedSet parseQuestionSet(std::string_view text, const std::string& fileName, const Library& library) {
    LoadedSet out;
    out.path = fileName;
    JsonDocument doc;
    bool parsed = parseJsonDocument(text, fileName, doc, out.problems);
    if (!parsed && countErrors(out.problems) > 0 && doc.root.is_null()) return out;
    JsonChecker checker(fileName, doc.positions, out.problems);
    SetReader reader(checker, library);
    core::QuestionSet set = reader.read(doc.root);
    // Problems come out in the order the checks ran; sort them by place so authors can walk the file top-down.
    std::stable_sort(out.problems.begin(), out.problems.end(), [](const Problem& a, const Problem& b) {
        if (a.severity != b.severity) return a.severity == Problem::Severity::Error;
        if (a.line != b.line) return a.line < b.line;
        return a.column < b.column;
    });
    if (countErrors(out.problems) == 0) {
        set.contentHash = canonicalHash(doc.root);
        out.set = std::move(set);
    }
    return out;
}

LoadedSet loadQuestionSet(const std::filesystem::path& file, const Library& library) {
    std::string error;
    auto text = readFile(file, &error);
    if (!text) {
        LoadedSet out;
        out.path = file;
        Problem p;
        p.file = file.string();
        p.message = "cannot read the file (" + error + "); check that it exists and is readable";
        out.problems.push_back(std::move(p));
        return out;
    }
    LoadedSet out = parseQuestionSet(*text, file.string(), library);
    out.path = file;
    return out;
}

std::vector<LoadedSet> loadQuestionSetsIn(const std::filesystem::path& dir, const Library& library) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".json" && it->is_regular_file(ec)) files.push_back(it->path());
    std::sort(files.begin(), files.end());
    std::vector<LoadedSet> out;
    for (const auto& f : files) out.push_back(loadQuestionSet(f, library));
    return out;
}

}  // namespace rekindle::storage
