// Draft files: JSON shape, atomic replace and a listing that reports damaged drafts instead of failing.
#include "storage/draft_store.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <system_error>

#include "storage/atomic_file.hpp"
#include "storage/json_parse.hpp"
#include "storage/result_json.hpp"

namespace rekindle::storage {
namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

const std::set<std::string> kKnown = {"format",  "set",     "startedAt", "updatedAt", "answers",
                                      "notes",   "position", "currentQuestion", "currentStep"};

std::string str(const Json& obj, const char* key, const std::string& at) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return {};
    if (!it->is_string()) throw std::runtime_error(at + "/" + key + ": expected a string");
    return it->get<std::string>();
}

}  // namespace

std::string draftToJson(const Draft& d) {
    Json root;
    root["format"] = kDraftFormatTag;
    root["set"] = Json{{"id", d.setId}, {"version", d.setVersion}, {"contentHash", d.setHash}, {"path", d.setPath}};
    root["startedAt"] = d.startedAt;
    root["updatedAt"] = d.updatedAt;
    root["answers"] = answersJson(d.answers);
    Json notes = Json::object();
    for (const auto& [k, v] : d.notes) notes[k] = v;
    root["notes"] = notes;
    root["position"] = d.position;
    root["currentQuestion"] = d.currentQuestion;
    if (!d.currentStep.empty()) root["currentStep"] = d.currentStep;
    if (!d.extra.empty()) {
        try {
            Json e = Json::parse(d.extra);
            if (e.is_object())
                for (auto it = e.begin(); it != e.end(); ++it)
                    if (!root.contains(it.key())) root[it.key()] = it.value();
        } catch (...) {
        }
    }
    return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

bool draftFromJson(const std::string& text, Draft& out, std::string* error) {
    try {
        Json root;
        JsonParseFailure failure;
        if (!parseJson(text, root, failure)) throw std::runtime_error(describe(failure));
        if (!root.is_object()) throw std::runtime_error("/: expected a JSON object (a Rekindle draft)");
        std::string format = str(root, "format", "");
        if (format != kDraftFormatTag)
            throw std::runtime_error("/format: \"" + format + "\" is not " + kDraftFormatTag);
        Draft d;
        auto set = root.find("set");
        if (set == root.end() || !set->is_object()) throw std::runtime_error("/set: missing; it is required");
        d.setId = str(*set, "id", "/set");
        if (d.setId.empty()) throw std::runtime_error("/set/id: missing; it is required");
        d.setVersion = str(*set, "version", "/set");
        d.setHash = str(*set, "contentHash", "/set");
        d.setPath = str(*set, "path", "/set");
        d.startedAt = str(root, "startedAt", "");
        d.updatedAt = str(root, "updatedAt", "");
        if (auto a = root.find("answers"); a != root.end() && !a->is_null()) {
            std::string why;
            if (!answersFromJsonText(a->dump(), d.answers, &why)) throw std::runtime_error("/answers" + why);
        }
        if (auto n = root.find("notes"); n != root.end() && !n->is_null()) {
            if (!n->is_object()) throw std::runtime_error("/notes: expected an object");
            for (auto it = n->begin(); it != n->end(); ++it) {
                if (!it->is_string()) throw std::runtime_error("/notes/" + it.key() + ": expected a string");
                d.notes[it.key()] = it->get<std::string>();
            }
        }
        if (auto p = root.find("position"); p != root.end() && !p->is_null()) {
            if (!p->is_number_integer() || p->get<long long>() < 0 || p->get<long long>() > 100000)
                throw std::runtime_error("/position: expected a whole number 0 or more");
            d.position = int(p->get<long long>());
        }
        d.currentQuestion = str(root, "currentQuestion", "");
        d.currentStep = str(root, "currentStep", "");
        Json extra = Json::object();
        for (auto it = root.begin(); it != root.end(); ++it)
            if (!kKnown.count(it.key())) extra[it.key()] = it.value();
        if (!extra.empty()) d.extra = extra.dump();
        out = std::move(d);
        return true;
    } catch (const std::exception& e) {
        if (error) *error = e.what();
        return false;
    }
}

DraftStore::DraftStore(const Paths& paths) : m_dir(paths.draftsDir()) {}
DraftStore::DraftStore(fs::path draftsDir) : m_dir(std::move(draftsDir)) {}

fs::path DraftStore::pathFor(const std::string& setId) const {
    return m_dir / (sanitizeFileComponent(setId) + ".json");
}

const char* const kReadOnlyDraftError = "not saved: this window is read-only (Rekindle is open in another window)";

bool DraftStore::save(Draft& draft, std::string* error) const {
    if (m_readOnly) {
        if (error) *error = kReadOnlyDraftError;
        return false;
    }
    if (draft.setId.empty()) {
        if (error) *error = "cannot save a draft without a question set id";
        return false;
    }
    if (!ensurePrivateDir(m_dir, error)) return false;
    draft.updatedAt = nowRfc3339();
    if (draft.startedAt.empty()) draft.startedAt = draft.updatedAt;
    return writeFileAtomic(pathFor(draft.setId), draftToJson(draft), error);
}

std::optional<Draft> DraftStore::load(const std::string& setId, std::string* error) const {
    fs::path path = pathFor(setId);
    std::string why;
    auto text = readFile(path, &why);
    Draft d;
    if (!text || !draftFromJson(*text, d, &why)) {
        if (error) *error = path.string() + ": " + why;
        return std::nullopt;
    }
    return d;
}

bool DraftStore::exists(const std::string& setId) const {
    // lstat: a FIFO or link in drafts/ still "exists", so a take never starts over it; loading it says why not.
    std::error_code ec;
    return fs::exists(fs::symlink_status(pathFor(setId), ec));
}

std::vector<DraftEntry> DraftStore::list() const {
    std::vector<DraftEntry> out;
    std::error_code ec;
    for (fs::directory_iterator it(m_dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.size() <= 5 || name.front() == '.' || name.compare(name.size() - 5, 5, ".json") != 0 ||
            name.find(".tmp-") != std::string::npos)
            continue;
        DraftEntry e;
        e.path = it->path();
        e.setId = name.substr(0, name.size() - 5);
        std::string why;
        auto text = readFile(e.path, &why);
        if (text && draftFromJson(*text, e.draft, &why)) {
            e.setId = e.draft.setId;
        } else {
            e.readable = false;
            e.error = why;
        }
        out.push_back(std::move(e));
    }
    std::sort(out.begin(), out.end(), [](const DraftEntry& a, const DraftEntry& b) {
        if (a.draft.updatedAt != b.draft.updatedAt) return a.draft.updatedAt > b.draft.updatedAt;
        return a.setId < b.setId;
    });
    return out;
}

bool DraftStore::remove(const std::string& setId, std::string* error) const {
    if (m_readOnly) {
        if (error) *error = "not removed: this window is read-only (Rekindle is open in another window)";
        return false;
    }
    std::error_code ec;
    fs::remove(pathFor(setId), ec);
    if (ec) {
        if (error) *error = "cannot remove the draft " + pathFor(setId).string() + ": " + ec.message();
        return false;
    }
    return true;
}

fs::path DraftStore::moveToTrash(const std::string& setId, const fs::path& trashDir, std::string* error) const {
    if (m_readOnly) {
        if (error) *error = "not moved: this window is read-only (Rekindle is open in another window)";
        return {};
    }
    fs::path from = pathFor(setId);
    if (!ensurePrivateDir(trashDir, error)) return {};
    std::string base = "draft-" + sanitizeFileComponent(setId) + "-" + nowRfc3339().substr(0, 19);
    for (char& c : base)
        if (c == ':') c = '-';
    std::string why;
    for (unsigned long n = 1;; ++n) {
        fs::path to = trashDir / (n == 1 ? base + ".json" : base + "-" + std::to_string(n) + ".json");
        bool taken = false;
        if (renameNoReplace(from, to, &why, &taken)) return to;
        if (!taken) {
            if (error) *error = "cannot move the unfinished take " + from.string() + " to the trash: " + why;
            return {};
        }
    }
}

bool DraftStore::restoreFromTrash(const std::string& setId, const fs::path& trashed, std::string* error) const {
    if (m_readOnly) {
        if (error) *error = "not restored: this window is read-only (Rekindle is open in another window)";
        return false;
    }
    if (!ensurePrivateDir(m_dir, error)) return false;
    std::string why;
    bool taken = false;
    if (renameNoReplace(trashed, pathFor(setId), &why, &taken)) return true;
    if (error)
        *error = taken ? "there is an unfinished take of this set again; the earlier one stays in " + trashed.string()
                       : "cannot bring back " + trashed.string() + ": " + why;
    return false;
}

}  // namespace rekindle::storage
