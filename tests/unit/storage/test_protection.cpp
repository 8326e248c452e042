// Passphrase protection: the sealed-file format, the keyring, and every store working through the seal hooks.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "storage/atomic_file.hpp"
#include "storage/crypto/keyring.hpp"
#include "storage/crypto/protection.hpp"
#include "storage/crypto/sealed_file.hpp"
#include "storage/draft_store.hpp"
#include "storage/result_store.hpp"
#include "test_support.hpp"

using namespace rekindle;
namespace fs = std::filesystem;
using rekindle::test::TempDir;

namespace {

storage::SecretBytes secret(const std::string& s) { return storage::SecretBytes(s.data(), s.size()); }

std::string rawBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

core::ResultRecord fixtureResult(const std::string& name) {
    std::string error;
    auto r = storage::ResultStore::loadFile(fs::path(REKINDLE_TEST_FIXTURES) / "results" / name, &error);
    REQUIRE_MESSAGE(r.has_value(), error);
    return *r;
}

// A data folder with two results (with notes), one in the trash, a draft with a reflection, and the index.
struct Folder {
    TempDir dir{"rekindle-protect"};
    storage::Paths paths;
    Folder() {
        paths.dataDir = dir.path / "data";
        paths.configDir = dir.path / "data" / "config";
        storage::ResultStore store(paths);
        for (int i = 0; i < 3; ++i) {
            auto r = fixtureResult("v1-check-in-2.json");
            r.id = "20261101T20000" + std::to_string(i) + "Z-check-in-demo-000" + std::to_string(i);
            r.notes["note"] = "secret-note-" + std::to_string(i) + " about the kitchen argument";
            std::string error;
            REQUIRE_MESSAGE(store.save(r, &error), error);
        }
        std::string error;
        REQUIRE(store.moveToTrash("20261101T200002Z-check-in-demo-0002", &error));
        REQUIRE(store.list().size() == 2);  // writes the index
        storage::Draft d;
        d.setId = "check-in-demo";
        d.setVersion = "1.0.0";
        d.answers["q-talk"] = core::Answer::ofText("draft-answer-text he never listens");
        d.notes["s1"] = "draft-reflection-text";
        REQUIRE(storage::DraftStore(paths).save(d, &error));
    }
    storage::ResultStore store() const { return storage::ResultStore(paths); }
};

const std::vector<std::string> kKnownTexts{"secret-note-0", "secret-note-1", "secret-note-2", "kitchen argument",
                                           "draft-answer-text", "draft-reflection-text", "check-in-demo",
                                           "Listen before you explain"};

// Every file under the data folder (recursively), raw, searched for each known text.
std::vector<std::string> leaks(const fs::path& dataDir) {
    std::vector<std::string> found;
    for (auto& e : fs::recursive_directory_iterator(dataDir)) {
        if (!e.is_regular_file()) continue;
        std::string bytes = rawBytes(e.path());
        for (const auto& t : kKnownTexts)
            if (bytes.find(t) != std::string::npos) found.push_back(e.path().string() + " holds " + t);
    }
    return found;
}

}  // namespace

TEST_CASE("sealed file: round trip, and any change is an authentication failure") {
    auto key = storage::randomSecret(storage::kDataKeyBytes);
    std::string plain = "{\n  \"format\": \"rekindle.result/1\",\n  \"note\": \"hello\"\n}\n";
    std::string sealed = storage::sealBytes(plain, key);
    CHECK(storage::looksSealed(sealed));
    CHECK(sealed.rfind("{\"format\":\"rekindle.sealed/1\",\"nonce\":\"", 0) == 0);
    CHECK(sealed.find("hello") == std::string::npos);
    auto opened = storage::openSealed(sealed, key);
    REQUIRE(opened.status == storage::OpenStatus::Opened);
    CHECK(opened.plain == plain);
    CHECK(storage::sealBytes(plain, key) != sealed);  // a fresh nonce every time

    for (size_t i = 0; i < sealed.size(); ++i) {
        std::string bad = sealed;
        bad[i] = char(bad[i] ^ 0x01);
        auto o = storage::openSealed(bad, key);
        CHECK_MESSAGE(o.status != storage::OpenStatus::Opened, "byte " << i);
        CHECK(o.plain.empty());
    }
    for (size_t n = 0; n < sealed.size(); ++n)
        CHECK(storage::openSealed(std::string_view(sealed).substr(0, n), key).status != storage::OpenStatus::Opened);
    auto other = storage::randomSecret(storage::kDataKeyBytes);
    auto wrong = storage::openSealed(sealed, other);
    CHECK(wrong.status == storage::OpenStatus::AuthFailed);
    CHECK(wrong.error == "changed or damaged; cannot be opened with this key");
    auto newer = storage::openSealed("{\"format\":\"rekindle.sealed/2\",\"nonce\":\"x\"}\n....", key);
    CHECK(newer.status == storage::OpenStatus::NewerFormat);
    CHECK(newer.error.find("rekindle.sealed/2") != std::string::npos);
    CHECK(storage::sealBytes("", key).size() > 16);
    CHECK(storage::openSealed(storage::sealBytes("", key), key).status == storage::OpenStatus::Opened);
}

