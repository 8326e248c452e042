// Question sets from files: parse, read and validate (set_reader*.cpp), sort the problems by place, and name the
// content by a hash of its canonical form so drafts and results can tell when a set changed.
#include "storage/question_set_json.hpp"

#include <algorithm>
#include <cinttypes>
#include <cstdio>

#include "storage/atomic_file.hpp"
#include "storage/set_reader.hpp"

namespace rekindle::storage {

std::string fnv1aHex(std::string_view bytes) {
    // Not FNV's published offset basis (a digit short), but every hash ever stored was made with it: keep it.
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016" PRIx64, h);
    return buf;
}

// The canonical form is nlohmann's compact dump(): keys sorted (nlohmann::json keeps objects in a std::map), no
// spaces, numbers as nlohmann prints them. Every hash stored in drafts and results so far was made this way, so
// they all stay valid; layout, key order and whitespace changes keep the hash, any value change moves it.
std::string canonicalHash(const nlohmann::json& value) { return fnv1aHex(value.dump()); }

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
        p.message = "cannot read the file (" + error + ")";
        // Advice only where it fits: a link, a FIFO or a file over the limit is not fixed by checking permissions.
        if (error.find("No such file") != std::string::npos || error.find("ermission denied") != std::string::npos)
            p.message += "; check that it exists and is readable";
        out.problems.push_back(std::move(p));
        return out;
    }
    LoadedSet out = parseQuestionSet(*text, file.string(), library);
    out.path = file;
    return out;
}

std::vector<LoadedSet> loadQuestionSetsIn(const std::filesystem::path& dir, const Library& library,
                                          const std::atomic<bool>* stop) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".json" && it->is_regular_file(ec)) files.push_back(it->path());
    std::sort(files.begin(), files.end());
    std::vector<LoadedSet> out;
    for (const auto& f : files) {
        if (stop && *stop) break;
        out.push_back(loadQuestionSet(f, library));
    }
    return out;
}

}  // namespace rekindle::storage
