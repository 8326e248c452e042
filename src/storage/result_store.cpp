// Result files on disk: naming, no-overwrite saving, the listing index and the trash.
#include "storage/result_store.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <random>
#include <system_error>
#include <unordered_map>

#include "storage/atomic_file.hpp"
#include "storage/result_json.hpp"

namespace rekindle::storage {
namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

constexpr const char* kIndexFormat = "rekindle.result-index/1";

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A result file is "<id>.json"; temp files from atomic writes and the dot-index are not results.
bool isResultFileName(const std::string& name) {
    return endsWith(name, ".json") && name.size() > 5 && name.front() != '.' && name.find(".tmp-") == std::string::npos;
}

std::string lower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return s;
}

Json summaryToJson(const ResultSummary& s) {
    Json j{{"readable", s.readable}, {"completedAt", s.completedAt}};
    if (!s.readable) {
        j["error"] = s.error;
        return j;
    }
    Json dims = Json::array();
    for (const auto& d : s.dimensions)
        dims.push_back(Json{{"id", d.id}, {"label", d.label}, {"percent", d.percent}, {"band", d.bandLabel},
                            {"enough", d.enoughAnswers}});
    j.update(Json{{"formatVersion", s.formatVersion}, {"setId", s.setId}, {"setTitle", s.setTitle},
                  {"setVersion", s.setVersion}, {"topTipId", s.topTipId}, {"topTipTitle", s.topTipTitle},
                  {"dimensions", dims}, {"notes", s.notesText}, {"safety", s.safetyFlag}});
    return j;
}

// The index is our own cache, but it is still a file on disk: anything odd in it makes the entry stale.
bool summaryFromJson(const Json& j, ResultSummary& s) {
    try {
        s.readable = j.at("readable").get<bool>();
        s.completedAt = j.at("completedAt").get<std::string>();
        if (!s.readable) {
            s.error = j.at("error").get<std::string>();
            return true;
        }
        s.formatVersion = j.at("formatVersion").get<int>();
        s.setId = j.at("setId").get<std::string>();
        s.setTitle = j.at("setTitle").get<std::string>();
        s.setVersion = j.at("setVersion").get<std::string>();
        s.topTipId = j.at("topTipId").get<std::string>();
        s.topTipTitle = j.at("topTipTitle").get<std::string>();
        s.notesText = j.at("notes").get<std::string>();
        s.safetyFlag = j.at("safety").get<bool>();
        for (const auto& d : j.at("dimensions"))
            s.dimensions.push_back(DimensionValue{d.at("id").get<std::string>(), d.at("label").get<std::string>(),
                                                  d.at("percent").get<double>(), d.at("band").get<std::string>(),
                                                  d.at("enough").get<bool>()});
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

struct FileStamp {
    long long size = -1;
    long long mtimeNs = -1;
    bool operator==(const FileStamp&) const = default;
};

ResultSummary readSummary(const fs::path& path, const std::string& fileName, const struct stat& st) {
    ResultSummary s;
    std::string error;
    auto text = readFile(path, &error);
    core::ResultRecord record;
    if (text && resultFromJson(*text, record, &error)) {
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

    std::unordered_map<std::string, std::pair<FileStamp, Json>> cached;
    bool indexDirty = false;
    if (auto text = readFile(indexFile())) {
        try {
            Json idx = Json::parse(*text);
            if (idx.value("format", "") == kIndexFormat && idx.contains("entries") && idx["entries"].is_object())
                for (auto& [name, e] : idx["entries"].items())
                    if (e.is_object() && e.contains("size") && e.contains("mtimeNs") && e.contains("summary"))
                        cached.emplace(name, std::make_pair(FileStamp{e["size"].get<long long>(), e["mtimeNs"].get<long long>()},
                                                            std::move(e["summary"])));
        } catch (const std::exception&) {
            cached.clear();  // a damaged index is rebuilt, never trusted
        }
    }
    size_t cachedCount = cached.size();

    Json entries = Json::object();
    size_t reused = 0;
    for (fs::directory_iterator it(m_resultsDir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (!isResultFileName(name)) continue;
        struct stat st {};
        if (::stat(it->path().c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        FileStamp stamp{static_cast<long long>(st.st_size),
                        static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec};
        ResultSummary s;
        auto c = cached.find(name);
        bool fromIndex = false;
        if (c != cached.end() && c->second.first == stamp && summaryFromJson(c->second.second, s)) {
            s.fileName = name;
            s.path = it->path();
            s.id = name.substr(0, name.size() - 5);
            fromIndex = true;
            ++reused;
        } else {
            s = readSummary(it->path(), name, st);
            indexDirty = true;
        }
        entries[name] = Json{{"size", stamp.size}, {"mtimeNs", stamp.mtimeNs},
                             {"summary", fromIndex ? std::move(c->second.second) : summaryToJson(s)}};
        out.push_back(std::move(s));
    }
    if (reused != cachedCount) indexDirty = true;  // files were removed since the index was written
    if (indexDirty) {
        Json idx{{"format", kIndexFormat}, {"entries", std::move(entries)}};
        // Best effort: a read-only folder still lists, just without the speed-up next time.
        writeFileAtomic(indexFile(), idx.dump(-1, ' ', false, Json::error_handler_t::replace));
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
        if (std::make_pair(s.completedAt, s.id) >= std::make_pair(current.completedAt, current.id)) continue;
        if (auto r = loadFile(s.path)) return r;
    }
    return std::nullopt;
}

bool ResultStore::moveToTrash(const std::string& id, std::string* error) const {
    if (!isSafeId(id)) {
        if (error) *error = "\"" + id + "\" is not a valid result id";
        return false;
    }
    fs::path from = m_resultsDir / (id + ".json");
    std::error_code ec;
    if (!fs::is_regular_file(from, ec)) {
        if (error) *error = "no result " + id + " in " + m_resultsDir.string();
        return false;
    }
    if (!ensurePrivateDir(m_trashDir, error)) return false;
    fs::path to = m_trashDir / (id + ".json");
    for (int n = 2; fs::exists(to, ec) && n < 10000; ++n) to = m_trashDir / (id + "-" + std::to_string(n) + ".json");
    fs::rename(from, to, ec);
    if (ec) {
        if (error) *error = "cannot move " + from.string() + " to the trash: " + ec.message();
        return false;
    }
    return true;
}

}  // namespace rekindle::storage
