// Reads and writes answers files, checking each value against its question's type, options and range.
#include "storage/answers_json.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "storage/atomic_file.hpp"
#include "storage/json_reader.hpp"
#include "storage/set_reader.hpp"

namespace rekindle::storage {

using nlohmann::json;
using core::Answer;
using core::Question;
using core::QuestionType;

namespace {

constexpr size_t kMaxTextBytes = 20000;

std::string optionIds(const Question& q) {
    std::vector<std::string> ids;
    for (const auto& o : q.options) ids.push_back(o.id);
    return idList(ids);
}

// One value → Answer, or None with a problem reported.
Answer readValue(JsonChecker& ck, const Question& q, const json& v, const std::string& ptr) {
    auto choice = [&](const json& s, const std::string& p) -> std::optional<std::string> {
        std::string id = s.get<std::string>();
        if (!q.findOption(id)) {
            ck.error(p, quote(id) + " is not an option of " + quote(q.id) + "; use one of: " + optionIds(q));
            return std::nullopt;
        }
        return id;
    };
    switch (q.type) {
        case QuestionType::Likert:
        case QuestionType::Slider: {
            if (v.is_string() && !q.options.empty()) {  // an extra such as "I don't know"
                auto id = choice(v, ptr);
                return id ? Answer::ofChoice(*id) : Answer{};
            }
            if (!v.is_number()) {
                ck.error(ptr, quote(q.id) + " is a " + core::questionTypeName(q.type) + " question; answer it with a number, not " + jsonTypeName(v));
                return {};
            }
            double n = v.get<double>();
            if (q.type == QuestionType::Likert) {
                if (!std::isfinite(n) || n < 1 || n > q.points || std::floor(n) != n) {
                    ck.error(ptr, quote(q.id) + " has " + std::to_string(q.points) + " points; answer with a whole number from 1 to " + std::to_string(q.points));
                    return {};
                }
            } else {
                double steps = (n - q.min) / q.step;
                if (!std::isfinite(n) || n < q.min - 1e-9 || n > q.max + 1e-9 || std::fabs(steps - std::round(steps)) > 1e-6) {
                    char buf[160];
                    std::snprintf(buf, sizeof buf, "; answer with a number from %g to %g in steps of %g", q.min, q.max, q.step);
                    ck.error(ptr, quote(q.id) + " is a slider" + buf);
                    return {};
                }
            }
            return Answer::ofNumber(n);
        }
        case QuestionType::SingleChoice:
        case QuestionType::YesNo: {
            if (!v.is_string()) {
                ck.error(ptr, quote(q.id) + " takes one option id as a string (" + optionIds(q) + "), not " + jsonTypeName(v));
                return {};
            }
            auto id = choice(v, ptr);
            return id ? Answer::ofChoice(*id) : Answer{};
        }
        case QuestionType::MultipleChoice: {
            if (!v.is_array()) {
                ck.error(ptr, quote(q.id) + " takes a list of option ids, like [\"" + (q.options.empty() ? std::string("a") : q.options[0].id) +
                                  "\"], not " + jsonTypeName(v));
                return {};
            }
            std::set<std::string> picked;
            bool ok = true;
            for (size_t i = 0; i < v.size(); ++i) {
                std::string p = ptr + "/" + std::to_string(i);
                if (!v[i].is_string()) {
                    ck.error(p, "each pick must be an option id (string), not " + std::string(jsonTypeName(v[i])));
                    ok = false;
                    continue;
                }
                auto id = choice(v[i], p);
                if (!id) {
                    ok = false;
                    continue;
                }
                if (!picked.insert(*id).second) {
                    ck.error(p, quote(*id) + " is picked twice; list each option once");
                    ok = false;
                }
            }
            if (q.maxPicks > 0 && picked.size() > size_t(q.maxPicks)) {
                ck.error(ptr, quote(q.id) + " allows at most " + std::to_string(q.maxPicks) + " picks, but " + std::to_string(picked.size()) +
                                  " are given; remove some");
                ok = false;
            }
            if (!ok) return {};
            std::vector<std::string> ordered;  // the set's option order, so equal answers compare equal
            for (const auto& o : q.options)
                if (picked.count(o.id)) ordered.push_back(o.id);
            return Answer::ofChoices(std::move(ordered));
        }
        case QuestionType::FreeText: {
            if (!v.is_string()) {
                ck.error(ptr, quote(q.id) + " is a free-text question; answer it with a string, not " + jsonTypeName(v));
                return {};
            }
            std::string s = v.get<std::string>();
            if (s.size() > kMaxTextBytes) {
                ck.error(ptr, "this answer is longer than 20000 bytes; shorten it");
                return {};
            }
            return Answer::ofText(std::move(s));
        }
    }
    return {};
}

}  // namespace

AnswersFile parseAnswers(std::string_view text, const std::string& fileName, const core::QuestionSet& set) {
    AnswersFile out;
    JsonDocument doc;
    if (!parseJsonDocument(text, fileName, doc, out.problems) && doc.root.is_null()) return out;
    JsonChecker ck(fileName, doc.positions, out.problems);
    ObjectReader top(ck, doc.root, "", "an answers file");
    if (!top.ok()) return out;
    const json* f = top.get("format", true);
    if (f && (!f->is_string() || f->get<std::string>() != kAnswersFormat))
        ck.error("/format", std::string("\"format\" must be \"") + kAnswersFormat + "\"");
    out.setId = top.string("set", true);
    if (!out.setId.empty() && out.setId != set.id)
        ck.error("/set", "these answers are for set " + quote(out.setId) + " but the set given is " + quote(set.id) + "; pass the matching set");
    if (const json* answers = top.get("answers", true)) {
        if (!answers->is_object()) {
            ck.error("/answers", "\"answers\" must be an object mapping question ids to answers");
        } else {
            for (auto it = answers->begin(); it != answers->end(); ++it) {
                std::string p = "/answers/" + pointerEscape(it.key());
                const Question* q = set.findQuestion(it.key());
                if (!q) {
                    ck.errorAtKey(p, "there is no question " + quote(it.key()) + " in set " + quote(set.id) + "; remove it or fix the id");
                    continue;
                }
                if (it.value().is_null()) continue;  // explicitly skipped
                Answer a = readValue(ck, *q, it.value(), p);
                if (a.kind != Answer::Kind::None) out.answers[q->id] = std::move(a);
            }
        }
    }
    if (const json* notes = top.get("notes", false)) {
        if (!notes->is_object()) {
            ck.error("/notes", "\"notes\" must be an object mapping section ids to text");
        } else {
            for (auto it = notes->begin(); it != notes->end(); ++it) {
                std::string p = "/notes/" + pointerEscape(it.key());
                bool known = std::any_of(set.sections.begin(), set.sections.end(), [&](const auto& s) { return s.id == it.key(); });
                if (!known) ck.errorAtKey(p, "there is no section " + quote(it.key()) + " in set " + quote(set.id) + "; use a section id");
                else if (!it.value().is_string()) ck.error(p, "a note must be a string, not " + std::string(jsonTypeName(it.value())));
                else out.notes[it.key()] = it.value().get<std::string>();
            }
        }
    }
    top.finish();
    return out;
}

AnswersFile loadAnswers(const std::filesystem::path& file, const core::QuestionSet& set) {
    std::string error;
    auto text = readFile(file, &error);
    if (!text) {
        AnswersFile out;
        Problem p;
        p.file = file.string();
        p.message = "cannot read the answers file (" + error + ")";
        out.problems.push_back(std::move(p));
        return out;
    }
    return parseAnswers(*text, file.string(), set);
}

std::string answersToJson(const core::QuestionSet& set, const core::Answers& answers,
                          const std::map<std::string, std::string>& notes) {
    json a = json::object();
    for (const auto& [id, ans] : answers) {
        switch (ans.kind) {
            case Answer::Kind::None: break;
            case Answer::Kind::Choice: a[id] = ans.choice; break;
            case Answer::Kind::Choices: a[id] = ans.choices; break;
            case Answer::Kind::Number: a[id] = ans.number; break;
            case Answer::Kind::Text: a[id] = ans.text; break;
        }
    }
    json doc = {{"format", kAnswersFormat}, {"set", set.id}, {"answers", a}};
    if (!notes.empty()) doc["notes"] = notes;
    return doc.dump(2) + "\n";
}

}  // namespace rekindle::storage
