// Export writers. Output is deterministic for the same records (golden files in tests/fixtures/golden depend on it).
#include "storage/export.hpp"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/scoring.hpp"
#include "core/words.hpp"
#include "storage/result_json.hpp"

namespace rekindle::storage {

using Json = nlohmann::ordered_json;

const char* const kNotTherapyLine =
    "Rekindle helps you reflect. It is not therapy, not a diagnosis, and not a verdict on your relationship.";

namespace {

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string csvCell(const std::string& s, bool text) {
    std::string v = s;
    // A leading = + - @ TAB or CR makes spreadsheets read the cell as a formula; the quote keeps it text.
    if (text && !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
        v = "'" + v;
    if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// Every user- or set-supplied string goes through mdText(): a report may be opened in a viewer that renders Markdown
// and HTML, so a note holding <script> or [x](javascript:...) must come out as the characters typed. Markdown
// punctuation is backslash-escaped, HTML's < > & become entities, line breaks become spaces, and a line start
// that would open a heading, list or quote is escaped too.
std::string mdText(const std::string& s, bool lineStart = false) {
    std::string out;
    out.reserve(s.size() + 8);
    bool atStart = lineStart;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '\n' || c == '\r') c = ' ';
        if (atStart && (c == '#' || c == '+' || c == '-' || c == '=' || c == '>')) {
            out += '\\';
            out += c;
            atStart = false;
            continue;
        }
        if (atStart && c >= '0' && c <= '9') {
            size_t j = i;
            while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
            if (j < s.size() && (s[j] == '.' || s[j] == ')')) {
                out.append(s, i, j - i);
                out += '\\';
                out += s[j];
                i = j;
                atStart = false;
                continue;
            }
        }
        if (c != ' ') atStart = false;
        switch (c) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '~':
                out += '\\';
                out += c;
                break;
            default: out += c;
        }
    }
    return out;
}

// An id in a code span: HTML and Markdown are inert there, only a backtick could end the span early, so the fence
// is one backtick longer than the longest run inside.
std::string code(const std::string& s) {
    size_t run = 0, longest = 0;
    std::string body;
    for (char c : s) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
        body += (c == '\n' || c == '\r') ? ' ' : c;
    }
    std::string fence(longest + 1, '`');
    bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
    return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

void writeSafety(std::ostringstream& md, const core::ResultRecord& r, const core::SafetyGuidance* guidance) {
    md << "### Safety first\n\n";
    for (const auto& s : r.safety) {
        const core::SafetyGuidanceEntry* g = guidance ? guidance->find(s.guidance) : nullptr;
        if (!s.notice.empty()) md << mdText(s.notice, true) << "\n\n";
        if (g) {
            md << "**" << mdText(g->title) << "**\n\n" << mdText(g->text, true) << "\n\n";
            for (const auto& step : g->steps) md << "- " << mdText(step) << "\n";
            if (!g->steps.empty()) md << "\n";
        } else if (s.notice.empty()) {
            md << "Safety guidance applies to these answers; please read it in the app, under \"When to get help\", "
                  "before the tips.\n\n";
        }
        std::string aside = core::setAsideText(s, r);
        if (!aside.empty()) md << mdText(aside, true) << "\n\n";
    }
}

void writeMarkdownResult(std::ostringstream& md, const core::ResultRecord& r, const core::SafetyGuidance* guidance) {
    std::string title = r.setTitle.empty() ? r.setId : r.setTitle;
    md << "## " << mdText(title) << " — " << mdText(core::localDateTimeLong(r.completedAt)) << "\n\n";
    bool first = true;
    auto part = [&](const std::string& s) {
        md << (first ? "" : " · ") << s;
        first = false;
    };
    if (!r.setVersion.empty()) part("Version " + mdText(r.setVersion));
    if (r.visibleQuestions > 0)
        part(std::to_string(r.answeredQuestions) + " of " + core::countText(r.visibleQuestions, "question", "questions") +
             " answered");
    part("result " + code(r.id));
    md << "\n\n";

    if (!r.safety.empty()) writeSafety(md, r, guidance);

    if (!r.dimensions.empty()) {
        md << "### Where things stand\n\n| Area | Score | Band |\n|---|---:|---|\n";
        for (const auto& d : r.dimensions) {
            if (d.enoughAnswers)
                md << "| " << mdText(d.label) << " | " << fixed(d.percent, 0) << "% | " << mdText(d.bandLabel) << " |\n";
            else
                md << "| " << mdText(d.label) << " | — | not enough answers |\n";
        }
        md << "\n";
        bool any = false;
        for (const auto& d : r.dimensions)
            if (d.enoughAnswers && !d.interpretation.empty()) {
                md << "- **" << mdText(d.label) << ":** " << mdText(d.interpretation) << "\n";
                any = true;
            }
        if (any) md << "\n";
    }

    auto top = r.topTipRecords();
    if (!top.empty()) {
        md << "### Tips that fit best\n\n";
        int n = 0;
        for (const auto* t : top) {
            md << ++n << ". **" << mdText(t->title) << "** — " << core::relevanceWord(t->relevance) << "\n";
            // The two answers that gave the most points: the "because you answered" a counsellor can follow.
            std::vector<const core::Contribution*> cs;
            for (const auto& c : t->contributions)
                if (c.points > 0) cs.push_back(&c);
            std::stable_sort(cs.begin(), cs.end(),
                             [](const core::Contribution* a, const core::Contribution* b) { return a->points > b->points; });
            if (cs.size() > 2) cs.resize(2);
            for (const auto* c : cs) {
                auto l = r.answerLabels.find(c->questionId);
                std::string q = l != r.answerLabels.end() && !l->second.question.empty() ? l->second.question
                                                                                        : "a question no longer in this set";
                std::string a = !c->answer.empty() ? c->answer : core::answerText(r, c->questionId);
                md << "   - because you said \"" << mdText(core::plainAnswer(a)) << "\" to: " << mdText(q) << "\n";
            }
        }
        md << "\n";
    }
    std::vector<const core::TipRecord*> held;
    for (const auto& t : r.tips)
        if (t.suppressed) held.push_back(&t);
    if (!held.empty()) {
        md << "Held back for your safety while the guidance above applies: ";
        for (size_t i = 0; i < held.size(); ++i) md << (i ? ", " : "") << mdText(held[i]->title);
        md << ".\n\n";
    }

    auto reflections = core::reflections(r);
    if (!reflections.empty()) {
        md << "### Your reflections and notes\n\n";
        for (const auto& x : reflections) {
            // The prompt as it was asked (or "Your note"), never the section id.
            md << "**" << mdText(x.prompt) << "**\n\n";
            std::istringstream lines(x.text);
            std::string line;
            while (std::getline(lines, line)) md << "> " << mdText(line, true) << "\n";
            md << "\n";
        }
    }

    if (!r.answers.empty()) {
        md << "### Your answers\n\n";
        std::vector<std::string> order = r.questionIds;
        std::set<std::string> listed(order.begin(), order.end());
        for (const auto& [id, a] : r.answers)
            if (!listed.count(id)) order.push_back(id);
        for (const auto& qid : order) {
            std::string a = core::answerText(r, qid);
            if (a.empty()) continue;
            auto l = r.answerLabels.find(qid);
            std::string q = l != r.answerLabels.end() && !l->second.question.empty() ? l->second.question
                                                                                    : "A question no longer in this set";
            md << "- " << mdText(q) << " — **" << mdText(a) << "**\n";
        }
        md << "\n";
    }
}

}  // namespace

