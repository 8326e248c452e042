// The in-memory model of a question set and its tips: what storage loads from JSON and scoring reads.
// Plain data only; JSON, files and UI live in later layers.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rekindle::core {

enum class QuestionType { Likert, SingleChoice, MultipleChoice, YesNo, Slider, FreeText };

const char* questionTypeName(QuestionType type);

// Weights an answer adds to named dimensions and tips. For likert and slider questions they are the weight at
// full scale; for options, the weight of picking that option.
struct Weights {
    std::map<std::string, double> dimensions;
    std::map<std::string, double> tips;
    bool empty() const { return dimensions.empty() && tips.empty(); }
};

// A value a condition compares against: an option id ("yes"/"no" for yes/no) or a number (likert point, slider).
struct ConditionValue {
    std::optional<std::string> option;
    std::optional<double> number;
};

struct Condition {
    enum class Op { Equals, OneOf, AtLeast, AtMost, All, Any, Not };
    Op op = Op::Equals;
    std::string question;                // Equals, OneOf, AtLeast, AtMost
    std::vector<ConditionValue> values;  // one for Equals/AtLeast/AtMost, several for OneOf
    std::vector<Condition> children;     // All, Any, Not (exactly one)
};

struct Option {
    std::string id;
    std::string label;
    bool unscored = false;  // "I don't know", "Prefer not to say": picking it changes no score
    Weights weights;
};

// Wording that replaces the question text when its condition holds (first match wins), e.g. "your partner" vs
// "your friend" depending on an earlier answer.
struct TextVariant {
    Condition when;
    std::string text;
};

struct Question {
    std::string id;
    QuestionType type = QuestionType::Likert;
    std::string text;
    std::string help;
    bool required = true;
    std::optional<Condition> showIf;
    std::vector<TextVariant> variants;

    // Likert: answer is the point 1..points; position (point-1)/(points-1), or 1 minus that when reversed.
    int points = 5;
    std::vector<std::string> labels;
    bool reverse = false;  // likert and slider

    // Single, multiple and yes/no: the options (yes/no always has ids "yes" and "no").
    // Likert and slider may carry extra unscored options such as "I don't know".
    std::vector<Option> options;
    int maxPicks = 0;  // multiple choice; 0 = no limit

    // Slider: answer is a number in [min, max] on the step grid; position (v-min)/(max-min).
    double min = 0, max = 10, step = 1;
    std::string minLabel, maxLabel;

    Weights weights;  // likert and slider

    const Option* findOption(const std::string& optionId) const;
    bool isScored() const { return type != QuestionType::FreeText; }
};

struct Section {
    std::string id;
    std::string title;
    std::string intro;
    std::string reflectionPrompt;  // optional; free text saved with the result, never scored
    std::optional<Condition> showIf;
    std::vector<Question> questions;
};

struct Band {
    double minPercent = 0;  // inclusive
    double maxPercent = 100;  // inclusive for the last band, exclusive otherwise
    std::string label;
    std::string interpretation;
    // Shown instead of `interpretation` while any safety rule holds; an empty text hides it then. Unset: the
    // ordinary text is shown. Advice such as "light contact may work better" is wrong for someone who is afraid.
    std::optional<std::string> safetyInterpretation = std::nullopt;  // (initialised: Band is built as an aggregate)
};

// Whether a higher score is good news, so Compare can say "better" or "worse" in words, not in colour alone.
enum class HigherIs { Neutral, Better, Worse };
const char* higherIsName(HigherIs h);  // "neutral", "better", "worse"

struct Dimension {
    std::string id;
    std::string label;
    std::string description;
    std::vector<Band> bands;
    double meaningfulChange = 10;  // percentage points between two takes that count as a real change
    HigherIs higherIs = HigherIs::Neutral;
};

struct Tip {
    std::string id;
    std::string title;
    std::string summary;
    std::string why;
    std::vector<std::string> tryThisWeek;
    std::vector<std::string> cautions;
    bool fromLibrary = false;
    // While any safety rule holds, the result shows this tip's cautions before its advice (advice that could clash
    // with the safety guidance on the same screen, such as voicing disagreement).
    bool cautionFirst = false;
};

struct SafetyRule {
    std::string id;
    Condition when;
    std::string guidance;  // id of an entry in the safety guidance file; may be empty when notice is given
    std::string notice;    // text shown in the result
    std::vector<std::string> suppress;  // tip ids not offered while the rule holds
};

struct ResultSettings {
    int topTips = 3;
    double minAnsweredShare = 0.5;  // below it a dimension or tip is "not enough answers"
    double minRelevance = 0;        // percent; a tip below it is ranked but never featured
    std::string tieBreak = "declared-order";
};

struct QuestionSet {
    std::string format;  // "rekindle.question-set/1"
    std::string id;
    std::string version;
    std::string title;
    std::string description;
    std::string language = "en";
    int estimatedMinutes = 0;
    std::string author;
    std::vector<Section> sections;
    std::vector<Dimension> dimensions;
    std::vector<Tip> tips;  // in declared order: library refs resolved, the set's own tips inline
    std::vector<SafetyRule> safetyRules;
    ResultSettings result;
    std::string contentHash;  // filled by storage: hash of the canonical JSON

    const Question* findQuestion(const std::string& questionId) const;
    const Dimension* findDimension(const std::string& dimensionId) const;
    const Tip* findTip(const std::string& tipId) const;
    size_t questionCount() const;
};

}  // namespace rekindle::core
