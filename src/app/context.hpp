// What every feature controller shares: the options, the state, the stores, and the catalogue of question
// sets (found, counted, with their drafts). Owned by the Application; controllers hold a reference.
#pragma once

#include <memory>
#include <string>

#include "app/state.hpp"
#include "storage/draft_store.hpp"
#include "storage/result_store.hpp"

namespace rekindle::app {

struct ControllerOptions {
    std::string dataDir;
    std::string openFile;   // --open
    std::string theme;      // overrides settings for this run
    bool watchFiles = true;
};

class Context {
public:
    explicit Context(ControllerOptions options);

    const ControllerOptions options;
    AppState state;
    std::unique_ptr<storage::ResultStore> store;
    std::unique_ptr<storage::DraftStore> drafts;

    // Switches screens and drops the last screen's toast.
    void show(Screen screen);
    // Loads every set again (built in, the user's, --open), then counts takes and finds drafts.
    void refreshSets();
    void countTakes();
    void scanDrafts();
    void discardDraft(const std::string& setId);
    void persistSettings();
};

}  // namespace rekindle::app
