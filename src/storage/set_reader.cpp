// The question-set reader's frame: top-level fields, dimensions and bands, tips, safety rules, result settings, and
// the cross-checks the schema cannot express (references, reachability). Questions and conditions have their own files.
#include "storage/set_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <regex>
#include <set>

namespace rekindle::storage {

using nlohmann::json;
using core::Condition;
using core::Question;
using core::QuestionType;

std::string idList(const std::vector<std::string>& ids) {
    // A message names a few; a hostile set's 100,000 options must not make a message of hundreds of kilobytes.
    constexpr size_t kMaxListed = 20;
    std::string out;
    std::set<std::string> seen;
    size_t listed = 0, more = 0;
    for (const auto& id : ids) {
        if (!seen.insert(id).second) continue;
        if (listed == kMaxListed) {
            ++more;
            continue;
        }
        if (!out.empty()) out += ", ";
        out += id;
        ++listed;
    }
    if (more > 0) out += " and " + std::to_string(more) + " more";
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

core::QuestionSet SetReader::read(const json& root) {
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

// Learns every question id and its order up front, so a condition on a later question can be told apart from
// one on a question that does not exist.
void SetReader::prepass(const json& sections) {
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

const Question* SetReader::declaredQuestion(const core::QuestionSet& set, const std::string& id) const {
    auto it = m_declared.find(id);
    if (it == m_declared.end()) return nullptr;
    return &set.sections[it->second.section].questions[it->second.question];
}

void SetReader::readDimensions(const json& arr, core::QuestionSet& set) {
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
        std::string higher = o.string("higherIs", false, "neutral");
        if (higher == "better") d.higherIs = core::HigherIs::Better;
        else if (higher == "worse") d.higherIs = core::HigherIs::Worse;
        else if (higher != "neutral")
            m_ck.error(o.child("higherIs"), "\"higherIs\" says whether a higher score is good news: use \"better\", \"worse\" or \"neutral\"");
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

void SetReader::readBands(const json& arr, const std::string& ptr, core::Dimension& d) {
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
        if (o.has("safetyText")) b.safetyInterpretation = o.string("safetyText", false);
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
                                                  formatNumber(b.first.minPercent) + "; either end the band before it (" + a.second +
                                                  ") at " + formatNumber(b.first.minPercent) + ", or start this band at " +
                                                  formatNumber(a.first.maxPercent));
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

void SetReader::readTips(const json& arr, core::QuestionSet& set) {
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

void SetReader::readSafetyRules(const json& arr, core::QuestionSet& set) {
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

void SetReader::readResult(const json& v, core::QuestionSet& set) {
    ObjectReader o(m_ck, v, "/result", "the result settings");
    if (!o.ok()) return;
    set.result.topTips = o.integer("topTips", false, 1, 10).value_or(3);
    if (auto share = o.number("minAnsweredShare", false)) {
        if (*share < 0 || *share > 1) m_ck.error("/result/minAnsweredShare", "\"minAnsweredShare\" is a share from 0 to 1 (0.5 = half); change it");
        else set.result.minAnsweredShare = *share;
    }
    if (auto minRel = o.number("minRelevance", false)) {
        if (*minRel < 0 || *minRel > 100) m_ck.error("/result/minRelevance", "\"minRelevance\" is a percent from 0 to 100; change it");
        else set.result.minRelevance = *minRel;
    }
    set.result.tieBreak = o.string("tieBreak", false, "declared-order");
    if (set.result.tieBreak != "declared-order")
        m_ck.error("/result/tieBreak", "the only tie-break is \"declared-order\" (earlier in \"tips\" wins); use it or remove the field");
    o.finish();
}

void SetReader::checkReferences(const core::QuestionSet& set) {
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

void SetReader::checkReachability(const core::QuestionSet& set) {
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

}  // namespace rekindle::storage
