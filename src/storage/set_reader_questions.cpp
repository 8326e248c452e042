// Reading sections, questions, options and weights of a question set, with the per-type rules of
// docs/question-sets.md (likert labels, yes/no options, slider steps, unscored extras).
#include "storage/set_reader.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <unordered_set>

namespace rekindle::storage {

using nlohmann::json;
using core::Condition;
using core::Question;
using core::QuestionType;

std::map<std::string, double> SetReader::readWeightMap(const json& v, std::string ptr, bool tip, const std::string& qid) {
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

void SetReader::readWeights(ObjectReader& o, core::Weights& w, const std::string& qid) {
    if (const json* d = o.get("dimensions", false)) w.dimensions = readWeightMap(*d, o.child("dimensions"), false, qid);
    if (const json* t = o.get("tips", false)) w.tips = readWeightMap(*t, o.child("tips"), true, qid);
}

// extrasOnly: likert/slider/yes-no extras, which must be unscored (yes/no's own "yes"/"no" excepted).
void SetReader::readOptions(const json& arr, const std::string& ptr, Question& q, bool extrasOnly) {
    size_t before = q.options.size();
    q.options.reserve(before + arr.size());
    std::unordered_set<std::string_view> seen;
    for (size_t k = 0; k < before; ++k) seen.insert(q.options[k].id);
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
        // Ids seen so far in this list; the views point into q.options, which was reserved above and never moves.
        // A hash set keeps a hostile 100,000-option question linear (a look back over the list was quadratic).
        bool repeated = !opt.id.empty() && seen.count(opt.id) > 0;
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
        if (!repeated && !q.options.back().id.empty()) seen.insert(q.options.back().id);
    }
}

Question SetReader::readQuestion(const json& v, const std::string& ptr, int order, const core::QuestionSet& set) {
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
    readTypeFields(o, q);
    o.finish();
    return q;
}

// The fields that depend on the question's type: scale, options, slider range.
void SetReader::readTypeFields(ObjectReader& o, Question& q) {
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
}

void SetReader::readSections(const json& arr, core::QuestionSet& set) {
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

}  // namespace rekindle::storage
