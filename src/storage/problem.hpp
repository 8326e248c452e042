// A problem found in a file the app reads (question set, tip library, answers): where it is and what to change.
#pragma once

#include <string>
#include <vector>

namespace rekindle::storage {

struct Problem {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    std::string file;          // as given (path string)
    int line = 0, column = 0;  // 1-based; 0 when unknown (e.g. unreadable file)
    std::string pointer;       // JSON pointer, "" for the whole document
    std::string message;       // a sentence saying what is wrong and what to change
    std::string excerpt;       // the line of the file and a caret under the place, when there is a place
    std::string format() const;  // "file:line:col: error: /pointer: message"
    std::string formatWithExcerpt() const;  // format(), then the excerpt lines as compilers print them
};

int countErrors(const std::vector<Problem>& problems);
int countWarnings(const std::vector<Problem>& problems);

}  // namespace rekindle::storage
