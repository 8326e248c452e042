// Results after a take, and everything over saved ones: history (filter, search, delete to trash), compare,
// trends and export.
#pragma once

#include <string>

#include "app/context.hpp"

namespace rekindle::app {

class ResultsController {
public:
    explicit ResultsController(Context& ctx) : m_ctx(ctx) {}

    // The result on show
    void setNote(const std::string& note);
    void save();
    void compareWithPrevious();

    // History
    void loadHistory();
    void setHistoryFilter(const std::string& setId);
    void setHistorySearch(const std::string& text);
    void open(const std::string& resultId);
    void askDelete(const std::string& resultId);
    void confirmDelete();
    void cancelDelete();
    // From the History screen: asks first when the folder is protected (exports are plain), else exports at once.
    void requestExport(const std::string& format);
    void confirmExport();
    bool exportHistory(const std::string& format, std::string* writtenPath = nullptr);

    // Compare and trends
    void compare(const std::string& beforeId, const std::string& afterId);
    void compareWithOneBefore(const std::string& resultId);
    void openTrends(const std::string& setId);

private:
    Context& m_ctx;
};

}  // namespace rekindle::app