TEST_CASE("keyring: round trip, wrong passphrase, tampered limits and journal") {
    auto key = storage::randomSecret(storage::kDataKeyBytes);
    storage::Keyring k;
    std::string error;
    REQUIRE(storage::wrapDataKey(key, secret("correct horse"), storage::minimalKdfLimits(), k, &error));
    std::string text = storage::keyringToJson(k);
    CHECK(text.find("\"format\": \"rekindle.keyring/1\"") != std::string::npos);
    CHECK(text.find("\"opslimit\"") != std::string::npos);
    auto back = storage::keyringFromJson(text, &error);
    REQUIRE_MESSAGE(back.has_value(), error);
    CHECK(back->limits == storage::minimalKdfLimits());
    auto u = storage::unwrapDataKey(*back, secret("correct horse"));
    REQUIRE(u.status == storage::UnwrapStatus::Ok);
    CHECK(std::equal(key.data(), key.data() + key.size(), u.dataKey.data()));
    CHECK(storage::unwrapDataKey(*back, secret("correct horsf")).status == storage::UnwrapStatus::WrongPassphrase);
    CHECK(storage::unwrapDataKey(*back, secret("")).status == storage::UnwrapStatus::WrongPassphrase);

    storage::Keyring tampered = *back;
    tampered.limits.opslimit += 1;  // the limits are authenticated with the wrapped key
    CHECK(storage::unwrapDataKey(tampered, secret("correct horse")).status == storage::UnwrapStatus::WrongPassphrase);

    // An "open" journal mark written by someone without the key is not believed; sealing is the safe reading.
    storage::Keyring forged = *back;
    forged.conversion = storage::Conversion::Open;
    CHECK(storage::verifiedConversion(forged, key) == storage::Conversion::Seal);
    storage::markConversion(forged, storage::Conversion::Open, key);
    auto reread = storage::keyringFromJson(storage::keyringToJson(forged), &error);
    REQUIRE(reread.has_value());
    CHECK(storage::verifiedConversion(*reread, key) == storage::Conversion::Open);

    CHECK_FALSE(storage::keyringFromJson("{}", &error));
    CHECK_FALSE(storage::keyringFromJson("{\"format\":\"rekindle.keyring/9\"}", &error));
    CHECK(error.find("newer") != std::string::npos);
    std::string huge = text;
    huge.replace(huge.find("\"memlimit\": ") + 12, 4, "9999999999999");  // a hostile keyring cannot ask for terabytes
    CHECK_FALSE(storage::keyringFromJson(huge, &error));
}

TEST_CASE("protecting a folder seals every personal file, and every store still reads them") {
    Folder f;
    REQUIRE(!leaks(f.paths.dataDir).empty());  // the scan can see them while plain
    storage::ConversionReport report;
    REQUIRE_MESSAGE(storage::protectFolder(f.paths.dataDir, secret("pass phrase one"), storage::minimalKdfLimits(), report),
                    report.error);
    CHECK(report.skipped.empty());
    CHECK(report.converted == 5);  // 2 results, the index, 1 in the trash, 1 draft
    auto found = leaks(f.paths.dataDir);
    CHECK_MESSAGE(found.empty(), found.front());
    CHECK(storage::countFiles(f.paths.dataDir).plain == 0);
    CHECK(test::modeOf(storage::keyringPath(f.paths.dataDir)) == 0600);

    // Unlocked: everything reads as before, new writes are sealed too.
    auto rows = f.store().list();
    REQUIRE(rows.size() == 2);
    for (const auto& r : rows) CHECK_MESSAGE(r.readable, r.error);
    auto r0 = f.store().load("20261101T200000Z-check-in-demo-0000");
    REQUIRE(r0);
    CHECK(r0->notes.at("note") == "secret-note-0 about the kitchen argument");
    auto draft = storage::DraftStore(f.paths).load("check-in-demo");
    REQUIRE(draft);
    CHECK(draft->notes.at("s1") == "draft-reflection-text");
    auto fresh = fixtureResult("v1-check-in-1.json");
    fresh.id.clear();
    fresh.notes["note"] = "secret-note-0 again";
    std::string error;
    REQUIRE(f.store().save(fresh, &error));
    CHECK(leaks(f.paths.dataDir).empty());

    // Locked: nothing personal is readable or writable, and nothing is written plain.
    storage::lockFolder(f.paths.dataDir);
    rows = f.store().list();
    REQUIRE(rows.size() == 3);
    for (const auto& r : rows) CHECK(!r.readable);
    CHECK(!f.store().load("20261101T200000Z-check-in-demo-0000", &error));
    CHECK(error.find("unlock") != std::string::npos);
    CHECK_FALSE(storage::DraftStore(f.paths).save(*draft, &error));
    CHECK(error.find("locked") != std::string::npos);
    CHECK(leaks(f.paths.dataDir).empty());

    auto bad = storage::unlockFolder(f.paths.dataDir, secret("pass phrase two"));
    CHECK(bad.status == storage::UnlockStatus::WrongPassphrase);
    CHECK(!storage::isUnlocked(f.paths.dataDir));
    auto good = storage::unlockFolder(f.paths.dataDir, secret("pass phrase one"));
    REQUIRE(good.status == storage::UnlockStatus::Ok);
    CHECK(f.store().list().size() == 3);
    storage::lockFolder(f.paths.dataDir);
}

