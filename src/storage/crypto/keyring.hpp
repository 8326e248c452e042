// `keyring.json` (`rekindle.keyring/1`): the data key, wrapped by a key derived from the passphrase with Argon2id.
// The only place the data key is ever written, and only wrapped. Also the journal of a conversion in progress.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/crypto/secret.hpp"

namespace rekindle::storage {

constexpr const char* kKeyringFormat = "rekindle.keyring/1";

struct KdfLimits {
    unsigned long long opslimit = 0;
    size_t memlimit = 0;
    bool operator==(const KdfLimits&) const = default;
};
KdfLimits moderateKdfLimits();  // libsodium's MODERATE: 3 passes over 256 MiB
KdfLimits minimalKdfLimits();   // for tests only: recorded in the keyring like any other limits
// The limits new keyrings get: moderate, or minimal when the test hook REKINDLE_TEST_WEAK_KDF=1 is set in a build
// with test hooks (never in the package build).
KdfLimits kdfLimitsForNewKeys();

// What a file conversion in progress is doing; recorded in the keyring so a killed conversion resumes.
enum class Conversion { None, Seal, Open };

struct Keyring {
    std::vector<unsigned char> salt;        // crypto_pwhash_SALTBYTES
    KdfLimits limits;
    std::vector<unsigned char> nonce;       // XChaCha20-Poly1305 nonce of the wrapped key
    std::vector<unsigned char> wrappedKey;  // data key + tag
    // Not covered by the wrapped key's authentication (it changes without the passphrase), so it carries its own
    // tag made with the data key: an edited "open" cannot trick an unlock into writing files in plain.
    Conversion conversion = Conversion::None;
    std::vector<unsigned char> conversionTag;
};

// Sets the journal mark with its tag (needs the unlocked data key).
void markConversion(Keyring& keyring, Conversion conversion, const SecretBytes& dataKey);
// The journal mark if its tag is right under dataKey; Seal when the tag is wrong (sealing is the safe direction).
Conversion verifiedConversion(const Keyring& keyring, const SecretBytes& dataKey);

std::string keyringToJson(const Keyring& keyring);
// Strict: unknown format, missing fields, bad sizes or limits outside sane bounds give nullopt with the reason.
std::optional<Keyring> keyringFromJson(const std::string& text, std::string* error);

// Wraps dataKey under a key derived from the passphrase with a fresh salt and nonce. False only when Argon2id
// cannot get its memory.
bool wrapDataKey(const SecretBytes& dataKey, const SecretBytes& passphrase, KdfLimits limits, Keyring& out,
                 std::string* error);

enum class UnwrapStatus { Ok, WrongPassphrase, OutOfMemory };
struct Unwrapped {
    UnwrapStatus status = UnwrapStatus::WrongPassphrase;
    SecretBytes dataKey;
};
// The slow part (Argon2id): run it off the UI thread.
Unwrapped unwrapDataKey(const Keyring& keyring, const SecretBytes& passphrase);

}  // namespace rekindle::storage
