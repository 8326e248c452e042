// Lookups over the question-set model.
#include "core/question_set.hpp"

namespace rekindle::core {

const char* higherIsName(HigherIs h) {
    switch (h) {
        case HigherIs::Better: return "better";
        case HigherIs::Worse: return "worse";
        case HigherIs::Neutral: break;
    }
    return "neutral";
}

const char* questionTypeName(QuestionType type) {
    switch (type) {
        case QuestionType::Likert: return "likert";
        case QuestionType::SingleChoice: return "single";
        case QuestionType::MultipleChoice: return "multiple";
        case QuestionType::YesNo: return "yesno";
        case QuestionType::Slider: return "slider";
        case QuestionType::FreeText: return "text";
    }
    return "?";
}

const Option* Question::findOption(const std::string& optionId) const {
    for (const auto& o : options)
        if (o.id == optionId) return &o;
    return nullptr;
}

const Question* QuestionSet::findQuestion(const std::string& questionId) const {
    for (const auto& s : sections)
        for (const auto& q : s.questions)
            if (q.id == questionId) return &q;
    return nullptr;
}

const Dimension* QuestionSet::findDimension(const std::string& dimensionId) const {
    for (const auto& d : dimensions)
        if (d.id == dimensionId) return &d;
    return nullptr;
}

const Tip* QuestionSet::findTip(const std::string& tipId) const {
    for (const auto& t : tips)
        if (t.id == tipId) return &t;
    return nullptr;
}

size_t QuestionSet::questionCount() const {
    size_t n = 0;
    for (const auto& s : sections) n += s.questions.size();
    return n;
}

}  // namespace rekindle::core
