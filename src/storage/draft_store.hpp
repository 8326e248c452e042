// Unfinished takes (`rekindle.draft/1`): one draft per question set under <data>/drafts, saved atomically after
// every answer so closing the window or a crash loses nothing.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/answers.hpp"
#include "storage/paths.hpp"

namespace rekindle::storage {

constexpr const char* kDraftFormatTag = "rekindle.draft/1";

struct Draft {
    std::string setId;
    std::string setVersion;
    std::string setHash;  // content hash of the set when the draft was started: a changed set is detected on resume
    std::string setPath;  // where the set was loaded from (built-in, user folder or --open)
    std::string startedAt;  // RFC 3339 UTC
    std::string updatedAt;  // RFC 3339 UTC; set on every save
    core::Answers answers;
    std::map<std::string, std::string> notes;  // section id -> reflection; "note" -> the free note
    int position = 0;              // index into the visible questions when saved
    std::string currentQuestion;   // the question shown when saved; preferred over position on resume
    // The step shown when saved, also an intro or a reflection ("intro:<section>", "reflection:<section>",
    // "question:<id>", "end"); preferred over currentQuestion, which names questions only. Empty in older drafts.
    std::string currentStep;
    std::string extra;             // unknown top-level fields (JSON object text), kept on re-save
    bool operator==(const Draft&) const = default;
};

struct DraftEntry {
    std::string setId;  // from the file name when the draft is unreadable
    std::filesystem::path path;
    bool readable = true;
    std::string error;
    Draft draft;
};

std::string draftToJson(const Draft& draft);
bool draftFromJson(const std::string& text, Draft& out, std::string* error = nullptr);

class DraftStore {
public:
    explicit DraftStore(const Paths& paths);
    explicit DraftStore(std::filesystem::path draftsDir);

    // Replaces the set's draft atomically; sets updatedAt (and startedAt when empty).
    bool save(Draft& draft, std::string* error = nullptr) const;
    // nullopt with error "no draft" style reason when absent or unreadable.
    std::optional<Draft> load(const std::string& setId, std::string* error = nullptr) const;
    bool exists(const std::string& setId) const;
    // Every draft, newest update first; unreadable ones are listed with the reason.
    std::vector<DraftEntry> list() const;
    // Removes the set's draft (after the result was saved); true when none is left.
    bool remove(const std::string& setId, std::string* error = nullptr) const;
    // "Start again": moves the set's draft into trashDir under a name never used before (RENAME_NOREPLACE), so it
    // can be brought back; the path it went to, or empty with error set.
    std::filesystem::path moveToTrash(const std::string& setId, const std::filesystem::path& trashDir,
                                      std::string* error = nullptr) const;
    // Undo of moveToTrash: puts the trashed file back as the set's draft. Refuses when the set has a draft again.
    bool restoreFromTrash(const std::string& setId, const std::filesystem::path& trashed, std::string* error = nullptr) const;

    std::filesystem::path pathFor(const std::string& setId) const;

    // A read-only store (a second window on the same folder) refuses save, remove and the trash moves, so it can
    // never replace or take away the draft the first window is writing.
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    bool readOnly() const { return m_readOnly; }

private:
    std::filesystem::path m_dir;
    bool m_readOnly = false;
};

}  // namespace rekindle::storage