std::string exportJson(const std::vector<core::ResultRecord>& results) {
    Json root;
    root["format"] = "rekindle.export/1";
    Json arr = Json::array();
    for (const auto& r : results) arr.push_back(resultJson(r));
    root["results"] = arr;
    return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string exportCsv(const std::vector<core::ResultRecord>& results) {
    std::vector<std::string> dims, tips;
    std::set<std::string> seenDims, seenTips;
    for (const auto& r : results) {
        for (const auto& d : r.dimensions)
            if (seenDims.insert(d.id).second) dims.push_back(d.id);
        for (const auto& t : r.tips)
            if (seenTips.insert(t.id).second) tips.push_back(t.id);
    }
    // Row 1 in words, as the newest result names each column; row 2 the machine form (docs/results-format.md).
    auto dimLabel = [&](const std::string& id) {
        for (auto it = results.rbegin(); it != results.rend(); ++it)
            if (const core::DimensionRecord* d = it->findDimension(id)) return d->label;
        return id;
    };
    auto tipTitle = [&](const std::string& id) {
        for (auto it = results.rbegin(); it != results.rend(); ++it)
            if (const core::TipRecord* t = it->findTip(id)) return t->title;
        return id;
    };
    std::ostringstream out;
    out << "Result,Completed (UTC),Question set,Set version,Top tip";
    for (const auto& d : dims) out << "," << csvCell(dimLabel(d) + " (%)", true);
    for (const auto& t : tips) out << "," << csvCell("Tip: " + tipTitle(t) + " (%)", true);
    out << ",Notes\n";
    out << "id,completedAt,setId,setVersion,topTip";
    for (const auto& d : dims) out << "," << csvCell("dimension:" + d, true);
    for (const auto& t : tips) out << "," << csvCell("tip:" + t, true);
    out << ",note\n";
    for (const auto& r : results) {
        const core::TipRecord* top = r.topTip();
        out << csvCell(r.id, true) << "," << csvCell(r.completedAt, true) << "," << csvCell(r.setId, true) << ","
            << csvCell(r.setVersion, true) << "," << csvCell(top ? top->title : "", true);
        for (const auto& id : dims) {
            const core::DimensionRecord* d = r.findDimension(id);
            out << "," << (d && d->enoughAnswers ? fixed(d->percent, 1) : "");
        }
        for (const auto& id : tips) {
            const core::TipRecord* t = r.findTip(id);
            out << "," << (t && t->enoughAnswers && !t->suppressed ? fixed(t->relevance, 1) : "");
        }
        out << "," << csvCell(r.notesText(), true) << "\n";
    }
    return out.str();
}

std::string exportMarkdown(const std::vector<core::ResultRecord>& results, const core::SafetyGuidance* guidance) {
    std::ostringstream md;
    md << "# Rekindle results\n\n_" << kNotTherapyLine << "_\n\n";
    if (results.empty()) md << "No results to show.\n";
    for (size_t i = 0; i < results.size(); ++i) {
        if (i) md << "---\n\n";
        writeMarkdownResult(md, results[i], guidance);
    }
    std::string s = md.str();
    while (s.size() >= 2 && s[s.size() - 1] == '\n' && s[s.size() - 2] == '\n') s.pop_back();
    return s;
}

}  // namespace rekindle::storage
