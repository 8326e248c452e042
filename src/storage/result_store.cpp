// Result files on disk: naming, no-overwrite saving, the listing index and the trash.
#include "storage/result_store.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <random>
#include <system_error>
#include <unordered_map>

#include "storage/result_json.hpp"
#include "storage/result_note.hpp"
#include "storage/atomic_file.hpp"

namespace rekindle::storage {
namespace fs = std::filesystem;

namespace {

constexpr const char* kIndexHeader = "rekindle.result-index/2";
// About 400 bytes a result: 16 MiB is reached near 40,000 results, and an index that is not reused costs a parse of
// every file. The cap only guards memory against a hostile file; the index is our own cache.
constexpr size_t kMaxIndexBytes = size_t(512) * 1024 * 1024;

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A result file is "<id>.json"; temp files from atomic writes and the dot-index are not results.
bool isResultFileName(const std::string& name) {
    return endsWith(name, ".json") && name.size() > 5 && name.front() != '.' && name.find(".tmp-") == std::string::npos &&
           !isNoteFileName(name);
}

std::string lower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return s;
}

// The index is a private cache, so it uses a tab-separated line per file rather than JSON: parsing 10,000 JSON
// summaries took most of a second, these lines take a few milliseconds. Tabs, newlines and backslashes in texts
// are escaped. A line that does not parse is skipped, which only makes that file stale.
void putField(std::string& out, const std::string& text) {
    out += '\t';
    for (char c : text) {
        if (c == '\\') out += "\\\\";
        else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else out += c;
    }
}

std::string indexLine(const std::string& name, const FileStamp& stamp, const ResultSummary& s) {
    std::string line = name;
    putField(line, std::to_string(stamp.size));
    putField(line, std::to_string(stamp.mtimeNs));
    putField(line, s.readable ? "1" : "0");
    putField(line, s.completedAt);
    if (!s.readable) {
        putField(line, s.error);
    } else {
        putField(line, std::to_string(s.formatVersion));
        putField(line, s.setId);
        putField(line, s.setTitle);
        putField(line, s.setVersion);
        putField(line, s.topTipId);
        putField(line, s.topTipTitle);
        putField(line, s.notesText);
        putField(line, s.safetyFlag ? "1" : "0");
        putField(line, std::to_string(s.dimensions.size()));
        for (const auto& d : s.dimensions) {
            char pct[40];
            std::snprintf(pct, sizeof pct, "%.17g", d.percent);  // round-trips exactly
            putField(line, d.id);
            putField(line, d.label);
            putField(line, pct);
            putField(line, d.bandLabel);
            putField(line, d.enoughAnswers ? "1" : "0");
        }
    }
    line += '\n';
    return line;
}

bool toLongLong(const std::string& s, long long& out) {
    if (s.empty()) return false;
    char* end = nullptr;
    errno = 0;
    out = std::strtoll(s.c_str(), &end, 10);
    return errno == 0 && end && *end == '\0';
}

bool parseIndexLine(std::string_view line, std::string& name, FileStamp& stamp, ResultSummary& s) {
    std::vector<std::string> f;
    std::string cur;
    for (size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (c == '\t') {
            f.push_back(std::move(cur));
            cur.clear();
        } else if (c == '\\' && i + 1 < line.size()) {
            char n = line[++i];
            cur += n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n;
        } else {
            cur += c;
        }
    }
    f.push_back(std::move(cur));
    if (f.size() < 6) return false;
    name = f[0];
    long long n = 0;
    if (!toLongLong(f[1], stamp.size) || !toLongLong(f[2], stamp.mtimeNs)) return false;
    s.readable = f[3] == "1";
    s.completedAt = f[4];
    if (!s.readable) {
        s.error = f[5];
        return f.size() == 6;
    }
    if (f.size() < 14 || !toLongLong(f[5], n)) return false;  // 14 fields when a result has no dimensions
    s.formatVersion = int(n);
    s.setId = f[6];
    s.setTitle = f[7];
    s.setVersion = f[8];
    s.topTipId = f[9];
    s.topTipTitle = f[10];
    s.notesText = f[11];
    s.safetyFlag = f[12] == "1";
    long long dims = 0;
    if (!toLongLong(f[13], dims) || dims < 0 || f.size() != size_t(14 + 5 * dims)) return false;
    for (long long d = 0; d < dims; ++d) {
        const std::string* x = &f[size_t(14 + 5 * d)];
        char* end = nullptr;
        double pct = std::strtod(x[2].c_str(), &end);
        if (!end || *end != '\0') return false;
        s.dimensions.push_back(DimensionValue{x[0], x[1], pct, x[3], x[4] == "1"});
    }
    return true;
}

ResultSummary readSummary(const fs::path& path, const std::string& fileName, const struct stat& st) {
    ResultSummary s;
    std::string error;
    auto text = readFile(path, &error);
    core::ResultRecord record;
    if (text && resultFromJson(*text, record, &error)) {
        applyNote(path, record);  // a later note is what History shows and searches
        s = summarize(record);
    } else {
        s.readable = false;
        s.error = error;
        s.completedAt = rfc3339Utc(static_cast<long long>(st.st_mtim.tv_sec));
    }
    s.fileName = fileName;
    s.path = path;
    s.id = fileName.substr(0, fileName.size() - 5);
    return s;
}

using IndexRows = std::unordered_map<std::string, std::pair<FileStamp, ResultSummary>>;

IndexRows readIndex(const fs::path& file, bool* present = nullptr) {
    IndexRows cached;
    auto text = readFile(file, nullptr, kMaxIndexBytes);
    if (present) *present = text.has_value();
    if (!text) return cached;
    std::string_view all(*text);
    size_t eol = all.find('\n');
    if (eol == std::string_view::npos || all.substr(0, eol) != kIndexHeader) return cached;
    size_t pos = eol + 1;
    while (pos < all.size()) {
        size_t end = all.find('\n', pos);
        if (end == std::string_view::npos) break;  // a cut-off last line is ignored
        std::string name;
        FileStamp stamp;
        ResultSummary s;
        if (parseIndexLine(all.substr(pos, end - pos), name, stamp, s))
            cached.emplace(std::move(name), std::make_pair(stamp, std::move(s)));
        pos = end + 1;
    }
    return cached;
}

// A result's stamp with its note sidecar folded in, so a note changed later makes the index row stale.
FileStamp stampWithNote(const fs::path& resultPath, const struct stat& st) {
    FileStamp stamp = stampOf(st);
    struct stat ns {};
    if (::lstat(notePathFor(resultPath).c_str(), &ns) == 0) {
        FileStamp n = stampOf(ns);
        stamp.size += n.size + 1;  // + 1: an empty sidecar still changes the stamp
        stamp.mtimeNs = std::max(stamp.mtimeNs, n.mtimeNs);
    }
    return stamp;
}

std::string randomHex4() {
    thread_local std::mt19937_64 rng{std::random_device{}()};
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04x", unsigned(rng() & 0xffff));
    return buf;
}

// Ids are file names: letters, digits, '-', '_' and '.', not starting with '.' or '-', so "../x" or "a/b" can never
// reach the file system. Upper case is allowed (the T and Z of the timestamp), unlike sanitizeFileComponent.
bool isSafeId(const std::string& id) {
    if (id.empty() || id.size() > 160 || id.front() == '.' || id.front() == '-') return false;
    for (unsigned char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '.'))
            return false;
    return true;
}

}  // namespace

