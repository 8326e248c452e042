// Reading and writing the note sidecar of a result (format rekindle.note/1).
#include "storage/result_note.hpp"

#include <sys/stat.h>

#include "storage/atomic_file.hpp"
#include "storage/json_parse.hpp"

namespace rekindle::storage {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

constexpr size_t kMaxNoteBytes = 1024 * 1024;  // a note is a few lines; a huge sidecar is refused, not parsed

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

fs::path notePathFor(const fs::path& resultPath) {
    std::string name = resultPath.filename().string();
    if (endsWith(name, ".json")) name.resize(name.size() - 5);
    return resultPath.parent_path() / (name + ".note.json");
}

bool isNoteFileName(const std::string& name) { return endsWith(name, ".note.json") && name.size() > 10; }

std::string noteToJson(const ResultNote& note) {
    Json j;
    j["format"] = kNoteFormatTag;
    j["result"] = note.resultId;
    j["updatedAt"] = note.updatedAt;
    j["note"] = note.note;
    return j.dump(2, ' ', false, Json::error_handler_t::strict) + "\n";
}

bool noteFromJson(const std::string& text, ResultNote& out, std::string* error) {
    auto fail = [&](const std::string& why) {
        if (error) *error = why;
        return false;
    };
    Json j;
    JsonParseFailure failure;
    if (!parseJson(text, j, failure)) return fail(describe(failure));
    if (!j.is_object()) return fail("expected a JSON object (a Rekindle note)");
    auto str = [&](const char* key, bool required, std::string& into) {
        auto it = j.find(key);
        if (it == j.end() || it->is_null()) return !required;
        if (!it->is_string()) return false;
        into = it->get<std::string>();
        return true;
    };
    std::string format;
    if (!str("format", true, format)) return fail("/format: missing or not a string");
    if (format.rfind("rekindle.note/", 0) != 0) return fail("/format: \"" + format + "\" is not a Rekindle note format");
    if (format != kNoteFormatTag)
        return fail("/format: " + format + " is not supported; this build reads rekindle.note/1 (a newer Rekindle may have written it)");
    ResultNote n;
    if (!str("result", false, n.resultId)) return fail("/result: expected a string");
    if (!str("updatedAt", false, n.updatedAt)) return fail("/updatedAt: expected a string");
    if (!str("note", true, n.note)) return fail("/note: missing or not a string");
    out = std::move(n);
    return true;
}

std::optional<ResultNote> readNoteFor(const fs::path& resultPath, std::string* error) {
    fs::path path = notePathFor(resultPath);
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return std::nullopt;  // no sidecar: the usual case
    std::string why;
    auto text = readFile(path, &why, kMaxNoteBytes);
    ResultNote note;
    if (!text || !noteFromJson(*text, note, &why)) {
        if (error) *error = path.string() + ": " + why;
        return std::nullopt;
    }
    return note;
}

bool applyNote(const fs::path& resultPath, core::ResultRecord& record, std::string* error) {
    auto note = readNoteFor(resultPath, error);
    if (!note) return false;
    if (note->note.empty()) record.notes.erase("note");
    else record.notes["note"] = note->note;
    return true;
}

}  // namespace rekindle::storage
