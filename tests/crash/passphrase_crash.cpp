// rekindle_passphrase_crash: the process the passphrase crash tests kill with SIGKILL.
//   setup DATA          a folder of results and a draft, protected with passphrase A (minimal Argon2 limits)
//   change DATA         changes A -> B -> A ... forever;  check-change DATA: exactly one of A, B opens everything
//   toggle DATA         turns protection off and on forever; check-toggle DATA: no result lost or changed
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "storage/crypto/protection.hpp"
#include "storage/draft_store.hpp"
#include "storage/result_store.hpp"

using namespace rekindle;
namespace fs = std::filesystem;

namespace {

constexpr int kResults = 24;
const char* const kA = "first passphrase";
const char* const kB = "second passphrase";

storage::SecretBytes pass(const char* s) { return storage::SecretBytes(s, std::strlen(s)); }

storage::Paths pathsOf(const char* data) {
    storage::Paths p;
    p.dataDir = data;
    p.configDir = fs::path(data) / "config";
    return p;
}

std::string resultId(int i) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "20261101T20%04dZ-crash-set-%04x", i, i);
    return buf;
}
std::string noteOf(int i) { return "private note number " + std::to_string(i) + " that must survive"; }

int die(const std::string& why) {
    std::fprintf(stderr, "passphrase_crash: %s\n", why.c_str());
    return 1;
}

int setup(const storage::Paths& p) {
    storage::ResultStore store(p);
    for (int i = 0; i < kResults; ++i) {
        core::ResultRecord r;
        r.id = resultId(i);
        r.setId = "crash-set";
        r.setVersion = "1.0.0";
        r.setTitle = "Crash set title";
        r.completedAt = "2026-11-01T20:00:00Z";
        r.notes["note"] = noteOf(i);
        std::string error;
        if (!store.save(r, &error)) return die(error);
    }
    store.list();
    storage::Draft d;
    d.setId = "crash-set";
    d.notes["s1"] = "draft reflection that must survive";
    std::string error;
    if (!storage::DraftStore(p).save(d, &error)) return die(error);
    storage::ConversionReport report;
    if (!storage::protectFolder(p.dataDir, pass(kA), storage::minimalKdfLimits(), report)) return die(report.error);
    return 0;
}

// Every result and the draft read back with their text; the folder must be unlocked (or plain).
int checkContents(const storage::Paths& p) {
    storage::ResultStore store(p);
    for (int i = 0; i < kResults; ++i) {
        std::string error;
        auto r = store.load(resultId(i), &error);
        if (!r) return die(resultId(i) + ": " + error);
        if (r->notes["note"] != noteOf(i)) return die(resultId(i) + ": note changed");
    }
    auto rows = store.list();
    if (rows.size() != size_t(kResults)) return die("History lists " + std::to_string(rows.size()) + " results");
    for (const auto& row : rows)
        if (!row.readable) return die(row.fileName + " unreadable: " + row.error);
    std::string error;
    auto d = storage::DraftStore(p).load("crash-set", &error);
    if (!d || d->notes["s1"] != "draft reflection that must survive") return die("draft lost: " + error);
    return 0;
}

int change(const storage::Paths& p) {
    for (;;) {
        std::string error;
        if (!storage::changePassphrase(p.dataDir, pass(kA), pass(kB), storage::minimalKdfLimits(), &error) &&
            !storage::changePassphrase(p.dataDir, pass(kB), pass(kA), storage::minimalKdfLimits(), &error))
            return die("neither passphrase changes: " + error);
    }
}

int checkChange(const storage::Paths& p) {
    bool a = storage::unlockFolder(p.dataDir, pass(kA)).status == storage::UnlockStatus::Ok;
    storage::lockFolder(p.dataDir);
    bool b = storage::unlockFolder(p.dataDir, pass(kB)).status == storage::UnlockStatus::Ok;
    if (a == b) return die(a ? "both passphrases open the folder" : "neither passphrase opens the folder");
    if (a) {
        storage::lockFolder(p.dataDir);
        storage::unlockFolder(p.dataDir, pass(kA));
    }
    if (storage::countFiles(p.dataDir).plain != 0) return die("plain files in a protected folder");
    return checkContents(p);
}

int toggle(const storage::Paths& p) {
    for (;;) {
        storage::ConversionReport report;
        if (storage::isProtected(p.dataDir)) {
            if (!storage::removeProtection(p.dataDir, pass(kA), report)) return die("remove: " + report.error);
        } else if (!storage::protectFolder(p.dataDir, pass(kA), storage::minimalKdfLimits(), report)) {
            return die("protect: " + report.error);
        }
        if (!report.skipped.empty()) return die("skipped " + report.skipped.front());
    }
}

int checkToggle(const storage::Paths& p) {
    if (storage::isProtected(p.dataDir)) {
        auto u = storage::unlockFolder(p.dataDir, pass(kA));  // finishes an interrupted conversion
        if (u.status != storage::UnlockStatus::Ok) return die("unlock: " + u.message);
        if (storage::isProtected(p.dataDir) && storage::countFiles(p.dataDir).plain != 0)
            return die("plain files left after the conversion finished");
    } else if (storage::countFiles(p.dataDir).sealed != 0) {
        return die("sealed files in a folder without a keyring");
    }
    return checkContents(p);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) return die("usage: setup|change|check-change|toggle|check-toggle DATA");
    std::string mode = argv[1];
    storage::Paths p = pathsOf(argv[2]);
    if (mode == "setup") return setup(p);
    if (mode == "change") return change(p);
    if (mode == "check-change") return checkChange(p);
    if (mode == "toggle") return toggle(p);
    if (mode == "check-toggle") return checkToggle(p);
    return die("unknown mode " + mode);
}
