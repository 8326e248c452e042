// Export writers. Output is deterministic for the same records (golden files in tests/fixtures/golden depend on it).
#include "storage/export.hpp"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

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

// "2026-11-25T22:15:00Z" -> "25 November 2026, 22:15 UTC"; anything else is shown as written.
std::string humanDate(const std::string& rfc) {
    static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
    int y, mo, d, h, mi;
    if (rfc.size() >= 16 && std::sscanf(rfc.c_str(), "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) == 5 && mo >= 1 &&
        mo <= 12) {
        char buf[64];
        bool utc = rfc.back() == 'Z';
        std::snprintf(buf, sizeof buf, "%d %s %d, %02d:%02d%s", d, months[mo - 1], y, h, mi, utc ? " UTC" : "");
        return buf;
    }
    return rfc;
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

void writeMarkdownResult(std::ostringstream& md, const core::ResultRecord& r) {
    std::string title = r.setTitle.empty() ? r.setId : r.setTitle;
    md << "## " << mdText(title) << " — " << mdText(humanDate(r.completedAt)) << "\n\n";
    md << "Question set " << code(r.setId);
    if (!r.setVersion.empty()) md << ", version " << mdText(r.setVersion);
    md << " · result " << code(r.id);
    if (r.visibleQuestions > 0)
        md << " · " << r.answeredQuestions << " of " << r.visibleQuestions << " questions answered";
    md << "\n\n";

    if (!r.safety.empty()) {
        md << "### Safety first\n\n";
        for (const auto& s : r.safety) {
            if (!s.notice.empty()) md << "- " << mdText(s.notice) << "\n";
            else md << "- Safety guidance applies (" << mdText(s.guidance) << "); please read it in the app before the tips.\n";
        }
        md << "\n";
    }

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
            md << ++n << ". **" << mdText(t->title) << "** — fits " << fixed(t->relevance, 0) << "%\n";
            // The two answers that gave the most points: the "because you answered" a counsellor can follow.
            std::vector<const core::Contribution*> cs;
            for (const auto& c : t->contributions)
                if (c.points > 0) cs.push_back(&c);
            std::stable_sort(cs.begin(), cs.end(),
                             [](const core::Contribution* a, const core::Contribution* b) { return a->points > b->points; });
            if (cs.size() > 2) cs.resize(2);
            for (const auto* c : cs) {
                auto l = r.answerLabels.find(c->questionId);
                std::string q = l != r.answerLabels.end() && !l->second.question.empty() ? l->second.question : c->questionId;
                std::string a = !c->answer.empty() ? c->answer : core::answerText(r, c->questionId);
                md << "   - because you answered \"" << mdText(a) << "\" to: " << mdText(q) << "\n";
            }
        }
        md << "\n";
    }
    std::vector<const core::TipRecord*> held;
    for (const auto& t : r.tips)
        if (t.suppressed) held.push_back(&t);
    if (!held.empty()) {
        md << "Held back for now because of the safety answers: ";
        for (size_t i = 0; i < held.size(); ++i) md << (i ? ", " : "") << mdText(held[i]->title);
        md << ".\n\n";
    }

    if (!r.notes.empty()) {
        md << "### Your notes\n\n";
        auto writeNote = [&](const std::string& text) {
            std::istringstream lines(text);
            std::string line;
            while (std::getline(lines, line)) md << "> " << mdText(line, true) << "\n";
            md << "\n";
        };
        auto free = r.notes.find("note");
        if (free != r.notes.end()) writeNote(free->second);
        for (const auto& [key, text] : r.notes)
            if (key != "note") {
                md << "Reflection (" << mdText(key) << "):\n\n";
                writeNote(text);
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
            std::string q = l != r.answerLabels.end() && !l->second.question.empty() ? l->second.question : qid;
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
    std::ostringstream out;
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

std::string exportMarkdown(const std::vector<core::ResultRecord>& results) {
    std::ostringstream md;
    md << "# Rekindle results\n\n_" << kNotTherapyLine << "_\n\n";
    if (results.empty()) md << "No results to show.\n";
    for (size_t i = 0; i < results.size(); ++i) {
        if (i) md << "---\n\n";
        writeMarkdownResult(md, results[i]);
    }
    std::string s = md.str();
    while (s.size() >= 2 && s[s.size() - 1] == '\n' && s[s.size() - 2] == '\n') s.pop_back();
    return s;
}

}  // namespace rekindle::storage