bool ResultSummary::notesContain(const std::string& needle) const {
    if (needle.empty()) return true;
    return lower(notesText).find(lower(needle)) != std::string::npos;
}

ResultSummary summarize(const core::ResultRecord& r) {
    ResultSummary s;
    s.id = r.id;
    s.formatVersion = r.formatVersion;
    s.completedAt = r.completedAt;
    s.setId = r.setId;
    s.setTitle = r.setTitle.empty() ? r.setId : r.setTitle;
    s.setVersion = r.setVersion;
    if (const core::TipRecord* t = r.topTip()) {
        s.topTipId = t->id;
        s.topTipTitle = t->title;
    }
    for (const auto& d : r.dimensions)
        s.dimensions.push_back(DimensionValue{d.id, d.label, d.percent, d.bandLabel, d.enoughAnswers});
    s.notesText = r.notesText();
    s.safetyFlag = !r.safety.empty();
    return s;
}

std::string makeResultId(const std::string& completedAt, const std::string& setId) {
    // Keep only the digits of date and time: "2026-11-25T22:15:00Z" -> "20261125T221500Z".
    std::string digits;
    for (char c : completedAt) {
        if (c == '.' || c == 'Z' || c == '+') break;
        if (c >= '0' && c <= '9') digits += c;
    }
    if (digits.size() < 14) {
        std::string now = nowRfc3339();
        digits.clear();
        for (char c : now)
            if (c >= '0' && c <= '9') digits += c;
    }
    digits.resize(14);
    return digits.substr(0, 8) + "T" + digits.substr(8, 6) + "Z-" + sanitizeFileComponent(setId) + "-" + randomHex4();
}

ResultStore::ResultStore(const Paths& paths) : m_resultsDir(paths.resultsDir()), m_trashDir(paths.trashDir()) {}

ResultStore::ResultStore(fs::path resultsDir, fs::path trashDir)
    : m_resultsDir(std::move(resultsDir)), m_trashDir(std::move(trashDir)) {}