TEST_CASE("a flipped byte in one sealed result lists it as unreadable, the others load") {
    Folder f;
    storage::ConversionReport report;
    REQUIRE(storage::protectFolder(f.paths.dataDir, secret("flip"), storage::minimalKdfLimits(), report));
    fs::path victim = f.paths.resultsDir() / "20261101T200001Z-check-in-demo-0001.json";
    std::string bytes = rawBytes(victim);
    std::string before = bytes;
    bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x20);
    { std::ofstream(victim, std::ios::binary | std::ios::trunc) << bytes; }
    auto rows = f.store().list();
    REQUIRE(rows.size() == 2);
    int readable = 0;
    for (const auto& r : rows) {
        if (r.readable) ++readable;
        else CHECK(r.error.find("changed or damaged; cannot be opened with this key") != std::string::npos);
    }
    CHECK(readable == 1);
    // Removing protection leaves the damaged file exactly as it was (never overwritten) and opens the rest.
    storage::ConversionReport off;
    REQUIRE(storage::removeProtection(f.paths.dataDir, secret("flip"), off));
    CHECK(off.skipped.size() == 1);
    CHECK(rawBytes(victim) == bytes);
    CHECK(!storage::isProtected(f.paths.dataDir));
    CHECK(f.store().load("20261101T200000Z-check-in-demo-0000"));
}

TEST_CASE("changing the passphrase rewraps the key, removing protection brings every file back plain") {
    Folder f;
    std::string indexBefore = rawBytes(f.store().indexFile());
    storage::ConversionReport report;
    REQUIRE(storage::protectFolder(f.paths.dataDir, secret("old one"), storage::minimalKdfLimits(), report));
    std::string error;
    CHECK_FALSE(storage::changePassphrase(f.paths.dataDir, secret("not it"), secret("new one"), storage::minimalKdfLimits(), &error));
    REQUIRE_MESSAGE(storage::changePassphrase(f.paths.dataDir, secret("old one"), secret("new one"),
                                              storage::minimalKdfLimits(), &error), error);
    storage::lockFolder(f.paths.dataDir);
    CHECK(storage::unlockFolder(f.paths.dataDir, secret("old one")).status == storage::UnlockStatus::WrongPassphrase);
    REQUIRE(storage::unlockFolder(f.paths.dataDir, secret("new one")).status == storage::UnlockStatus::Ok);
    storage::ConversionReport off;
    REQUIRE_MESSAGE(storage::removeProtection(f.paths.dataDir, secret("new one"), off), off.error);
    CHECK(off.skipped.empty());
    CHECK(!storage::isProtected(f.paths.dataDir));
    CHECK(storage::countFiles(f.paths.dataDir).sealed == 0);
    CHECK(rawBytes(f.store().indexFile()) == indexBefore);
    CHECK(f.store().list().size() == 2);
    CHECK(storage::DraftStore(f.paths).load("check-in-demo"));
}

TEST_CASE("an interrupted sealing is finished at the next unlock") {
    Folder f;
    storage::ConversionReport report;
    REQUIRE(storage::protectFolder(f.paths.dataDir, secret("resume"), storage::minimalKdfLimits(), report));
    storage::lockFolder(f.paths.dataDir);
    // As if killed half-way: a plain file left, and the journal mark (an unverifiable one reads as "seal").
    fs::path plainDraft = f.paths.draftsDir() / "other-set.json";
    { std::ofstream(plainDraft) << "{\"format\":\"rekindle.draft/1\",\"setId\":\"other-set\",\"answers\":{},\"notes\":{\"s\":\"draft-reflection-text\"}}\n"; }
    std::string keyring = rawBytes(storage::keyringPath(f.paths.dataDir));
    keyring.insert(keyring.rfind('}'), ",\"conversion\":\"open\"");
    { std::ofstream(storage::keyringPath(f.paths.dataDir), std::ios::trunc) << keyring; }
    auto u = storage::unlockFolder(f.paths.dataDir, secret("resume"));
    REQUIRE_MESSAGE(u.status == storage::UnlockStatus::Ok, u.message);
    CHECK(u.converted == 1);
    CHECK(storage::isProtected(f.paths.dataDir));  // the forged "open" did not remove protection
    CHECK(leaks(f.paths.dataDir).empty());
    CHECK(rawBytes(storage::keyringPath(f.paths.dataDir)).find("conversion") == std::string::npos);
    storage::lockFolder(f.paths.dataDir);
}
