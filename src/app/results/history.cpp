// History, compare, trends and export over the saved results.
#include <algorithm>
#include <chrono>

#include "app/results/results_controller.hpp"
#include "core/words.hpp"
#include "storage/atomic_file.hpp"
#include "storage/export.hpp"
#include "storage/result_json.hpp"

namespace rekindle::app {

namespace fs = std::filesystem;

void ResultsController::loadHistory() {
    auto t0 = std::chrono::steady_clock::now();
    HistoryView& h = m_ctx.state.history;
    h.rows = m_ctx.store->list(h.setFilter);
    if (h.setFilter.empty()) {
        h.setIds.clear();
        for (const auto& r : h.rows)
            if (r.readable && std::find(h.setIds.begin(), h.setIds.end(), r.setId) == h.setIds.end()) h.setIds.push_back(r.setId);
        std::sort(h.setIds.begin(), h.setIds.end());
        h.setTitles.clear();
        for (const auto& id : h.setIds) {
            std::string title;
            for (const auto& r : h.rows)
                if (r.readable && r.setId == id && !r.setTitle.empty()) {
                    title = r.setTitle;  // rows are newest first: the title it has now
                    break;
                }
            if (const SetEntry* e = m_ctx.state.findSet(id)) title = e->set()->title;
            h.setTitles.push_back(title.empty() ? id : title);
        }
    }
    setHistorySearch(h.search);
    h.loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void ResultsController::setHistoryFilter(const std::string& setId) {
    m_ctx.state.history.setFilter = setId;
    loadHistory();
}

void ResultsController::setHistorySearch(const std::string& text) {
    HistoryView& h = m_ctx.state.history;
    h.search = text;
    h.visible.clear();
    for (size_t i = 0; i < h.rows.size(); ++i)
        if (text.empty() || h.rows[i].notesContain(text)) h.visible.push_back(int(i));
}

void ResultsController::askDelete(const std::string& id) { m_ctx.state.history.pendingDelete = id; }
void ResultsController::cancelDelete() { m_ctx.state.history.pendingDelete.clear(); }

void ResultsController::confirmDelete() {
    HistoryView& h = m_ctx.state.history;
    std::string id = std::exchange(h.pendingDelete, {});
    if (id.empty()) return;
    std::string err;
    std::string what = "this result";
    for (const auto& r : h.rows)
        if (r.id == id && r.readable) what = "the result of " + core::localDateTime(r.completedAt) + " (" + r.setTitle + ")";
        else if (r.id == id) what = r.fileName;
    if (m_ctx.store->moveToTrash(id, &err)) h.message = "Moved " + what + " to the trash folder.";
    else h.message = "Could not delete " + what + ": " + err;
    loadHistory();
    m_ctx.countTakes();
}

void ResultsController::compare(const std::string& beforeId, const std::string& afterId) {
    std::string err1, err2;
    auto a = m_ctx.store->load(beforeId, &err1);
    auto b = m_ctx.store->load(afterId, &err2);
    CompareView& c = m_ctx.state.compare;
    c = CompareView{};
    if (!a || !b) {
        c.error = !a ? beforeId + ": " + err1 : afterId + ": " + err2;
        m_ctx.show(Screen::Compare);
        return;
    }
    if (a->completedAt > b->completedAt) std::swap(a, b);
    c.active = true;
    c.comparison = core::compareResults(*a, *b);
    c.before = std::move(*a);
    c.after = std::move(*b);
    m_ctx.show(Screen::Compare);
}

void ResultsController::compareWithOneBefore(const std::string& id) {
    auto rec = m_ctx.store->load(id);
    if (!rec) return;
    auto prev = m_ctx.store->previousOf(*rec);
    if (!prev) {
        m_ctx.state.history.message = "There is no earlier result of this set to compare with.";
        return;
    }
    compare(prev->id, rec->id);
}

void ResultsController::openTrends(const std::string& setId) {
    m_ctx.state.trends.setId = setId;
    m_ctx.state.trends.results = m_ctx.store->loadAll(setId);
    m_ctx.show(Screen::Trends);
}

void ResultsController::requestExport(const std::string& format) {
    // Exports are plain files: on a protected folder the person is told so before one is written.
    if (m_ctx.state.lock.protectedFolder) m_ctx.state.pendingExport = format;
    else exportHistory(format);
}

void ResultsController::confirmExport() {
    std::string format = std::exchange(m_ctx.state.pendingExport, {});
    if (format.empty()) return;
    if (exportHistory(format))
        m_ctx.state.history.message += ". This copy is not protected by your passphrase: keep it somewhere safe, or delete it when done.";
}

bool ResultsController::exportHistory(const std::string& format, std::string* writtenPath) {
    HistoryView& h = m_ctx.state.history;
    auto records = m_ctx.store->loadAll(h.setFilter);
    std::string text;
    if (format == "csv") text = storage::exportCsv(records);
    else if (format == "md") text = storage::exportMarkdown(records, &m_ctx.state.library.guidance);
    else text = storage::exportJson(records);
    fs::path dir = m_ctx.state.paths.dataDir / "exports";
    std::string err;
    if (!storage::ensurePrivateDir(dir, &err)) {
        h.message = err;
        return false;
    }
    std::string stamp = storage::nowRfc3339();
    std::replace(stamp.begin(), stamp.end(), ':', '-');
    fs::path file = dir / ("rekindle-" + stamp + "." + (format == "md" ? "md" : format == "csv" ? "csv" : "json"));
    if (!storage::writeFileAtomic(file, text, &err)) {
        h.message = "Could not export: " + err;
        return false;
    }
    h.message = "Exported " + core::countText(long(records.size()), "result", "results") + " to " + file.string();
    if (writtenPath) *writtenPath = file.string();
    return true;
}

}  // namespace rekindle::app