bool ResultStore::save(core::ResultRecord& record, std::string* error, fs::path* savedPath) const {
    if (m_readOnly) {
        if (error) *error = "not saved: this window is read-only (Rekindle is open in another window)";
        return false;
    }
    if (record.setId.empty()) {
        if (error) *error = "cannot save a result without a question set id";
        return false;
    }
    if (!ensurePrivateDir(m_resultsDir, error)) return false;
    if (record.completedAt.empty()) record.completedAt = nowRfc3339();
    if (record.createdAt.empty()) record.createdAt = record.completedAt;
    if (record.appVersion.empty()) record.appVersion = REKINDLE_VERSION;
    const bool generated = record.id.empty();
    if (!generated && !isSafeId(record.id)) {
        if (error) *error = "\"" + record.id + "\" is not a valid result id (use a-z, 0-9, '-', '_', '.')";
        return false;
    }
    for (int attempt = 0; attempt < 32; ++attempt) {
        if (generated) record.id = makeResultId(record.completedAt, record.setId);
        fs::path path = m_resultsDir / (record.id + ".json");
        std::string why;
        if (writeNewFileAtomic(path, resultToJson(record), &why)) {
            if (savedPath) *savedPath = path;
            return true;
        }
        std::error_code ec;
        bool exists = fs::exists(path, ec);
        if (!exists || !generated) {
            if (error) *error = exists ? "a result named " + record.id + " already exists; results are never overwritten" : why;
            if (generated) record.id.clear();
            return false;
        }
    }
    if (error) *error = "could not find a free result name in " + m_resultsDir.string();
    record.id.clear();
    return false;
}

