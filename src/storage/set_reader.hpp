// The question-set reader (internal to storage): JSON → core::QuestionSet, reporting every problem with its place.
// Its parts live in set_reader.cpp (frame, dimensions, tips, rules, cross-checks), set_reader_questions.cpp and
// set_reader_conditions.cpp; question_set_json.cpp is the public entry point.
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/question_set.hpp"
#include "storage/json_reader.hpp"
#include "storage/library.hpp"
#include "storage/question_set_json.hpp"

namespace rekindle::storage {

constexpr double kMaxWeight = 1000;

std::string idList(const std::vector<std::string>& ids);  // "a, b, c" without repeats, 20 at most, then "and N more"; "none" when empty
std::string formatNumber(double v);                        // %.10g: 50, 0.5, 1e-05
const char* typeArticle(core::QuestionType t);             // "a likert question", …

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
    core::QuestionSet read(const nlohmann::json& root);

private:
    using json = nlohmann::json;
    struct Declared {
        size_t section, question;          // index in the model
        size_t jsonSection, jsonQuestion;  // where it is in the file, for "already used at"
    };

    // set_reader.cpp
    void prepass(const json& sections);
    const core::Question* declaredQuestion(const core::QuestionSet& set, const std::string& id) const;
    void readDimensions(const json& arr, core::QuestionSet& set);
    void readBands(const json& arr, const std::string& ptr, core::Dimension& d);
    void readTips(const json& arr, core::QuestionSet& set);
    void readSafetyRules(const json& arr, core::QuestionSet& set);
    void readResult(const json& v, core::QuestionSet& set);
    void checkReferences(const core::QuestionSet& set);
    void checkReachability(const core::QuestionSet& set);

    // set_reader_questions.cpp
    std::map<std::string, double> readWeightMap(const json& v, std::string ptr, bool tip, const std::string& qid);
    void readWeights(ObjectReader& o, core::Weights& w, const std::string& qid);
    void readOptions(const json& arr, const std::string& ptr, core::Question& q, bool extrasOnly);
    core::Question readQuestion(const json& v, const std::string& ptr, int order, const core::QuestionSet& set);
    void readTypeFields(ObjectReader& o, core::Question& q);
    void readSections(const json& arr, core::QuestionSet& set);

    // set_reader_conditions.cpp; limit: only questions whose order is below it may be referred to (-1: any)
    core::Condition readCondition(const json& v, const std::string& ptr, int limit, const core::QuestionSet& set,
                                  int depth = 0);
    const core::Question* checkConditionTarget(const std::string& id, const std::string& ptr, int limit,
                                               const core::QuestionSet& set);
    core::ConditionValue readConditionValue(const json& v, const std::string& ptr, const core::Question* q, bool numeric);
    void checkNumberFor(const core::Question& q, double n, const std::string& ptr);

    std::string pointerOf(const WeightRef& ref) const { return m_weightObjects[ref.object] + "/" + pointerEscape(ref.id); }

    JsonChecker& m_ck;
    const Library& m_lib;
    std::unordered_map<std::string, int> m_order;          // every question id in the file → its position (pre-pass)
    std::unordered_map<std::string, Declared> m_declared;  // every question read so far, by id
    const core::QuestionSet* m_set = nullptr;
    std::vector<WeightRef> m_weightRefs;
    std::vector<std::string> m_weightObjects;  // one pointer per weight object; a weight's own is built on error
    std::map<std::string, std::string> m_dimensionPointer, m_tipPointer;
};

}  // namespace rekindle::storage
