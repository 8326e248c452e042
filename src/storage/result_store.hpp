// The result store: one JSON file per result under <data>/results, never overwritten; History's listing through a
// small index so thousands of results list without parsing each file; delete moves the file to <data>/trash.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "storage/paths.hpp"

namespace rekindle::storage {

struct DimensionValue {
    std::string id;
    std::string label;
    double percent = 0;
    std::string bandLabel;
    bool enoughAnswers = true;
};

// One row of History: what the list shows and searches, without the full record.
struct ResultSummary {
    std::string id;        // the file name without ".json": the handle for load and moveToTrash
    std::string fileName;  // e.g. 20261125T221500Z-pulling-away-7f3a.json
    std::filesystem::path path;
    bool readable = true;
    std::string error;  // when !readable: why, e.g. "line 4, column 2: not valid JSON (...)"
    int formatVersion = 0;
    std::string completedAt;  // RFC 3339 UTC; for unreadable files, the file's modification time
    std::string setId;
    std::string setTitle;
    std::string setVersion;
    std::string topTipId;
    std::string topTipTitle;
    std::vector<DimensionValue> dimensions;  // declared order
    std::string notesText;                   // all notes, for search
    bool safetyFlag = false;                 // a safety rule held in this take

    // Case-insensitive (ASCII) search in the notes; an empty needle matches everything.
    bool notesContain(const std::string& needle) const;
};

ResultSummary summarize(const core::ResultRecord& record);

// "20261125T221500Z-pulling-away-7f3a": the UTC time compact, the set id made file-safe, 4 random hex digits.
std::string makeResultId(const std::string& completedAtRfc3339, const std::string& setId);

class ResultStore {
public:
    explicit ResultStore(const Paths& paths);
    ResultStore(std::filesystem::path resultsDir, std::filesystem::path trashDir);

    // Saves a new result file (0600, folder 0700, atomically). Fills an empty id (from completedAt), completedAt,
    // createdAt and appVersion. An explicit id that already exists is refused: results are never overwritten.
    bool save(core::ResultRecord& record, std::string* error = nullptr,
              std::filesystem::path* savedPath = nullptr) const;

    // Every result file, newest first; unreadable files are included with their reason. setFilter keeps one set
    // (unreadable files stay listed: they may belong to it).
    // Uses and refreshes <results>/.index.json (a cache: deleting it only costs one slower listing).
    std::vector<ResultSummary> list(const std::string& setFilter = {}) const;

    // Loads by id (the file name without .json); the id must already be a safe file name.
    std::optional<core::ResultRecord> load(const std::string& id, std::string* error = nullptr) const;
    // Loads any result file, e.g. one given on the command line.
    static std::optional<core::ResultRecord> loadFile(const std::filesystem::path& path, std::string* error = nullptr);

    // Every readable result (optionally of one set), oldest first, as trends and export want them;
    // unreadable ones are appended to `unreadable` when given.
    std::vector<core::ResultRecord> loadAll(const std::string& setFilter = {},
                                            std::vector<ResultSummary>* unreadable = nullptr) const;

    // The newest result of the same set completed before `current`.
    std::optional<core::ResultRecord> previousOf(const core::ResultRecord& current) const;

    // Writes the note sidecar "<id>.note.json" (atomic, 0600, sealed when the folder is protected): a note added or
    // changed after saving never rewrites the result file. An empty note clears the one saved in the result.
    bool saveNote(const std::string& id, const std::string& note, std::string* error = nullptr) const;

    // Moves the result file (and its note sidecar) to the trash folder (a numbered name when the trash already holds one).
    bool moveToTrash(const std::string& id, std::string* error = nullptr) const;

    // How far the index is from the folder, without changing anything: rows for files that are gone, files without a
    // row, and rows whose size or time no longer match. All zero when the index is current (or there are no files).
    struct IndexDrift {
        bool present = false;
        size_t gone = 0, unindexed = 0, stale = 0;
        bool any() const { return gone || unindexed || stale; }
    };
    IndexDrift indexDrift() const;
    // Builds the index again from the files (list() does this whenever it finds drift).
    bool rebuildIndex(std::string* error = nullptr) const;

    // A read-only store (a second window, doctor without --fix) never writes, not even the index.
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }

    const std::filesystem::path& resultsDir() const { return m_resultsDir; }
    const std::filesystem::path& trashDir() const { return m_trashDir; }
    std::filesystem::path indexFile() const { return m_resultsDir / ".index.json"; }

private:
    std::filesystem::path m_resultsDir;
    std::filesystem::path m_trashDir;
    bool m_readOnly = false;
};

}  // namespace rekindle::storage