std::vector<ResultSummary> ResultStore::list(const std::string& setFilter) const {
    std::vector<ResultSummary> out;
    std::error_code ec;
    if (!fs::is_directory(m_resultsDir, ec)) return out;

    auto cached = readIndex(indexFile());

    bool indexDirty = false;
    size_t reused = 0;
    std::vector<FileStamp> stamps;
    for (fs::directory_iterator it(m_resultsDir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (!isResultFileName(name)) continue;
        struct stat st {};
        if (::lstat(it->path().c_str(), &st) != 0 || S_ISDIR(st.st_mode)) continue;
        if (!S_ISREG(st.st_mode)) {
            // A FIFO, socket, device or link where a result should be: listed with the reason, never opened.
            ResultSummary s;
            s.readable = false;
            s.error = fileTypeProblem(st.st_mode);
            s.completedAt = rfc3339Utc(static_cast<long long>(st.st_mtim.tv_sec));
            s.fileName = name;
            s.path = it->path();
            s.id = name.substr(0, name.size() - 5);
            stamps.push_back(FileStamp{});
            out.push_back(std::move(s));
            continue;
        }
        FileStamp stamp = stampWithNote(it->path(), st);
        ResultSummary s;
        auto c = cached.find(name);
        if (c != cached.end() && c->second.first == stamp) {
            s = std::move(c->second.second);
            s.fileName = name;
            s.path = it->path();
            s.id = name.substr(0, name.size() - 5);
            ++reused;
        } else {
            s = readSummary(it->path(), name, st);
            indexDirty = true;
        }
        stamps.push_back(stamp);
        out.push_back(std::move(s));
    }
    if (reused != cached.size()) indexDirty = true;  // files were removed or changed since the index was written
    // The index is written only into a folder that passes the ownership checks: never through a link.
    if (indexDirty && !m_readOnly && checkPrivateDir(m_resultsDir)) {
        std::string idx = std::string(kIndexHeader) + "\n";
        for (size_t i = 0; i < out.size(); ++i)
            if (stamps[i].size >= 0) idx += indexLine(out[i].fileName, stamps[i], out[i]);
        // Best effort: a read-only folder still lists, just without the speed-up next time.
        writeFileAtomic(indexFile(), idx);
    }

    if (!setFilter.empty())
        out.erase(std::remove_if(out.begin(), out.end(),
                                 [&](const ResultSummary& s) { return s.readable && s.setId != setFilter; }),
                  out.end());
    std::sort(out.begin(), out.end(), [](const ResultSummary& a, const ResultSummary& b) {
        if (a.completedAt != b.completedAt) return a.completedAt > b.completedAt;
        return a.fileName > b.fileName;
    });
    return out;
}

std::optional<core::ResultRecord> ResultStore::load(const std::string& id, std::string* error) const {
    if (!isSafeId(id)) {
        if (error) *error = "\"" + id + "\" is not a valid result id";
        return std::nullopt;
    }
    return loadFile(m_resultsDir / (id + ".json"), error);
}

std::optional<core::ResultRecord> ResultStore::loadFile(const fs::path& path, std::string* error) {
    std::string why;
    auto text = readFile(path, &why);
    core::ResultRecord r;
    if (!text || !resultFromJson(*text, r, &why)) {
        if (error) *error = path.string() + ": " + why;
        return std::nullopt;
    }
    applyNote(path, r);
    return r;
}

std::vector<core::ResultRecord> ResultStore::loadAll(const std::string& setFilter,
                                                     std::vector<ResultSummary>* unreadable) const {
    std::vector<core::ResultRecord> out;
    auto summaries = list(setFilter);
    for (auto it = summaries.rbegin(); it != summaries.rend(); ++it) {
        if (!it->readable) {
            if (unreadable) unreadable->push_back(*it);
            continue;
        }
        std::string error;
        if (auto r = loadFile(it->path, &error)) {
            out.push_back(std::move(*r));
        } else if (unreadable) {
            // Changed between listing and loading: report it rather than silently drop it.
            ResultSummary s = *it;
            s.readable = false;
            s.error = error;
            unreadable->push_back(std::move(s));
        }
    }
    return out;
}

std::optional<core::ResultRecord> ResultStore::previousOf(const core::ResultRecord& current) const {
    for (const auto& s : list(current.setId)) {
        if (!s.readable || s.id == current.id) continue;
        // An unsaved take (no id yet) comes after every saved result finished at the same time or earlier.
        if (current.id.empty() ? s.completedAt > current.completedAt
                               : std::make_pair(s.completedAt, s.id) >= std::make_pair(current.completedAt, current.id))
            continue;
        if (auto r = loadFile(s.path)) return r;
    }
    return std::nullopt;
}

ResultStore::IndexDrift ResultStore::indexDrift() const {
    IndexDrift d;
    auto rows = readIndex(indexFile(), &d.present);
    std::error_code ec;
    for (fs::directory_iterator it(m_resultsDir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        struct stat st {};
        if (!isResultFileName(name) || ::lstat(it->path().c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        auto row = rows.find(name);
        if (row == rows.end()) ++d.unindexed;
        else if (!(row->second.first == stampWithNote(it->path(), st))) ++d.stale;
        if (row != rows.end()) rows.erase(row);
    }
    d.gone = rows.size();
    return d;
}

bool ResultStore::rebuildIndex(std::string* error) const {
    std::error_code ec;
    fs::remove(indexFile(), ec);
    list();
    if (!fs::exists(indexFile(), ec) && !list().empty()) {
        if (error) *error = "could not write " + indexFile().string();
        return false;
    }
    return true;
}

bool ResultStore::saveNote(const std::string& id, const std::string& note, std::string* error) const {
    if (!isSafeId(id)) {
        if (error) *error = "\"" + id + "\" is not a valid result id";
        return false;
    }
    if (m_readOnly) {
        if (error) *error = "not saved: this window is read-only (Rekindle is open in another window)";
        return false;
    }
    fs::path result = m_resultsDir / (id + ".json");
    struct stat st {};
    if (::lstat(result.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
        if (error) *error = "no result " + id + " in " + m_resultsDir.string();
        return false;
    }
    return writeFileAtomic(notePathFor(result), noteToJson(ResultNote{id, nowRfc3339(), note}), error);
}

bool ResultStore::moveToTrash(const std::string& id, std::string* error) const {
    if (!isSafeId(id)) {
        if (error) *error = "\"" + id + "\" is not a valid result id";
        return false;
    }
    if (m_readOnly) {
        if (error) *error = "not moved: this window is read-only (Rekindle is open in another window)";
        return false;
    }
    fs::path from = m_resultsDir / (id + ".json");
    struct stat st {};
    if (::lstat(from.c_str(), &st) != 0) {
        if (error) *error = "no result " + id + " in " + m_resultsDir.string();
        return false;
    }
    if (!ensurePrivateDir(m_trashDir, error)) return false;
    // RENAME_NOREPLACE: a name taken in the trash is never renamed over, however many copies are already there.
    std::string why;
    for (unsigned long n = 1;; ++n) {
        std::string base = n == 1 ? id : id + "-" + std::to_string(n);
        fs::path to = m_trashDir / (base + ".json");
        bool taken = false;
        if (renameNoReplace(from, to, &why, &taken)) {
            // The note goes with it, under the matching name; if that fails the note stays, harmless and findable.
            fs::path note = notePathFor(from);
            struct stat ns {};
            if (::lstat(note.c_str(), &ns) == 0 && S_ISREG(ns.st_mode)) renameNoReplace(note, notePathFor(to));
            break;
        }
        if (!taken) {
            if (error) *error = "cannot move " + from.string() + " to the trash: " + why.substr(why.rfind(": ") + 2);
            return false;
        }
    }
    return true;
}

}  // namespace rekindle::storage
