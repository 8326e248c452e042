// Reading showIf / variant / safety-rule conditions: one comparison or combinator each, referring only to earlier
// questions, with values each target question can actually take.
#include "storage/set_reader.hpp"

#include <cmath>

namespace rekindle::storage {

using nlohmann::json;
using core::Condition;
using core::Question;
using core::QuestionType;

// limit: only questions whose order is below it may be referred to; -1 allows every question in the set.
Condition SetReader::readCondition(const json& v, const std::string& ptr, int limit, const core::QuestionSet& set, int depth) {
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

const Question* SetReader::checkConditionTarget(const std::string& id, const std::string& ptr, int limit, const core::QuestionSet& set) {
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

core::ConditionValue SetReader::readConditionValue(const json& v, const std::string& ptr, const Question* q, bool numeric) {
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

void SetReader::checkNumberFor(const Question& q, double n, const std::string& ptr) {
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

}  // namespace rekindle::storage
